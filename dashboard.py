"""Big Conversation dashboard: page set-up, who the user is, navigation per role, shared filters."""
from __future__ import annotations

import streamlit as st

from data_access.permissions import ROLE_LABELS, pages_for
from ui.context import ready_database, settings
from ui.filters import sidebar_filters

PAGES = {
    "overview": st.Page("pages/overview.py", title="Overview", icon=":material/monitoring:", url_path="overview"),
    "import": st.Page("pages/import_data.py", title="Import data", icon=":material/upload_file:", url_path="import"),
}

st.set_page_config(page_title="Big Conversation", page_icon=":material/forum:", layout="wide")
try:
    config = settings()
except ValueError as problem:
    st.error(f"The dashboard's configuration needs attention: {problem}")
    st.stop()
ready_database(config.database_url)
allowed = [PAGES[key] for key in pages_for(config.role) if key in PAGES]
navigation = st.navigation(allowed)
st.session_state["filters"] = sidebar_filters()
st.sidebar.caption(f"Signed in as: {ROLE_LABELS[config.role]}")
navigation.run()
