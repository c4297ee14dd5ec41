"""Executive overview: headline figures, survey trends beside sessions, and the series × element grid."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from charts.overview import BENCHMARK_KEY, HEATMAP_MEASURES, heatmap_figure, trend_figure, trend_summary
from data_access.filters import Filters
from domain import taxonomy
from formats.british import long_date, percent, whole
from formats.markup import markdown_text
from ui.cache import figure
from ui.cached import (
    headline_by_series,
    headline_totals,
    people_reached,
    series_element_grid,
    series_list,
    session_markers,
    survey_trends,
    workforce_headcount,
)
from ui.context import settings
from ui.headings import SCORES, SERIES_ELEMENTS, show_table
from ui.headline import (
    comparison_window,
    delta,
    focus_and_previous,
    per_session,
    per_session_change,
    responses_by_year,
    responses_fall,
    scope_words,
    series_caption,
    share_change,
    window_caption,
)
from ui.page import page_filters

CARD_WIDTH = 210


def card(label: str, value: int, change: int | None, **options) -> None:
    """One headline figure with its change against the period it is compared with."""
    st.metric(label, whole(value), change, border=True, width=CARD_WIDTH, **options)


def series_figures(filters: Filters, today: date) -> tuple[pd.Series | None, pd.Series | None, str]:
    """The latest chosen series, the series before it, and a caption naming both."""
    focus, previous = focus_and_previous(headline_by_series(filters, today), filters.series)
    if focus is None:
        return None, None, ""
    series = series_list(filters.org_code).set_index("name")
    return focus, previous, series_caption(focus, previous, series)


def window_figures(filters: Filters, today: date) -> tuple[pd.Series | None, pd.Series | None, str]:
    """Exactly what the From and To dates select, as long just before it, and a caption naming both."""
    now = headline_totals(filters, today)
    if not now["sessions_held"]:
        return None, None, ""
    window = comparison_window(filters.date_from, filters.date_to, today)
    before = (headline_totals(replace(filters, date_from=window[0], date_to=window[1]), today)
              if window else None)
    caption = window_caption(now, before, filters.date_from, filters.date_to, today, scope_words(filters))
    return now, before if before is not None and before["sessions_held"] else None, caption


def workforce_at(org_code: str, figures: pd.Series | None) -> int:
    """The headcount in the workforce figures in force at the period's last session."""
    return 0 if figures is None else workforce_headcount(org_code, figures["last_session"].date())


filters: Filters = page_filters()
today = settings().today
minimum = settings().min_minutes

st.title("Overview")
st.caption(f"Big Conversation sessions, reach, actions and the NHS Staff Survey · figures as at {long_date(today)}")

dated = filters.date_from is not None or filters.date_to is not None
now, before, caption = (window_figures if dated else series_figures)(filters, today)

st.header("Headline figures")
if now is None:
    st.info("No held sessions match these filters.")
else:
    st.caption(markdown_text(caption))
    workforce, workforce_before = workforce_at(filters.org_code, now), workforce_at(filters.org_code, before)
    counted_as = f" who stayed at least {minimum:g} minutes" if minimum else ""
    with st.container(horizontal=True, gap="small"):
        card("Sessions held", now["sessions_held"], delta(now, before, "sessions_held"))
        card("Attendances", now["attendances"], delta(now, before, "attendances"),
             help=f"Attendees at held sessions{counted_as}; organisers and presenters are not counted.")
        st.metric("Attendances per session", f"{per_session(now):.1f}", per_session_change(now, before), border=True,
                  width=CARD_WIDTH, help="Attendances divided by sessions held: comparable between periods of any "
                                         "length.")
        card("People reached", now["people_reached"], delta(now, before, "people_reached"),
             help="Different people who attended at least one session in this period.")
        card("People reached to date", people_reached(replace(filters, date_from=None)), None,
             help="Different people who attended any session in every series in view, up to the end of this period.")
        st.metric("Workforce reached", percent(now["people_reached"], workforce), border=True, width=CARD_WIDTH,
                  delta=None if before is None else
                  share_change(now["people_reached"], workforce, before["people_reached"], workforce_before),
                  help=f"People reached as a share of the {whole(workforce)} staff in the workforce figures in "
                       "force at the period's last session (each period against its own).")
        card("Feedback items", now["feedback_items"], delta(now, before, "feedback_items"))
        card("Actions done", now["actions_done"], delta(now, before, "actions_done"),
             help="Actions raised at this period's sessions that are now done, whenever they were completed.")
        card("Actions open", now["actions_open"], delta(now, before, "actions_open"), delta_color="off",
             help="Actions raised at this period's sessions that are planned, coming soon or in progress.")
        card("Actions overdue", now["actions_overdue"], delta(now, before, "actions_overdue"),
             delta_color="inverse", help="Open actions raised at this period's sessions whose due date has passed.")

st.header("Staff Survey scores and Big Conversation sessions")
codes = filters.elements or taxonomy.SCORE_CODES
scores = survey_trends(filters.org_code, tuple(codes))
markers = session_markers(filters)
st.caption(f"{trend_summary(scores, tuple(codes))} {BENCHMARK_KEY} Diamonds: sessions on that element, sized by "
           "attendance; hollow diamonds are planned. "
           "A gap means no score was published that year.")
responses = responses_by_year(scores)
if len(responses):
    st.metric(f"Survey responses, {responses.index[-1]}", whole(responses.iloc[-1]), border=True, width=CARD_WIDTH,
              delta=f"{responses.iloc[-1] - responses.iloc[-2]:+,} on {responses.index[-2]}" if len(responses) > 1
              else None, help="How many of the trust's staff answered the survey that year.")
if fall := responses_fall(responses):
    st.warning(fall)
st.plotly_chart(figure(trend_figure, scores, markers, tuple(codes)), key="trend_chart", theme=None)
with st.expander("Table behind this chart"):
    show_table(scores, SCORES)

st.header("Sessions, attendance and feedback by series and element")
grid = series_element_grid(filters)
if grid.empty:
    st.info("No held sessions match these filters.")
else:
    measure = st.segmented_control("Show", list(HEATMAP_MEASURES), format_func=HEATMAP_MEASURES.__getitem__,
                                   default="attendances", key="grid_measure", required=True)
    st.plotly_chart(figure(heatmap_figure, grid, measure), key="grid_chart", theme=None)
    with st.expander("Table behind this chart"):
        show_table(grid, SERIES_ELEMENTS)
