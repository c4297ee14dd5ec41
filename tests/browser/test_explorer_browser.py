"""The theme explorer in a real Chromium: each view renders, a filter change redraws, a download reads back."""
from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import download, open_page, save_screenshot, wait_until_settled
from tests.helpers import csv_rows

SEARCH = '"car park" OR parking'


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
@pytest.mark.parametrize(("view", "charts"), [("Themes", 2), ("Reach", 2), ("Feedback", 0)])
def test_each_view_renders_without_errors(app_url, browser: Browser, view, charts, width, height):
    page = open_page(browser, f"{app_url}/explorer?view={view}", width, height, charts=charts)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1", has_text="Theme explorer").count() == 1
    assert save_screenshot(page, f"explorer-{view.lower()}-{width}x{height}").stat().st_size > 10_000
    page.close()


def test_search_filters_highlights_safely_and_downloads(app_url, browser: Browser):
    page = open_page(browser, f"{app_url}/explorer?view=Feedback")
    search = page.get_by_role("textbox", name="Search the feedback")
    search.fill(SEARCH)
    search.press("Enter")
    expected = [r["text"] for r in csv_rows("feedback.csv") if "car park" in r["text"].lower()
                or "parking" in r["text"].lower()]
    metric = page.locator("[data-testid='stMetric']", has_text="Matching items")
    metric.locator("[data-testid='stMetricValue']", has_text=str(len(expected))).wait_for(timeout=30_000)
    wait_until_settled(page)
    assert "q=" in page.url and "parking" in page.url
    assert page.locator("[data-testid='stMarkdownContainer'] mark, [data-testid='stMarkdownContainer'] span",
                        has_text="parking").count() > 0
    rows = list(csv.DictReader(io.StringIO(download(page, "Download CSV").read_bytes().decode("utf-8-sig"))))
    assert sorted(r["text"] for r in rows) == sorted(expected)
    page.close()


def test_keyboard_alone_changes_a_filter(app_url, browser: Browser):
    page = open_page(browser, f"{app_url}/explorer?view=Reach", charts=2)
    page.get_by_role("radio", name="Staff group").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.get_by_text("Who we reach, by division").wait_for(timeout=30_000)
    wait_until_settled(page, charts=2)
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()
