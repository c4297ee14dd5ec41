"""Which series the headline figures describe, and the one they are compared with."""
from __future__ import annotations

import pandas as pd

MEASURES = ("sessions_held", "attendances", "people_reached", "feedback_items", "actions_done", "actions_open",
            "actions_overdue")


def focus_and_previous(by_series: pd.DataFrame, chosen: tuple[str, ...]) -> tuple[pd.Series | None, pd.Series | None]:
    """The latest chosen series that held a session (or the latest overall), and the series before it."""
    candidates = by_series[by_series["sessions_held"] > 0]
    if chosen:
        candidates = candidates[candidates["name"].isin(chosen)]
    if candidates.empty:
        return None, None
    focus_at = candidates.index[-1]
    position = by_series.index.get_loc(focus_at)
    previous = by_series.iloc[position - 1] if position > 0 else None
    return by_series.loc[focus_at], previous


def delta(focus: pd.Series, previous: pd.Series | None, measure: str) -> int | None:
    return None if previous is None else int(focus[measure]) - int(previous[measure])
