"""The OD team's forms to add and edit actions; every rule and every write lives in data_access.actions."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from data_access.actions import ActionRefused, StaleEdit, add_action, edit_action
from data_access.permissions import PermissionRefused
from domain.action_rules import FIELD_LABELS, TEXT_LIMITS
from domain.vocabulary import ACTION_PLANNED, ACTION_STATUSES, session_name
from formats.british import long_date
from formats.markup import markdown_text
from ui.cache import current_version, data_changed
from ui.cached import action, history, sessions_for_new_actions
from ui.context import engine, settings
from ui.sign_in import current_actor

EDITING = "editing_copy"  # (action id, version) of the copy the user opened: what a save is checked against
SAVED = "action_saved"  # what the last save did, said on the run after it
EMPTY = "(empty)"


def _now() -> datetime:
    """Now, on the app's 'today' (BC_AS_OF pins it for demos and tests)."""
    return datetime.combine(settings().today, datetime.now().time().replace(microsecond=0))


def _fields(current: dict, prefix: str) -> dict:
    """The editable fields as widgets, filled from `current`."""
    values = {"you_said": st.text_area("You said", current.get("you_said", ""), max_chars=TEXT_LIMITS["you_said"],
                                       key=f"{prefix}_said"),
              "we_did": st.text_area("We did, or will do", current.get("we_did", ""), max_chars=TEXT_LIMITS["we_did"],
                                     key=f"{prefix}_did")}
    left, middle, right = st.columns(3)
    status = current.get("status", ACTION_PLANNED)
    values["status"] = left.selectbox("Status", ACTION_STATUSES, ACTION_STATUSES.index(status), key=f"{prefix}_status")
    values["owner"] = left.text_input("Owner (a role or team)", current.get("owner", ""),
                                      max_chars=TEXT_LIMITS["owner"], key=f"{prefix}_owner")
    values["due_date"] = middle.date_input("Due date", current.get("due_date"), format="DD/MM/YYYY",
                                           key=f"{prefix}_due")
    values["completed_date"] = right.date_input("Completed date (done only)", current.get("completed_date"),
                                                format="DD/MM/YYYY", key=f"{prefix}_completed")
    values["internal_note"] = st.text_area("Internal note (never shared with staff)", current.get("internal_note", ""),
                                           max_chars=TEXT_LIMITS["internal_note"], key=f"{prefix}_note")
    return values


def _refused(problems: list[str]) -> None:
    st.error("Not saved:\n" + "\n".join(f"- {problem}" for problem in problems))


def _saved(message: tuple[str, str]) -> None:
    """Run the page again, so its cards, chart and register show the change, and say there what was saved."""
    data_changed()
    st.session_state[SAVED] = message
    st.rerun()


def _say_saved(form: str) -> None:
    said = st.session_state.get(SAVED)
    if said and said[0] == form:
        st.session_state.pop(SAVED)
        st.success(said[1])


def changes_as_shown(changes: pd.DataFrame) -> pd.DataFrame:
    """The history as the page words it: fields by their labels, an empty value as (empty)."""
    return changes.assign(field=changes["field"].map(lambda f: FIELD_LABELS.get(f, f)),
                          before=changes["before"].fillna(EMPTY), after=changes["after"].fillna(EMPTY))


def edit_form(action_id: int) -> None:
    """Edit one action, checked against the version the user opened; shows its history beneath."""
    current = action(action_id, settings().today)
    if current is None:  # listed in the register, but gone by now
        st.warning(f"Action {action_id} no longer exists.")
        return
    opened = st.session_state.get(EDITING)
    if opened is None or opened[0] != action_id:
        st.session_state[EDITING] = opened = (action_id, int(current["version"]))
    _say_saved("edit")
    with st.form(f"edit_{action_id}"):
        st.markdown(f"**Editing action {action_id}** from {markdown_text(current['session_title'])} "
                    f"({long_date(current['session_date'])})")
        values = _fields(current, f"edit_{action_id}")
        saved = st.form_submit_button("Save changes", type="primary")
    if saved:
        try:
            version = edit_action(engine(), action_id, opened[1], values, current_actor(), _now())
        except StaleEdit as stale:
            st.error(str(stale))
            if st.button("Reload the latest copy", key="reload_action"):
                st.session_state.pop(EDITING)
                data_changed()
                st.rerun()
        except ActionRefused as refused:
            _refused(refused.problems)
        except PermissionRefused as refused:
            _refused([str(refused)])
        else:
            st.session_state[EDITING] = (action_id, version)
            _saved(("edit", "Saved." if version != opened[1] else "Nothing had changed, so nothing was saved."))
    changes = history(action_id)
    st.markdown("**History**")
    if changes.empty:
        st.caption("No recorded changes yet.")
    else:
        headings = {"changed_at": "When", "changed_by": "Who", "field": "Field", "before": "Before", "after": "After"}
        st.dataframe(changes_as_shown(changes).rename(columns=headings), hide_index=True,
                     column_config={"When": st.column_config.DatetimeColumn(format="D MMMM YYYY, HH:mm")})


@st.cache_data(show_spinner=False, max_entries=100)
def held_session_labels(org_code: str, version: int) -> dict[str, int]:
    """The sessions an action can be added to, by label: plain values, as the sidebar's choices are cached."""
    sessions = sessions_for_new_actions(org_code)
    return {session_name(row.starts_at, row.title): int(row.session_id) for row in sessions.itertuples()}


def add_form(org_code: str) -> None:
    """Add an action to a held session; its element is the session's."""
    labels = held_session_labels(org_code, current_version())
    _say_saved("add")
    with st.form("add_action", clear_on_submit=False):
        label = st.selectbox("Session", list(labels), key="add_session")
        values = _fields({"due_date": None, "completed_date": None}, "add")
        added = st.form_submit_button("Add action", type="primary")
    if added:
        try:
            action_id = add_action(engine(), labels[label], values, current_actor(), _now())
        except ActionRefused as refused:
            _refused(refused.problems)
        except PermissionRefused as refused:
            _refused([str(refused)])
        else:
            _saved(("add", f"Added action {action_id}."))
