"""What the brief says, as the page, the Markdown and the PDF all take it."""
from __future__ import annotations

from datetime import date

import pandas as pd

from reports.brief_sections import Raised, raised


def test_raised_keeps_the_sub_themes_order_and_each_ones_comments_in_order():
    sub_themes = pd.DataFrame({"sub_theme": ["workload", "car parking", "rotas"], "items": [12, 5, 3]})
    verbatim = pd.DataFrame({
        "sub_theme": ["car parking", "workload", "workload", "car parking"],
        "text": ["No spaces after 8am", "Too many <b>shifts</b>", "We never stop", "Fines"],
        "session_title": ["Travel", "Safe staffing", "Breaks", "Travel"],
        "session_date": [date(2022, 4, 11), date(2023, 1, 5), date(2022, 11, 14), date(2022, 4, 11)],
    })
    assert raised(sub_themes, verbatim) == [
        Raised("Workload", 12, [("Too many <b>shifts</b>", "Safe staffing, 5 January 2023"),
                                ("We never stop", "Breaks, 14 November 2022")]),
        Raised("Car parking", 5, [("No spaces after 8am", "Travel, 11 April 2022"),
                                  ("Fines", "Travel, 11 April 2022")]),
        Raised("Rotas", 3, []),
    ]
