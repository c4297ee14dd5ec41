"""Make text safe to open in a spreadsheet: cells that a spreadsheet would run as a formula are neutralised."""
from __future__ import annotations

import pandas as pd

# What Excel, LibreOffice and Google Sheets treat as the start of a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value: object) -> object:
    """The value with a leading apostrophe when a spreadsheet would read it as a formula; others as they are."""
    return f"'{value}" if looks_like_formula(value) else value


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of a frame made csv_safe; numbers, dates and missing values untouched."""
    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_datetime64_any_dtype(frame[c])]
    return frame.assign(**{c: frame[c].map(csv_safe) for c in text})
