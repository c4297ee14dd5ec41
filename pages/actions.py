"""Actions: the "You said, we did" register, its progress, and a view fit to share with all staff."""
from __future__ import annotations

import streamlit as st

from charts.actions import progress_figure
from data_access.filters import Filters
from data_access.permissions import can_edit_actions, can_read_internal_notes
from domain.vocabulary import ACTION_DONE, ACTION_STATUSES
from formats.british import counted, long_date, one_or_many
from reports.you_said_we_did import you_said_we_did_csv, you_said_we_did_markdown
from ui.action_forms import add_form, edit_form
from ui.cache import figure
from ui.cached import median_days_to_done, owners, progress, register, you_said_we_did
from ui.context import settings
from ui.headings import ACTION_PROGRESS, REGISTER, YOU_SAID_WE_DID, show_table
from ui.page import page_filters
from ui.sign_in import current_actor

filters: Filters = page_filters()
today = settings().today
role = current_actor().role
editor = can_edit_actions(role)
notes_shown = can_read_internal_notes(role)

st.title("Actions")
st.caption(f"What staff said at Big Conversation sessions and what the trust is doing about it, as at "
           f"{long_date(today)}. The sidebar's series, element and date filters apply.")
register_tab, shared_tab = st.tabs(["Register", "You said, we did"], key="view", bind="query-params")

with register_tab:
    with st.container(horizontal=True):
        statuses = st.multiselect("Status", ACTION_STATUSES, key="status", bind="query-params",
                                  placeholder="All statuses")
        chosen_owners = st.multiselect("Owner", owners(filters.org_code), key="owner", bind="query-params",
                                       placeholder="All owners")
        overdue_only = st.toggle("Overdue only", key="overdue", bind="query-params")
    actions = register(filters, today, tuple(statuses), tuple(chosen_owners), overdue_only)
    median = median_days_to_done(filters)
    with st.container(horizontal=True, gap="small"):
        st.metric("Actions", len(actions), border=True, width=200)
        st.metric("Done", int((actions["status"] == ACTION_DONE).sum()), border=True, width=200)
        st.metric("Overdue", int(actions["overdue"].sum()), border=True, width=200,
                  help="Planned, coming soon or in progress, with a due date that has passed.")
        st.metric("Median days to done", "n/a" if median is None else f"{median:g}", border=True, width=200,
                  help="From the session to the action's completion, over done actions within the sidebar filters.")

    by_element = progress(filters, today)
    if by_element.empty:
        st.info("No actions match these filters.")
    else:
        total = int(by_element["actions"].sum())
        done_share = by_element.loc[by_element["state"] == ACTION_DONE, "actions"].sum() / total
        st.caption(f"{done_share:.0%} of the {counted(total, 'action')} within the sidebar filters "
                   f"{one_or_many(total, 'is', 'are')} done; bars show each element's actions in each series.")
        st.plotly_chart(figure(progress_figure, by_element), key="progress_chart", theme=None)
        with st.expander("Table behind this chart"):
            show_table(by_element, ACTION_PROGRESS)

    st.header("The register")
    show_table(actions, REGISTER | {"internal_note": "Internal note"} if notes_shown else REGISTER)
    if not editor:
        st.caption("Read only: the OD team keeps the register.")
    elif not actions.empty:
        st.header("Edit an action")
        choices = {f"{action_id} · {said}": int(action_id)
                   for action_id, said in zip(actions["action_id"].tolist(), actions["you_said"].tolist())}
        chosen = st.selectbox("Action", list(choices), key="edit_choice")
        edit_form(choices[chosen])
    if editor:
        with st.expander("Add an action"):
            add_form(filters.org_code)

with shared_tab:
    shared = you_said_we_did(filters)
    st.caption("Fit to share with all staff: no owners' names, no internal notes, and actions that were dropped are "
               "left out.")
    with st.container(horizontal=True):
        st.download_button("Download as Markdown", lambda: you_said_we_did_markdown(shared, today),
                           "you-said-we-did.md", "text/markdown", icon=":material/description:", key="ysywd_markdown",
                           on_click="ignore")
        st.download_button("Download as CSV", lambda: you_said_we_did_csv(shared), "you-said-we-did.csv", "text/csv",
                           icon=":material/table:", key="ysywd_csv", on_click="ignore")
    show_table(shared, YOU_SAID_WE_DID, wrapped=True)
