"""The Overview in a real Chromium: a cold-server deep link, rendered charts, numbers from the database."""
from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser

from data_access import queries_overview as q
from data_access.database import make_engine
from data_access.filters import Filters
from tests.browser.conftest import metric_value, open_page, save_screenshot

TODAY = date(2026, 11, 23)


def series_3(url: str, elements: tuple[str, ...] = ()) -> dict:
    engine = make_engine(url)
    figures = q.headline_by_series(engine, Filters("R9Z", elements=elements), TODAY).set_index("name").loc["Series 3"]
    engine.dispose()
    return figures.to_dict()


def test_a_shared_link_is_the_first_request_and_still_shows_its_view(cold_app_url, browser, sample_sqlite_url):
    """On a fresh server Streamlit's legacy pages-folder mode must not bypass dashboard.py."""
    page = open_page(browser, f"{cold_app_url}/overview?element=Safe+and+healthy", charts=2)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Safe and healthy" in page.locator("[data-testid='stSidebar']").inner_text()
    assert metric_value(page, "Sessions held") == str(series_3(sample_sqlite_url, ("PP4",))["sessions_held"])
    assert "element=Safe+and+healthy" in page.url
    page.close()


def test_every_page_has_its_own_url_and_the_root_opens_the_first(app_url, browser: Browser):
    """Streamlit serves its default page only at the root; /overview must not say "Page not found"."""
    # The root first: a server's very first request is handled apart (see ui.page), and would hide the fault.
    for path, expected in [("/?element=Safe+and+healthy", "/overview?element=Safe+and+healthy"),
                           ("/overview?element=Safe+and+healthy", "/overview?element=Safe+and+healthy")]:
        page = open_page(browser, f"{app_url}{path}", charts=2)
        assert page.get_by_text("Page not found").count() == 0
        assert page.url == f"{app_url}{expected}"
        assert page.locator("h1").first.inner_text() == "Overview"
        assert "Safe and healthy" in page.locator("[data-testid='stSidebar']").inner_text()
        page.close()


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_overview_renders_with_database_numbers(app_url, browser: Browser, sample_sqlite_url, width, height):
    page = open_page(browser, app_url, width, height, charts=2)
    expected = series_3(sample_sqlite_url)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlert']", has_text="error").count() == 0
    assert metric_value(page, "Sessions held") == str(expected["sessions_held"])
    assert metric_value(page, "Attendances") == f"{expected['attendances']:,}"
    assert metric_value(page, "Actions overdue") == str(expected["actions_overdue"])
    assert page.locator(".stPlotlyChart .main-svg").count() >= 2
    assert save_screenshot(page, f"overview-{width}x{height}").stat().st_size > 10_000
    page.close()


@pytest.mark.parametrize(("path", "title", "sidebar", "charts"), [
    ("explorer?view=Reach&staff_group=Students", "Theme explorer", "Students", 2),
    ("import", "Import data", "Filters", 0),
])
def test_a_cold_deep_link_to_another_page_opens_that_page(cold_app_url, browser, path, title, sidebar, charts):
    page = open_page(browser, f"{cold_app_url}/{path}", charts=charts)
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.wait_for(timeout=30_000)
    assert page.locator("h1", has_text=title).count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert sidebar in page.locator("[data-testid='stSidebar']").inner_text()
    assert path.split("?")[0] in page.url
    page.close()
