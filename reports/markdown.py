"""Plain Markdown building blocks: free text is escaped so it always reads as text, never as markup or HTML."""
from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd

from formats.british import long_date

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: object) -> str:
    """Text with Markdown's special characters escaped and line breaks folded into spaces."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cell(value: object) -> str:
    """One table cell: dates in the long British form, whole numbers as such, text escaped."""
    if isinstance(value, (date, datetime, pd.Timestamp)) and not pd.isna(value):
        return long_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, float) and not pd.isna(value) and value.is_integer():
        return f"{value:.0f}"
    return escape(value)


def table(frame: pd.DataFrame, columns: dict[str, str]) -> str:
    """A Markdown table of the named columns under their headings."""
    lines = ["| " + " | ".join(columns.values()) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row[c]) for c in columns) + " |" for _, row in frame.iterrows()]
    return "\n".join(lines)
