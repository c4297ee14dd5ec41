"""Text a spreadsheet would run as a formula is neutralised in exports; everything else passes unchanged."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from data_access.export_safety import csv_bytes, csv_safe, csv_safe_frame, excel_bytes


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"), ("+44 1234", "'+44 1234"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Fine text", "Fine text"), ("a=b", "a=b"), ("", ""), (None, None), (-2, -2), (3.5, 3.5)])
def test_csv_safe(value, safe) -> None:
    assert csv_safe(value) == safe


def test_csv_safe_frame_leaves_numbers_and_dates_alone() -> None:
    frame = pd.DataFrame({"text": ["=cmd", "ok"], "n": [-1, 2], "when": pd.to_datetime(["2024-01-01", "2024-01-02"])})
    safe = csv_safe_frame(frame)
    assert safe["text"].tolist() == ["'=cmd", "ok"]
    assert safe["n"].tolist() == [-1, 2]
    assert safe["when"].equals(frame["when"])


def test_formula_starts_get_an_apostrophe_and_other_values_stay_as_they_are():
    frame = pd.DataFrame({"text": ["=SUM(A1)", "+44 7700", "-1", "@cmd", "\tx", "\rx", "fine", None],
                          "n": [1, 2, 3, 4, 5, 6, 7, 8]})
    safe = csv_safe_frame(frame)
    assert list(safe["text"][:7]) == ["'=SUM(A1)", "'+44 7700", "'-1", "'@cmd", "'\tx", "'\rx", "fine"]
    assert pd.isna(safe["text"].iloc[7])
    assert list(safe["n"]) == list(frame["n"])
    assert frame["text"].iloc[0] == "=SUM(A1)"  # the original is not changed


def test_excel_download_holds_the_text_not_a_formula() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(excel_bytes(pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "ok"]}),
                                                             "feedback")))
    cells = [cell.value for cell in workbook["feedback"]["A"]]
    assert cells == ["text", "'=HYPERLINK(\"http://x\")", "ok"]
    assert all(cell.data_type == "s" for cell in workbook["feedback"]["A"])


def test_csv_download_is_utf8_with_a_bom_and_neutralised() -> None:
    raw = csv_bytes(pd.DataFrame({"text": ["@SUM(1)", "café"]}))
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["text", "'@SUM(1)", "café"]
