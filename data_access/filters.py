"""The shared filters as plain, hashable values: what every read query takes."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from data_access.config import minimum_minutes
from data_access.models import Attendance, Feedback, FeedbackSubTheme, Organisation, Series, Session
from domain.vocabulary import ATTENDEE_ROLE

UNKNOWN = "Unknown"
NOT_TAGGED = "Not yet tagged"


def counted_attendance() -> ColumnElement[bool]:
    """The attendance rows every count of attendance and reach takes: attendees (Teams organisers and presenters run
    the session) who stayed at least BC_MIN_MINUTES (default 0: anyone who joined)."""
    attendee = Attendance.teams_role == ATTENDEE_ROLE
    minutes = minimum_minutes()
    return and_(attendee, Attendance.minutes_attended >= minutes) if minutes else attendee


@dataclass(frozen=True)
class Filters:
    org_code: str
    series: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sessions: tuple[int, ...] = ()
    sub_themes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    staff_groups: tuple[str, ...] = ()
    divisions: tuple[str, ...] = ()
    bands: tuple[str, ...] = ()

    @property
    def demographic(self) -> bool:
        """True when the filters pick out people by staff group, division or band."""
        return bool(self.staff_groups or self.divisions or self.bands)

    def without_demographics(self) -> Filters:
        return replace(self, staff_groups=(), divisions=(), bands=())


def organisation_id(org_code: str) -> ScalarSelect:
    """The id of the organisation with this ODS code, as a subquery."""
    return select(Organisation.id).where(Organisation.ods_code == org_code).scalar_subquery()


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
    if filters.sessions:
        query = query.where(Session.id.in_(filters.sessions))
    return query


def _in_or_unknown(column, chosen: tuple[str, ...]) -> ColumnElement[bool]:
    """column in the chosen values, where "Unknown" stands for no value recorded."""
    known = [value for value in chosen if value != UNKNOWN]
    condition = column.in_(known)
    return or_(condition, column.is_(None)) if UNKNOWN in chosen else condition


def apply_people(query: Select, filters: Filters) -> Select:
    """Restrict a query over Attendance to the staff group, division and band filters."""
    for column, chosen in ((Attendance.staff_group, filters.staff_groups), (Attendance.division, filters.divisions),
                           (Attendance.band, filters.bands)):
        if chosen:
            query = query.where(_in_or_unknown(column, chosen))
    return query


def apply_feedback(query: Select, filters: Filters, *, ignore_sub_themes: bool = False) -> Select:
    """Restrict a query over Feedback to the source, staff group and sub-theme filters."""
    if filters.sources:
        query = query.where(Feedback.source.in_(filters.sources))
    if filters.staff_groups:
        query = query.where(_in_or_unknown(Feedback.staff_group, filters.staff_groups))
    if filters.sub_themes and not ignore_sub_themes:
        # An alias, so the test still works inside queries that also join the sub-theme table.
        tag = aliased(FeedbackSubTheme)
        tagged = select(tag.feedback_id).where(tag.feedback_id == Feedback.id).correlate(Feedback)
        chosen = [name for name in filters.sub_themes if name != NOT_TAGGED]
        condition = tagged.where(tag.sub_theme.in_(chosen)).exists()
        query = query.where(or_(condition, ~tagged.exists()) if NOT_TAGGED in filters.sub_themes else condition)
    return query


def sessions_joined(query: Select) -> Select:
    """Join Series and Organisation onto a query that selects from Session."""
    return (query.join(Series, Series.id == Session.series_id)
            .join(Organisation, Organisation.id == Series.organisation_id))


def attendee_count() -> ScalarSelect:
    """The number of attendees of the session in the enclosing query.

    Counted per session from the (session_id, teams_role) index, not grouped over all attendance and joined:
    a region's million rows made that a full scan for every page that shows attendance."""
    return (select(func.count()).select_from(Attendance).where(Attendance.session_id == Session.id,
                                                               counted_attendance())
            .correlate(Session).scalar_subquery())


def feedback_count() -> ScalarSelect:
    """The number of feedback items of the session in the enclosing query (from the session_id index)."""
    return (select(func.count()).select_from(Feedback).where(Feedback.session_id == Session.id)
            .correlate(Session).scalar_subquery())
