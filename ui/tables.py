"""The tables shown beside the charts, made from query results: pure functions, so a page can cache them
(ui.cache.derived) rather than redo the pandas work on every run."""
from __future__ import annotations

import pandas as pd

from domain import taxonomy
from domain.vocabulary import HIDDEN


def hidden_as_text(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy for display and download where suppressed counts read as hidden rather than blank."""
    return frame.assign(**{c: frame[c].map(lambda v: HIDDEN if pd.isna(v) else f"{v:g}") for c in columns})


def shares_table(shares: pd.DataFrame) -> pd.DataFrame:
    """Sub-theme shares by series, in percent; suppressed counts read "hidden"."""
    return hidden_as_text(shares.assign(share=(shares["share"] * 100).round(1)), ["items", "series_items", "share"])


def changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """Sub-theme movement, newest series and biggest rise first, shares in percent."""
    ordered = changes.sort_values(["series", "change_points"], ascending=[False, False])
    return ordered.assign(previous_share=ordered["previous_share"] * 100, share=ordered["share"] * 100)


def spread_table(spread: pd.DataFrame) -> pd.DataFrame:
    """Items per sub-theme and element, the sub-theme as a column and each element by name (in the downloads too)."""
    return hidden_as_text(spread, list(spread.columns)).rename(columns=taxonomy.element_label).reset_index()


def representation_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Reach against the workforce by group, shares in percent."""
    return hidden_as_text(frame.assign(people_share=frame["people_share"] * 100,
                                       workforce_share=frame["workforce_share"] * 100), ["people"])


def people_by_series_table(by_series: pd.DataFrame) -> pd.DataFrame:
    """People reached per series (rows) and group (columns), the series as a column."""
    return hidden_as_text(by_series, list(by_series.columns)).rename_axis("Series").reset_index()


def returning_table(returning: pd.DataFrame) -> pd.DataFrame:
    return hidden_as_text(returning, ["first_time", "returning"])
