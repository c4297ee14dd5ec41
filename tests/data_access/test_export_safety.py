"""Text a spreadsheet would run as a formula is neutralised in exports; everything else passes unchanged."""
from __future__ import annotations

import pandas as pd
import pytest

from data_access.export_safety import csv_safe, csv_safe_frame


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
