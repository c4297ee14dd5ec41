"""Loading by natural key: new rows are added, changed rows updated, identical rows left alone."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select

from data_access import loader
from data_access.models import Feedback, FeedbackSubTheme, Organisation, Session, SurveyScore

ORG = pd.DataFrame([{"ods_code": "R9Z", "name": "Northmoor", "benchmark_group": "Acute"}])
SERIES = pd.DataFrame([{"org_code": "R9Z", "name": "Series 1", "start_date": date(2022, 2, 1), "end_date": None,
                        "cadence": "monthly", "description": ""}])
SESSION = pd.DataFrame([{
    "org_code": "R9Z", "series": "Series 1", "title": "Team Conversation", "element_code": "PP7",
    "starts_at": pd.Timestamp("2022-06-23 12:00"), "host_roles": "Chief Executive", "format": "online",
    "status": "held", "key_themes": "", "recording_url": None, "slides_url": None}])
UNCHANGED = {"added": 0, "updated": 0, "unchanged": 1}


@pytest.fixture
def with_session(migrated_engine: Engine) -> Engine:
    """A migrated database holding one organisation, series and session."""
    with migrated_engine.begin() as conn:
        loader.load_organisations(conn, ORG)
        loader.load_series(conn, SERIES)
        loader.load_sessions(conn, SESSION)
    return migrated_engine


def _session_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(Session.id)).scalar_one()


def test_loading_the_same_rows_again_changes_nothing(with_session: Engine) -> None:
    with with_session.begin() as conn:
        assert loader.load_organisations(conn, ORG) == UNCHANGED
        assert loader.load_series(conn, SERIES) == UNCHANGED  # a missing end date equals the stored NULL
        assert loader.load_sessions(conn, SESSION) == UNCHANGED


def test_a_changed_row_is_updated_in_place_and_a_new_key_added(with_session: Engine) -> None:
    renamed = pd.concat([ORG.assign(name="Northmoor Hospitals"),
                         pd.DataFrame([{"ods_code": "RXX", "name": "Elsewhere", "benchmark_group": "Acute"}])])
    with with_session.begin() as conn:
        before = conn.execute(select(Organisation.id).where(Organisation.ods_code == "R9Z")).scalar_one()
        assert loader.load_organisations(conn, renamed) == {"added": 1, "updated": 1, "unchanged": 0}
    with with_session.connect() as conn:
        rows = conn.execute(select(Organisation.id, Organisation.ods_code, Organisation.name)
                            .order_by(Organisation.id)).all()
    assert [tuple(r) for r in rows] == [(before, "R9Z", "Northmoor Hospitals"), (before + 1, "RXX", "Elsewhere")]


def test_a_renamed_session_keeps_its_row(with_session: Engine) -> None:
    """A session is its series and start time: a corrected title updates it rather than adding a twin."""
    before = _session_id(with_session)
    with with_session.begin() as conn:
        counts = loader.load_sessions(conn, SESSION.assign(title="Team Conversation (rescheduled)"))
    assert counts == {"added": 0, "updated": 1, "unchanged": 0}
    with with_session.connect() as conn:
        assert conn.execute(select(Session.id, Session.title)).one() == (before, "Team Conversation (rescheduled)")


def test_a_missing_survey_score_stays_null_and_reloads_unchanged(with_session: Engine) -> None:
    scores = pd.DataFrame([
        {"org_code": "R9Z", "survey_year": 2023, "metric_code": "PP4", "score": float("nan"), "responses": 2100,
         "published_on": date(2024, 3, 7)},
        {"org_code": "R9Z", "survey_year": 2023, "metric_code": "PP5", "score": 6.42, "responses": 2100,
         "published_on": date(2024, 3, 7)}])
    benchmarks = pd.DataFrame([{"org_code": "R9Z", "benchmark_group": "Acute", "survey_year": 2023,
                                "metric_code": "PP4", "best": None, "average": None, "worst": None,
                                "organisations": None}])
    with with_session.begin() as conn:
        assert loader.load_survey(conn, scores, benchmarks) == {"added": 3, "updated": 0, "unchanged": 0}
        assert loader.load_survey(conn, scores, benchmarks) == {"added": 0, "updated": 0, "unchanged": 3}
    with with_session.connect() as conn:
        stored = dict(conn.execute(select(SurveyScore.metric_code, SurveyScore.score)).all())
    assert stored == {"PP4": None, "PP5": 6.42}


def test_feedback_sub_themes_are_tagged_once(with_session: Engine) -> None:
    items = pd.DataFrame([
        {"session_id": _session_id(with_session), "source": "board", "prompt": "What gets in the way?",
         "text": "Rotas come out late", "sub_themes": "workload; communication", "staff_group": None,
         "created_at": datetime(2022, 6, 23, 12, 30)},
        {"session_id": _session_id(with_session), "source": "form", "prompt": "What gets in the way?",
         "text": "Nobody says thank you", "sub_themes": "", "staff_group": "Students",
         "created_at": datetime(2022, 6, 23, 12, 40)}])
    with with_session.begin() as conn:
        assert loader.load_feedback(conn, items, tagged_by="test") == {"added": 2, "updated": 0, "unchanged": 0}
        assert loader.load_feedback(conn, items, tagged_by="test") == {"added": 0, "updated": 0, "unchanged": 2}
    with with_session.connect() as conn:
        tags = conn.execute(select(Feedback.text, FeedbackSubTheme.sub_theme).join(FeedbackSubTheme)
                            .order_by(FeedbackSubTheme.sub_theme)).all()
        count = conn.execute(select(func.count()).select_from(Feedback)).scalar_one()
    assert [tuple(t) for t in tags] == [("Rotas come out late", "communication"), ("Rotas come out late", "workload")]
    assert count == 2


def test_not_yet_tagged_is_read_as_no_sub_theme(with_session: Engine) -> None:
    """The app's own words for an untagged item, as its feedback download writes them, are not a sub-theme."""
    written = [("Kind managers", "Not yet tagged"), ("Quiet rooms", "NOT YET TAGGED "),
               ("Free parking", "not yet tagged; estates")]
    items = pd.DataFrame([{"session_id": _session_id(with_session), "source": "board", "prompt": "What helps?",
                           "text": text, "sub_themes": sub_themes, "staff_group": None, "created_at": None}
                          for text, sub_themes in written])
    with with_session.begin() as conn:
        assert loader.load_feedback(conn, items, tagged_by="test")["added"] == 3
    with with_session.connect() as conn:
        assert [tuple(t) for t in conn.execute(select(Feedback.text, FeedbackSubTheme.sub_theme)
                                                .join(FeedbackSubTheme))] == [("Free parking", "estates")]
