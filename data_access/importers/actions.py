"""actions: a CSV of "You said, we did" actions, each tied to a session by organisation, date and title."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access import loader
from data_access.actions import editable_fields, record_import
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.lookups import org_ids_of, session_dates, session_ids_by_key
from data_access.importers.raw import blank, check_size, read_table
from data_access.models import Action
from domain.action_rules import broken_rules
from domain.vocabulary import ACTION_STATUSES

REQUIRED = ("org_code", "session_date", "session_title", "element_code", "you_said", "we_did", "owner", "status")
OPTIONAL = ("due_date", "completed_date")


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    checks.columns(REQUIRED, OPTIONAL)
    checks.filled(*REQUIRED)
    org_ids_of(conn, checks, "org_code")
    frame = checks.frame
    rows = pd.DataFrame({
        "session_id": session_ids_by_key(conn, checks, options.today), "element_code": checks.metrics("element_code"),
        "you_said": frame["you_said"], "we_did": frame["we_did"].fillna(""), "owner": frame["owner"],
        "status": checks.choices("status", ACTION_STATUSES),
        "due_date": checks.dates("due_date", options.today, future=True),
        "completed_date": checks.dates("completed_date", options.today)})
    checks.duplicates(rows[["session_id", "you_said"]], "you_said")
    _rules(conn, checks, rows, options)
    checks.lengths(rows, Action.__table__)
    checks.text_warnings("you_said", "we_did", "owner")
    return Prepared(rows=len(rows), data={"actions": rows}, problems=checks.problems, warnings=checks.warnings)


def _rules(conn: Connection, checks: RowChecks, rows: pd.DataFrame, options: ImportOptions) -> None:
    """The register's own rules (domain.action_rules), row by row, for rows whose session and values were read."""
    found = rows["session_id"].notna()
    days = session_dates(conn, [int(s) for s in rows.loc[found, "session_id"].drop_duplicates()])
    at_fault = {(problem.row, problem.column) for problem in checks.problems}  # one message a cell is enough
    for index, row in rows[found].iterrows():
        values = {key: (None if blank(value) else value) for key, value in row.items()}
        for broken in broken_rules(values, days[int(row["session_id"])], options.today):
            if (checks.row(index), broken.field) not in at_fault:
                checks.problem(index, broken.field, broken.message)


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    """Load the actions; when writing, give what changed a new version and its audit trail, as an edit would."""
    frame = prepared.data["actions"]
    sessions = [int(s) for s in frame["session_id"].drop_duplicates()]
    before, now = (editable_fields(conn, sessions) if write else {}), options.now
    counts = loader.load_actions(conn, frame, write, stamp={"updated_by": options.user, "updated_at": now})
    if write:
        record_import(conn, before, sessions, options.user, now)
    return counts


KIND = Kind("actions", "Actions", "A CSV of actions: " + ", ".join(REQUIRED + OPTIONAL) + ".", True, prepare, load)
