"""Every role on every page it may open: no exception, every chart drawn with a title, a headline number that
matches the database, exactly the role's pages in the navigation; and no page it may not open, even by URL."""
from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from datetime import date

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import Engine

from data_access.app_roles import role_table
from data_access.database import make_engine
from data_access.filters import Filters
from data_access.permissions import ROLE_LABELS, pages_for
from data_access.queries_actions import register
from data_access.queries_brief import open_actions, session_choices
from data_access.queries_feedback import sub_theme_by_series, theme_changes
from data_access.queries_imports import import_history
from data_access.queries_overview import headline_by_series
from tests.browser.conftest import metric_value, open_page, running_app, save_screenshot, shown
from tests.browser.role_pages import HIDDEN, VISIBLE, charts_on, path_for
from ui.page_list import page_title

TODAY = date(2026, 11, 23)
TRUST = Filters("R9Z")
THRESHOLD = 10
# Each chart's title, '' if it has none, or null if Plotly has not drawn it.
CHART_TITLES = ("() => [...document.querySelectorAll('.stPlotlyChart')].map(chart => chart.querySelector('.main-svg') "
                "? (chart.querySelector('.gtitle')?.textContent ?? '') : null)")


def overview_headline(page: Page, engine: Engine) -> tuple[str, str]:
    held = headline_by_series(engine, TRUST, TODAY).set_index("name").loc["Series 3", "sessions_held"]
    return metric_value(page, "Sessions held"), str(held)


def explorer_headline(page: Page, engine: Engine) -> tuple[str, str]:
    """How many sub-themes grew in the latest series, in the Themes view's summary."""
    changes = theme_changes(sub_theme_by_series(engine, TRUST, THRESHOLD))
    latest = changes[changes["series"] == changes["series"].iloc[-1]]
    summary = page.get_by_text(re.compile("sub-themes? (were|was) raised for the first time")).inner_text()
    return re.search(r", (\d+) grew and ", summary).group(1), str(int((latest["status"] == "growing").sum()))


def brief_headline(page: Page, engine: Engine) -> tuple[str, str]:
    """Open actions on the element of the session briefed by default, the first upcoming one."""
    session_id = int(session_choices(engine, TRUST.org_code, TODAY)["session_id"].iloc[0])
    shown = page.get_by_text(re.compile(r"^\d+ open actions?, ")).inner_text()
    return shown.split()[0], str(len(open_actions(engine, session_id, TODAY)))


def actions_headline(page: Page, engine: Engine) -> tuple[str, str]:
    return metric_value(page, "Actions"), str(len(register(engine, TRUST, TODAY)))


def import_headline(page: Page, engine: Engine) -> tuple[str, str]:
    """Rows in the past-imports table (the grid counts its header row too)."""
    grid = page.locator("[data-testid='stDataFrame'] table[role='grid']")
    return str(int(grid.get_attribute("aria-rowcount")) - 1), str(len(import_history(engine)))


def access_headline(page: Page, engine: Engine) -> tuple[str, str]:
    """Emails in the role table: none in the sample, which the page says in words."""
    none = page.get_by_text("Nobody has a role from this table yet.").count() == 1
    grid = page.locator("[data-testid='stDataFrame'] table[role='grid']").first
    return "0" if none else str(int(grid.get_attribute("aria-rowcount")) - 1), str(len(role_table(engine)))


HEADLINES: dict[str, Callable[[Page, Engine], tuple[str, str]]] = {
    "overview": overview_headline, "explorer": explorer_headline, "brief": brief_headline,
    "actions": actions_headline, "import": import_headline, "access": access_headline}


def chart_titles(page: Page) -> list[str | None]:
    """Each chart's title once every chart has drawn, or after 30 seconds with None for those that have not."""
    with suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({CHART_TITLES})().every(title => title !== null)", timeout=30_000)
    return page.evaluate(CHART_TITLES)


def navigation_titles(page: Page) -> list[str]:
    return [link.get_attribute("label") for link in page.locator("[data-testid='stSidebarNavLink'] span[label]").all()]


def test_every_page_has_a_headline_check():
    assert {key for _, key in VISIBLE} == set(HEADLINES)


@pytest.mark.parametrize(("role", "key"), VISIBLE)
def test_a_page_the_role_may_open_renders_its_charts_and_database_figures(app_for_role, browser: Browser,
                                                                          sample_sqlite_url, role, key):
    path = path_for(role, key)
    page = open_page(browser, f"{app_for_role(role)}/{path}", charts=charts_on(path))
    assert page.locator("h1", has_text=page_title(key)).count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_role("dialog").count() == 0
    titles = chart_titles(page)
    assert len(titles) >= charts_on(path) and None not in titles and "" not in titles, titles
    assert page.locator("[data-testid='stExpander']", has_text="Table behind this chart").count() >= len(titles)
    engine = make_engine(sample_sqlite_url)
    shown, expected = HEADLINES[key](page, engine)
    engine.dispose()
    assert shown == expected
    assert navigation_titles(page) == [page_title(k) for k in pages_for(role)]
    assert save_screenshot(page, f"role-{role}-{key}").stat().st_size > 10_000
    page.close()


@pytest.mark.parametrize(("role", "key"), HIDDEN)
def test_a_page_the_role_may_not_open_says_so_at_its_url(app_for_role, browser: Browser, role, key):
    page = open_page(browser, f"{app_for_role(role)}/{key}")
    assert page.locator("h1").first.inner_text() == "Not available"
    shown(page.get_by_text(f"The {page_title(key)} page is not available to your role ({ROLE_LABELS[role]})."))
    assert page.locator("h1", has_text=page_title(key)).count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert page_title(key) not in navigation_titles(page)
    page.close()


def test_a_cold_server_does_not_open_a_forbidden_page_asked_for_first(sample_sqlite_url, browser: Browser, tmp_path):
    """Streamlit's legacy pages-folder mode runs a page file on its own for a server's first request."""
    with running_app(sample_sqlite_url, "facilitator", tmp_path) as url:
        page = open_page(browser, f"{url}/explorer?view=Reach")
        assert page.locator("h1").first.inner_text() == "Not available"
        assert page.locator("h1", has_text="Theme explorer").count() == 0
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()
