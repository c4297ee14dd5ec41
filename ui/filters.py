"""The shared filters in the sidebar, bound to the URL so a view can be shared as a link."""
from __future__ import annotations

from datetime import date

import streamlit as st

from data_access.filters import Filters
from domain import taxonomy
from formats.british import long_date
from ui.cache import current_version
from ui.cached import organisations_with_sessions, series_list
from ui.link_values import show_stale, stale_notice, stale_values

EARLIEST = date(2015, 1, 1)
LATEST = date(2035, 12, 31)
ELEMENT_NAMES = [taxonomy.element_label(code) for code in taxonomy.ELEMENT_CODES]


# The choices as plain values, cached on their own: the sidebar is on every page, and a cached frame is unpickled
# and walked again on every run.
@st.cache_data(show_spinner=False, max_entries=20)
def organisation_names(version: int) -> dict[str, str]:
    """Organisations that run sessions, largest first, by ODS code (at a data version)."""
    orgs = organisations_with_sessions()
    return dict(zip(orgs["ods_code"], orgs["name"]))


@st.cache_data(show_spinner=False, max_entries=500)
def series_names(org_code: str, version: int) -> list[str]:
    return series_list(org_code)["name"].tolist()


def sidebar_filters() -> Filters:
    """Draw the shared filters and return their values; a value from the link that no longer exists is named in a
    notice above the page, never dropped silently."""
    names = organisation_names(current_version())
    stale = {"organisation": stale_values("org", names),
             "People Promise element": stale_values("element", ELEMENT_NAMES)}
    with st.sidebar:
        st.markdown("**Filters**")
        org_code = next(iter(names), "")
        if len(names) > 1:
            org_code = st.selectbox("Organisation", list(names), format_func=names.__getitem__, key="org",
                                    bind="query-params")
        series = series_names(org_code, current_version())
        stale["series"] = stale_values("series", series)
        chosen_series = st.multiselect("Series", series, key="series", bind="query-params", placeholder="All series")
        # Options are the names themselves (no format_func) so the URL reads ?element=Safe+and+healthy.
        elements = st.multiselect("People Promise element", ELEMENT_NAMES, key="element", bind="query-params",
                                  placeholder="All elements")
        date_from = st.date_input("From", value=None, min_value=EARLIEST, max_value=LATEST, key="from",
                                  format="DD/MM/YYYY", bind="query-params")
        date_to = st.date_input("To", value=None, min_value=EARLIEST, max_value=LATEST, key="to",
                                format="DD/MM/YYYY", bind="query-params")
        if date_from and date_to and date_from > date_to:
            st.warning(f"'From' ({long_date(date_from)}) is after 'To' ({long_date(date_to)}): no sessions match.")
    show_stale(stale_notice(stale))
    return Filters(org_code=str(org_code), series=tuple(chosen_series),
                   elements=tuple(code for name in elements if (code := taxonomy.resolve_metric(name))),
                   date_from=date_from, date_to=date_to)
