"""Which series the headline describes, and what it is compared with."""
from __future__ import annotations

import pandas as pd

from ui.headline import delta, focus_and_previous


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
