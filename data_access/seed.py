"""Load a folder of sample files (DESIGN.md §4 formats) through the loader, recording each file as an
import batch; a file whose SHA-256 was already imported is skipped, so seeding twice changes nothing."""
from __future__ import annotations

import hashlib
import io
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select

from data_access import loader
from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.importers.survey_workbook import read_workbook
from data_access.importers.teams import parse_report
from data_access.models import ImportBatch
from data_access.privacy import person_keys

SAMPLE_FOLDER = Path(__file__).resolve().parent.parent / "sample_data" / "files"
# National publication dates of each survey year's results.
PUBLISHED_ON = {2021: date(2022, 3, 30), 2022: date(2023, 3, 9), 2023: date(2024, 3, 7), 2024: date(2025, 3, 13)}
SEED_USER = "sample data seed"


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def seed_folder(engine: Engine, folder: Path, secret: str) -> dict[str, int]:
    """Load every sample file in folder in one transaction; returns how many files were new."""
    with engine.begin() as conn:
        done = set(conn.execute(select(ImportBatch.sha256).where(ImportBatch.outcome == "success")).scalars())
        loaded = 0
        for kind, path, load in _plan(folder, secret):
            raw = path.read_bytes()
            digest = sha256(raw)
            if digest in done:
                continue
            counts = load(conn, raw)
            _record(conn, kind, path.relative_to(folder).as_posix(), digest, counts)
            done.add(digest)
            loaded += 1
    return {"files_loaded": loaded}


def _plan(folder: Path, secret: str):
    staff = _staff_lookup(folder / "people.csv", secret)
    yield "organisations", folder / "organisations.csv", lambda c, raw: loader.load_organisations(c, _csv(raw))
    yield "survey", folder / "nhs_staff_survey_benchmarks.xlsx", _load_survey
    yield "series", folder / "series.csv", lambda c, raw: loader.load_series(c, _csv(raw, dates=["start_date", "end_date"]))
    yield "sessions", folder / "sessions.csv", lambda c, raw: loader.load_sessions(c, _sessions(raw))
    yield "workforce", folder / "workforce.csv", lambda c, raw: loader.load_workforce(c, _csv(raw, dates=["as_at"]))
    for path in sorted((folder / "attendance").glob("*/*.csv")):
        yield "attendance", path, lambda c, raw, org=path.parent.name: _load_attendance(c, raw, org, staff, secret)
    yield "feedback", folder / "feedback.csv", _load_feedback
    yield "actions", folder / "actions.csv", _load_actions


def _csv(raw: bytes, dates: list[str] | None = None) -> pd.DataFrame:
    frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    frame = frame.replace({"": None})
    for column in dates or []:
        frame[column] = pd.to_datetime(frame[column]).dt.date.astype(object).where(frame[column].notna(), None)
    return frame


def _sessions(raw: bytes) -> pd.DataFrame:
    frame = _csv(raw)
    frame["starts_at"] = pd.to_datetime(frame["starts_at"], format="%Y-%m-%d %H:%M")
    return frame.fillna({"key_themes": ""})


def _staff_lookup(path: Path, secret: str) -> pd.DataFrame:
    """Staff-list extract turned into person key → staff group, division, band; emails are dropped here."""
    people = _csv(path.read_bytes())
    return pd.DataFrame({"person_key": person_keys(secret, people["email"]), "staff_group": people["staff_group"],
                         "division": people["division"], "band": people["band"]})


def _load_survey(conn: Connection, raw: bytes) -> dict[str, int]:
    codes = set(loader.organisation_ids(conn))
    _, scores, benchmarks = read_workbook(raw, codes)
    scores = scores.assign(published_on=scores["survey_year"].map(PUBLISHED_ON))
    return loader.load_survey(conn, scores, benchmarks)


def _session_for_date(conn: Connection, org: str, day: date) -> int:
    keys = loader.session_keys(conn)
    match = keys[(keys["org_code"] == org) & (keys["session_date"] == day.isoformat())]
    if len(match) != 1:
        found = "no session" if match.empty else "several sessions"
        raise ImportRefused([ImportProblem(None, None, f"{found} of {org} on {day:%d %B %Y} to match this report")])
    return int(match["session_id"].iloc[0])


def _load_attendance(conn: Connection, raw: bytes, org: str, staff: pd.DataFrame, secret: str) -> dict[str, int]:
    report = parse_report(raw)
    people = report.participants
    rows = pd.DataFrame({"session_id": _session_for_date(conn, org, report.start.date()),
                         "person_key": person_keys(secret, people["identity"]),
                         "teams_role": people["teams_role"], "minutes_attended": people["minutes_attended"].round(2)})
    rows = rows.merge(staff, on="person_key", how="left")
    return loader.load_attendance(conn, rows)


def _with_session_id(conn: Connection, frame: pd.DataFrame) -> pd.DataFrame:
    keys = loader.session_keys(conn)[["session_id", "org_code", "session_date", "title"]]
    merged = frame.merge(keys.rename(columns={"title": "session_title"}), on=["org_code", "session_date", "session_title"],
                         how="left")
    unknown = merged["session_id"].isna()
    if unknown.any():
        problems = [ImportProblem(int(i) + 2, "session_title", "no such session on that date")
                    for i in merged.index[unknown][:20]]
        raise ImportRefused(problems)
    return merged.drop(columns=["org_code", "session_date", "session_title"]).astype({"session_id": int})


def _load_feedback(conn: Connection, raw: bytes) -> dict[str, int]:
    frame = _with_session_id(conn, _csv(raw))
    frame["created_at"] = pd.to_datetime(frame["created_at"], format="%Y-%m-%d %H:%M")
    return loader.load_feedback(conn, frame)


def _load_actions(conn: Connection, raw: bytes) -> dict[str, int]:
    frame = _with_session_id(conn, _csv(raw, dates=["due_date", "completed_date"]))
    keys = loader.session_keys(conn).set_index("session_id")["starts_at"]
    changed = [datetime.combine(done, datetime.min.time()) if done else keys[sid]
               for done, sid in zip(frame["completed_date"], frame["session_id"])]
    return loader.load_actions(conn, frame.assign(updated_by=SEED_USER, updated_at=changed))


def _record(conn: Connection, kind: str, name: str, digest: str, counts: dict[str, int]) -> None:
    rows = sum(counts.values())
    conn.execute(insert(ImportBatch).values(
        kind=kind, file_name=name, sha256=digest, imported_by=SEED_USER, imported_at=datetime.now(),
        rows=rows, outcome="success", message=", ".join(f"{v} {k}" for k, v in counts.items())))
