"""Row counts and exports for the command line."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from data_access.filters import attendees_per_session
from data_access.models import (Action, Attendance, Feedback, ImportBatch, Organisation, Series, Session,
                                SurveyScore, Workforce)

STATS_TABLES = {
    "organisations": Organisation, "series": Series, "sessions": Session, "attendance": Attendance,
    "feedback": Feedback, "actions": Action, "survey_scores": SurveyScore, "workforce": Workforce,
    "imports": ImportBatch,
}


def row_counts(engine: Engine) -> dict[str, int]:
    """Row counts of the main tables, keyed as `python -m data_access stats` prints them."""
    with engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(model)).scalar_one()
                for name, model in STATS_TABLES.items()}


def sessions_export(engine: Engine) -> pd.DataFrame:
    """Every session with its series, element, date, status and attendance (attendees only)."""
    attendees = attendees_per_session()
    query = (select(Session.id, Series.name.label("series"), Session.title, Session.element_code,
                    Session.starts_at, Session.status, func.coalesce(attendees.c.n, 0).label("attendance"))
             .join(Series, Series.id == Session.series_id)
             .outerjoin(attendees, attendees.c.session_id == Session.id)
             .order_by(Session.starts_at, Session.id))
    with engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all(),
                             columns=["id", "series", "title", "element_code", "starts_at", "status", "attendance"])
    frame["date"] = pd.to_datetime(frame.pop("starts_at")).dt.strftime("%Y-%m-%d")
    return frame[["id", "series", "title", "element_code", "date", "status", "attendance"]]
