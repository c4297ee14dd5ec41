"""In Chromium, every page shows hostile text from every field as typed: no image or link from it in the page, no
request to the attacker's host, and the words themselves on screen."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import running_app, wait_until_settled
from tests.hostile.text import make_hostile

PATHS = ["overview", "explorer?view=Themes", "explorer?view=Reach&by=division", "explorer?view=Feedback", "brief",
         "actions"]


@pytest.fixture(scope="module")
def hostile_app(sample_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory):
    """The real app, as the OD team, on a copy of the sample with the hostile string in every text field."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(sample_sqlite_url.removeprefix("sqlite:///"), folder / "hostile.db")
    with running_app(make_hostile(f"sqlite:///{folder / 'hostile.db'}"), "od_team", folder) as url:
        yield url


@pytest.mark.parametrize("path", PATHS)
def test_hostile_text_is_shown_as_typed_and_fetches_nothing(hostile_app: str, browser: Browser, path: str):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{hostile_app}/{path}")
    wait_until_settled(page)
    html = page.content()
    assert not [url for url in requested if "evil.example" in url or url.endswith("/x")]
    assert page.locator("img[src='x']").count() == 0
    at = html.find('href="https://evil.example')
    assert at < 0, html[max(at - 600, 0):at + 100]
    # The words as typed (an address carries an invisible word joiner, so no linker finds it).
    assert "[prize](https://evil.example) **bold**" in page.inner_text("body").replace("\u2060", "")
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()

