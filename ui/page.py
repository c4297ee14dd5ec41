"""What every page starts with: the shared filters that dashboard.py set."""
from __future__ import annotations

import streamlit as st

from data_access.filters import Filters


def page_filters() -> Filters:
    """The shared filters. On a server's very first request for a deep link, Streamlit runs a file in
    pages/ on its own (its legacy pages-folder mode) before dashboard.py has built the navigation, roles
    and filters; such a run is sent through dashboard.py with its query string intact."""
    if "filters" not in st.session_state:
        st.switch_page("dashboard.py", query_params={key: st.query_params.get_all(key) for key in st.query_params})
    return st.session_state["filters"]
