"""What the headline figures describe and what they are compared with: the latest series against the one before, or,
with From or To set, exactly the dates chosen against as long just before. Pure: no Streamlit here."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from data_access.filters import Filters
from domain import taxonomy
from formats.british import counted, long_date, month_year

# A fall in survey responses larger than this share of the year before is flagged beside the scores.
RESPONSES_FALL = 0.25


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


def per_session(figures: pd.Series) -> float:
    """Attendances per session held (0 when none was held)."""
    return figures["attendances"] / figures["sessions_held"] if figures["sessions_held"] else 0.0


def per_session_change(focus: pd.Series, previous: pd.Series | None) -> str | None:
    """The change in attendances per session, to one place, worked out from the exact figures."""
    if previous is None or not previous["sessions_held"]:
        return None
    return f"{per_session(focus) - per_session(previous):+.1f}"


def share_change(people: int, workforce: int, people_before: int, workforce_before: int) -> str | None:
    """The change in the share of the workforce reached, in percentage points to one place, from the exact shares
    (the difference of two shares already rounded can be a tenth out: 10.43% less 8.35% is 2.08, not 2.0)."""
    if not workforce or not workforce_before:
        return None
    return f"{100 * (people / workforce - people_before / workforce_before):+.1f} points"


def window_end(date_from: date, date_to: date | None, today: date) -> date:
    """The last day of the dates chosen: To, or today when only From is set."""
    return date_to or max(today, date_from)


def comparison_window(date_from: date | None, date_to: date | None, today: date) -> tuple[date, date] | None:
    """The same length of time just before the dates chosen, or None when only To is set (the period then runs from
    the first session, and nothing comes before it) or the dates are the wrong way round."""
    if date_from is None or window_end(date_from, date_to, today) < date_from:
        return None
    length = (window_end(date_from, date_to, today) - date_from).days + 1
    return date_from - timedelta(days=length), date_from - timedelta(days=1)


def scope_words(filters: Filters) -> str:
    """The series and elements the figures are narrowed to, as words to follow a period: ' in Series 3 on Morale'."""
    series = f" in {' and '.join(filters.series)}" if filters.series else ""
    elements = " and ".join(taxonomy.element_label(code) for code in filters.elements)
    return series + (f" on {elements}" if elements else "")


def series_name(figures: pd.Series, series: pd.DataFrame) -> str:
    """A series with the months it runs and the sessions it held: 'Series 3 (January 2024 to present, 11 sessions
    held)'."""
    dates = series.loc[figures["name"]]
    return (f"{figures['name']} ({month_year(dates['start_date'])} to {month_year(dates['end_date'])}, "
            f"{counted(int(figures['sessions_held']), 'session')} held)")


def series_caption(focus: pd.Series, previous: pd.Series | None, series: pd.DataFrame) -> str:
    """The series the figures describe and the one they are compared with, each with its months and sessions."""
    if previous is None:
        return f"{series_name(focus, series)}: the first series, with nothing before it to compare."
    return (f"{series_name(focus, series)}, compared with {series_name(previous, series)}. Series differ in length: "
            "compare attendances per session and the share of the workforce reached.")


def window_caption(now: pd.Series, before: pd.Series | None, date_from: date | None, date_to: date | None,
                   today: date, scope: str) -> str:
    """The dates chosen (and the other filters' scope) and what they are compared with: as long just before."""
    held = counted(int(now["sessions_held"]), "session")
    if date_from is None:
        return f"Sessions held up to {long_date(date_to)}{scope} ({held}). Nothing comes before them to compare with."
    shown = f"Sessions held from {long_date(date_from)} to {long_date(window_end(date_from, date_to, today))}{scope} " \
            f"({held})"
    window = comparison_window(date_from, date_to, today)
    if window is None:
        return f"{shown}."
    start, end = window
    just_before = f"the {counted((end - start).days + 1, 'day')} just before ({long_date(start)} to {long_date(end)})"
    if before is None or not before["sessions_held"]:
        return f"{shown}. No session was held in {just_before}, so there is nothing to compare."
    return f"{shown}, compared with {just_before}: {counted(int(before['sessions_held']), 'session')}."


def responses_by_year(scores: pd.DataFrame) -> pd.Series:
    """The trust's survey responses in each year (the most any score had: some scores are asked of fewer)."""
    return scores.dropna(subset=["responses"]).groupby("survey_year")["responses"].max().astype(int)


def responses_fall(by_year: pd.Series) -> str | None:
    """A warning when the latest year's responses fell by more than a quarter on the year before, else None."""
    if len(by_year) < 2:
        return None
    (year_before, before), (year, now) = list(by_year.items())[-2:]
    if now >= before * (1 - RESPONSES_FALL):
        return None
    return (f"Survey responses fell by more than a quarter, from {before:,} in {year_before} to {now:,} in {year}: "
            "read the change in scores with care.")
