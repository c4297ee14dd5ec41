"""The theme explorer's own filters, under the shared ones in the sidebar and bound to the URL too."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from data_access.filters import UNKNOWN, Filters
from domain import taxonomy
from domain.vocabulary import FEEDBACK_SOURCES, session_name
from ui.cache import current_version
from ui.cached import division_names, feedback_sessions, sub_theme_names
from ui.link_values import show_stale, stale_notice, stale_values

# Each filter's label, its placeholder, and how a notice names it, by its key (also its URL parameter).
LABELS = {"sub_theme": "Sub-theme", "session": "Session", "source": "Feedback source", "staff_group": "Staff group",
          "division": "Division", "band": "Band"}
PLACEHOLDERS = {"sub_theme": "All sub-themes", "session": "All sessions", "source": "All sources",
                "staff_group": "All staff groups", "division": "All divisions", "band": "All bands"}
NAMES = {key: label.lower() for key, label in LABELS.items()}


@st.cache_data(show_spinner=False, max_entries=500)
def session_labels(org_code: str, version: int) -> dict[str, int]:
    """Held sessions with feedback, newest first, by label: plain values, as the sidebar's choices are cached."""
    sessions = feedback_sessions(org_code)
    return {session_name(row.starts_at, row.title): int(row.session_id) for row in sessions.itertuples()}


def explorer_filters(filters: Filters) -> Filters:
    """Draw the explorer's filters and return the shared filters narrowed by them; a value from the link that no
    longer exists is named in a notice, never dropped silently."""
    labels = session_labels(filters.org_code, current_version())
    choices = {"sub_theme": sub_theme_names(filters.org_code), "session": list(labels),
               "source": FEEDBACK_SOURCES, "staff_group": [*taxonomy.STAFF_GROUPS, UNKNOWN],
               "division": [*division_names(filters.org_code), UNKNOWN],
               "band": [*taxonomy.BANDS, UNKNOWN]}
    stale = {NAMES[key]: stale_values(key, options) for key, options in choices.items()}
    chosen = {}
    with st.sidebar:
        st.markdown("**Explorer filters**")
        for key, options in choices.items():
            if key == "staff_group":
                st.markdown("**People**")
            chosen[key] = st.multiselect(LABELS[key], options, key=key, bind="query-params",
                                         placeholder=PLACEHOLDERS[key])
    show_stale(stale_notice(stale))
    return replace(filters, sub_themes=tuple(chosen["sub_theme"]),
                   sessions=tuple(labels[label] for label in chosen["session"]), sources=tuple(chosen["source"]),
                   staff_groups=tuple(chosen["staff_group"]), divisions=tuple(chosen["division"]),
                   bands=tuple(chosen["band"]))
