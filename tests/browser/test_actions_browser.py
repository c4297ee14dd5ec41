"""The Actions page in a real Chromium: chart drawn, figures from the database, the shared CSV download."""
from __future__ import annotations

import csv
from datetime import date

import pytest
from playwright.sync_api import Browser

from data_access.database import make_engine
from data_access.filters import Filters
from data_access.queries_actions import register, you_said_we_did
from tests.browser.conftest import download, open_page, save_screenshot

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_actions_render_read_only_and_the_shared_list_downloads(app_for_role, browser: Browser, sample_sqlite_url,
                                                                  width, height):
    page = open_page(browser, f"{app_for_role('executive')}/actions", width, height, charts=1)
    assert page.locator("[data-testid='stException']").count() == 0
    engine = make_engine(sample_sqlite_url)
    overdue = int(register(engine, Filters("R9Z"), TODAY)["overdue"].sum())
    shared = len(you_said_we_did(engine, Filters("R9Z")))
    engine.dispose()
    card = page.locator("[data-testid='stMetric']", has_text="Overdue").first
    assert card.locator("[data-testid='stMetricValue']").inner_text().strip() == str(overdue)
    assert page.get_by_text("Read only: the OD team keeps the register.").count() == 1
    assert save_screenshot(page, f"actions-{width}x{height}").stat().st_size > 10_000
    page.get_by_role("tab", name="You said, we did").click()
    with download(page, "Download as CSV").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == shared and "Owner" not in rows[0]
    page.close()
