"""Downloads that cannot carry a live spreadsheet formula: staff wrote the text, and a cell such as
`=HYPERLINK(...)` must open as the words they typed, never run (OWASP's CSV injection advice)."""
from __future__ import annotations

import io

import pandas as pd

# Excel, LibreOffice and Google Sheets treat a cell starting with any of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS)


def csv_safe(value: object) -> object:
    """Text that a spreadsheet would run is prefixed with an apostrophe; anything else is unchanged."""
    return f"'{value}" if looks_like_formula(value) else value


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell neutralised (numbers and dates are left as they are)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(csv_safe)
    safe.columns = [csv_safe(str(name)) for name in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens accents and curly quotes correctly."""
    return csv_safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def excel_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """An .xlsx workbook of one sheet; text is written as text, never as a formula."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        csv_safe_frame(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()
