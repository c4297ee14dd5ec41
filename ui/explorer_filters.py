"""The theme explorer's own filters, under the shared ones in the sidebar and bound to the URL too."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from domain.vocabulary import FEEDBACK_SOURCES, session_name
from domain import taxonomy
from data_access.filters import UNKNOWN, Filters
from ui.cache import current_version
from ui.cached import division_names, feedback_sessions, sub_theme_names


@st.cache_data(show_spinner=False, max_entries=500)
def session_labels(org_code: str, version: int) -> dict[str, int]:
    """Held sessions with feedback, newest first, by label: plain values, as the sidebar's choices are cached."""
    sessions = feedback_sessions(org_code)
    return {session_name(row.starts_at, row.title): int(row.session_id) for row in sessions.itertuples()}


def explorer_filters(filters: Filters) -> Filters:
    """Draw the explorer's filters and return the shared filters narrowed by them."""
    labels = session_labels(filters.org_code, current_version())
    with st.sidebar:
        st.markdown("**Explorer filters**")
        sub_themes = st.multiselect("Sub-theme", sub_theme_names(filters.org_code),
                                    key="sub_theme", bind="query-params", placeholder="All sub-themes")
        chosen_sessions = st.multiselect("Session", list(labels), key="session", bind="query-params",
                                         placeholder="All sessions")
        sources = st.multiselect("Feedback source", FEEDBACK_SOURCES, key="source", bind="query-params",
                                 placeholder="All sources")
        st.markdown("**People**")
        staff_groups = st.multiselect("Staff group", [*taxonomy.STAFF_GROUPS, UNKNOWN], key="staff_group",
                                      bind="query-params", placeholder="All staff groups")
        divisions = st.multiselect("Division", [*division_names(filters.org_code), UNKNOWN],
                                   key="division", bind="query-params", placeholder="All divisions")
        bands = st.multiselect("Band", [*taxonomy.BANDS, UNKNOWN], key="band", bind="query-params",
                               placeholder="All bands")
    return replace(filters, sub_themes=tuple(sub_themes), sessions=tuple(labels[label] for label in chosen_sessions),
                   sources=tuple(sources), staff_groups=tuple(staff_groups), divisions=tuple(divisions),
                   bands=tuple(bands))
