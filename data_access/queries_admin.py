"""Row counts and exports for the command line."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access.database import read_frame
from data_access.filters import attendee_count
from data_access.models import (
    Action,
    Attendance,
    BenchmarkScore,
    Feedback,
    ImportBatch,
    Metric,
    Organisation,
    Person,
    Series,
    Session,
    SurveyScore,
    Workforce,
)

STATS_TABLES = {
    "organisations": Organisation, "series": Series, "sessions": Session, "attendance": Attendance,
    "feedback": Feedback, "actions": Action, "survey_scores": SurveyScore, "workforce": Workforce, "people": Person,
}


def row_counts(engine: Engine) -> dict[str, int]:
    """Row counts of the main tables, keyed as `python -m data_access stats` prints them; imports counts the
    files that landed (a refused file is recorded but changes nothing)."""
    with engine.connect() as conn:
        counts = {name: conn.execute(select(func.count()).select_from(model)).scalar_one()
                  for name, model in STATS_TABLES.items()}
        counts["imports"] = conn.execute(select(func.count()).where(ImportBatch.outcome == "success")).scalar_one()
    return counts


def sessions_export(engine: Engine) -> pd.DataFrame:
    """Every session with its series, element, date, status and attendance (attendees only)."""
    query = (select(Session.id, Series.name.label("series"), Session.title, Session.element_code,
                    Session.starts_at, Session.status, attendee_count().label("attendance"))
             .join(Series, Series.id == Session.series_id)
             .order_by(Session.starts_at, Session.id))
    frame = read_frame(engine, query, ["id", "series", "title", "element_code", "starts_at", "status", "attendance"])
    frame["date"] = pd.to_datetime(frame.pop("starts_at")).dt.strftime("%Y-%m-%d")
    return frame[["id", "series", "title", "element_code", "date", "status", "attendance"]]


def survey_export(engine: Engine, org_code: str) -> pd.DataFrame:
    """An organisation's survey scores beside its own benchmarks: its group's best, average and worst."""
    query = (select(Organisation.ods_code.label("org_code"), SurveyScore.survey_year,
                    SurveyScore.metric_code.label("metric"), SurveyScore.score, SurveyScore.responses,
                    BenchmarkScore.best.label("group_best"), BenchmarkScore.average.label("group_average"),
                    BenchmarkScore.worst.label("group_worst"),
                    BenchmarkScore.organisations.label("group_organisations"))
             .join(Organisation, Organisation.id == SurveyScore.organisation_id)
             .join(Metric, Metric.code == SurveyScore.metric_code)
             .outerjoin(BenchmarkScore, (BenchmarkScore.organisation_id == SurveyScore.organisation_id)
                        & (BenchmarkScore.survey_year == SurveyScore.survey_year)
                        & (BenchmarkScore.metric_code == SurveyScore.metric_code))
             .where(Organisation.ods_code == org_code)
             .order_by(SurveyScore.survey_year, Metric.sort_order))
    columns = ["org_code", "survey_year", "metric", "score", "responses", "group_best", "group_average", "group_worst",
               "group_organisations"]
    return read_frame(engine, query, columns).astype({"responses": "Int64", "group_organisations": "Int64"})
