"""Exports that open safely in a spreadsheet: text that a spreadsheet would run as a formula is neutralised."""
from __future__ import annotations

import pandas as pd

# A cell starting with one of these is read by Excel, LibreOffice or Google Sheets as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """Text that would start a formula gets a leading apostrophe; anything else is returned as it is."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell made safe to open in a spreadsheet."""
    text = frame.select_dtypes(include=["object", "string"]).columns
    return frame.assign(**{column: frame[column].map(csv_safe) for column in text})
