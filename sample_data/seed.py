"""Load a folder of sample files (the formats of docs/input-formats.md) in one transaction, through the same importers
as the command line and the Import page, recording each file as an import batch; a file whose SHA-256 was already
imported is skipped, so seeding twice changes nothing."""
from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, select

from data_access import loader
from data_access.database import refresh_statistics
from data_access.importers.base import ImportOptions
from data_access.importers.checks import RowChecks
from data_access.importers.kinds import KINDS
from data_access.importers.lookups import session_ids_by_key
from data_access.importers.pipeline import Outcome, import_into, record, sha256
from data_access.models import ImportBatch
from sample_data.calendar import SAMPLE_AS_OF
from sample_data.generator import generate
from sample_data.writer import write_files

SEED_USER = "sample data seed"


def seed_folder(engine: Engine, folder: Path, secret: str) -> dict[str, int]:
    """Load every sample file in folder in one transaction; returns how many files were new."""
    options = ImportOptions(secret=secret, today=max(date.today(), SAMPLE_AS_OF), user=SEED_USER,
                            max_bytes=1 << 40, synthetic=True)
    with engine.begin() as conn:
        done = set(conn.execute(select(ImportBatch.sha256).where(ImportBatch.outcome == "success")).scalars())
        loaded = 0
        for kind, path, org in _plan(folder):
            raw = path.read_bytes()
            if sha256(raw) in done:
                continue
            name = path.relative_to(folder).as_posix()
            if kind in OWN_LOADERS:
                counts = OWN_LOADERS[kind](conn, raw)
                outcome = Outcome(kind, name, sha256(raw), added=counts["added"], updated=counts["updated"],
                                  unchanged=counts["unchanged"])
                record(conn, outcome, SEED_USER, "success")
            else:
                import_into(conn, KINDS[kind], name, raw, ImportOptions(**{**options.__dict__, "org_code": org}),
                            write=True)
            done.add(sha256(raw))
            loaded += 1
    if loaded:
        refresh_statistics(engine, full=True)
    return {"files_loaded": loaded}


def seed_tier(engine: Engine, tier: str, seed: int, secret: str) -> dict[str, int]:
    """Generate a tier's files into a temporary folder and load them the same way as the shipped ones."""
    with tempfile.TemporaryDirectory() as folder:
        write_files(generate(tier, seed), Path(folder))
        return seed_folder(engine, Path(folder), secret)


def _plan(folder: Path):
    """(kind, path, organisation code) in an order where every file finds what it refers to."""
    yield "organisations", folder / "organisations.csv", None
    yield "survey", folder / "nhs_staff_survey_benchmarks.xlsx", None
    yield "series", folder / "series.csv", None
    yield "sessions", folder / "sessions.csv", None
    yield "workforce", folder / "workforce.csv", None
    yield "people", folder / "people.csv", None
    for path in sorted((folder / "attendance").glob("*/*.csv")):
        yield "attendance", path, path.parent.name
    yield "feedback", folder / "feedback.csv", None
    yield "actions", folder / "actions.csv", None


def _csv(raw: bytes, dates: list[str] | None = None) -> pd.DataFrame:
    frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    frame = frame.replace({"": None})
    for column in dates or []:
        frame[column] = pd.to_datetime(frame[column]).dt.date.astype(object).where(frame[column].notna(), None)
    return frame


def _load_tagged_feedback(conn: Connection, raw: bytes) -> dict[str, int]:
    """The sample feedback, across sessions and already tagged with sub-themes (imports arrive untagged)."""
    frame = _csv(raw)
    checks = RowChecks(frame)
    ids = session_ids_by_key(conn, checks, date.max)
    checks.stop_if_any()
    rows = frame.drop(columns=["org_code", "session_date", "session_title"]).assign(session_id=ids.astype(int))
    rows["created_at"] = pd.to_datetime(rows["created_at"], format="%Y-%m-%d %H:%M")
    return loader.load_feedback(conn, rows, tagged_by=SEED_USER)


# Files with no import kind of their own: the organisations, the series, and feedback already tagged with sub-themes.
OWN_LOADERS: dict[str, Callable[[Connection, bytes], dict[str, int]]] = {
    "organisations": lambda conn, raw: loader.load_organisations(conn, _csv(raw)),
    "series": lambda conn, raw: loader.load_series(conn, _csv(raw, dates=["start_date", "end_date"])),
    "feedback": _load_tagged_feedback,
}
