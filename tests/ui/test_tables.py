"""The tables shown beside the charts: suppressed figures read as hidden, and the query's frame is untouched."""
from __future__ import annotations

import pandas as pd

from domain.vocabulary import HIDDEN
from ui.tables import hidden_as_text


def test_suppressed_counts_read_hidden_and_the_original_is_untouched() -> None:
    frame = pd.DataFrame({"items": pd.array([12, None, 7], dtype="Int64"), "series": ["A", "B", "C"]})
    shown = hidden_as_text(frame, ["items"])
    assert shown["items"].tolist() == ["12", HIDDEN, "7"]
    assert shown["series"].tolist() == ["A", "B", "C"]
    assert frame["items"].isna().tolist() == [False, True, False]
