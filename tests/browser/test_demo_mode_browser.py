"""Local demo mode (no `[auth]`): scripts/run.sh serves this machine only and says so; the app says nobody is signed
in; and a server without sign-in that listens beyond this machine shows nothing unless told it may."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sqlalchemy.engine import make_url

from data_access.config import PROJECT_ROOT
from tests.browser.conftest import _wait_for, open_page, running_app, shown
from tests.support.postgres_server import free_port

pytestmark = pytest.mark.browser
OPEN = ("--server.address", "0.0.0.0")


def outward_address() -> str:
    """This machine's address on its network (no packet is sent: a UDP socket only picks its route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            pytest.skip("this machine has no network address besides loopback")
        address = probe.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("this machine has no network address besides loopback")
    return address


def answers(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=3):
            return True
    except OSError:
        return False


@pytest.fixture
def run_sh(sample_sqlite_url: str, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """scripts/run.sh, as the README starts the app, on a copy of the sample; yields its port and its log."""
    copy = tmp_path / "copy.db"
    shutil.copy(make_url(sample_sqlite_url).database, copy)
    port, log_path = free_port(), tmp_path / "run.log"
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{copy}"}
    with log_path.open("w") as log:
        server = subprocess.Popen(["scripts/run.sh"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            _wait_for(f"http://127.0.0.1:{port}/_stcore/health", server, seconds=180)
            yield port, log_path
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)


def test_run_sh_serves_this_machine_only_and_says_so(run_sh, browser: Browser):
    port, log = run_sh
    address = outward_address()
    assert answers("127.0.0.1", port)
    assert not answers(address, port), f"scripts/run.sh answers on {address}"
    assert f"Serving on http://127.0.0.1:{port} only" in log.read_text()
    page = open_page(browser, f"http://127.0.0.1:{port}/")
    shown(page.get_by_text("Running without sign-in (local demo mode)"))
    page.close()


def test_serving_beyond_this_machine_without_sign_in_shows_nothing(sample_sqlite_url, browser: Browser, tmp_path):
    with running_app(sample_sqlite_url, "od_team", tmp_path, options=OPEN) as url:
        page = open_page(browser, f"{url}/actions")
        shown(page.get_by_text("This server has no sign-in configured and is listening beyond this machine"))
        assert page.locator("h1").first.inner_text() == "Big Conversation"
        assert page.locator("[data-testid='stSidebarNavLink']").count() == 0
        page.close()


def test_serving_beyond_this_machine_without_sign_in_needs_the_explicit_setting(sample_sqlite_url, browser: Browser,
                                                                               tmp_path):
    with running_app(sample_sqlite_url, "executive", tmp_path, options=OPEN,
                     env={"BC_SERVE_WITHOUT_SIGN_IN": "1"}) as url:
        page = open_page(browser, url)
        assert page.locator("h1").first.inner_text() == "Overview"
        shown(page.get_by_text("Running without sign-in (local demo mode)"))
        page.close()
