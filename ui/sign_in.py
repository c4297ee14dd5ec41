"""Who is using the app: a user signed in with st.login and the role found for them, or, in local demo mode
(no `[auth]` in .streamlit/secrets.toml), BC_ROLE and BC_USER. Every page and write asks `current_actor`."""
from __future__ import annotations

import ipaddress
from datetime import datetime

import streamlit as st
from streamlit import config as streamlit_config

from data_access.app_roles import record_no_access, role_in_table
from data_access.config import AccessSettings, load_access_settings
from data_access.identity import signed_in_role
from data_access.permissions import Actor
from ui.context import engine, settings

ACTOR = "actor"  # where a page run keeps who is acting, set by dashboard.py before the page runs
RECORDED = "no_access_recorded"  # the email whose attempt without a role this session has recorded


@st.cache_resource(show_spinner=False)
def access_settings() -> AccessSettings:
    return load_access_settings()


def sign_in_configured() -> bool:
    """Streamlit gives st.user an is_logged_in field exactly when `[auth]` is configured."""
    return "is_logged_in" in st.user


def signed_in() -> bool:
    return bool(st.user.get("is_logged_in"))


def signed_in_email() -> str:
    """The signed-in user's email; Entra ID may send it only as the preferred username (their UPN)."""
    return str(st.user.get("email") or st.user.get("preferred_username") or "").strip().lower()


def signed_in_actor() -> Actor:
    """The signed-in user and their role ('' when they have none)."""
    email = signed_in_email()
    role = signed_in_role(st.user.to_dict(), email, access_settings(), lambda e: role_in_table(engine(), e))
    return Actor(email, role or "")


def demo_actor() -> Actor:
    return Actor(settings().user_name, settings().role)


def identify() -> Actor | None:
    """Who is acting this run, kept for the page; None when nobody is signed in (sign-in is configured)."""
    actor = (signed_in_actor() if signed_in() else None) if sign_in_configured() else demo_actor()
    st.session_state[ACTOR] = actor
    return actor


def current_actor() -> Actor:
    """Who is acting, as dashboard.py found them this run; nobody (no role) if it has not."""
    return st.session_state.get(ACTOR) or Actor("", "")


def note_no_access(actor: Actor) -> None:
    """Record once a session that a signed-in user with no role tried to open the app."""
    if st.session_state.get(RECORDED) != actor.user:
        record_no_access(engine(), actor.user, datetime.now())
        st.session_state[RECORDED] = actor.user


def is_loopback(address: str | None) -> bool:
    """True for an address only this machine can reach; no address means every interface."""
    if not address:
        return False
    if address.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def serving_openly() -> bool:
    """Whether this server listens beyond this machine; AppTest serves nothing (it patches this module's view of
    the options, not st.get_option's)."""
    address = streamlit_config.get_option("server.address")
    return not streamlit_config.get_option("global.appTest") and not is_loopback(address)


def refuse_open_demo() -> bool:
    """Without sign-in, serving to other machines needs BC_SERVE_WITHOUT_SIGN_IN: True when it is refused."""
    return not sign_in_configured() and serving_openly() and not access_settings().serve_openly_without_sign_in
