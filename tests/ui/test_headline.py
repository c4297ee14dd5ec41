"""Which series or dates the headline describes, what it is compared with, and changes worked out exactly."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ui.headline import (
    comparison_window,
    delta,
    focus_and_previous,
    per_session_change,
    responses_fall,
    share_change,
    window_caption,
)


def by_series() -> pd.DataFrame:
    return pd.DataFrame({"name": ["Series 1", "Series 2", "Series 3"], "sessions_held": [7, 7, 0],
                         "attendances": [500, 650, 0]})


def test_latest_series_with_sessions_is_the_focus():
    focus, previous = focus_and_previous(by_series(), ())
    assert focus["name"] == "Series 2" and previous["name"] == "Series 1"
    assert delta(focus, previous, "attendances") == 150


def test_chosen_series_and_the_first_series():
    focus, previous = focus_and_previous(by_series(), ("Series 1",))
    assert focus["name"] == "Series 1" and previous is None
    assert delta(focus, previous, "attendances") is None
    assert focus_and_previous(by_series(), ("Series 3",)) == (None, None)


def test_the_workforce_share_changes_by_the_exact_difference_rounded_once():
    # 10.04% against 8.36% is 1.68 points: +1.7, where the difference of the rounded shares (10.0 - 8.4) says +1.6.
    assert share_change(1205, 12000, 1003, 12000) == "+1.7 points"
    # Each period against its own workforce: 500 of 5,000 (10%) against 400 of 4,000 (10%) is no change.
    assert share_change(500, 5000, 400, 4000) == "+0.0 points"
    assert share_change(500, 0, 400, 4000) is None


def test_attendances_per_session_are_compared_not_the_totals():
    series_3 = pd.Series({"sessions_held": 11, "attendances": 727})
    series_2 = pd.Series({"sessions_held": 7, "attendances": 576})
    assert per_session_change(series_3, series_2) == "-16.2"  # 66.09 against 82.29, though the total rose
    assert per_session_change(series_3, None) is None


@pytest.mark.parametrize(("date_from", "date_to", "window"), [
    (date(2024, 3, 1), date(2024, 8, 31), (date(2023, 8, 30), date(2024, 2, 29))),  # 184 days, just before
    (date(2025, 1, 1), None, (date(2023, 2, 9), date(2024, 12, 31))),  # From alone: up to today
    (None, date(2023, 1, 1), None),  # To alone: nothing before the first session
    (date(2024, 3, 1), date(2024, 2, 1), None),  # the wrong way round
])
def test_the_comparison_is_as_long_just_before_the_dates_chosen(date_from, date_to, window):
    assert comparison_window(date_from, date_to, date(2026, 11, 23)) == window


def test_a_window_with_nothing_before_it_says_so():
    now, empty = pd.Series({"sessions_held": 2}), pd.Series({"sessions_held": 0})
    assert window_caption(now, empty, date(2022, 1, 1), date(2022, 2, 28), date(2026, 11, 23), " in Series 1") == (
        "Sessions held from 1 January 2022 to 28 February 2022 in Series 1 (2 sessions). No session was held in the 59 "
        "days just before (3 November 2021 to 31 December 2021), so there is nothing to compare.")


@pytest.mark.parametrize(("before", "now", "flagged"), [(4000, 3000, False), (4000, 2999, True), (4243, 1800, True)])
def test_a_fall_in_survey_responses_of_more_than_a_quarter_is_flagged(before, now, flagged):
    warning = responses_fall(pd.Series({2024: before, 2025: now}))
    assert (warning is not None) == flagged
    if flagged:
        assert warning == (f"Survey responses fell by more than a quarter, from {before:,} in 2024 to {now:,} in 2025: "
                           "read the change in scores with care.")
