"""The shape of the shipped sample, as the dashboard sees it once seeded (both backends)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine, distinct, func, select

from data_access.models import Action, Attendance, Feedback, Organisation, Series, Session, SurveyScore
from sample_data.calendar import SAMPLE_AS_OF
from tests.helpers import SURVEY_YEARS, TRUST

AS_OF = datetime.combine(SAMPLE_AS_OF, datetime.min.time())


def test_the_sample_describes_23_november_2026() -> None:
    assert date(2026, 11, 23) == SAMPLE_AS_OF


def test_three_series(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        assert list(conn.execute(select(Series.name).order_by(Series.start_date)).scalars()) == \
            ["Series 1", "Series 2", "Series 3"]


def test_series_1_took_each_element_once_from_february_to_august_2022(seeded_engine: Engine) -> None:
    query = (select(Session.element_code, Session.starts_at, Session.status).join(Series)
             .where(Series.name == "Series 1").order_by(Session.starts_at))
    with seeded_engine.connect() as conn:
        sessions = conn.execute(query).all()
    assert len(sessions) == 7
    assert sorted(s.element_code for s in sessions) == [f"PP{n}" for n in range(1, 8)]
    assert {s.status for s in sessions} == {"held"}
    assert datetime(2022, 2, 1) <= sessions[0].starts_at and sessions[-1].starts_at < datetime(2022, 9, 1)


def test_sessions_after_the_sample_date_are_planned_and_earlier_ones_are_not(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        sessions = conn.execute(select(Session.starts_at, Session.status)).all()
    later = {s.status for s in sessions if s.starts_at > AS_OF}
    earlier = {s.status for s in sessions if s.starts_at < AS_OF}
    assert later == {"planned"}
    assert earlier <= {"held", "cancelled"} and "held" in earlier


def test_every_held_session_has_20_to_150_attendees(seeded_engine: Engine) -> None:
    query = (select(Session.id, func.count(Attendance.id)).outerjoin(
        Attendance, (Attendance.session_id == Session.id) & (Attendance.teams_role == "Attendee"))
        .where(Session.status == "held").group_by(Session.id))
    with seeded_engine.connect() as conn:
        attendees = dict(conn.execute(query).all())
        others = conn.execute(select(func.count()).select_from(Attendance).join(Session)
                              .where(Session.status != "held")).scalar_one()
    assert len(attendees) >= 20
    assert all(20 <= n <= 150 for n in attendees.values()), attendees
    assert others == 0


def test_every_held_session_has_15_to_80_feedback_items(seeded_engine: Engine) -> None:
    query = (select(Session.id, func.count(Feedback.id)).outerjoin(Feedback)
             .where(Session.status == "held").group_by(Session.id))
    with seeded_engine.connect() as conn:
        feedback = dict(conn.execute(query).all())
    assert len(feedback) >= 20
    assert all(15 <= n <= 80 for n in feedback.values()), feedback


def test_some_people_come_back(seeded_engine: Engine) -> None:
    sessions_per_person = (select(Attendance.person_key).group_by(Attendance.person_key)
                           .having(func.count(distinct(Attendance.session_id)) > 1).subquery())
    with seeded_engine.connect() as conn:
        returning = conn.execute(select(func.count()).select_from(sessions_per_person)).scalar_one()
    assert returning >= 50


def test_actions_in_every_status_and_some_overdue(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        statuses = set(conn.execute(select(Action.status).distinct()).scalars())
        overdue = conn.execute(select(func.count()).select_from(Action).where(
            Action.due_date < SAMPLE_AS_OF, Action.status.not_in(["done", "dropped"]))).scalar_one()
        done_without_date = conn.execute(select(func.count()).select_from(Action).where(
            Action.status == "done", Action.completed_date.is_(None))).scalar_one()
    assert statuses == {"planned", "coming soon", "in progress", "done", "dropped"}
    assert overdue >= 1
    assert done_without_date == 0


def test_survey_scores_2021_to_2025_with_the_2023_safe_and_healthy_gap(seeded_engine: Engine) -> None:
    query = (select(SurveyScore.survey_year, SurveyScore.metric_code, SurveyScore.score)
             .join(Organisation).where(Organisation.ods_code == TRUST))
    with seeded_engine.connect() as conn:
        scores = conn.execute(query).all()
    assert {s.survey_year for s in scores} == set(SURVEY_YEARS)
    assert [(s.survey_year, s.metric_code) for s in scores if s.score is None] == [(2023, "PP4")]
    assert all(0 <= s.score <= 10 for s in scores if s.score is not None)
