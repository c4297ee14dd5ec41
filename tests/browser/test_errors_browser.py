"""In the real app a page that fails shows a plain message with a reference; the traceback goes only to the log."""
from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from playwright.sync_api import Browser

from tests.browser.axe_check import report, serious_violations
from tests.browser.conftest import open_page, running_app, save_screenshot


def without_benchmarks(sample_url: str, folder: Path) -> str:
    """A copy of the sample database whose benchmark table has gone: the Overview fails at its survey chart."""
    copy = folder / "broken.db"
    shutil.copy(sample_url.removeprefix("sqlite:///"), copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE benchmark_score")
    return f"sqlite:///{copy}"


def test_a_failing_page_shows_a_reference_and_logs_the_traceback(sample_sqlite_url, browser: Browser, tmp_path):
    with running_app(without_benchmarks(sample_sqlite_url, tmp_path), "executive", tmp_path) as url:
        page = open_page(browser, url)
        alert = page.locator("[data-testid='stAlert']", has_text="quote reference")
        alert.wait_for(timeout=30_000)
        reference = re.search(r"quote reference ([0-9a-f]{8})\.", alert.inner_text()).group(1)
        assert page.locator("[data-testid='stException']").count() == 0
        assert "Traceback" not in page.content() and "benchmark_score" not in page.content()
        assert page.locator("[data-testid='stMetric']", has_text="Sessions held").count() == 1
        violations = serious_violations(page)
        assert not violations, report(violations)
        assert save_screenshot(page, "error-reference-1400x900").stat().st_size > 10_000
        page.close()
    log = (tmp_path / "streamlit.log").read_text()
    assert f"ERROR bigconversation: Page failed, reference {reference}\nTraceback (most recent call last):" in log
    assert "no such table: benchmark_score" in log
