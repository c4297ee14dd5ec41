"""What is shown instead of a page: sign in, no access yet, a page not available to the role, the demo-mode banner
and who is signed in."""
from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

import streamlit as st

from data_access.permissions import ROLE_LABELS, Actor
from formats.markup import markdown_text
from ui.page_list import PAGE_SCRIPTS, page_title
from ui.sign_in import signed_in

NO_ACCESS = "You have no access yet. Ask the OD team to give you a role."
DEMO_BANNER = ("Running without sign-in (local demo mode): anyone who can reach this server acts as "
               "{role}. See the README, Signing in, before serving it to others.")
OPEN_DEMO_REFUSED = ("This server has no sign-in configured and is listening beyond this machine, so it shows "
                     "nothing. Configure sign-in (README, Signing in), serve on 127.0.0.1 only (as scripts/run.sh "
                     "does), or set BC_SERVE_WITHOUT_SIGN_IN=1 if every machine that can reach it may see and "
                     "change everything.")


def sign_in_page() -> None:
    st.title("Big Conversation")
    st.write("Sign in with your organisation account to open the dashboard.")
    if st.button("Sign in", type="primary", icon=":material/login:"):
        st.login()


def sign_out_button(where=st) -> None:
    """Sign out: the browser goes to Streamlit's logout (and the provider's); nothing more of this run is drawn. (A
    rerun here would drop that redirect, leaving the sign-in cookie in place.)"""
    if signed_in() and where.button("Sign out", icon=":material/logout:", key="sign_out"):
        st.logout()
        st.stop()


def no_access_page(actor: Actor) -> Callable[[], None]:
    def say() -> None:
        st.title("No access yet")
        st.info(NO_ACCESS, icon=":material/lock:")
        st.caption(f"Signed in as {markdown_text(actor.user)}.")
        sign_out_button()
    return say


def refused_open_demo_page() -> None:
    st.title("Big Conversation")
    st.error(OPEN_DEMO_REFUSED, icon=":material/block:")


def gate(show: Callable[[], None], title: str) -> NoReturn:
    """Show only this, at every page's address: the sign-in or no-access page, with no navigation."""
    default = st.Page(show, title=title, url_path="welcome", default=True)
    others = [st.Page(show, title=title, url_path=key, visibility="hidden") for key in PAGE_SCRIPTS]
    st.navigation([default, *others], position="hidden").run()
    st.stop()


def not_available(key: str, role: str) -> st.Page:
    """A page the role may not open, at its own address: it says so rather than "Page not found"."""
    def say() -> None:
        st.title("Not available")
        st.warning(f"The {page_title(key)} page is not available to your role ({ROLE_LABELS.get(role, role)}).",
                   icon=":material/block:")
    return st.Page(say, title=page_title(key), url_path=key, visibility="hidden")


def who_is_signed_in(actor: Actor, demo: bool) -> None:
    """The sidebar's line on who is signed in and their role; in demo mode, the banner that nobody is."""
    label = ROLE_LABELS.get(actor.role, actor.role)
    if demo:
        st.sidebar.warning(DEMO_BANNER.format(role=label), icon=":material/warning:")
        st.sidebar.caption(f"Signed in as: {label}")
        return
    st.sidebar.caption(f"Signed in as: {markdown_text(actor.user)}  \nRole: {label}")
    sign_out_button(st.sidebar)
