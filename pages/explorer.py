"""Theme explorer for the OD team: what staff are telling us about a theme, and whether it is changing."""
from __future__ import annotations

import streamlit as st

from charts.explorer import (
    element_spread_figure,
    element_spread_summary,
    representation_figure,
    representation_summary,
    returning_figure,
    returning_summary,
    sub_theme_trend_figure,
    sub_theme_trend_summary,
    top_sub_themes,
)
from data_access.queries_feedback import theme_changes
from data_access.queries_reach import DIMENSIONS, nobody_reached
from data_access.search import SearchSyntaxError, describe, parse
from domain.vocabulary import comments_withheld, protected
from formats.british import long_date, whole
from formats.markup import markdown_text
from ui.cache import derived, figure
from ui.cached import (
    first_and_returning,
    people_by_series,
    representation,
    sub_theme_by_element,
    sub_theme_by_series,
    verbatim,
)
from ui.context import settings
from ui.downloads import download_buttons
from ui.explorer_filters import explorer_filters
from ui.page import page_filters
from ui.tables import (
    changes_table,
    people_by_series_table,
    representation_table,
    returning_table,
    shares_table,
    spread_table,
)
from ui.verbatim import TABLE_ROWS, show_verbatim

VIEWS = ("Themes", "Reach", "Feedback")
CHARTED_THEMES = 6

filters = explorer_filters(page_filters())
threshold, comments = settings().suppression_threshold, settings().comment_threshold

st.title("Theme explorer")
st.caption(f"What staff are telling us, and whether it is changing. {protected(threshold)}")
view = st.segmented_control("Show", VIEWS, default="Themes", key="view", bind="query-params", required=True)


def themes() -> None:
    shares = sub_theme_by_series(filters, threshold)
    if shares.empty:
        st.info("No feedback matches these filters.")
        return
    st.header("Sub-themes across series")
    chosen = list(filters.sub_themes) or derived(top_sub_themes, shares, CHARTED_THEMES)
    changes = derived(theme_changes, shares)
    charted = ("The chart shows the sub-themes chosen in the filters." if filters.sub_themes
               else f"The chart shows the {CHARTED_THEMES} most raised sub-themes.")
    st.caption(f"{markdown_text(derived(sub_theme_trend_summary, changes))} {charted}")
    st.plotly_chart(figure(sub_theme_trend_figure, shares, chosen), key="theme_trend", theme=None)
    with st.expander("Table behind this chart"):
        table = derived(shares_table, shares)
        st.dataframe(table, hide_index=True, column_config={"series": "Series", "sub_theme": "Sub-theme",
                                                            "items": "Items", "series_items": "Items in series",
                                                            "share": "Share %"})
        download_buttons(table, "sub-themes-by-series", "dl_shares")
    st.header("New, growing and fading")
    st.caption("Each sub-theme's share of feedback against the series before it. New: raised for the first time.")
    if changes.empty:
        st.info("Choose more than one series to compare.")
    else:
        ordered = derived(changes_table, changes)
        st.dataframe(ordered, hide_index=True, column_config={
                         "series": "Series", "sub_theme": "Sub-theme", "status": "Movement",
                         "previous_share": st.column_config.NumberColumn("Before %", format="%.1f"),
                         "share": st.column_config.NumberColumn("Now %", format="%.1f"),
                         "change_points": st.column_config.NumberColumn("Change (points)", format="%+.1f")})
        download_buttons(ordered, "sub-theme-changes", "dl_changes")
    st.header("The same sub-theme under different elements")
    spread = sub_theme_by_element(filters, threshold)
    st.caption(markdown_text(derived(element_spread_summary, spread)) + " All elements are shown whatever the element "
               "filter; the 15 sub-themes raised under most elements are charted.")
    if not spread.empty:
        st.plotly_chart(figure(element_spread_figure, spread), key="element_spread", theme=None)
        with st.expander("Table behind this chart"):
            table = derived(spread_table, spread)
            st.dataframe(table, hide_index=True, column_config={"sub_theme": "Sub-theme"})
            download_buttons(table, "sub-themes-by-element", "dl_spread")


def reach() -> None:
    dimension = st.segmented_control("Break down by", list(DIMENSIONS), format_func=DIMENSIONS.__getitem__,
                                     default="staff_group", key="by", required=True)
    label = DIMENSIONS[dimension]
    frame = representation(filters, dimension, threshold, settings().today)
    st.header(f"Who we reach, by {label.lower()}")
    if nobody_reached(frame):
        st.info("Nobody who came to a session matches these filters: check the dates (From must be on or before "
                "To) and the other filters.")
        return
    st.caption(markdown_text(derived(representation_summary, frame, label)) + " A ratio of 1 means a group makes up "
               "the same share of the people reached as of the workforce.")
    if frame["workforce_share"].notna().any():
        st.plotly_chart(figure(representation_figure, frame, label), key="representation", theme=None)
    table = derived(representation_table, frame)
    with st.expander("Table behind this chart", expanded=frame["workforce_share"].isna().all()):
        st.dataframe(table, hide_index=True, column_config={
            "group": label, "people": st.column_config.NumberColumn("People reached"),
            "people_share": st.column_config.NumberColumn("Share of people %", format="%.1f"),
            "headcount": st.column_config.NumberColumn("Workforce"),
            "workforce_share": st.column_config.NumberColumn("Share of workforce %", format="%.1f"),
            "ratio": st.column_config.NumberColumn("Ratio", format="%.2f")})
        download_buttons(table, f"reach-by-{dimension}", "dl_reach")
    st.header(f"People reached per series, by {label.lower()}")
    by_series = people_by_series(filters, dimension, threshold)
    by_series = derived(people_by_series_table, by_series)
    st.dataframe(by_series, hide_index=True)
    download_buttons(by_series, f"people-by-series-and-{dimension}", "dl_series")
    st.header("First-time and returning attenders")
    returning = first_and_returning(filters, threshold)
    st.caption(markdown_text(derived(returning_summary, returning))
               + " First time: the person's first Big Conversation session ever.")
    if not returning.empty:
        st.plotly_chart(figure(returning_figure, returning), key="returning", theme=None)
        with st.expander("Table behind this chart"):
            table = derived(returning_table, returning)
            st.dataframe(table, hide_index=True, column_config={"series": "Series", "first_time": "First time",
                                                                "returning": "Returning"})
            download_buttons(table, "first-time-and-returning", "dl_returning")


def feedback() -> None:
    st.header("What staff said")
    search = st.text_input("Search the feedback", key="q", bind="query-params", placeholder='e.g. rota OR "car park"',
                           help='Words match their plurals too. Use "quotes" for an exact phrase, and AND, OR, NOT '
                                "(or and, or, not between words), a minus sign and brackets: "
                                "`(rota OR shift) NOT night`.")
    if filters.divisions or filters.bands:
        st.caption("Feedback is not linked to divisions or bands, so those filters do not narrow it.")
    try:
        found = verbatim(filters, search, comments, TABLE_ROWS)
    except SearchSyntaxError as problem:
        st.warning(f"That search cannot be read: {problem}")
        return
    if search.strip():
        st.caption(f"Read as: {markdown_text(describe(parse(search)))}")
    if found.withheld:
        st.info(comments_withheld(comments, found.left_out))
        return
    if found.left_out:
        st.caption(comments_withheld(comments, found.left_out))
    st.metric("Matching items", whole(found.total), border=True, width=200)
    show_verbatim(found.items, found.total, search)
    if found.total:
        every = verbatim.on_demand(filters, search, comments)
        download_buttons(lambda: every().items, "feedback", "dl_feedback")
    st.caption(f"Figures as at {long_date(settings().today)}.")


{"Themes": themes, "Reach": reach, "Feedback": feedback}[view]()
