"""Plain Markdown building blocks: free text is escaped so it always reads as text, never as markup or HTML."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from formats.british import long_date
from formats.markup import markdown_text


def plain(value: object) -> str:
    """One table cell as text: dates in the long British form, whole numbers as such, a missing value empty."""
    if isinstance(value, (date, datetime, pd.Timestamp)) and not pd.isna(value):
        return long_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, float) and not pd.isna(value) and value.is_integer():
        return f"{value:.0f}"
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value)


def cell(value: object) -> str:
    """One Markdown table cell: plain(), with the text shown as typed."""
    return markdown_text(plain(value))


def table(frame: pd.DataFrame, columns: dict[str, str]) -> str:
    """A Markdown table of the named columns under their headings."""
    lines = ["| " + " | ".join(columns.values()) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row[c]) for c in columns) + " |" for _, row in frame.iterrows()]
    return "\n".join(lines)
