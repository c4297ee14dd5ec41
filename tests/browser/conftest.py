"""Browser tests: the real app under `streamlit run`, driven by Debian's Chromium through Playwright."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from data_access.config import PROJECT_ROOT
from tests.support.postgres_server import free_port

ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]


@contextmanager
def running_app(database_url: str, role: str, log_dir: Path, *, port: int | None = None, host: str = "127.0.0.1",
                options: tuple[str, ...] = (), env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free port of this machine only (as scripts/run.sh serves it) as the given
    role, with any further Streamlit options and environment; yields its base URL, on `host`."""
    port = port or free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "BC_AS_OF": "2026-11-23", "BC_ROLE": role, **(env or {})}
    with (log_dir / "streamlit.log").open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port",
                                   str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
                                   *options], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://{host}:{port}"
        try:
            _wait_for(f"{base}/_stcore/health", server)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_for_role(sample_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """One server per role against the seeded sample, started on first use, stopped at the end of the run."""
    with ExitStack() as stack:
        urls: dict[str, str] = {}

        def url_for(role: str) -> str:
            if role not in urls:
                log_dir = tmp_path_factory.mktemp(f"server-{role}")
                urls[role] = stack.enter_context(running_app(sample_sqlite_url, role, log_dir))
            return urls[role]

        yield url_for


@pytest.fixture(scope="session")
def app_url(app_for_role: Callable[[str], str]) -> str:
    return app_for_role("od_team")


@pytest.fixture
def cold_app_url(sample_sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    """A server of its own whose very first request is whatever the test opens."""
    with running_app(sample_sqlite_url, "od_team", tmp_path) as url:
        yield url


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.fail("Debian's chromium is not installed: run scripts/test.sh, which installs it.", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def open_page(browser: Browser, url: str, width: int = 1400, height: int = 900, *, charts: int = 0,
              ready: str = "h1") -> Page:
    """Open a URL and wait until `ready` shows, the script run has finished and `charts` charts have drawn."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    wait_until_settled(page, charts=charts, ready=ready)
    return page


def wait_until_settled(page: Page, *, charts: int = 0, ready: str = "h1") -> None:
    """Wait for the current script run to finish and at least `charts` Plotly charts to draw."""
    page.wait_for_selector(ready, timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_function(f"() => document.querySelectorAll('.stPlotlyChart .main-svg').length >= {charts}",
                           timeout=60_000)
    # Widgets whose code is still loading show as grey skeletons.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)


def download(page: Page, button: str) -> Path:
    """Click one of our download buttons once the page has settled; the downloaded file's path.

    Streamlit builds a deferred download on the click from the run that drew the button. A widget bound to the
    URL (the Actions tabs) starts a rerun when it changes, and a click in the moment before that rerun shows can
    ask for a file the new run has just withdrawn: then nothing downloads, so the click is made once more."""
    locator = page.locator("[data-testid='stDownloadButton'] button", has_text=button)  # not a table's toolbar
    for last in (False, True):
        wait_until_settled(page)
        try:
            with page.expect_download(timeout=20_000) as started:
                locator.click()
            return Path(started.value.path())
        except PlaywrightTimeoutError:
            if last:
                raise


def shown(locator: Locator) -> None:
    """Wait until exactly one such element shows: the run may still be drawing the page."""
    expect(locator).to_have_count(1, timeout=30_000)


def metric_value(page: Page, label: str) -> str:
    """The value shown on the first metric card with this label."""
    card = page.locator("[data-testid='stMetric']", has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text().strip()


def save_screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
