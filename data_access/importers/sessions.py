"""sessions: a CSV of sessions, one row each; a series not seen before is created."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, insert

from data_access import loader
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.errors import ImportProblem
from data_access.importers.lookups import org_ids_of, series_starts
from data_access.importers.raw import check_size, read_table
from data_access.models import Series, Session
from domain.vocabulary import SESSION_FORMATS, SESSION_HELD, SESSION_STATUSES

REQUIRED = ("org_code", "series", "title", "element_code", "starts_at", "host_roles", "format", "status")
OPTIONAL = ("key_themes", "recording_url", "slides_url")


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    checks.columns(REQUIRED, OPTIONAL)
    checks.filled(*REQUIRED)
    frame = checks.frame
    org_ids_of(conn, checks, "org_code")
    starts = checks.dates("starts_at", options.today, future=True, times=True)
    status = checks.choices("status", SESSION_STATUSES)
    in_future = starts.map(lambda s: s is not None and s.date() > options.today)
    for index in frame.index[(status == SESSION_HELD) & in_future]:
        checks.problem(index, "starts_at", "a held session cannot be in the future")
    rows = pd.DataFrame({
        "org_code": frame["org_code"], "series": frame["series"], "title": frame["title"],
        "element_code": checks.metrics("element_code"), "starts_at": starts, "host_roles": frame["host_roles"],
        "format": checks.choices("format", SESSION_FORMATS), "status": status,
        "key_themes": frame["key_themes"].fillna(""), "recording_url": frame["recording_url"],
        "slides_url": frame["slides_url"]})
    checks.duplicates(rows[["org_code", "series", "starts_at"]], "starts_at")
    checks.lengths(rows, Session.__table__, also={"series": Series.__table__.c.name})
    checks.text_warnings("title", "key_themes", "host_roles")
    _before_series(conn, checks, rows)
    known = set(zip(*loader.series_keys(conn)[["org_code", "series"]].T.values))
    new_series = sorted({(o, s) for o, s in zip(rows["org_code"], rows["series"])} - known, key=str)
    notes = [f"New series {s!r} of {o} will be created." for o, s in new_series]
    return Prepared(rows=len(rows), data={"sessions": rows}, problems=checks.problems, warnings=checks.warnings,
                    notes=notes)


def _before_series(conn: Connection, checks: RowChecks, rows: pd.DataFrame) -> None:
    """Warn of a session dated before its series began: odd, though a series' start may be what is wrong."""
    starts = series_starts(conn)
    for index, org, series, at in zip(rows.index, rows["org_code"], rows["series"], rows["starts_at"]):
        began = starts.get((org, series))
        if began and at is not None and at.date() < began:
            checks.warnings.append(ImportProblem(checks.row(index), "starts_at", "the session is dated before its "
                                                 f"series began ({began:%d %B %Y}); check the date"))


def _create_series(conn: Connection, sessions: pd.DataFrame) -> None:
    """Add each series the file names that does not exist yet, starting on its first session's date."""
    known = loader.series_keys(conn)
    orgs = loader.organisation_ids(conn)
    firsts = sessions.groupby(["org_code", "series"], as_index=False)["starts_at"].min()
    new = firsts.merge(known, on=["org_code", "series"], how="left")
    new = new[new["series_id"].isna()]
    if not new.empty:
        conn.execute(insert(Series), [{"organisation_id": orgs[o], "name": s, "start_date": start.date(),
                                       "end_date": None, "cadence": "", "description": ""}
                                      for o, s, start in zip(new["org_code"], new["series"], new["starts_at"])])


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    sessions = prepared.data["sessions"]
    if write:
        _create_series(conn, sessions)
    return loader.load_sessions(conn, sessions, write)


KIND = Kind("sessions", "Sessions", "A CSV of sessions: " + ", ".join(REQUIRED + OPTIONAL) + ".", True, prepare, load)
