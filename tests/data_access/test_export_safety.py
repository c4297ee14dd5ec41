"""Exported cells that a spreadsheet would run as formulas are neutralised; everything else is untouched."""
from __future__ import annotations

import pandas as pd

from data_access.export_safety import csv_safe_frame


def test_formula_starts_get_an_apostrophe_and_other_values_stay_as_they_are():
    frame = pd.DataFrame({"text": ["=SUM(A1)", "+44 7700", "-1", "@cmd", "\tx", "\rx", "fine", None],
                          "n": [1, 2, 3, 4, 5, 6, 7, 8]})
    safe = csv_safe_frame(frame)
    assert list(safe["text"][:7]) == ["'=SUM(A1)", "'+44 7700", "'-1", "'@cmd", "'\tx", "'\rx", "fine"]
    assert pd.isna(safe["text"].iloc[7])
    assert list(safe["n"]) == list(frame["n"])
    assert frame["text"].iloc[0] == "=SUM(A1)"  # the original is not changed
