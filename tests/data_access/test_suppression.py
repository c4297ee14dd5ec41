"""Small-number suppression: small cells hidden, and no hidden cell can be worked out from what is shown."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from data_access.suppression import is_small, subset_count, suppress_column, suppress_table

THRESHOLD = 10


def reconstructable(shown: pd.DataFrame) -> list[tuple]:
    """Hidden cells that are alone in a row or column, so the row or column total gives them away."""
    hidden = shown.isna().to_numpy()
    found = []
    for axis in (0, 1):
        lines = hidden if axis == 0 else hidden.T
        for index, line in enumerate(lines):
            if len(line) > 1 and line.sum() == 1:
                found.append((axis, index))
    return found


def test_small_cells_are_hidden_and_large_ones_kept():
    table = pd.DataFrame({"a": [12, 5, 30], "b": [20, 40, 3], "c": [0, 15, 22]}, index=["s1", "s2", "s3"])
    shown = suppress_table(table, THRESHOLD)
    assert shown.isna().sum().sum() == 6
    assert pd.isna(shown.at["s2", "a"]) and pd.isna(shown.at["s3", "b"])
    assert shown.at["s1", "c"] == 0  # zero identifies nobody
    assert shown.at["s2", "b"] == 40 and shown.at["s3", "a"] == 30
    assert reconstructable(shown) == []


def test_a_lone_hidden_cell_takes_the_smallest_other_cell_with_it():
    frame = pd.DataFrame({"group": ["x", "y", "z"], "n": [50, 4, 20]})
    shown = suppress_column(frame, "n", THRESHOLD)
    assert shown["n"].isna().tolist() == [False, True, True]
    assert shown["n"].iloc[0] == 50


@pytest.mark.parametrize("seed", range(25))
def test_random_tables_never_leave_a_hidden_cell_recoverable_from_totals(seed):
    rng = np.random.default_rng(seed)
    table = pd.DataFrame(rng.integers(0, 40, size=(rng.integers(2, 7), rng.integers(2, 7))))
    shown = suppress_table(table, THRESHOLD)
    assert reconstructable(shown) == []
    small = table.map(lambda n: is_small(n, THRESHOLD)).to_numpy()
    assert shown.isna().to_numpy()[small].all()
    kept = shown.notna().to_numpy()
    assert (shown.to_numpy()[kept] == table.to_numpy()[kept]).all()


def test_a_filtered_count_is_hidden_when_what_it_leaves_out_is_small():
    assert subset_count(110, 117, THRESHOLD) is None  # "all but one group" would reveal 7
    assert subset_count(7, 117, THRESHOLD) is None
    assert subset_count(100, 117, THRESHOLD) == 100
    assert subset_count(117, 117, THRESHOLD) == 117 and subset_count(0, 117, THRESHOLD) == 0


def test_filtered_tables_hide_cells_whose_complement_is_small():
    whole = pd.DataFrame({"d1": [40, 30], "d2": [25, 60]}, index=["s1", "s2"])
    filtered = pd.DataFrame({"d1": [35, 30], "d2": [25, 12]}, index=["s1", "s2"])
    shown = suppress_table(filtered, THRESHOLD, whole)
    assert pd.isna(shown.at["s1", "d1"])  # 40 - 35 = 5 left out
    assert reconstructable(shown) == []
    assert all(pd.isna(shown.at[r, c]) or shown.at[r, c] == filtered.at[r, c]
               for r, c in itertools.product(filtered.index, filtered.columns))
