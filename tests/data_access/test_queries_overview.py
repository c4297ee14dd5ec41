"""Overview queries on both databases, checked against figures computed straight from the sample files."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from data_access import queries_overview as q
from data_access.config import SAMPLE_FOLDER
from data_access.filters import Filters
from tests.helpers import TRUST, attendees_by_date, report_participants, teams_reports

AS_OF = date(2026, 11, 23)
ALL = Filters(TRUST)


def sessions() -> pd.DataFrame:
    frame = pd.read_csv(SAMPLE_FOLDER / "sessions.csv")
    frame["session_date"] = frame["starts_at"].str[:10]
    return frame


def expected_by_series(elements: tuple[str, ...] = ()) -> pd.DataFrame:
    """Headline figures per series, computed with pandas from the files the seed read."""
    s = sessions()
    if elements:
        s = s[s["element_code"].isin(elements)]
    held = s[s["status"] == "held"]
    attend = attendees_by_date()
    keys = s[["session_date", "series"]]
    feedback = pd.read_csv(SAMPLE_FOLDER / "feedback.csv").merge(keys, on="session_date")
    actions = pd.read_csv(SAMPLE_FOLDER / "actions.csv").merge(keys, on="session_date")
    open_ = actions["status"].isin(["planned", "coming soon", "in progress"])
    overdue = open_ & (pd.to_datetime(actions["due_date"]) < pd.Timestamp(AS_OF))
    rows = {}
    for name in ("Series 1", "Series 2", "Series 3"):
        in_series = held[held["series"] == name]
        rows[name] = {
            "sessions_held": len(in_series),
            "attendances": sum(attend.get(d, 0) for d in in_series["session_date"]),
            "feedback_items": int((feedback["series"] == name).sum()),
            "actions_done": int(((actions["series"] == name) & (actions["status"] == "done")).sum()),
            "actions_open": int(((actions["series"] == name) & open_).sum()),
            "actions_overdue": int(((actions["series"] == name) & overdue).sum()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def reached(dates: set[str]) -> int:
    people = {row["Email"].lower() for path in teams_reports() if path.name[:10] in dates
              for row in report_participants(path) if row["Role"] == "Attendee"}
    return len(people)


@pytest.mark.parametrize("elements", [(), ("PP4",), ("PP1", "PP6")])
def test_headline_by_series_matches_the_files(seeded_engine, elements):
    got = q.headline_by_series(seeded_engine, Filters(TRUST, elements=elements), AS_OF).set_index("name")
    expected = expected_by_series(elements)
    assert list(got.index) == ["Series 1", "Series 2", "Series 3"]
    for column in expected.columns:
        assert got[column].to_dict() == expected[column].to_dict(), column


def test_people_reached_counts_each_person_once_per_scope(seeded_engine):
    s = sessions()
    held = s[s["status"] == "held"]
    series_3 = set(held[held["series"] == "Series 3"]["session_date"])
    assert q.people_reached(seeded_engine, ALL) == reached(set(held["session_date"]))
    assert q.people_reached(seeded_engine, Filters(TRUST, series=("Series 3",))) == reached(series_3)
    by_series = q.headline_by_series(seeded_engine, ALL, AS_OF).set_index("name")
    assert by_series.loc["Series 3", "people_reached"] == reached(series_3)
    # People come back: the distinct total is less than the sum of attendances.
    assert q.people_reached(seeded_engine, ALL) < by_series["attendances"].sum()


def test_date_range_filter(seeded_engine):
    spring_2022 = Filters(TRUST, date_from=date(2022, 3, 1), date_to=date(2022, 5, 31))
    grid = q.series_element_grid(seeded_engine, spring_2022)
    assert grid["sessions"].sum() == 3  # 11 April, 28 April and 19 May 2022
    assert set(grid["element_code"]) == {"PP6", "PP3", "PP5"}


def test_workforce_headcount_uses_the_latest_snapshot(seeded_engine):
    workforce = pd.read_csv(SAMPLE_FOLDER / "workforce.csv")
    totals = workforce.groupby("as_at")["headcount"].sum()
    assert q.workforce_headcount(seeded_engine, TRUST, AS_OF) == totals["2026-03-31"]
    assert q.workforce_headcount(seeded_engine, TRUST, date(2023, 6, 1)) == totals["2023-03-31"]
    assert q.workforce_headcount(seeded_engine, TRUST, date(2020, 1, 1)) == totals.iloc[0]


def test_survey_trends_keep_gaps_and_match_the_workbook(seeded_engine):
    trends = q.survey_trends(seeded_engine, TRUST, ("PP4", "PP1_2", "ENG")).set_index(["metric_code", "survey_year"])
    book = pd.read_excel(SAMPLE_FOLDER / "nhs_staff_survey_benchmarks.xlsx", sheet_name=None)
    sheet = next(s for s in book.values() if TRUST in set(s["org_id"]))
    ours = sheet[sheet["org_id"] == TRUST].iloc[0]  # the group's figures are over the whole sheet, ours included
    assert math.isnan(trends.loc[("PP4", 2023), "score"])  # not reported: a gap, never 0
    assert math.isnan(trends.loc[("PP4", 2023), "average"])
    for code, column in (("PP4", "PP4_2025"), ("PP1_2", "PP1_2_2024"), ("ENG", "theme_engagement_2021")):
        year = int(column[-4:])
        assert trends.loc[(code, year), "score"] == pytest.approx(ours[column])
        assert trends.loc[(code, year), "best"] == pytest.approx(sheet[column].max())
        assert trends.loc[(code, year), "average"] == pytest.approx(sheet[column].median())
        assert trends.loc[(code, year), "worst"] == pytest.approx(sheet[column].min())
        assert trends.loc[(code, year), "organisations"] == sheet[column].count()
    assert len(trends) == 15


def test_session_markers_skip_cancelled_and_keep_planned(seeded_engine):
    markers = q.session_markers(seeded_engine, ALL)
    s = sessions()
    assert len(markers) == int((s["status"] != "cancelled").sum())
    planned = markers[markers["status"] == "planned"]
    assert len(planned) >= 1 and (planned["attendance"] == 0).all()
    assert (planned["starts_at"] > pd.Timestamp(AS_OF)).all()
    attend = attendees_by_date()
    held = markers[markers["status"] == "held"]
    assert list(held["attendance"]) == [attend[d] for d in held["starts_at"].dt.strftime("%Y-%m-%d")]


def test_series_element_grid_adds_up(seeded_engine):
    grid = q.series_element_grid(seeded_engine, ALL)
    by_series = q.headline_by_series(seeded_engine, ALL, AS_OF).set_index("name")
    totals = grid.groupby("series")[["sessions", "attendances", "feedback_items"]].sum()
    assert totals["sessions"].to_dict() == by_series["sessions_held"].to_dict()
    assert totals["attendances"].to_dict() == by_series["attendances"].to_dict()
    assert totals["feedback_items"].to_dict() == by_series["feedback_items"].to_dict()
    series_1 = grid[grid["series"] == "Series 1"]
    assert sorted(series_1["element_code"]) == [f"PP{n}" for n in range(1, 8)]
    assert (series_1["sessions"] == 1).all()


def test_organisations_and_series_lists(seeded_engine):
    orgs = q.organisations_with_sessions(seeded_engine)
    assert list(orgs["ods_code"]) == [TRUST]
    assert orgs["sessions"].iloc[0] == len(sessions())
    assert list(q.series_list(seeded_engine, TRUST)["name"]) == ["Series 1", "Series 2", "Series 3"]


def test_headline_totals_count_exactly_the_dates_chosen(seeded_engine):
    chosen = Filters(TRUST, date_from=date(2024, 3, 1), date_to=date(2024, 8, 31))
    totals = q.headline_totals(seeded_engine, chosen, AS_OF)
    s = sessions()
    held = s[(s["status"] == "held") & s["session_date"].between("2024-03-01", "2024-08-31")]
    attend = attendees_by_date()
    assert totals["sessions_held"] == len(held) > 0
    assert totals["attendances"] == sum(attend[d] for d in held["session_date"])
    assert (totals["first_session"].strftime("%Y-%m-%d"), totals["last_session"].strftime("%Y-%m-%d")) == (
        held["session_date"].min(), held["session_date"].max())
    feedback = pd.read_csv(SAMPLE_FOLDER / "feedback.csv")
    assert totals["feedback_items"] == feedback["session_date"].isin(held["session_date"]).sum()


def test_headline_totals_of_a_whole_series_are_its_row_of_the_headline(seeded_engine):
    whole = q.headline_totals(seeded_engine, Filters(TRUST, series=("Series 2",)), AS_OF)
    row = q.headline_by_series(seeded_engine, ALL, AS_OF).set_index("name").loc["Series 2"]
    assert whole[q.MEASURES].to_dict() == row[q.MEASURES].to_dict()
