"""How tables are headed in the browser: in words, not column names or codes.

The frames keep their column names, which the downloads use; Streamlit shows them under their headings by column
config, so no frame is renamed on a rerun. Only the listed columns are sent: a column hidden from view would still
reach the browser, where anyone could read it (the register's internal notes, for the roles not allowed them)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias, TypedDict

import pandas as pd
import streamlit as st

if TYPE_CHECKING:
    from streamlit.elements.lib.column_types import ColumnConfig

# A heading, or a column config (a heading with a format).
Headings: TypeAlias = "dict[str, str | ColumnConfig]"

DAY = "D MMMM YYYY"
# A sentence column's width in pixels: it wraps onto the lines of a wrapped table's rows rather than running on.
SENTENCE_WIDTH = 240
# Three lines of text a row: Streamlit wraps the text in a cell only in rows taller than 4rem (64 pixels).
WRAPPED_ROW_HEIGHT = 72
# Eight wrapped rows in view, then the table scrolls: the default height shows only five (it allows for ten of one
# line each).
WRAPPED_ROWS_SHOWN, HEADER_HEIGHT = 8, 35


class Sizing(TypedDict, total=False):
    """A table's own row height and height, in pixels."""
    row_height: int
    height: int


def dated(heading: str) -> ColumnConfig:
    """A date column under its heading, as dates are written here: 11 April 2022."""
    return st.column_config.DateColumn(heading, format=DAY)


def sentence(heading: str) -> ColumnConfig:
    """A column of sentences, narrow enough to wrap in a table shown wrapped (show_table)."""
    return st.column_config.TextColumn(heading, width=SENTENCE_WIDTH)


def headed(columns: dict[str, str], dates: tuple[str, ...] = (), ticks: tuple[str, ...] = (),
           sentences: tuple[str, ...] = ()) -> Headings:
    """Headings from a report's columns (column → heading), with its date, yes-or-no and sentence columns shown as
    such."""
    kinds: dict[str, Callable[[str], ColumnConfig]] = {
        **dict.fromkeys(dates, dated), **dict.fromkeys(ticks, st.column_config.CheckboxColumn),
        **dict.fromkeys(sentences, sentence)}
    return {column: kinds[column](heading) if column in kinds else heading for column, heading in columns.items()}


def numbers(number_format: str, **headings: str) -> Headings:
    """Number columns under their headings, all in one format ("localized": 4,243)."""
    return {column: st.column_config.NumberColumn(heading, format=number_format)
            for column, heading in headings.items()}


SCORES: Headings = {"score_name": "Score", **numbers("%d", survey_year="Survey year"),
                    **numbers("%.2f", score="Our score", average="Group average", best="Group best",
                              worst="Group worst"),
                    **numbers("localized", responses="Responses", organisations="Organisations in the group")}
SERIES_ELEMENTS: Headings = {"series": "Series", "element": "Element", "sessions": "Sessions held",
                             **numbers("localized", attendances="Attendances", feedback_items="Feedback items")}
ACTION_PROGRESS: Headings = {"series": "Series", "element": "Element", "state": "State", "actions": "Actions"}
FEEDBACK: Headings = {"date": dated("Date"), "series": "Series", "session": "Session",
                      "element": "Element", "prompt": "Prompt", "source": "Source",
                      "text": st.column_config.TextColumn("Feedback", width="large"), "sub_themes": "Sub-themes"}

REGISTER: Headings = {"action_id": "ID", "session_date": dated("Session date"), "element": "Element",
                      "you_said": "You said", "we_did": "We did", "owner": "Owner", "status": "Status",
                      "due_date": dated("Due"), "completed_date": dated("Completed"), "overdue": "Overdue"}
YOU_SAID_WE_DID: Headings = {"session_date": dated("Session date"), "session_title": "Session", "element": "Element",
                             "you_said": sentence("You said"), "we_did": sentence("We did"), "status": "Progress",
                             "completed_date": dated("Completed")}


def show_table(frame: pd.DataFrame, headings: Headings, *, wrapped: bool = False) -> None:
    """The frame's listed columns, in order, under their headings, and nothing else of it; wrapped, its rows are tall
    enough for sentences (what staff said, what was done) to be read whole, not cut off at a column's edge."""
    sizing: Sizing = _wrapped_sizing(len(frame)) if wrapped else {}
    st.dataframe(frame[list(headings)], hide_index=True, column_config=headings, **sizing)


def _wrapped_sizing(rows: int) -> Sizing:
    """Row height and table height for a wrapped table; an empty one keeps a row's room for its grid."""
    shown = max(1, min(rows, WRAPPED_ROWS_SHOWN))
    return {"row_height": WRAPPED_ROW_HEIGHT, "height": HEADER_HEIGHT + WRAPPED_ROW_HEIGHT * shown + 2}  # 2: borders
