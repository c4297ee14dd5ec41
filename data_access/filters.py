"""The shared filters as plain, hashable values: what every read query takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, Subquery, func, select

from data_access.models import Attendance, Organisation, Series, Session

# Teams organisers and presenters run the session; only attendees count as reach.
ATTENDEE = Attendance.teams_role == "Attendee"


@dataclass(frozen=True)
class Filters:
    org_code: str
    series: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


def apply(query: Select, filters: Filters, *, ignore_series: bool = False) -> Select:
    """Restrict a query that already joins Session, Series and Organisation to the filters."""
    query = query.where(Organisation.ods_code == filters.org_code)
    if filters.series and not ignore_series:
        query = query.where(Series.name.in_(filters.series))
    if filters.elements:
        query = query.where(Session.element_code.in_(filters.elements))
    if filters.date_from:
        query = query.where(Session.starts_at >= datetime.combine(filters.date_from, time.min))
    if filters.date_to:
        query = query.where(Session.starts_at <= datetime.combine(filters.date_to, time.max))
    return query


def sessions_joined(query: Select) -> Select:
    """Join Series and Organisation onto a query that selects from Session."""
    return (query.join(Series, Series.id == Session.series_id)
            .join(Organisation, Organisation.id == Series.organisation_id))


def attendees_per_session() -> Subquery:
    """session_id and n, the number of attendees, for every session that has any."""
    return (select(Attendance.session_id, func.count().label("n")).where(ATTENDEE)
            .group_by(Attendance.session_id).subquery())
