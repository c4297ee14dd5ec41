"""Signing in end to end: the real app with `[auth]` pointing at a real OIDC provider running in the test
(oidc-provider-mock), in Chromium. One user per role and one with no role: each signs in, sees exactly their role's
pages and home, is told a page is not available to them, cannot reach the writes they may not make, and signs out."""
from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Browser, Page
from sqlalchemy import select
from sqlalchemy.engine import make_url

from data_access.config import ROLES
from data_access.database import make_engine
from data_access.models import NoAccessAttempt
from data_access.permissions import ROLE_LABELS, pages_for
from tests.browser.conftest import running_app, save_screenshot, shown, wait_until_settled
from tests.support.postgres_server import free_port
from ui.page_list import PAGE_SCRIPTS, page_title

EMAILS = {role: f"{role.replace('_', '.')}@northmoor.example.nhs.uk" for role in ROLES}
NO_ROLE = "new.starter@northmoor.example.nhs.uk"
SIGN_IN_PAGE = "Big Conversation"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The identity provider: each user's ID token carries their app role in its roles claim, as Entra ID's does."""
    users = [User(sub=email, claims={"email": email, "name": ROLE_LABELS[role], "roles": [role]})
             for role, email in EMAILS.items()]
    users.append(User(sub=NO_ROLE, claims={"email": NO_ROLE, "name": "New Starter"}))
    with run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def database(sample_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the sample: a sign-in without a role is recorded."""
    copy = tmp_path_factory.mktemp("signed-in-db") / "copy.db"
    shutil.copy(make_url(sample_sqlite_url).database, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="module")
def app(provider: str, database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with sign-in configured as the README says, in a secrets file of its own."""
    port, folder = free_port(), tmp_path_factory.mktemp("signed-in-app")
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(f'''[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "{secrets.token_hex(32)}"
client_id = "big-conversation"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"
''')
    with running_app(database, "od_team", folder, port=port, host="localhost",
                     options=("--secrets.files", str(secrets_file))) as url:
        yield url


def navigation_titles(page: Page) -> list[str]:
    return [link.get_attribute("label") for link in page.locator("[data-testid='stSidebarNavLink'] span[label]").all()]


def heading(page: Page) -> str:
    wait_until_settled(page)
    return page.locator("h1").first.inner_text()


def sign_in(browser: Browser, app: str, email: str) -> Page:
    """Open the app in a browser of its own, press Sign in and choose the user at the provider."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(app)
    assert heading(page) == SIGN_IN_PAGE
    assert navigation_titles(page) == []
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    page.get_by_role("button", name=email, exact=True).click()
    page.wait_for_url(f"{app}/**", timeout=30_000)
    return page


def sign_out(page: Page, app: str) -> None:
    """Sign out of the app, end the session at the provider, and be back at the sign-in page."""
    page.get_by_role("button", name="Sign out").click()
    end = page.get_by_role("button", name="End session")
    end.wait_for(timeout=30_000)
    end.click()
    page.wait_for_url(f"{app}/**", timeout=30_000)
    assert heading(page) == SIGN_IN_PAGE
    page.goto(f"{app}/actions")
    assert heading(page) == SIGN_IN_PAGE


@pytest.mark.parametrize("role", ROLES)
def test_each_role_signs_in_sees_its_pages_is_refused_the_rest_and_signs_out(browser: Browser, app: str, role: str):
    page = sign_in(browser, app, EMAILS[role])
    home = pages_for(role)[0]
    assert heading(page) == page_title(home)
    assert navigation_titles(page) == [page_title(key) for key in pages_for(role)]
    signed_in = page.get_by_text("Signed in as:")
    shown(signed_in)  # the address carries an invisible word joiner, so that it is not a live link
    assert signed_in.inner_text().replace("\u2060", "").startswith(f"Signed in as: {EMAILS[role]}\n")
    shown(page.get_by_text(f"Role: {ROLE_LABELS[role]}"))
    assert page.get_by_text("Running without sign-in").count() == 0
    save_screenshot(page, f"signed-in-{role}-{home}")
    for key in PAGE_SCRIPTS:
        page.goto(f"{app}/{key}")
        if key in pages_for(role):
            assert heading(page) == page_title(key)
        else:
            assert heading(page) == "Not available"
            shown(page.get_by_text(f"The {page_title(key)} page is not available to your role"))
            assert page.get_by_text("Page not found").count() == 0
    page.goto(f"{app}/actions")
    assert heading(page) == "Actions"
    editing, read_only = (page.get_by_role("heading", name="Edit an action"),
                          page.get_by_text("Read only: the OD team keeps the register."))
    if role == "od_team":
        shown(editing)
        assert read_only.count() == 0
    else:
        shown(read_only)
        assert editing.count() == 0 and page.get_by_text("Add an action").count() == 0
        assert page.get_by_role("columnheader", name="Internal note").count() == 0
    sign_out(page, app)
    page.context.close()


def test_a_user_with_no_role_sees_only_that_they_have_no_access_and_is_recorded(browser: Browser, app: str,
                                                                                 database: str):
    page = sign_in(browser, app, NO_ROLE)
    assert heading(page) == "No access yet"
    shown(page.get_by_text("You have no access yet. Ask the OD team to give you a role."))
    assert navigation_titles(page) == []
    assert page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").count() == 0
    save_screenshot(page, "signed-in-no-role")
    for key in PAGE_SCRIPTS:
        page.goto(f"{app}/{key}")
        assert heading(page) == "No access yet"
    engine = make_engine(database)
    with engine.connect() as conn:
        assert NO_ROLE in conn.execute(select(NoAccessAttempt.email)).scalars().all()
    engine.dispose()
    sign_out(page, app)
    page.context.close()
