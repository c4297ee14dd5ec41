"""How tables are headed in the browser: in words, not column names or codes.

The frames keep their column names, which the downloads use. Streamlit shows the listed columns under their headings,
in the order listed, and hides the rest, so no frame is copied or renamed on a rerun."""
from __future__ import annotations

import pandas as pd
import streamlit as st

# A heading, or a column config (a heading with a format).
Headings = dict[str, str | dict]

DAY = "D MMMM YYYY"
DATE = st.column_config.DateColumn(format=DAY)  # a date column under its own heading


def numbers(number_format: str, **headings: str) -> Headings:
    """Number columns under their headings, all in one format ("localized": 4,243)."""
    return {column: st.column_config.NumberColumn(heading, format=number_format)
            for column, heading in headings.items()}


SCORES: Headings = {"score_name": "Score", **numbers("%d", survey_year="Survey year"),
                    **numbers("%.2f", score="Our score", average="Group average", best="Group best",
                              worst="Group worst"),
                    **numbers("localized", responses="Responses")}
SERIES_ELEMENTS: Headings = {"series": "Series", "element": "Element", "sessions": "Sessions held",
                             **numbers("localized", attendances="Attendances", feedback_items="Feedback items")}
ACTION_PROGRESS: Headings = {"series": "Series", "element": "Element", "state": "State", "actions": "Actions"}
FEEDBACK: Headings = {"date": st.column_config.DateColumn("Date", format=DAY), "series": "Series", "session": "Session",
                      "element": "Element", "prompt": "Prompt", "source": "Source",
                      "text": st.column_config.TextColumn("Feedback", width="large"), "sub_themes": "Sub-themes"}


def show_table(frame: pd.DataFrame, headings: Headings) -> None:
    """The frame's listed columns, in order, under their headings."""
    st.dataframe(frame, hide_index=True, column_order=list(headings), column_config=headings)
