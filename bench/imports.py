"""The import of one large Teams attendance report, through the same pipeline as the CLI and the Import page.

The report is for a session the benchmark adds to the first organisation's latest series; the session, its
attendance and the import's record are removed afterwards, so the tier's database is left as it was."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine, delete, insert, select

from bench.timing import Timing, seconds
from data_access.config import SAMPLE_SECRET
from data_access.importers.base import ImportOptions
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit, sha256
from data_access.models import Attendance, ImportBatch, Organisation, Series, Session
from data_access.permissions import COMMAND_LINE, Actor
from data_access.queries_overview import organisations_with_sessions
from sample_data.teams_report import ReportStyle, render

BENCH_START = datetime(2026, 11, 22, 6, 30)  # a Sunday dawn: no generated session is then


@dataclass(frozen=True)
class ImportResult:
    rows: int
    seconds: float  # the median of the runs
    runs: int
    first_seconds: float  # the first run, the process's first import: slower, as caches are still cold

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


def teams_report(rows: int, seed: int = 7) -> bytes:
    """A current-layout, UTF-16 Teams report with `rows` participants (one organiser, the rest attendees)."""
    rng = np.random.default_rng(seed)
    joins = pd.Timestamp(BENCH_START) + pd.to_timedelta(rng.integers(0, 600, rows), unit="s")
    stays = pd.to_timedelta(rng.integers(300, 3600, rows), unit="s")
    people = pd.DataFrame({"name": [f"Benchmark Participant {n}" for n in range(rows)],
                           "email": [f"bench.person{n}@example.nhs.uk" for n in range(rows)],
                           "first_join": joins, "last_leave": joins + stays,
                           "teams_role": ["Organizer"] + ["Attendee"] * (rows - 1)})
    return render("Big Conversation: benchmark import", people, ReportStyle("sections", "uk", "utf-16-le"))


def measure_import(engine: Engine, rows: int, runs: int = 1) -> ImportResult:
    """Commit a `rows`-row attendance report and take it out again, `runs` times; the median time."""
    raw = teams_report(rows)
    took = [_import_once(engine, raw, rows) for _ in range(runs)]
    return ImportResult(rows, Timing.of(took).median, runs, took[0])


def _import_once(engine: Engine, raw: bytes, rows: int) -> float:
    session_id = _add_session(engine)
    options = ImportOptions(secret=SAMPLE_SECRET, today=BENCH_START.date() + timedelta(days=1), user="benchmark",
                            max_bytes=len(raw), session_id=session_id, synthetic=True)
    try:
        took = seconds(lambda: commit(engine, KINDS["attendance"], "benchmark_teams_attendance.csv", raw, options,
                                          Actor("benchmark", COMMAND_LINE)))
        with engine.connect() as conn:
            landed = conn.execute(select(Attendance.id).where(Attendance.session_id == session_id)).all()
        if len(landed) != rows:
            raise RuntimeError(f"the import landed {len(landed)} of {rows} rows")
        return took
    finally:
        _remove(engine, session_id, sha256(raw))


def _add_session(engine: Engine) -> int:
    org = str(organisations_with_sessions(engine)["ods_code"].iloc[0])
    with engine.begin() as conn:
        series_id = conn.execute(select(Series.id).join(Organisation, Organisation.id == Series.organisation_id)
                                 .where(Organisation.ods_code == org).order_by(Series.start_date.desc())).scalar()
        return conn.execute(insert(Session).values(
            series_id=series_id, title="Benchmark import", element_code="PP1", starts_at=BENCH_START,
            host_roles="Benchmark", format="online", status="held").returning(Session.id)).scalar_one()


def _remove(engine: Engine, session_id: int, digest: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(Attendance).where(Attendance.session_id == session_id))
        conn.execute(delete(Session).where(Session.id == session_id))
        conn.execute(delete(ImportBatch).where(ImportBatch.sha256 == digest))
