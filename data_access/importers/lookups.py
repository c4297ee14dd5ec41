"""What an import looks up in the database: organisations and sessions, by the keys files carry."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, select

from data_access import loader
from data_access.importers.base import ImportOptions
from data_access.importers.checks import RowChecks
from data_access.importers.raw import refuse
from data_access.models import Organisation, Series, Session


@dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    starts_at: datetime
    org_code: str
    organisation_id: int


def _session_query():
    return (select(Session.id, Session.title, Session.starts_at, Organisation.ods_code.label("org_code"),
                   Organisation.id.label("organisation_id"))
            .join(Series, Series.id == Session.series_id).join(Organisation, Organisation.id == Series.organisation_id))


def session_by_id(conn: Connection, session_id: int | None) -> SessionRow:
    """The session an import is for; refused when none is given or it does not exist."""
    if session_id is None:
        raise refuse("say which session this file is for (--session ID; ids are in `export sessions`)")
    row = conn.execute(_session_query().where(Session.id == session_id)).first()
    if row is None:
        raise refuse(f"there is no session with id {session_id}")
    return SessionRow(*row)


def sessions_on(conn: Connection, day, org_code: str | None) -> list[SessionRow]:
    start = datetime.combine(day, datetime.min.time())
    query = _session_query().where(Session.starts_at >= start, Session.starts_at < start + pd.Timedelta(days=1))
    if org_code:
        query = query.where(Organisation.ods_code == org_code)
    return [SessionRow(*row) for row in conn.execute(query.order_by(Session.id))]


def session_dates(conn: Connection, session_ids: list[int]) -> dict[int, date]:
    """The day each of these sessions is held, by id."""
    query = select(Session.id, Session.starts_at).where(Session.id.in_(session_ids))
    return {session_id: starts_at.date() for session_id, starts_at in conn.execute(query)}


def organisation_id(conn: Connection, options: ImportOptions) -> int:
    """The organisation named by --org, or the only one there is."""
    orgs = loader.organisation_ids(conn)
    if options.org_code:
        if options.org_code not in orgs:
            raise refuse(f"there is no organisation with the code {options.org_code!r}")
        return orgs[options.org_code]
    if len(orgs) != 1:
        raise refuse("say which organisation this file is for (--org CODE)" if orgs else
                     "there is no organisation yet: import the NHS Staff Survey benchmark workbook first")
    return next(iter(orgs.values()))


def org_ids_of(conn: Connection, checks: RowChecks, column: str) -> pd.Series:
    """Organisation ids for a column of ODS codes; unknown codes are problems."""
    orgs = loader.organisation_ids(conn)
    codes = checks.frame[column]
    checks.known(column, codes, set(orgs), "there is no organisation with this code")
    return codes.map(orgs)


def session_ids_by_key(conn: Connection, checks: RowChecks, today: date) -> pd.Series:
    """Session ids for rows identified by org_code, session_date and session_title; unknown ones are problems."""
    keys = loader.session_keys(conn)
    lookup = {(o, d, t): i for i, o, d, t in zip(keys["session_id"], keys["org_code"], keys["session_date"],
                                                   keys["title"])}
    frame = checks.frame
    days = checks.dates("session_date", today).map(lambda day: day.isoformat() if day else None)
    ids = pd.Series([lookup.get((o, d, t)) for o, d, t in zip(frame["org_code"], days, frame["session_title"])],
                    index=frame.index, dtype=object)
    for index in ids.index[ids.isna() & days.notna()]:
        checks.problem(index, "session_title", "no such session on that date")
    return ids


def series_starts(conn: Connection) -> dict[tuple[str, str], date]:
    """Each series' start date by the organisation code and name that identify it in files."""
    query = select(Organisation.ods_code, Series.name, Series.start_date).join(
        Organisation, Organisation.id == Series.organisation_id)
    return {(code, name): start for code, name, start in conn.execute(query)}
