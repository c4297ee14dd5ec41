"""Signed in with st.login (AppTest's st.user): each role sees its home and pages and is told a page is not
available to it; no role, or not signed in, shows one plain page; the OD team keeps the role table; demo mode says
that nobody is signed in."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from data_access.config import ROLES
from data_access.database import make_engine
from data_access.models import NoAccessAttempt
from data_access.permissions import ROLE_LABELS, pages_for
from formats.markup import markdown_text
from ui.access_pages import NO_ACCESS
from ui.page_list import PAGE_SCRIPTS, page_title


def signed_in(email: str, *roles: str) -> dict:
    return {"is_logged_in": True, "email": email, "name": "A Person", "roles": list(roles)}


def open_address(at: AppTest, key: str) -> AppTest:
    """Open the page at /key. AppTest's switch_page finds a page by its file; a page drawn by a function (a page not
    available to the role) has none, so it is found by its address, as a browser asks for it."""
    pages = at._registered_pages
    at._page_hash = next(page for page, info in pages.items() if info.get("url_pathname") == key)
    return at.run()


def sidebar_line(email: str, role: str) -> str:
    return f"Signed in as: {markdown_text(email)}  \nRole: {ROLE_LABELS[role]}"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_lands_on_its_home_page_and_the_sidebar_says_who_is_signed_in(app, role):
    at = app(user=signed_in(f"{role}@trust.nhs.uk", role))
    assert not at.exception
    assert at.title[0].value == page_title(pages_for(role)[0])
    assert at.sidebar.caption[-1].value == sidebar_line(f"{role}@trust.nhs.uk", role)
    assert at.sidebar.button(key="sign_out").label == "Sign out"
    assert not at.sidebar.warning  # no demo-mode banner


@pytest.mark.parametrize(("role", "key"), [(role, key) for role in ROLES for key in PAGE_SCRIPTS])
def test_a_page_opens_for_a_role_that_may_see_it_and_says_it_is_not_available_to_any_other(app, role, key):
    at = app(user=signed_in(f"{role}@trust.nhs.uk", role))
    title = page_title(key)
    open_address(at, key)
    assert not at.exception
    if key in pages_for(role):
        assert at.title[0].value == title
    else:
        assert at.title[0].value == "Not available"
        assert at.warning[0].value == f"The {title} page is not available to your role ({ROLE_LABELS[role]})."


def test_a_facilitator_lands_on_the_brief_for_the_next_session(app):
    at = app(user=signed_in("fac@trust.nhs.uk", "facilitator"))
    assert at.title[0].value == "Session brief"
    picker = at.selectbox(key="session")
    assert picker.options[picker.index].endswith("(upcoming)")


def test_only_editors_get_the_action_forms(app):
    for role in ROLES:
        at = app(user=signed_in(f"{role}@trust.nhs.uk", role))
        at.switch_page("pages/actions.py").run()
        headers = [h.value for h in at.header]
        assert ("Edit an action" in headers) == (role == "od_team"), role


def test_not_signed_in_shows_only_the_sign_in_page_at_every_address(app):
    at = app(user={"is_logged_in": False})
    assert at.title[0].value == "Big Conversation"
    assert at.button[0].label == "Sign in"
    assert not at.sidebar.multiselect and not at.sidebar.caption
    open_address(at, "import")
    assert at.title[0].value == "Big Conversation" and at.button[0].label == "Sign in"


def test_a_user_with_no_role_sees_only_that_and_is_recorded_once(app, own_copy):
    at = app(database_url=own_copy, user=signed_in("new.starter@trust.nhs.uk", "Global Reader"))
    assert at.title[0].value == "No access yet"
    assert at.info[0].value == NO_ACCESS
    assert not at.sidebar.multiselect
    at.run()
    open_address(at, "actions")
    assert at.title[0].value == "No access yet"
    engine = make_engine(own_copy)
    with engine.connect() as conn:
        assert conn.execute(select(NoAccessAttempt.email, func.count()).group_by(NoAccessAttempt.email)).all() == [
            ("new.starter@trust.nhs.uk", 1)]
    engine.dispose()


def test_the_od_team_gives_a_role_in_the_app_and_that_user_then_has_it(app, own_copy, monkeypatch):
    monkeypatch.setenv("BC_FIRST_ADMIN", "lead@trust.nhs.uk")
    tried = app(database_url=own_copy, user=signed_in("sam@trust.nhs.uk"))
    assert tried.title[0].value == "No access yet"
    at = app(database_url=own_copy, user=signed_in("LEAD@trust.nhs.uk"))  # the first administrator, no claim
    assert at.title[0].value == "Overview"
    at.switch_page("pages/access.py").run()
    assert at.title[0].value == "Access"
    assert at.dataframe[-1].value["Email"].tolist() == ["sam@trust.nhs.uk"]  # signed in without a role
    at.text_input(key="role_email").input("Sam@trust.nhs.uk")
    at.selectbox(key="role_role").set_value("facilitator")
    at.button[0].click().run()
    assert at.success[0].value == markdown_text("sam@trust.nhs.uk is now Facilitator.")
    shown = at.dataframe[0].value
    assert shown[["Email", "Role", "Given by"]].values.tolist() == [["sam@trust.nhs.uk", "Facilitator",
                                                                      "lead@trust.nhs.uk"]]
    assert app(database_url=own_copy, user=signed_in("sam@trust.nhs.uk")).title[0].value == "Session brief"


def test_signing_out_returns_to_the_sign_in_page(app):
    at = app(user=signed_in("exec@trust.nhs.uk", "executive"))
    at.sidebar.button(key="sign_out").click().run()
    assert at.user == {"is_logged_in": False}
    assert not at.title  # the browser is sent to the sign-out address; nothing more is drawn
    at.run()
    assert at.title[0].value == "Big Conversation" and at.button[0].label == "Sign in"


def test_demo_mode_says_nobody_is_signed_in(app):
    at = app(role="facilitator")
    assert at.title[0].value == "Session brief"
    assert "Running without sign-in" in at.sidebar.warning[0].value
    assert at.sidebar.caption[-1].value == "Signed in as: Facilitator"
