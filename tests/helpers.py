"""Helpers shared by the tests: expectations read straight from the sample files, without the importers."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, MetaData, String, func, select

from data_access.config import PROJECT_ROOT, SAMPLE_FOLDER, SAMPLE_SECRET
from data_access.database import upgrade
from data_access.models import Base
from sample_data.seed import seed_folder

TRUST = "R9Z"
SURVEY_METRICS = 30
SURVEY_YEARS = (2021, 2022, 2023, 2024, 2025)


def seed_sample(engine: Engine) -> Engine:
    """Migrate a database and load the shipped sample files into it, as the seed command does."""
    upgrade(engine)
    seed_folder(engine, SAMPLE_FOLDER, SAMPLE_SECRET)
    return engine


def csv_rows(name: str, folder: Path = SAMPLE_FOLDER) -> list[dict[str, str]]:
    """The data rows of a sample CSV (quoted cells may hold line breaks, so never count lines)."""
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def teams_reports(folder: Path = SAMPLE_FOLDER) -> list[Path]:
    return sorted((folder / "attendance").glob("*/*.csv"))


def report_participants(path: Path) -> list[dict[str, str]]:
    """The participants table of a Teams report, read by hand as an independent cross-check."""
    raw = path.read_bytes()
    content = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    lines = content.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split("\t")[0].lower() in ("name", "full name"))
    header = lines[start].split("\t")
    rows = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        rows.append(dict(zip(header, line.split("\t"))))
    return rows


def attendees_by_date(folder: Path = SAMPLE_FOLDER) -> dict[str, int]:
    """Distinct people with the Teams role Attendee per session date ('2022-02-28'), from the reports."""
    return {path.name[:10]: len({r["Email"].lower() for r in report_participants(path) if r["Role"] == "Attendee"})
            for path in teams_reports(folder)}


def imported_files(folder: Path = SAMPLE_FOLDER) -> list[Path]:
    """Every sample file the seed records as an import batch."""
    return [p for p in sorted(folder.rglob("*")) if p.is_file()]


@cache
def expected_stats() -> dict[str, int]:
    """What `python -m data_access stats` must print after seeding, counted from the files themselves."""
    survey = pd.read_excel(SAMPLE_FOLDER / "nhs_staff_survey_benchmarks.xlsx", sheet_name=None)
    trust = next(sheet[sheet["org_id"] == TRUST] for sheet in survey.values() if (sheet["org_id"] == TRUST).any())
    score_columns = [c for c in trust.columns if not c.startswith(("org_", "responses_"))]
    people = sum(len({row["Email"].lower() for row in report_participants(path)}) for path in teams_reports())
    return {
        "organisations": len(csv_rows("organisations.csv")), "series": len(csv_rows("series.csv")),
        "sessions": len(csv_rows("sessions.csv")), "attendance": people, "feedback": len(csv_rows("feedback.csv")),
        "actions": len(csv_rows("actions.csv")), "survey_scores": len(score_columns),
        "workforce": len(csv_rows("workforce.csv")), "people": len(csv_rows("people.csv")),
        "imports": len(imported_files()),
    }


def run_cli(database_url: str, *args: str) -> str:
    """Run `python -m data_access ARGS` against database_url with the sample secret; returns stdout."""
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("BC_PERSON_KEY_SECRET", None)
    done = subprocess.run([sys.executable, "-m", "data_access", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"python -m data_access {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def read_csv_text(content: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content)))


def table_snapshot(engine: Engine) -> dict[str, tuple[int, object]]:
    """Row count and highest primary key of every table: rows deleted and re-added would show."""
    snapshot = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            key = table.primary_key.columns.values()[0]
            snapshot[table.name] = tuple(conn.execute(select(func.count(), func.max(key)).select_from(table)).one())
    return snapshot


def text_values(engine: Engine) -> Iterator[tuple[str, str, str]]:
    """(table, column, value) for every distinct text value in every table the database holds."""
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        for table in tables.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, String):  # VARCHAR and TEXT alike
                    for (value,) in conn.execute(select(column).distinct().where(column.is_not(None))):
                        yield table.name, column.name, value
