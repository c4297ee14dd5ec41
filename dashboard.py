"""Big Conversation dashboard: page set-up, who the user is, navigation per role, shared filters."""
from __future__ import annotations

import logging

import streamlit as st

from data_access.permissions import Actor, pages_for
from ui.access_pages import gate, no_access_page, not_available, refused_open_demo_page, sign_in_page, who_is_signed_in
from ui.cache import note_data_version
from ui.context import ready_database, settings
from ui.errors import run_safely
from ui.filters import sidebar_filters
from ui.page import follow_deep_link, query_string
from ui.page_list import PAGE_SCRIPTS
from ui.sign_in import access_settings, identify, note_no_access, refuse_open_demo, sign_in_configured
from ui.styles import apply_styles

PAGES = {key: st.Page(script, title=title, icon=icon, url_path=key)
         for key, (script, title, icon) in PAGE_SCRIPTS.items()}


def root_page(first: st.Page) -> st.Page:
    """The app's root URL, hidden from the menu, opens the role's first page. Streamlit serves its default page
    only at the root, so without this the first page would have no URL of its own: /overview said "Page not
    found"."""
    def open_first() -> None:
        st.switch_page(first, query_params=query_string())
    return st.Page(open_first, title=first.title, icon=first.icon, url_path="home", default=True, visibility="hidden")


def signed_in_with_a_role() -> Actor:
    """Who is acting, with a role; anyone else sees only the sign-in, no-access or refusal page."""
    if refuse_open_demo():
        gate(refused_open_demo_page, "Big Conversation")
    actor = identify()
    if actor is None:
        gate(sign_in_page, "Sign in")
    if not pages_for(actor.role):
        note_no_access(actor)
        gate(no_access_page(actor), "No access yet")
    return actor


def main() -> None:
    """Who the user is, their navigation and the shared filters, then the page they opened."""
    try:
        config = settings()
        access_settings()
    except ValueError as problem:
        st.error(f"The dashboard's configuration needs attention: {problem}")
        st.stop()
    ready_database(config.database_url)
    note_data_version()  # once a run: every cached read this run is keyed on it
    actor = signed_in_with_a_role()
    allowed = [key for key in pages_for(actor.role) if key in PAGES]
    refused = [not_available(key, actor.role) for key in PAGES if key not in allowed]
    root = root_page(PAGES[allowed[0]])
    navigation = st.navigation([root, *(PAGES[key] for key in allowed), *refused])
    # Both before any widget binds its query parameter, so the whole query string can be carried over.
    if navigation is root:
        root.run()
    follow_deep_link({PAGE_SCRIPTS[key][0]: PAGES[key] for key in allowed}
                     | {PAGE_SCRIPTS[page.url_path][0]: page for page in refused})
    st.session_state["filters"] = sidebar_filters()
    who_is_signed_in(actor, demo=not sign_in_configured())
    navigation.run()


# A no-op where the deployment has configured logging already.
logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
st.set_page_config(page_title="Big Conversation", page_icon=":material/forum:", layout="wide")
apply_styles()
run_safely(main)
