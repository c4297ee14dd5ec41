"""The Overview page run whole with AppTest: the figures shown, the filters, the charts."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from data_access import queries_overview as q
from data_access.config import SAMPLE_FOLDER
from data_access.database import make_engine
from data_access.filters import Filters
from tests.pages.conftest import array, as_read, figure, headings, metrics

TODAY = date(2026, 11, 23)


def expected(url: str, elements: tuple[str, ...] = ()) -> tuple[dict, dict, int]:
    """Series 3's and Series 2's figures, and the workforce at Series 3's last session."""
    engine = make_engine(url)
    by_series = q.headline_by_series(engine, Filters("R9Z", elements=elements), TODAY).set_index("name")
    workforce = q.workforce_headcount(engine, "R9Z", by_series.loc["Series 3", "last_session"].date())
    engine.dispose()
    return by_series.loc["Series 3"].to_dict(), by_series.loc["Series 2"].to_dict(), workforce


def test_headline_figures_show_series_3_against_series_2_per_session_too(app, sample_sqlite_url):
    at = app()
    assert not at.exception and not at.error
    now, before, workforce = expected(sample_sqlite_url)
    shown = metrics(at)
    assert shown["Sessions held"] == (str(now["sessions_held"]), str(now["sessions_held"] - before["sessions_held"]))
    assert shown["Attendances"] == (f"{now['attendances']:,}", str(now["attendances"] - before["attendances"]))
    # Series 3 ran longer: more attendances in all, fewer a session.
    per_session = now["attendances"] / now["sessions_held"], before["attendances"] / before["sessions_held"]
    assert shown["Attendances per session"] == (f"{per_session[0]:.1f}", f"{per_session[0] - per_session[1]:+.1f}")
    assert per_session[0] < per_session[1] and now["attendances"] > before["attendances"]
    assert shown["People reached"][0] == f"{now['people_reached']:,}"
    assert shown["People reached to date"] == (f"{people_to_date(sample_sqlite_url, Filters('R9Z')):,}", "")
    assert shown["Workforce reached"][0] == f"{100 * now['people_reached'] / workforce:.1f}%"
    assert shown["Feedback items"][0] == f"{now['feedback_items']:,}"
    assert shown["Actions done"][0] == str(now["actions_done"])
    assert shown["Actions open"][0] == str(now["actions_open"])
    assert shown["Actions overdue"] == (str(now["actions_overdue"]),
                                        str(now["actions_overdue"] - before["actions_overdue"]))
    assert any(as_read(c.value).startswith("Series 3 (January 2024 to present, 11 sessions held), compared with "
                                           "Series 2 "
                                  "(October 2022 to September 2023, 7 sessions held).") for c in at.caption)
    assert now["sessions_held"] == 11 and before["sessions_held"] == 7


def people_to_date(url: str, filters: Filters) -> int:
    engine = make_engine(url)
    people = q.people_reached(engine, filters)
    engine.dispose()
    return people


def test_with_dates_set_the_headline_describes_and_compares_exactly_those_dates(app, sample_sqlite_url):
    at = app(**{"from": "2024-03-01", "to": "2024-08-31"})
    assert not at.exception
    engine = make_engine(sample_sqlite_url)
    chosen = Filters("R9Z", date_from=date(2024, 3, 1), date_to=date(2024, 8, 31))
    now = q.headline_totals(engine, chosen, TODAY)
    before = q.headline_totals(engine, replace(chosen, date_from=date(2023, 8, 30), date_to=date(2024, 2, 29)), TODAY)
    engine.dispose()
    assert before["sessions_held"] > 0 and now["sessions_held"] > 0
    assert any(as_read(c.value) == f"Sessions held from 1 March 2024 to 31 August 2024 ({now['sessions_held']} "
                                    "sessions), "
                          "compared with the 184 days just before (30 August 2023 to 29 February 2024): "
                          f"{before['sessions_held']} sessions." for c in at.caption)
    shown = metrics(at)
    assert shown["Sessions held"] == (str(now["sessions_held"]), str(now["sessions_held"] - before["sessions_held"]))
    assert shown["Attendances"] == (f"{now['attendances']:,}", str(now["attendances"] - before["attendances"]))
    assert shown["People reached"] == (f"{now['people_reached']:,}",
                                       str(now["people_reached"] - before["people_reached"]))
    to_date = people_to_date(sample_sqlite_url, replace(chosen, date_from=None))
    assert shown["People reached to date"][0] == f"{to_date:,}"


def test_survey_responses_stand_beside_the_scores_and_a_sharp_fall_is_flagged(app):
    at = app()
    by_year = pd.read_excel(SAMPLE_FOLDER / "nhs_staff_survey_benchmarks.xlsx", sheet_name="Acute and Acute Community")
    ours = by_year[by_year["org_id"] == "R9Z"].iloc[0]
    latest, before = int(ours["responses_2025"]), int(ours["responses_2024"])
    assert metrics(at)["Survey responses, 2025"] == (f"{latest:,}", f"{latest - before:+,} on 2024")
    assert [w.value for w in at.warning if not w.value.startswith("Running without sign-in")] == [
        f"Survey responses fell by more than a quarter, from {before:,} in 2024 to {latest:,} in 2025: read the change "
        "in scores with care."]


def test_element_filter_from_the_url_narrows_figures_and_charts(app, sample_sqlite_url):
    at = app(element="Safe and healthy")
    assert not at.exception
    assert at.multiselect(key="element").value == ["Safe and healthy"]
    now, _, _ = expected(sample_sqlite_url, ("PP4",))
    assert metrics(at)["Sessions held"][0] == str(now["sessions_held"])
    trend = figure(at, 0)
    assert [a.text for a in trend.layout.annotations] == ["Safe and healthy"]
    sessions = [t for t in trend.data if t.name == "Big Conversation session"]
    planned = pd.read_csv(SAMPLE_FOLDER / "sessions.csv").query("element_code == 'PP4' and status != 'cancelled'")
    assert len(sessions) == 1 and len(array(sessions[0].x)) == len(planned) > 0
    engine = make_engine(sample_sqlite_url)
    grid = q.series_element_grid(engine, Filters("R9Z", elements=("PP4",)))
    engine.dispose()
    heatmap = figure(at, 1)
    values = [v for v in array(heatmap.data[0].z).ravel() if not pd.isna(v)]
    assert len(values) == len(grid) and sum(values) == grid["attendances"].sum()


def test_first_series_has_nothing_to_compare(app):
    at = app(series="Series 1")
    assert not at.exception
    assert metrics(at)["Sessions held"] == ("7", "")
    assert any(as_read(c.value) == "Series 1 (February 2022 to August 2022, 7 sessions held): the first series, "
               "with nothing "
               "before it to compare." for c in at.caption)


def test_the_grid_switches_measure(app, sample_sqlite_url):
    at = app()
    at.segmented_control(key="grid_measure").set_value("feedback_items").run()
    engine = make_engine(sample_sqlite_url)
    total = q.series_element_grid(engine, Filters("R9Z"))["feedback_items"].sum()
    engine.dispose()
    z = array(figure(at, 1).data[0].z)
    assert pd.Series(z.ravel()).sum() == total
    assert figure(at, 1).layout.title.text.startswith("Feedback items")


def test_reversed_dates_warn_and_show_no_sessions(app):
    at = app(**{"from": "2024-01-01", "to": "2023-01-01"})
    assert not at.exception
    assert any("is after" in w.value for w in at.warning)
    assert any("No held sessions match" in i.value for i in at.info)


def test_every_role_gets_the_overview_and_a_bad_role_a_clear_message(app):
    for role in ("executive", "od_team", "facilitator"):
        at = app(role=role).switch_page("pages/overview.py").run()  # a facilitator's home is the brief
        assert not at.exception and len(at.metric) == 11, role
    at = app(role="janitor")
    assert not at.exception
    assert "BC_ROLE must be one of" in at.error[0].value


def test_a_configured_empty_database_is_migrated_but_never_given_sample_data(app, tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    at = app(database_url=url)
    assert not at.exception
    assert any("No held sessions match" in i.value for i in at.info)
    engine = make_engine(url)
    assert q.organisations_with_sessions(engine).empty
    engine.dispose()


def test_the_tables_behind_the_charts_are_headed_in_words_with_elements_by_name(app):
    at = app()
    scores, grid = at.dataframe
    assert headings(scores) == ["Score", "Survey year", "Our score", "Group average", "Group best", "Group worst",
                                "Responses", "Organisations in the group"]
    assert set(scores.value["score_name"]) == {"Compassionate and inclusive", "Recognised and rewarded",
                                               "Voice that counts", "Safe and healthy", "Always learning",
                                               "Work flexibly", "We are a team", "Staff engagement", "Morale"}
    assert headings(grid) == ["Series", "Element", "Sessions held", "Attendances", "Feedback items"]
    assert grid.value[["series", "element"]].iloc[0].tolist() == ["Series 1", "Compassionate and inclusive"]
