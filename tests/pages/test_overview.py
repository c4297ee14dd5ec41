"""The Overview page run whole with AppTest: the figures shown, the filters, the charts."""
from __future__ import annotations

from datetime import date

import pandas as pd

from data_access import queries_overview as q
from data_access.database import make_engine
from data_access.filters import Filters
from sample_data.seed import SAMPLE_FOLDER
from tests.pages.conftest import array, figure, headings, metrics

TODAY = date(2026, 11, 23)


def expected(url: str, elements: tuple[str, ...] = ()) -> tuple[dict, dict, int]:
    engine = make_engine(url)
    by_series = q.headline_by_series(engine, Filters("R9Z", elements=elements), TODAY).set_index("name")
    workforce = q.workforce_headcount(engine, "R9Z", TODAY)
    engine.dispose()
    return by_series.loc["Series 3"].to_dict(), by_series.loc["Series 2"].to_dict(), workforce


def test_headline_figures_show_series_3_against_series_2(app, sample_sqlite_url):
    at = app()
    assert not at.exception and not at.error
    now, before, workforce = expected(sample_sqlite_url)
    shown = metrics(at)
    assert shown["Sessions held"] == (str(now["sessions_held"]), str(now["sessions_held"] - before["sessions_held"]))
    assert shown["Attendances"] == (f"{now['attendances']:,}", str(now["attendances"] - before["attendances"]))
    assert shown["People reached"][0] == f"{now['people_reached']:,}"
    assert shown["Workforce reached"][0] == f"{100 * now['people_reached'] / workforce:.1f}%"
    assert shown["Feedback items"][0] == f"{now['feedback_items']:,}"
    assert shown["Actions done"][0] == str(now["actions_done"])
    assert shown["Actions open"][0] == str(now["actions_open"])
    assert shown["Actions overdue"] == (str(now["actions_overdue"]),
                                        str(now["actions_overdue"] - before["actions_overdue"]))
    assert any("Series 3 (January 2024 to present), compared with Series 2" in c.value for c in at.caption)
    assert now["sessions_held"] == 11 and before["sessions_held"] == 7


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
    assert any("the first series: nothing to compare" in c.value for c in at.caption)


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
        assert not at.exception and len(at.metric) == 8, role
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
                                "Responses"]
    assert set(scores.value["score_name"]) == {"Compassionate and inclusive", "Recognised and rewarded",
                                               "Voice that counts", "Safe and healthy", "Always learning",
                                               "Work flexibly", "We are a team", "Staff engagement", "Morale"}
    assert headings(grid) == ["Series", "Element", "Sessions held", "Attendances", "Feedback items"]
    assert grid.value[["series", "element"]].iloc[0].tolist() == ["Series 1", "Compassionate and inclusive"]
