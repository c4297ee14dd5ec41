"""The theme explorer under AppTest: URL filters, the three views, search, suppression and roles."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access import queries_feedback as qf
from data_access import queries_reach as qr
from data_access.database import make_engine
from data_access.filters import Filters
from domain.vocabulary import comments_withheld
from tests.helpers import TRUST, csv_rows
from tests.pages.conftest import array, figure, headings

PAGE = "pages/explorer.py"


def explorer(app, role: str = "od_team", **params) -> AppTest:
    at = app(role=role, **params).switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def test_themes_view_charts_the_most_raised_sub_themes(app, sample_sqlite_url):
    at = explorer(app)
    trend = figure(at, 0)
    shares = qf.sub_theme_by_series(make_engine(sample_sqlite_url), Filters(TRUST), 10)
    top = shares.groupby("sub_theme")["items"].sum().sort_values(ascending=False).index[:6]
    assert [trace.name for trace in trend.data] == list(top)
    first = shares[(shares["sub_theme"] == top[0])].set_index("series")["share"]
    assert list(array(trend.data[0].y)) == pytest.approx([round(v * 100, 1) for v in first])
    assert at.dataframe[1].value["status"].isin(["new", "growing", "fading", "steady", "gone"]).all()
    spread = at.dataframe[2]  # its download too: every element by name
    assert headings(spread) == ["Sub-theme", "Compassionate and inclusive", "Recognised and rewarded",
                                "Voice that counts", "Safe and healthy", "Always learning", "Work flexibly",
                                "We are a team"]


def test_sub_theme_and_element_filters_come_from_the_url(app):
    at = explorer(app, sub_theme=["communication", "workload"], element="Voice that counts")
    assert at.multiselect(key="sub_theme").value == ["communication", "workload"]
    assert {trace.name for trace in figure(at, 0).data} == {"communication", "workload"}
    pp3_dates = {row["starts_at"][:10] for row in csv_rows("sessions.csv") if row["element_code"] == "PP3"}
    items = sum(1 for row in csv_rows("feedback.csv") if row["session_date"] in pp3_dates)
    shown = at.dataframe[0].value
    assert shown.groupby("series")["series_items"].first().astype(int).sum() == items


def test_search_counts_matches_and_shows_text_as_text(app):
    at = explorer(app, view="Feedback", q='"car park" OR parking')
    expected = [r for r in csv_rows("feedback.csv")
                if "car park" in r["text"].lower() or "parking" in r["text"].lower()]
    assert at.metric[0].value == str(len(expected))
    cards = [m.value for m in at.markdown if "orange-background" in m.value]
    assert cards and all("<" not in card for card in cards)
    table = at.dataframe[0].value
    assert len(table) == len(expected)
    assert list(table.columns) == ["date", "series", "session", "element", "prompt", "source", "text", "sub_themes"]
    assert headings(at.dataframe[0]) == ["Date", "Series", "Session", "Element", "Prompt", "Source", "Feedback",
                                         "Sub-themes"]
    assert sorted(table["text"]) == sorted(r["text"] for r in expected)


def test_an_unreadable_search_gets_a_plain_warning(app):
    at = explorer(app, view="Feedback", q='"car park')
    assert "quotation mark has no partner" in at.warning[0].value


def test_feedback_for_a_small_staff_group_is_withheld(app, sample_sqlite_url):
    engine = make_engine(sample_sqlite_url)
    groups = {r["staff_group"] for r in csv_rows("feedback.csv") if r["staff_group"]}
    def in_series_1(group: str) -> qf.Verbatim:
        return qf.verbatim(engine, Filters(TRUST, series=("Series 1",), staff_groups=(group,)), "", 10)
    small = next(g for g in sorted(groups) if 0 < len(in_series_1(g).items) < 10 or in_series_1(g).withheld)
    at = explorer(app, view="Feedback", series="Series 1", staff_group=small)
    assert at.info[0].value.startswith(comments_withheld(10, 1).split(' 1 session')[0])
    assert not at.metric


def test_reach_view_hides_small_groups_and_shows_ratios(app, sample_sqlite_url):
    at = explorer(app, view="Reach")
    frame = qr.representation(make_engine(sample_sqlite_url), Filters(TRUST), "staff_group", 10, date(2026, 11, 23))
    table = at.dataframe[0].value.set_index("group")
    for row in frame.itertuples():
        assert table.at[row.group, "people"] == ("hidden" if pd.isna(row.people) else f"{row.people:g}")
    bars = figure(at, 0).data[0]
    assert len(bars.y) == frame["workforce_share"].notna().sum()


def test_the_threshold_is_configurable(app, monkeypatch):
    monkeypatch.setenv("BC_SUPPRESSION_THRESHOLD", "100")
    at = explorer(app, view="Reach")
    people = at.dataframe[0].value["people"]
    assert all(value == "hidden" or float(value) == 0 or float(value) >= 100 for value in people)
    assert "under 100" in at.caption[0].value


def test_facilitators_do_not_get_the_explorer(app):
    at = app(role="facilitator")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE).run()


def test_the_feedback_view_says_how_a_search_was_read(app):
    at = explorer(app, view="Feedback", q="rota or shift")
    assert "Read as: rota OR shift" in [c.value for c in at.caption]
    assert int(at.metric[0].value.replace(",", "")) > 10


@pytest.mark.parametrize("dates", [{"from": "2025-06-01", "to": "2023-01-01"},
                                   {"from": "2023-08-01", "to": "2023-08-31"}],
                         ids=["from-after-to", "a-month-without-sessions"])
def test_reach_says_plainly_that_nobody_matches(app, dates):
    at = explorer(app, view="Reach", **dates)
    assert not at.error, [e.value for e in at.error]
    assert [i.value for i in at.info] == ["Nobody who came to a session matches these filters: check the dates (From "
                                          "must be on or before To) and the other filters."]
    assert not at.get("plotly_chart")
