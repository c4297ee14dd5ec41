"""The app's cache: charts held as sent, query keys, reads that each caller may change as its own, results
derived from a read kept under its key, and the data version that makes a write from any process seen at once."""
from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data_access.filters import Filters
from tests.helpers import TRUST, csv_rows, run_cli
from tests.import_files import csv_bytes
from ui import cached
from ui.cache import derived, forget_reads, handed_out, note_data_version
from ui.context import settings

TODAY = date(2026, 11, 23)


def frame() -> pd.DataFrame:
    return pd.DataFrame({"series": ["Series 1", "Series 2"], "attendances": [120, 95],
                         "starts_at": pd.to_datetime(["2022-04-11 12:00", "2023-01-09 12:30"])})


@pytest.fixture
def app_cache(sample_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's cache on the sample database, empty before and after the test."""
    monkeypatch.setenv("DATABASE_URL", sample_sqlite_url)
    settings.clear()
    forget_reads()
    yield
    settings.clear()
    forget_reads()


@pytest.fixture
def own_copy(tmp_path, monkeypatch: pytest.MonkeyPatch, sample_sqlite_url: str) -> Iterator[str]:
    """The app's cache on a copy of the sample database that this test may write to; yields its URL."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_sqlite_url.removeprefix("sqlite:///"), copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings.clear()
    forget_reads()
    yield url
    settings.clear()
    forget_reads()


def test_a_figure_as_sent_is_the_same_chart_to_the_browser():
    import json

    import numpy as np
    import plotly.express as px
    import plotly.io

    from ui.cache import as_sent

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
    from ui.cache import filters_key

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
    copy = handed_out(cached, ("key",))
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


def test_every_read_of_a_cached_query_is_the_callers_own(app_cache):
    first = cached.headline_by_series(Filters(TRUST), TODAY)
    expected = first.copy(deep=True)
    assert expected["sessions_held"].sum() > 0
    first["sessions_held"] = -1
    pd.testing.assert_frame_equal(cached.headline_by_series(Filters(TRUST), TODAY), expected)


def test_what_a_page_made_from_a_read_is_found_again_on_its_next_run(app_cache):
    made = []

    def most_raised(shares: pd.DataFrame) -> list[str]:
        made.append("most raised")
        return shares.groupby("sub_theme")["items"].sum().sort_values(ascending=False, kind="stable").index[:3].tolist()

    def series(shares: pd.DataFrame) -> list[str]:
        made.append("series")
        return list(dict.fromkeys(shares["series"]))

    def run() -> tuple[list[str], list[str]]:
        """A page's run: one read of the query, two results made from it."""
        shares = cached.sub_theme_by_series(Filters(TRUST), 10)
        return derived(most_raised, shares), derived(series, shares)

    assert run() == run() and made == ["most raised", "series"]
    other = cached.sub_theme_by_series(Filters(TRUST, series=("Series 1",)), 10)
    assert derived(series, other) == ["Series 1"] and made[-1] == "series"  # another read: made afresh


def test_a_frame_that_did_not_come_straight_from_a_read_is_never_answered_from_the_cache(app_cache):
    made = []

    def rows(shares: pd.DataFrame) -> int:
        made.append(len(shares))
        return len(shares)

    shares = cached.sub_theme_by_series(Filters(TRUST), 10)
    assert derived(rows, shares) == derived(rows, shares) == len(shares) and made == [len(shares)]
    assert derived(rows, shares.head(3)) == 3 and derived(rows, frame()) == 2  # made afresh, not the read's
    shares.loc[len(shares) + 100] = shares.iloc[0]  # a row added in place after it was handed out
    assert derived(rows, shares) == made[0] + 1
    assert made == [made[0], 3, 2, made[0] + 1]


def test_frames_inside_a_gathered_brief_are_keyed_by_where_they_sit(app_cache):
    choices = cached.brief_sessions(TRUST, TODAY)
    brief = cached.gathered_brief(int(choices["session_id"].iloc[0]), TODAY, 10)
    assert derived(len, brief.earlier) == len(brief.earlier)
    assert derived(len, brief.reach["division"]) == len(brief.reach["division"])


def test_a_query_on_demand_reads_everything_afresh_when_called(app_cache):
    shown = cached.verbatim(Filters(TRUST), "", 10, 50)  # as the feedback view reads it
    every = cached.verbatim.on_demand(Filters(TRUST), "", 10)
    assert len(shown.items) == 50 and shown.total == len(csv_rows("feedback.csv"))
    assert len(every().items) == every().total == shown.total  # what the feedback view's downloads hold
    pd.testing.assert_frame_equal(every().items.head(50), shown.items)


def test_an_import_from_another_process_is_seen_on_the_next_run(own_copy, tmp_path):
    before_version = note_data_version()  # a page run starts
    actions = cached.register(Filters(TRUST), TODAY)
    owners = cached.owners(TRUST)
    session = actions.iloc[0]
    row = {"org_code": TRUST, "session_date": f"{session['session_date']:%Y-%m-%d}",
           "session_title": session["session_title"], "element_code": session["element_code"],
           "you_said": "Seen everywhere at once", "we_did": "A data version", "owner": "Platform team",
           "status": "planned", "due_date": "", "completed_date": ""}
    (tmp_path / "actions.csv").write_bytes(csv_bytes([row]))
    run_cli(own_copy, "import", "actions", str(tmp_path / "actions.csv"))  # another process writes
    assert len(cached.register(Filters(TRUST), TODAY)) == len(actions)  # this run keeps what it read
    assert note_data_version() == before_version + 1  # the next run starts
    assert len(cached.register(Filters(TRUST), TODAY)) == len(actions) + 1
    assert "Platform team" in cached.owners(TRUST) and "Platform team" not in owners
