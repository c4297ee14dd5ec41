"""Access (OD team): who may use the app as what, when the identity provider's token does not say; and who signed
in without a role."""
from __future__ import annotations

from datetime import datetime

import streamlit as st

from data_access.app_roles import RoleRefused, remove_role, set_role
from data_access.config import ROLES
from data_access.permissions import ROLE_LABELS, PermissionRefused
from formats.markup import markdown_text
from ui.cache import data_changed
from ui.cached import no_access_attempts, role_table
from ui.context import engine
from ui.page import page_filters
from ui.sign_in import access_settings, current_actor

WHEN = st.column_config.DatetimeColumn(format="D MMMM YYYY, HH:mm")
SAVED = "role_saved"  # what the last change did, said on the run after it


def saved(message: str) -> None:
    """Run the page again, so its tables show the change, and say there what was done."""
    data_changed()
    st.session_state[SAVED] = message
    st.rerun()


def give_role() -> None:
    """Give an email a role, or change it."""
    with st.form("give_role", clear_on_submit=True):
        with st.container(horizontal=True):
            email = st.text_input("Email", key="role_email", placeholder="name@nhs.net")
            role = st.selectbox("Role", ROLES, format_func=ROLE_LABELS.__getitem__, key="role_role")
        given = st.form_submit_button("Give this role", type="primary")
    if given:
        try:
            set_role(engine(), email, role, current_actor(), datetime.now())
        except (RoleRefused, PermissionRefused) as refused:
            st.error(f"Not saved: {markdown_text(refused)}")
        else:
            saved(f"{email.strip().lower()} is now {ROLE_LABELS[role]}.")


def take_role_away(emails: list[str]) -> None:
    with st.container(horizontal=True, vertical_alignment="bottom"):
        email = st.selectbox("Email", emails, index=None, key="remove_email", placeholder="Choose an email")
        if st.button("Remove this role", key="remove_role", disabled=email is None) and email is not None:
            try:
                remove_role(engine(), email, current_actor())
            except PermissionRefused as refused:
                st.error(f"Not saved: {markdown_text(refused)}")
            else:
                saved(f"{email} no longer has a role here.")


page_filters()
st.title("Access")
claim = access_settings().role_claim
st.caption(f"Who may use the dashboard as what. A role in the identity provider's token (its {claim} claim) comes "
           "first; this table gives a role to people whose token has none.")
roles = role_table()
st.header("Roles given here")
if SAVED in st.session_state:
    st.success(markdown_text(st.session_state.pop(SAVED)))
give_role()
if roles.empty:
    st.info("Nobody has a role from this table yet.")
else:
    shown = roles.assign(role=roles["role"].map(ROLE_LABELS))
    st.dataframe(shown.rename(columns={"email": "Email", "role": "Role", "granted_by": "Given by",
                                       "granted_at": "When"}), hide_index=True, width="stretch",
                 column_config={"When": WHEN})
    take_role_away(roles["email"].tolist())

st.header("Signed in without a role")
tried = no_access_attempts()
if tried.empty:
    st.info("Nobody has signed in without a role.")
else:
    st.caption("They saw 'You have no access yet'. Give them a role above if they should have one.")
    st.dataframe(tried.rename(columns={"email": "Email", "attempts": "Times", "first": "First", "last": "Latest"}),
                 hide_index=True, width="stretch", column_config={"First": WHEN, "Latest": WHEN})
