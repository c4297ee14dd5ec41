"""What every page starts with: the shared filters that dashboard.py set."""
from __future__ import annotations

import inspect
from pathlib import Path

import streamlit as st

from data_access.filters import Filters

DEEP_LINK = "deep_link"


def query_string() -> dict[str, list[str]]:
    """The URL's query parameters, every value of each, to carry over when switching page."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def page_filters() -> Filters:
    """The shared filters. On a server's very first request for a deep link, Streamlit runs a file in
    pages/ on its own (its legacy pages-folder mode) before dashboard.py has built the navigation, roles
    and filters; such a run is sent through dashboard.py, which then opens the page asked for with its
    query string intact (if the role may see it)."""
    if "filters" not in st.session_state:
        params = query_string()
        st.session_state[DEEP_LINK] = (Path(inspect.stack()[1].filename).name, params)
        st.switch_page("dashboard.py", query_params=params)
    return st.session_state["filters"]


def follow_deep_link(pages: dict[str, st.Page]) -> None:
    """In dashboard.py, given the pages the role may open by script: open the page a legacy-mode run
    asked for, once navigation and filters exist."""
    if DEEP_LINK not in st.session_state:
        return
    file_name, params = st.session_state.pop(DEEP_LINK)
    for script, page in pages.items():
        if Path(script).name == file_name:
            st.switch_page(page, query_params=params)
