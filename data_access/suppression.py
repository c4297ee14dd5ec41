"""Small-number suppression (docs/privacy.md): counts of people or their feedback by a demographic under the
threshold are hidden, and enough other cells are hidden that a hidden count cannot be worked out from
totals, from the rest of its row or column, or from a filtered count and the total it belongs to. Every count
that is shown is then published rounded to a multiple of ROUNDING_BASE, as official statistics are, so that no
hidden count can be worked out exactly by comparing one view with another (one more staff group in a filter,
a date window one session longer): the difference of two published counts is never one exact number."""
from __future__ import annotations

import numpy as np
import pandas as pd

from domain.thresholds import ROUNDING_BASE


def possible_counts(published: int) -> range:
    """The true counts a published count could stand for: what anyone comparing views can know of it."""
    half = ROUNDING_BASE // 2
    return range(max(published - half, 0), published + half + 1)


def is_small(count: int, threshold: int) -> bool:
    """A count that would identify too few people: more than none and under the threshold."""
    return 0 < count < threshold


def suppress_table(counts: pd.DataFrame, threshold: int, whole: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hide small cells of a table of counts (NA), then hide more until no row or column of two or more
    cells has exactly one hidden cell, so row and column totals never give a hidden cell away.

    `whole` is the same table without the demographic filters behind `counts`: a cell is hidden too when
    what the filter leaves out of it is small, or 'every group but one' would reveal the one."""
    values = counts.fillna(0).astype(int)
    numbers = values.to_numpy()
    hidden = (numbers > 0) & (numbers < threshold)
    if whole is not None:
        left_out = whole.reindex_like(values).fillna(0).astype(int).to_numpy() - numbers
        hidden |= (left_out > 0) & (left_out < threshold)
    # Transposes are views, so hiding a cell while walking the columns marks the same array.
    while _hide_lone_cells(hidden, numbers) | _hide_lone_cells(hidden.T, numbers.T):
        pass
    return values.astype("Int64").mask(pd.DataFrame(hidden, index=values.index, columns=values.columns))


def _hide_lone_cells(hidden: np.ndarray, numbers: np.ndarray) -> bool:
    """In each row with exactly one hidden cell, hide its smallest other cell (non-zero first: a hidden zero
    protects nothing). True when anything was hidden."""
    changed = False
    for row in range(hidden.shape[0]):
        if hidden.shape[1] > 1 and hidden[row].sum() == 1:
            shown = np.flatnonzero(~hidden[row])
            nonzero = shown[numbers[row, shown] > 0]
            candidates = nonzero if len(nonzero) else shown
            hidden[row, candidates[np.argmin(numbers[row, candidates])]] = True
            changed = True
    return changed


def suppress_column(frame: pd.DataFrame, column: str, threshold: int, whole: pd.Series | None = None) -> pd.DataFrame:
    """Suppress one column of counts whose cells add up to a shown total (one breakdown)."""
    hidden = suppress_table(frame[[column]], threshold, None if whole is None else whole.to_frame(column))[column]
    return frame.assign(**{column: hidden})


def subset_count(count: int, total: int, threshold: int) -> int | None:
    """A count filtered to some demographic groups, or None when it or what it leaves out of the total
    is small: otherwise 'all groups but one' would reveal the one."""
    if is_small(count, threshold) or is_small(total - count, threshold):
        return None
    return count


def rounded(counts: pd.DataFrame) -> pd.DataFrame:
    """Counts as published: each to the nearest multiple of ROUNDING_BASE (halves up); hidden ones stay hidden."""
    return ((counts + ROUNDING_BASE // 2) // ROUNDING_BASE * ROUNDING_BASE).astype("Int64")


def published(count: int) -> int:
    """One count as published: to the nearest multiple of ROUNDING_BASE (halves up)."""
    return (count + ROUNDING_BASE // 2) // ROUNDING_BASE * ROUNDING_BASE


def publish_table(counts: pd.DataFrame, threshold: int, whole: pd.DataFrame | None = None) -> pd.DataFrame:
    """A table of counts by a demographic as it may be shown: suppressed (suppress_table), then rounded."""
    return rounded(suppress_table(counts, threshold, whole))


def publish_column(frame: pd.DataFrame, column: str, threshold: int, whole: pd.Series | None = None) -> pd.DataFrame:
    """One breakdown's column of counts as it may be shown: suppressed (suppress_column), then rounded."""
    shown = suppress_column(frame, column, threshold, whole)
    return shown.assign(**{column: rounded(shown[[column]])[column]})


def published_count(count: int, total: int, threshold: int) -> int | None:
    """A count filtered to some demographic groups as it may be shown: hidden as subset_count hides it, else
    rounded."""
    shown = subset_count(count, total, threshold)
    return None if shown is None else published(shown)
