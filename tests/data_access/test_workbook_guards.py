"""Crafted workbooks are refused before they are parsed, in a moment and with little memory, with a plain message:
zip bombs, dimension bombs, too many cells, parts or texts, malformed XML, entity bombs, broken zips."""
from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest

from data_access.importers import limits
from data_access.importers.errors import ImportRefused
from data_access.importers.workbook import read_sheets
from tests.hostile import xlsx

UNREADABLE = "the workbook cannot be opened; save it again from Excel as .xlsx"
TABLE = [["org_code", "as_at"], ["R9Z", "2024-03-31"]]
CRAFTED: dict[str, tuple[Callable[[], bytes], str]] = {
    "dimension-bomb": (xlsx.dimension_bomb, "sheet 'Sheet1' says it reaches cell XFD1048576, more than the 500,000 "
                                            "rows, 1,000 columns and 1,000,000 cells accepted"),
    "far-cell-without-dimension": (xlsx.sparse_bomb, "row 1048576, column XFD: sheet 'Sheet1' has cells beyond the "
                                                     "500,000 rows"),
    "zip-bomb-8.8-mb": (lambda: xlsx.dense_bomb(8.8), "the workbook would unpack to 2,548 MB; the largest accepted is "
                                                       "250 MB"),
    "zip-bomb-that-lies-about-its-size": (lambda: xlsx.dense_bomb(2, declared=1000), UNREADABLE),
    "millions-of-cells": (lambda: xlsx.dense_bomb(8.8, variety=1000),
                          "sheet 'Sheet1' has more than the 1,000,000 cells accepted"),
    "compressed-too-well": (lambda: xlsx.many_cells(1_100_000), "compressed far more than a real one can be"),
    "too-many-parts": (lambda: xlsx.many_parts(1200), "the workbook has 1,205 parts"),
    "entity-bomb": (xlsx.entity_bomb, UNREADABLE),
    "malformed-sheet-xml": (lambda: xlsx.malformed(TABLE), UNREADABLE),
    "truncated-zip": (lambda: xlsx.truncated(TABLE), UNREADABLE),
    "not-a-zip": (lambda: b"PK\x03\x04 and then nothing a zip holds", UNREADABLE),
    "missing-shared-string": (xlsx.bad_shared_string_index, UNREADABLE),
}


@pytest.mark.parametrize("name", CRAFTED)
def test_a_crafted_workbook_is_refused_at_once_with_little_memory(name: str) -> None:
    build, message = CRAFTED[name]
    raw = build()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_sheets(raw)
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert message in str(refused.value)
    # Seconds, not the 25 s to 10 min the bombs took before, with room for a busy machine and tracemalloc.
    assert took < 5 and peak < 60 * 1024 * 1024, (took, peak)


def test_the_dimension_bomb_is_as_small_as_the_one_reported() -> None:
    assert len(xlsx.dimension_bomb()) < 1800


def test_a_workbook_within_the_limits_reads_as_pandas_would() -> None:
    sheets = read_sheets(xlsx.table_workbook([["a", "b", "a"], [1, "x", 2.5], [None, None, None], [3.0, "y", None]]))
    frame = sheets["Sheet1"]
    assert list(frame.columns) == ["a", "b", "a.1"]
    assert frame.index.tolist() == [0, 2]  # the blank row 3 is left out; row 4 keeps its place
    assert frame.to_numpy().tolist() == [[1, "x", 2.5], [3, "y", None]]


def test_the_limits_are_named_in_one_place() -> None:
    assert limits.too_large(limits.MAX_ROWS + 1, 1) and limits.too_large(1, limits.MAX_COLUMNS + 1)
    assert limits.too_large(limits.MAX_CELLS // 10 + 1, 10) and not limits.too_large(1000, 20)
