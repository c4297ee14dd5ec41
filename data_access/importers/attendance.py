"""attendance: a Microsoft Teams attendance report for one session, people known only by keyed hashes."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access import loader
from data_access.importers import limits
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.errors import ImportProblem
from data_access.importers.lookups import SessionRow, session_by_id, sessions_on
from data_access.importers.raw import check_size, refuse
from data_access.importers.secret import check_secret
from data_access.importers.teams import TeamsReport, parse_report
from data_access.privacy import person_keys
from domain.vocabulary import ATTENDEE_ROLE, session_name


def _session(conn: Connection, report: TeamsReport, options: ImportOptions) -> tuple[SessionRow, list[ImportProblem]]:
    """The session given, else the one on the report's date; a date that differs from the session's is a warning."""
    day = report.start.date()
    if options.session_id is not None:
        session = session_by_id(conn, options.session_id)
        differs = session.starts_at.date() != day
        return session, [ImportProblem(None, "Start time", f"the report starts on {day:%d %B %Y} but the session "
                                       f"was on {session.starts_at:%d %B %Y}")] if differs else []
    found = sessions_on(conn, day, options.org_code)
    if len(found) != 1:
        which = "no session" if not found else \
            f"{len(found)} sessions ({', '.join(f'id {s.id}: {s.title}' for s in found)})"
        raise refuse(f"{which} on {day:%d %B %Y} to match this report; choose the session with --session ID")
    return found[0], []


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    check_secret(raw, options)
    report = parse_report(raw)
    if report.start.date() > options.today:
        raise refuse(f"the meeting starts on {report.start:%d %B %Y}, which is in the future", column="Start time")
    if report.start.date() < limits.EARLIEST_DATE:
        raise refuse(f"the meeting starts before {limits.EARLIEST_DATE.year}, which cannot be right",
                     column="Start time")
    session, warnings = _session(conn, report, options)
    people = report.participants
    rows = pd.DataFrame({"session_id": session.id, "person_key": person_keys(options.secret, people["identity"]),
                         "teams_role": people["teams_role"], "minutes_attended": people["minutes_attended"].round(2)})
    staff = loader.staff_of(conn, session.organisation_id, rows["person_key"].tolist())
    rows = rows.merge(staff, on="person_key", how="left")
    attendees = rows["teams_role"] == ATTENDEE_ROLE
    unknown = int((attendees & rows["staff_group"].isna()).sum())
    notes = [f"For session {session.id}: {session_name(session.starts_at, session.title)}.",
             f"{int(attendees.sum())} attendees; {int((~attendees).sum())} organisers and presenters are kept with "
             "their Teams role but not counted as attendees.",
             f"{unknown} attendees are not in the staff list: their staff group, division and band show as unknown."]
    return Prepared(rows=len(rows), data={"attendance": rows}, warnings=warnings + report.warnings, notes=notes)


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    return loader.load_attendance(conn, prepared.data["attendance"], write)


KIND = Kind("attendance", "Teams attendance report", "A Microsoft Teams attendance report (.csv) for one session.",
            False, prepare, load)
