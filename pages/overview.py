"""Executive overview: headline figures, survey trends beside sessions, and the series × element grid."""
from __future__ import annotations

import streamlit as st

from charts.overview import BENCHMARK_KEY, HEATMAP_MEASURES, heatmap_figure, trend_figure, trend_summary
from data_access import taxonomy
from data_access.filters import Filters
from formats.british import long_date, month_year, percent, percent_points, whole
from ui.context import figure, query, settings
from ui.headings import SCORES, SERIES_ELEMENTS, show_table
from ui.headline import delta, focus_and_previous
from ui.page import page_filters

CARD_WIDTH = 210


def card(label: str, value: int, change: int | None, **options) -> None:
    """One headline figure with its change against the previous series."""
    st.metric(label, whole(value), change, border=True, width=CARD_WIDTH, **options)


filters: Filters = page_filters()
today = settings().today

st.title("Overview")
st.caption(f"Big Conversation sessions, reach, actions and the NHS Staff Survey · figures as at {long_date(today)}")

by_series = query("overview", "headline_by_series", filters, today)
focus, previous = focus_and_previous(by_series, filters.series)

st.header("Headline figures")
if focus is None:
    st.info("No held sessions match these filters.")
else:
    series = query("overview", "series_list", filters.org_code).set_index("name")
    span = f"{month_year(series.loc[focus['name'], 'start_date'])} to {month_year(series.loc[focus['name'], 'end_date'])}"
    compared = f", compared with {previous['name']}" if previous is not None else " (the first series: nothing to compare)"
    st.caption(f"{focus['name']} ({span}){compared}.")
    workforce = query("overview", "workforce_headcount", filters.org_code, today)
    previous_share = percent_points(previous["people_reached"], workforce) if previous is not None else None
    with st.container(horizontal=True, gap="small"):
        card("Sessions held", focus["sessions_held"], delta(focus, previous, "sessions_held"))
        card("Attendances", focus["attendances"], delta(focus, previous, "attendances"),
             help="Attendees at held sessions; organisers and presenters are not counted.")
        card("People reached", focus["people_reached"], delta(focus, previous, "people_reached"),
             help="Different people who attended at least one session in the series.")
        st.metric("Workforce reached", percent(focus["people_reached"], workforce), border=True, width=CARD_WIDTH,
                  delta=None if previous_share is None else
                  f"{percent_points(focus['people_reached'], workforce) - previous_share:+.1f} points",
                  help=f"People reached as a share of the {whole(workforce)} staff in the latest workforce figures.")
        card("Feedback items", focus["feedback_items"], delta(focus, previous, "feedback_items"))
        card("Actions done", focus["actions_done"], delta(focus, previous, "actions_done"))
        card("Actions open", focus["actions_open"], delta(focus, previous, "actions_open"), delta_color="off",
             help="Planned, coming soon or in progress.")
        card("Actions overdue", focus["actions_overdue"], delta(focus, previous, "actions_overdue"),
             delta_color="inverse", help="Open actions whose due date has passed.")

st.header("Staff Survey scores and Big Conversation sessions")
codes = filters.elements or taxonomy.SCORE_CODES
scores = query("overview", "survey_trends", filters.org_code, tuple(codes))
markers = query("overview", "session_markers", filters)
st.caption(f"{trend_summary(scores, tuple(codes))} {BENCHMARK_KEY} Diamonds: sessions on that element, sized by "
           "attendance; hollow diamonds are planned. "
           "A gap means no score was published that year.")
st.plotly_chart(figure(trend_figure, scores, markers, tuple(codes)), key="trend_chart", theme=None)
with st.expander("Table behind this chart"):
    show_table(scores, SCORES)

st.header("Sessions, attendance and feedback by series and element")
grid = query("overview", "series_element_grid", filters)
if grid.empty:
    st.info("No held sessions match these filters.")
else:
    measure = st.segmented_control("Show", list(HEATMAP_MEASURES), format_func=HEATMAP_MEASURES.get,
                                   default="attendances", key="grid_measure", required=True)
    st.plotly_chart(figure(heatmap_figure, grid, measure), key="grid_chart", theme=None)
    with st.expander("Table behind this chart"):
        show_table(grid, SERIES_ELEMENTS)
