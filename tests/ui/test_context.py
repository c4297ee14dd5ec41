"""The app's caches: charts held as sent, query keys, and reads that each caller may change as its own."""
from __future__ import annotations

import pickle

import pandas as pd

from tests.ui.test_digest import frame
from ui.context import unshared


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
    as_json = [json.loads(plotly.io.to_json(figure, validate=False)) for figure in (sent, original)]
    assert as_json[0] == as_json[1]
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


def test_a_copy_of_a_cached_value_can_be_changed_without_changing_the_cache():
    from data_access.queries_feedback import Verbatim
    from reports.brief_sections import Raised

    cached = {"verbatim": Verbatim(frame(), 2), "reach": {"band": frame().set_index("series")}, "frames": [frame()],
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


def test_what_a_page_made_from_a_query_is_found_again_on_its_next_run(sample_sqlite_url, monkeypatch):
    from data_access.filters import Filters
    from tests.helpers import TRUST
    from ui.context import derived, forget_reads, query, settings

    monkeypatch.setenv("DATABASE_URL", sample_sqlite_url)
    settings.clear()
    forget_reads()
    made = []

    def most_raised(shares: pd.DataFrame) -> list[str]:
        made.append("most raised")
        return shares.groupby("sub_theme")["items"].sum().sort_values(ascending=False, kind="stable").index[:3].tolist()

    def series(shares: pd.DataFrame) -> list[str]:
        made.append("series")
        return list(dict.fromkeys(shares["series"]))

    def run() -> tuple[list[str], list[str]]:
        """A page's run: one read of the query, two results made from it (reading the frame fills its caches)."""
        shares = query("feedback", "sub_theme_by_series", Filters(TRUST), 10)
        return derived(most_raised, shares), derived(series, shares)

    assert run() == run() and made == ["most raised", "series"]
    settings.clear()
    forget_reads()


def test_a_query_on_demand_reads_everything_afresh_when_called(sample_sqlite_url, monkeypatch):
    from data_access.filters import Filters
    from tests.helpers import TRUST, csv_rows
    from ui.context import forget_reads, on_demand, query, settings

    monkeypatch.setenv("DATABASE_URL", sample_sqlite_url)
    settings.clear()
    forget_reads()
    shown = query("feedback", "verbatim", Filters(TRUST), "", 10, 50)  # as the feedback view reads it
    every = on_demand("feedback", "verbatim", Filters(TRUST), "", 10)
    assert len(shown.items) == 50 and shown.total == len(csv_rows("feedback.csv"))
    assert len(every().items) == every().total == shown.total  # what the feedback view's downloads hold
    pd.testing.assert_frame_equal(every().items.head(50), shown.items)
    settings.clear()
    forget_reads()
