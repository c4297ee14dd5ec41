"""Read queries for the executive Overview: every figure aggregated in SQL, returned as small frames."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, case, distinct, func, select

from data_access.database import read_frame
from data_access.filters import (
    Filters,
    apply,
    attendee_count,
    counted_attendance,
    feedback_count,
    organisation_id,
    sessions_joined,
)
from data_access.models import (
    Action,
    Attendance,
    BenchmarkScore,
    Feedback,
    Organisation,
    Series,
    Session,
    SurveyScore,
    Workforce,
)
from data_access.queries_reach import workforce_snapshot
from domain import taxonomy
from domain.vocabulary import ACTION_DONE, OPEN_ACTION_STATUSES, SESSION_CANCELLED, SESSION_HELD


def organisations_with_sessions(engine: Engine) -> pd.DataFrame:
    """Organisations that run sessions, largest first: the default is the first."""
    query = (select(Organisation.ods_code, Organisation.name, func.count(Session.id).label("sessions"))
             .join(Series, Series.organisation_id == Organisation.id).join(Session, Session.series_id == Series.id)
             .group_by(Organisation.ods_code, Organisation.name)
             .order_by(func.count(Session.id).desc(), Organisation.ods_code))
    return read_frame(engine, query, ["ods_code", "name", "sessions"])


def series_list(engine: Engine, org_code: str) -> pd.DataFrame:
    query = (select(Series.name, Series.start_date, Series.end_date, Series.cadence)
             .join(Organisation, Organisation.id == Series.organisation_id)
             .where(Organisation.ods_code == org_code).order_by(Series.start_date))
    return read_frame(engine, query, ["name", "start_date", "end_date", "cadence"])


MEASURES = ["sessions_held", "attendances", "people_reached", "first_session", "last_session", "feedback_items",
            "actions_done", "actions_open", "actions_overdue"]


def headline_by_series(engine: Engine, filters: Filters, today: date) -> pd.DataFrame:
    """Per series (in order): sessions held, attendances, people reached, the first and last session held, feedback
    items, and the actions raised at its sessions by state.

    Series filters are ignored here so the page can always compare a series with the one before it."""
    by_series = [Series.name]
    reach, feedback, actions = _headline_queries(filters, today, by_series, ignore_series=True)
    frame = series_list(engine, filters.org_code)[["name", "start_date"]]
    for query, columns in ((reach, _REACH), (feedback, ["feedback_items"]), (actions, _ACTIONS)):
        frame = frame.merge(read_frame(engine, query.group_by(*by_series), ["name", *columns]), on="name", how="left")
    return _counts_as_whole_numbers(frame).sort_values("start_date").reset_index(drop=True)


def headline_totals(engine: Engine, filters: Filters, today: date) -> pd.Series:
    """The headline's measures over everything the filters select (the chosen series and dates together): what
    the Overview shows when From or To is set."""
    reach, feedback, actions = _headline_queries(filters, today, [])
    frame = pd.concat([read_frame(engine, query, columns) for query, columns in
                       ((reach, _REACH), (feedback, ["feedback_items"]), (actions, _ACTIONS))], axis=1)
    return _counts_as_whole_numbers(frame).iloc[0]


_REACH = ["sessions_held", "attendances", "people_reached", "first_session", "last_session"]
_ACTIONS = ["actions_done", "actions_open", "actions_overdue"]


def _headline_queries(filters: Filters, today: date, group: list, *, ignore_series: bool = False):
    """The headline's three queries (reach, feedback, actions), selecting the group's columns first."""
    held = and_(Session.status == SESSION_HELD, counted_attendance())
    reach = apply(sessions_joined(
        select(*group, func.count(distinct(Session.id)), func.count(Attendance.id),
               func.count(distinct(Attendance.person_key)), func.min(Session.starts_at), func.max(Session.starts_at))
        .select_from(Session).join(Attendance, and_(Attendance.session_id == Session.id, held))), filters,
        ignore_series=ignore_series)
    feedback = apply(sessions_joined(select(*group, func.count(Feedback.id)).select_from(Feedback)
                                     .join(Session, Session.id == Feedback.session_id)), filters,
                     ignore_series=ignore_series)
    overdue = and_(Action.status.in_(OPEN_ACTION_STATUSES), Action.due_date < today)
    actions = apply(sessions_joined(
        select(*group,
               func.coalesce(func.sum(case((Action.status == ACTION_DONE, 1), else_=0)), 0),
               func.coalesce(func.sum(case((Action.status.in_(OPEN_ACTION_STATUSES), 1), else_=0)), 0),
               func.coalesce(func.sum(case((overdue, 1), else_=0)), 0))
        .select_from(Action).join(Session, Session.id == Action.session_id)), filters,
        ignore_series=ignore_series)
    return reach, feedback, actions


def _counts_as_whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing counts as 0 and every count a whole number; the first and last session as timestamps."""
    counts = [c for c in MEASURES if c not in ("first_session", "last_session")]
    frame[counts] = frame[counts].fillna(0).astype(int)
    return frame.assign(first_session=pd.to_datetime(frame["first_session"]),
                        last_session=pd.to_datetime(frame["last_session"]))


def people_reached(engine: Engine, filters: Filters) -> int:
    """Distinct people who attended any held session within the filters (all chosen series together)."""
    query = apply(sessions_joined(select(func.count(distinct(Attendance.person_key))).select_from(Session)
                                  .join(Attendance, Attendance.session_id == Session.id))
                  .where(Session.status == SESSION_HELD, counted_attendance()), filters)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def workforce_headcount(engine: Engine, org_code: str, on: date) -> int:
    """Total headcount at the latest snapshot on or before the date (or the earliest, if none is)."""
    query = select(func.coalesce(func.sum(Workforce.headcount), 0)).where(
        Workforce.organisation_id == organisation_id(org_code), Workforce.as_at == workforce_snapshot(org_code, on))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def survey_trends(engine: Engine, org_code: str, codes: tuple[str, ...]) -> pd.DataFrame:
    """The trust's score and responses per year for each code (and the score's name), beside its own benchmarks: its
    group's best, average (median) and worst, the trust included, and how many organisations they were taken over."""
    query = (select(SurveyScore.metric_code, SurveyScore.survey_year, SurveyScore.score, SurveyScore.responses,
                    BenchmarkScore.best, BenchmarkScore.average, BenchmarkScore.worst, BenchmarkScore.organisations)
             .outerjoin(BenchmarkScore, and_(BenchmarkScore.organisation_id == SurveyScore.organisation_id,
                                             BenchmarkScore.survey_year == SurveyScore.survey_year,
                                             BenchmarkScore.metric_code == SurveyScore.metric_code))
             .where(SurveyScore.organisation_id == organisation_id(org_code), SurveyScore.metric_code.in_(codes))
             .order_by(SurveyScore.metric_code, SurveyScore.survey_year))
    frame = read_frame(engine, query, ["metric_code", "survey_year", "score", "responses", "best", "average", "worst",
                                       "organisations"])
    return frame.astype({**{c: "float64" for c in ("score", "best", "average", "worst")},
                         "organisations": "Int64"}).assign(score_name=frame["metric_code"].map(taxonomy.element_label))


def session_markers(engine: Engine, filters: Filters) -> pd.DataFrame:
    """Held and planned sessions with their attendance, to mark on the trend chart's time axis."""
    query = apply(sessions_joined(
        select(Session.id, Series.name, Session.title, Session.element_code, Session.starts_at, Session.status,
               attendee_count()).select_from(Session))
        .where(Session.status != SESSION_CANCELLED), filters).order_by(Session.starts_at)
    frame = read_frame(engine, query,
                       ["session_id", "series", "title", "element_code", "starts_at", "status", "attendance"])
    frame["starts_at"] = pd.to_datetime(frame["starts_at"])
    return frame


def series_element_grid(engine: Engine, filters: Filters) -> pd.DataFrame:
    """Sessions held, attendances and feedback items per series and element, its code and name (only pairs with
    a session)."""
    query = apply(sessions_joined(
        select(Series.name, Series.start_date, Session.element_code, func.count(Session.id),
               func.coalesce(func.sum(attendee_count()), 0), func.coalesce(func.sum(feedback_count()), 0))
        .select_from(Session))
        .where(Session.status == SESSION_HELD), filters).group_by(Series.name, Series.start_date, Session.element_code)
    frame = read_frame(engine, query,
                       ["series", "start_date", "element_code", "sessions", "attendances", "feedback_items"])
    order = {code: n for n, code in enumerate(taxonomy.METRICS)}
    named = frame.assign(_o=frame["element_code"].map(order), element=frame["element_code"].map(taxonomy.element_label))
    return named.sort_values(["start_date", "_o"]).drop(columns=["_o", "start_date"]).reset_index(drop=True)
