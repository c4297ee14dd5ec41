"""Verbatim feedback: a reading view with search matches highlighted, and the full table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access import taxonomy
from data_access.search import highlight_spans, parse
from ui.formatting import long_date
from ui.highlight import escape_markdown, highlighted

READING_VIEW_ITEMS = 20


def show_verbatim(items: pd.DataFrame, search: str) -> None:
    """The first items as cards with matches highlighted, then every item in a sortable table."""
    if items.empty:
        st.info("No feedback items match. Try fewer words, or OR between them.")
        return
    node = parse(search)
    st.caption(f"The {min(len(items), READING_VIEW_ITEMS)} newest matching items"
               + (" with the search words highlighted" if node else "") + "; every match is in the table below.")
    for item in items.head(READING_VIEW_ITEMS).itertuples():
        with st.container(border=True):
            st.caption(escape_markdown(f"{long_date(item.starts_at.date())} · {item.session} · "
                                       f"{taxonomy.element_label(item.element_code)} · {item.source} · {item.prompt}"))
            st.markdown(highlighted(item.text, highlight_spans(node, item.text)))
            st.caption(escape_markdown(f"Sub-themes: {item.sub_themes}"))
    table = items.assign(date=items["starts_at"].dt.date, element=items["element_code"].map(taxonomy.element_label))
    st.dataframe(table[["date", "series", "session", "element", "prompt", "source", "text", "sub_themes"]],
                 hide_index=True, column_config={"date": st.column_config.DateColumn("Date", format="D MMMM YYYY"),
                                                 "text": st.column_config.TextColumn("Feedback", width="large"),
                                                 "sub_themes": "Sub-themes"})
