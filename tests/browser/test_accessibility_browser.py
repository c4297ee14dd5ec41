"""axe-core on every page and explorer view, with every expander open: no serious or critical violation."""
from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.axe_check import report, serious_violations
from tests.browser.conftest import open_page, wait_until_settled
from tests.browser.role_pages import axe_views, charts_on


def open_expanders(page: Page) -> None:
    """Open every closed expander in view, so the tables behind the charts and the forms are checked too."""
    closed = page.locator("[data-testid='stExpander'] details:not([open]) > summary:visible")
    while closed.count():
        closed.first.click()
    wait_until_settled(page)


@pytest.mark.parametrize(("role", "path"), axe_views())
def test_no_serious_or_critical_accessibility_violations(app_for_role, browser: Browser, role, path):
    page = open_page(browser, f"{app_for_role(role)}/{path}", charts=charts_on(path))
    open_expanders(page)
    # An open dialog makes the rest of the page inert, and axe would check only the dialog.
    assert page.get_by_role("dialog").count() == 0
    violations = serious_violations(page)
    assert not violations, report(violations)
    page.close()


def test_the_check_reports_a_serious_violation_when_there_is_one(app_for_role, browser: Browser):
    page = open_page(browser, app_for_role("executive"), charts=charts_on(""))
    # Outside the app's root, so a redraw of the page cannot take them away.
    page.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<img id="probe-image" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        + '<button id="probe-button"></button>')""")
    violations = {v["id"]: v for v in serious_violations(page)}
    assert {"image-alt", "button-name"} <= set(violations)
    assert [node["target"] for node in violations["image-alt"]["nodes"]] == [["#probe-image"]]
    assert [node["target"] for node in violations["button-name"]["nodes"]] == [["#probe-button"]]
    expected = "image-alt (critical): Images must have alternative text\n    #probe-image"
    assert expected in report(list(violations.values()))
    page.close()
