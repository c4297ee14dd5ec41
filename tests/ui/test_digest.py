"""The key of charts and tables made from a frame: it changes with anything a chart could show, and with
nothing pandas caches as the frame is read."""
from __future__ import annotations

import pickle

import pandas as pd
import pytest

from ui.context import unshared
from ui.digest import frame_digest


def frame() -> pd.DataFrame:
    return pd.DataFrame({"series": ["Series 1", "Series 2"], "attendances": [500, 650],
                         "starts_at": pd.to_datetime(["2022-04-11", "2023-04-11"])})


def test_equal_frames_share_a_digest_and_so_do_copies_of_them():
    assert frame_digest(frame()) == frame_digest(frame())
    # Every read of the query cache is a copy: a warm page must find the chart its last run built, even when that
    # run changed its copy.
    cached = frame()
    first = unshared(cached)
    digest = frame_digest(first)
    first.loc[0, "attendances"] = 0
    assert frame_digest(unshared(cached)) == digest
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


def test_a_frame_over_a_strided_array_has_a_digest_that_follows_its_values():
    import numpy as np

    grid = np.arange(24, dtype="int64").reshape(4, 6)
    before = frame_digest(pd.DataFrame(grid[:, ::2], copy=False))  # columns not contiguous in memory
    assert before == frame_digest(pd.DataFrame(grid[:, ::2], copy=False))
    grid[0, 0] = -1
    assert frame_digest(pd.DataFrame(grid[:, ::2], copy=False)) != before


def test_a_frame_hashes_the_same_once_it_has_been_read():
    # Reading fills caches on the arrays and dtypes that every copy of a cached frame shares: a chart built on the
    # first run after the data changed must be found on the second.
    cached = frame().astype({"attendances": "Int64", "series": "string[pyarrow]"})
    before = frame_digest(cached)
    first = unshared(cached)
    first.groupby("series")["attendances"].sum().sort_values()
    assert first.dtypes.tolist() and first["attendances"].array.dtype.numpy_dtype.kind == "i"
    assert frame_digest(first) == frame_digest(unshared(cached)) == frame_digest(cached) == before
    assert frame_digest(cached.assign(attendances=cached["attendances"] + 1)) != before

