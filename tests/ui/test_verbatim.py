"""A reading-view card: where an item was said, its words, its sub-themes, and nothing a writer could inject."""
from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.search import parse
from ui.verbatim import READING_VIEW_ITEMS, TABLE_ROWS, card, cards, quote


def row(**changes) -> dict:
    return {"date": date(2022, 4, 11), "series": "Series 1", "session": "Flexible working", "element": "Work flexibly",
            "source": "Chat", "prompt": "What would help?", "text": "The car park is full by 8am",
            "sub_themes": "parking, travel", **changes}


def item(**changes) -> object:
    return next(pd.DataFrame([row(**changes)]).itertuples())


def test_a_card_reads_where_words_and_sub_themes_with_matches_highlighted():
    where, words, sub_themes = card(item(), parse('"car park"')).split("\n\n")
    assert where == (r":gray[:small[11 April 2022 · Flexible working · Work flexibly · Chat · What would help\?]]")
    assert words == r"The :orange-background[**car park**] is full by 8am"
    assert sub_themes == r":gray[:small[Sub\-themes\: parking\, travel]]"


def test_nothing_in_a_card_can_close_its_small_print_or_become_markup():
    hostile = card(item(session="x]] [link](https://evil.example) <b>", text="**bold** :red[red] <img src=x>\n\nnew",
                        sub_themes="a]], :blue[b]"), None)
    where, words, sub_themes = hostile.split("\n\n")
    assert where.startswith(":gray[:small[") and where.endswith("]]") and r"x\]\] \[link\]\(https" in where
    assert words == r"\*\*bold\*\* \:red\[red\] \<img src\=x\> new"  # the paragraph break read as a space
    assert sub_themes == r":gray[:small[Sub\-themes\: a\]\]\, \:blue\[b\]]]"


def test_the_reading_view_is_the_first_twenty_items_in_their_order_highlighted():
    items = pd.DataFrame([row(text=f"shift pattern {n}") for n in range(25)])
    shown = cards(items, "shift")
    assert len(shown) == READING_VIEW_ITEMS == 20
    assert [text.split("\n\n")[1] for text in shown] == [f":orange-background[**shift**] pattern {n}"
                                                          for n in range(20)]
    assert cards(items.head(3), "") == [card(each, None) for each in items.head(3).itertuples()]


def test_a_quote_keeps_its_line_breaks_and_nothing_in_it_becomes_markup():
    assert quote("Rotas come late", "Team Conversation, 23 June 2022") == (
        r"Rotas come late  " + "\n" + r":gray[:small[Team Conversation\, 23 June 2022]]")
    words, source = quote("**bold** <img src=x>\r\n:red[red] $x$\n\nend", "x]] [link](https://evil.example)").split(
        "  \n:gray[:small[")
    assert words.split("  \n") == [r"\*\*bold\*\* \<img src\=x\>", r"\:red\[red\] \$x\$", "", "end"]
    assert source == "x\\]\\] \\[link\\]\\(https\u2060\\:\\/\\/evil\\.example\\)]]"  # the address no live link


def reading_view(items, total) -> None:
    """Runs as a Streamlit script: the feedback view's cards and table for these items."""
    from ui.verbatim import show_verbatim

    show_verbatim(items, total, "")


def test_the_table_holds_the_newest_five_thousand_and_says_so_when_there_are_more():
    from streamlit.testing.v1 import AppTest

    newest_first = pd.date_range("2026-11-20", periods=TABLE_ROWS + 3, freq="-1D")
    items = pd.DataFrame([row(date=when.date(), text=f"item {n}") for n, when in enumerate(newest_first)])
    at = AppTest.from_function(reading_view, kwargs={"items": items.head(TABLE_ROWS), "total": len(items)},
                               default_timeout=60).run()
    shown = at.dataframe[0].value
    assert len(shown) == TABLE_ROWS == 5_000 and shown["text"].iloc[[0, -1]].tolist() == ["item 0", "item 4999"]
    assert at.caption[0].value == ("The 20 newest matching items; the table below has the newest 5,000 of all 5,003, "
                                   "and the downloads every one (narrow the filters or the search to see the others "
                                   "here).")
    few = AppTest.from_function(reading_view, kwargs={"items": items.head(30), "total": 30}, default_timeout=60).run()
    assert len(few.dataframe[0].value) == 30
    assert few.caption[0].value == "The 20 newest matching items; every match is in the table below."
