"""The chart cache's key: a frame's digest changes with anything a chart could show."""
from __future__ import annotations

import pickle

import pandas as pd
import pytest

from ui.context import frame_digest, unshared


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


def test_a_figure_as_sent_is_the_same_chart_to_the_browser():
    import json

    import numpy as np
    import plotly.express as px
    import plotly.io

    from ui.context import as_sent

    data = frame().assign(share=[0.25, np.nan], label=["<b>a</b>", "b & c"])

    def build(data: pd.DataFrame):
        return px.scatter(data, x="starts_at", y="attendances", color="series", size="attendances",
                          custom_data=["share", "label"], title="Attendances")

    original, sent = build(data), as_sent(build, data)
    assert json.loads(plotly.io.to_json(sent, validate=False)) == json.loads(plotly.io.to_json(original, validate=False))
    assert isinstance(sent.data[0].x, tuple) and isinstance(sent.data[0].x[0], str)  # plain values, not datetimes


def test_the_query_caches_key_for_filters_tells_every_field_apart():
    from dataclasses import fields, replace
    from datetime import date

    from data_access.filters import Filters
    from ui.context import filters_key

    base = Filters("RXX")
    assert filters_key(base) == filters_key(Filters("RXX"))
    changed = {"org_code": "RYY", "date_from": date(2022, 4, 11), "date_to": date(2022, 4, 12)}
    keys = {filters_key(replace(base, **{f.name: changed.get(f.name, ("x",))})) for f in fields(Filters)}
    assert len(keys) == len(fields(Filters)) and filters_key(base) not in keys


def test_a_frame_over_a_strided_array_has_a_digest_that_follows_its_values():
    import numpy as np

    grid = np.arange(24, dtype="int64").reshape(4, 6)
    before = frame_digest(pd.DataFrame(grid[:, ::2], copy=False))  # columns not contiguous in memory
    assert before == frame_digest(pd.DataFrame(grid[:, ::2], copy=False))
    grid[0, 0] = -1
    assert frame_digest(pd.DataFrame(grid[:, ::2], copy=False)) != before


def test_a_copy_of_a_cached_value_can_be_changed_without_changing_the_cache():
    from data_access.queries_feedback import Verbatim
    from reports.brief_sections import Raised

    cached = {"verbatim": Verbatim(frame()), "reach": {"band": frame().set_index("series")}, "frames": [frame()],
              "raised": [Raised("Rotas", 3, [("Rotas come late", "11 April 2022")])], "total": 1150}
    before = pickle.dumps(cached)
    copy = unshared(cached)
    pd.testing.assert_frame_equal(copy["verbatim"].items, frame())
    pd.testing.assert_frame_equal(copy["reach"]["band"], frame().set_index("series"))
    assert copy["raised"] == cached["raised"] and copy["total"] == 1150
    copy["verbatim"].items["attendances"] = 0
    copy["verbatim"].items.loc[0, "series"] = "Changed"
    copy["reach"]["band"].index.name = "changed"
    copy["reach"]["extra"] = frame()
    copy["frames"][0].columns = ["a", "b", "c"]
    copy["frames"].append(frame())
    copy["raised"][0].quotes.append(("More", "12 April 2022"))
    assert pickle.dumps(cached) == before
    assert copy["verbatim"].items["attendances"].tolist() == [0, 0] and isinstance(copy["raised"][0], Raised)


def test_every_read_of_a_cached_query_is_the_callers_own(sample_sqlite_url, monkeypatch):
    from datetime import date

    from data_access.filters import Filters
    from tests.helpers import TRUST
    from ui.context import data_changed, forget_reads, query, settings

    monkeypatch.setenv("DATABASE_URL", sample_sqlite_url)
    settings.clear()
    forget_reads()
    args = ("overview", "headline_by_series", Filters(TRUST), date(2026, 11, 23))
    first = query(*args)
    expected = first.copy(deep=True)
    assert expected["sessions_held"].sum() > 0
    first["sessions_held"] = -1
    again = query(*args)
    pd.testing.assert_frame_equal(again, expected)
    data_changed()
    pd.testing.assert_frame_equal(query(*args), expected)
    settings.clear()
    forget_reads()
