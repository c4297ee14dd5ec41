"""The Session brief in a real Chromium: charts drawn, a number from the database, the Markdown download."""
from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser

from data_access.database import make_engine
from data_access.queries_brief import open_actions, session_choices
from formats.british import counted
from tests.browser.conftest import download, open_page, save_screenshot
from tests.helpers import attendees_by_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_brief_renders_and_its_markdown_downloads(app_for_role, browser: Browser, sample_sqlite_url, width, height):
    page = open_page(browser, f"{app_for_role('facilitator')}/brief", width, height, charts=2)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator(".stPlotlyChart .main-svg").count() >= 2
    engine = make_engine(sample_sqlite_url)
    session_id = int(session_choices(engine, "R9Z", TODAY)["session_id"].iloc[0])
    expected_open = len(open_actions(engine, session_id, TODAY))
    engine.dispose()
    assert page.get_by_text(f"{counted(expected_open, 'open action')},").count() == 1
    text = download(page, "Download the brief (Markdown)").read_text(encoding="utf-8")
    assert text.startswith("# Session brief: Supporting carers at work")
    assert f"| {attendees_by_date()['2025-04-24']} |" in text
    assert save_screenshot(page, f"brief-{width}x{height}").stat().st_size > 10_000
    page.close()
