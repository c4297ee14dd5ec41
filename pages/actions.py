"""Actions: the "You said, we did" register, its progress, and a view fit to share with all staff."""
from __future__ import annotations

import streamlit as st

from charts.actions import progress_figure
from data_access.filters import Filters
from data_access.permissions import can_edit_actions, can_read_internal_notes
from reports.you_said_we_did import you_said_we_did_csv, you_said_we_did_markdown
from ui.action_forms import add_form, edit_form
from ui.context import figure, query, settings
from formats.british import counted, long_date
from ui.headings import ACTION_PROGRESS, DATE, show_table
from ui.page import page_filters
from ui.tables import renamed

STATUSES = ("planned", "coming soon", "in progress", "done", "dropped")

filters: Filters = page_filters()
today = settings().today
editor = can_edit_actions(settings().role)
notes_shown = can_read_internal_notes(settings().role)

st.title("Actions")
st.caption(f"What staff said at Big Conversation sessions and what the trust is doing about it, as at "
           f"{long_date(today)}. The sidebar's series, element and date filters apply.")
register_tab, shared_tab = st.tabs(["Register", "You said, we did"], key="view", bind="query-params")

with register_tab:
    with st.container(horizontal=True):
        statuses = st.multiselect("Status", STATUSES, key="status", bind="query-params", placeholder="All statuses")
        owners = st.multiselect("Owner", query("actions", "owners", filters.org_code), key="owner",
                                bind="query-params", placeholder="All owners")
        overdue_only = st.toggle("Overdue only", key="overdue", bind="query-params")
    register = query("actions", "register", filters, today, tuple(statuses), tuple(owners), overdue_only)
    median = query("actions", "median_days_to_done", filters)
    with st.container(horizontal=True, gap="small"):
        st.metric("Actions", len(register), border=True, width=200)
        st.metric("Done", int((register["status"] == "done").sum()), border=True, width=200)
        st.metric("Overdue", int(register["overdue"].sum()), border=True, width=200,
                  help="Planned, coming soon or in progress, with a due date that has passed.")
        st.metric("Median days to done", "n/a" if median is None else f"{median:g}", border=True, width=200,
                  help="From the session to the action's completion, over done actions within the sidebar filters.")

    progress = query("actions", "progress", filters, today)
    if progress.empty:
        st.info("No actions match these filters.")
    else:
        done_share = progress.loc[progress["state"] == "done", "actions"].sum() / progress["actions"].sum()
        st.caption(f"{done_share:.0%} of the {counted(progress['actions'].sum(), 'action')} within the sidebar filters "
                   "are done; bars show each element's actions in each series.")
        st.plotly_chart(figure(progress_figure, progress), key="progress_chart", theme=None)
        with st.expander("Table behind this chart"):
            show_table(progress, ACTION_PROGRESS)

    st.header("The register")
    columns = {"action_id": "ID", "session_date": "Session date", "element_code": "Element", "you_said": "You said",
               "we_did": "We did", "owner": "Owner", "status": "Status", "due_date": "Due",
               "completed_date": "Completed", "overdue": "Overdue"}
    if notes_shown:
        columns["internal_note"] = "Internal note"
    st.dataframe(renamed(register, columns), hide_index=True,
                 column_config={"Session date": DATE, "Due": DATE, "Completed": DATE})
    if not editor:
        st.caption("Read only: the OD team keeps the register.")
    elif not register.empty:
        st.header("Edit an action")
        choices = {f"{action_id} · {said}": int(action_id)
                   for action_id, said in zip(register["action_id"].tolist(), register["you_said"].tolist())}
        chosen = st.selectbox("Action", list(choices), key="edit_choice")
        edit_form(choices[chosen])
    if editor:
        with st.expander("Add an action"):
            add_form(filters.org_code)

with shared_tab:
    shared = query("actions", "you_said_we_did", filters)
    st.caption("Fit to share with all staff: no owners' names, no internal notes, and actions that were dropped are "
               "left out.")
    with st.container(horizontal=True):
        st.download_button("Download as Markdown", lambda: you_said_we_did_markdown(shared, today),
                           "you-said-we-did.md", "text/markdown", icon=":material/description:", key="ysywd_markdown",
                           on_click="ignore")
        st.download_button("Download as CSV", lambda: you_said_we_did_csv(shared), "you-said-we-did.csv", "text/csv",
                           icon=":material/table:", key="ysywd_csv", on_click="ignore")
    st.dataframe(shared.rename(columns={"session_date": "Session date", "session_title": "Session",
                                        "element": "Element", "you_said": "You said", "we_did": "We did",
                                        "status": "Progress", "completed_date": "Completed"}),
                 hide_index=True, column_config={"Session date": DATE, "Completed": DATE})
