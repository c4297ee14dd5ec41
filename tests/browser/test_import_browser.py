"""The Import page in a real Chromium: upload a file, see the preview counts; nothing is committed."""
from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from data_access.config import SAMPLE_FOLDER
from tests.browser.conftest import metric_value, open_page, save_screenshot, wait_until_settled
from tests.helpers import csv_rows, report_participants, teams_reports


def upload(page: Page, path) -> None:
    # After a change of kind the old uploader lingers until the rerun has drawn the new one.
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stFileUploader\"]').length === 1")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    page.locator("[data-testid='stMetric']", has_text="Rows read").first.wait_for(timeout=60_000)
    wait_until_settled(page)


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_uploading_sessions_previews_them_as_already_there(app_url, browser: Browser, width, height) -> None:
    page = open_page(browser, f"{app_url}/import", width, height)
    assert page.locator("h1", has_text="Import data").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    upload(page, SAMPLE_FOLDER / "sessions.csv")
    rows = str(len(csv_rows("sessions.csv")))
    assert (metric_value(page, "Rows read"), metric_value(page, "Added"), metric_value(page, "Unchanged")) == \
        (rows, "0", rows)
    assert page.get_by_role("button", name="Commit this import").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert save_screenshot(page, f"import-sessions-{width}x{height}").stat().st_size > 10_000
    page.close()


def test_a_teams_report_previews_with_its_attendees(app_url, browser: Browser) -> None:
    page = open_page(browser, f"{app_url}/import")
    page.locator("[data-testid='stSelectbox']", has_text="What are you importing?").click()
    page.get_by_role("option", name="Teams attendance report").click()
    page.get_by_text("A Microsoft Teams attendance report (.csv) for one session.").wait_for()
    page.locator("[data-testid='stFileUploader'] input[accept='application/streamlit,.csv']").wait_for(state="attached")
    wait_until_settled(page)
    report = teams_reports()[0]
    upload(page, report)
    assert metric_value(page, "Rows read") == str(len(report_participants(report)))
    assert metric_value(page, "Added") == "0"
    assert page.get_by_text("organisers and presenters are kept").count() == 1
    page.set_viewport_size({"width": 1400, "height": 900})
    page.mouse.wheel(0, 400)
    assert save_screenshot(page, "import-attendance-1400x900").stat().st_size > 10_000
    page.close()
