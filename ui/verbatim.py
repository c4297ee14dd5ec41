"""Verbatim feedback: a reading view with search matches highlighted, and the full table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.search import Node, highlight_spans, parse
from formats.british import long_date, whole
from formats.markup import markdown_text
from ui.cache import derived
from ui.headings import FEEDBACK, show_table
from ui.highlight import escape_lines, highlighted

READING_VIEW_ITEMS = 20
# The browser gets the whole table on every run: a large trust's five years (97,000 items) would be 25 MB each time,
# and no one reads that many rows on a screen. The downloads hold every match.
TABLE_ROWS = 5_000


def small_print(text: str) -> str:
    """Text shown small and grey, as a caption is, inside a Markdown block."""
    return f":gray[:small[{markdown_text(text)}]]"


def card(item, node: Node | None) -> str:
    """A feedback item as Markdown: where it was said, the words with any matches highlighted, its sub-themes."""
    where = f"{long_date(item.date)} · {item.session} · {item.element} · {item.source} · {item.prompt}"
    return "\n\n".join([small_print(where), highlighted(item.text, highlight_spans(node, item.text)),
                         small_print(f"Sub-themes: {item.sub_themes}")])


def quote(text: str, source: str) -> str:
    """A comment as Markdown, exactly as written, with where and when it was said in small print beneath it."""
    return f"{escape_lines(text)}  \n{small_print(source)}"


def cards(items: pd.DataFrame, search: str) -> list[str]:
    """The reading view: the newest items as cards, with the search's matches highlighted."""
    node = parse(search)
    return [card(item, node) for item in items.head(READING_VIEW_ITEMS).itertuples()]


def show_verbatim(items: pd.DataFrame, total: int, search: str) -> None:
    """The first items as cards with matches highlighted, then the items in a sortable table: the newest of the
    `total` that match, no more than TABLE_ROWS."""
    if items.empty:
        st.info("No feedback items match. Try fewer words, or OR between them.")
        return
    highlighting = " with the search words highlighted" if parse(search) else ""
    in_table = ("every match is in the table below" if total <= TABLE_ROWS else
                f"the table below has the newest {whole(TABLE_ROWS)} of all {whole(total)}, and the downloads "
                "every one (narrow the filters or the search to see the others here)")
    st.caption(f"The {min(total, READING_VIEW_ITEMS)} newest matching items{highlighting}; {in_table}.")
    for text in derived(cards, items, search):
        # One Markdown element a card (not a caption, the text and a caption): twenty cards are most of the page.
        st.container(border=True).markdown(text)
    show_table(items, FEEDBACK)
