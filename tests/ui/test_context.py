"""The chart cache's key: a frame's digest changes with anything a chart could show."""
from __future__ import annotations

import pickle

import pandas as pd
import pytest

from ui.context import frame_digest


def frame() -> pd.DataFrame:
    return pd.DataFrame({"series": ["Series 1", "Series 2"], "attendances": [500, 650],
                         "starts_at": pd.to_datetime(["2022-04-11", "2023-04-11"])})


def test_equal_frames_share_a_digest_and_so_do_the_query_caches_reads():
    assert frame_digest(frame()) == frame_digest(frame())
    # The query cache unpickles a new frame on every read: a warm page must find the chart its last run built.
    read = pickle.loads(pickle.dumps(frame()))
    assert frame_digest(read) == frame_digest(pickle.loads(pickle.dumps(read)))


@pytest.mark.parametrize("change", [
    lambda f: f.assign(attendances=[500, 651]),
    lambda f: f.assign(series=["Series 1", "Series 3"]),
    lambda f: f.assign(attendances=f["attendances"].astype("float64")),
    lambda f: f.rename(columns={"attendances": "sessions"}),
    lambda f: f.set_axis([1, 2]),
    lambda f: f.iloc[::-1],
    lambda f: f.iloc[:1],
])
def test_any_change_a_chart_could_show_changes_the_digest(change):
    assert frame_digest(change(frame())) != frame_digest(frame())
