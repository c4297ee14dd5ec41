"""Seeding a folder of sample files: recorded per file, whole or nothing, idempotent down to natural keys."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select

from data_access.config import SAMPLE_FOLDER, SAMPLE_SECRET
from data_access.importers.errors import ImportRefused
from data_access.models import Attendance, ImportBatch
from data_access.privacy import person_key
from sample_data.seed import seed_folder
from tests.helpers import csv_rows, imported_files, report_participants, table_snapshot, teams_reports


def test_every_file_is_recorded_once_with_its_sha256(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        batches = conn.execute(select(ImportBatch.file_name, ImportBatch.sha256, ImportBatch.outcome,
                                      ImportBatch.rows, ImportBatch.kind)).all()
    expected = {path.relative_to(SAMPLE_FOLDER).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in imported_files()}
    assert {b.file_name: b.sha256 for b in batches} == expected
    assert len(batches) == len(expected)
    assert {b.outcome for b in batches} == {"success"}
    attendance_rows = {b.file_name: b.rows for b in batches if b.kind == "attendance"}
    assert attendance_rows == {path.relative_to(SAMPLE_FOLDER).as_posix(): len(report_participants(path))
                               for path in teams_reports()}


def test_attendance_takes_staff_group_division_and_band_from_the_staff_list(seeded_engine: Engine) -> None:
    staff = {row["email"]: row for row in csv_rows("people.csv")}
    attendee = next(r for r in report_participants(teams_reports()[0]) if r["Role"] == "Attendee")
    with seeded_engine.connect() as conn:
        stored = conn.execute(
            select(Attendance.staff_group, Attendance.division, Attendance.band, Attendance.teams_role)
            .where(Attendance.person_key == person_key(SAMPLE_SECRET, attendee["Email"]))).all()
    person = staff[attendee["Email"]]
    assert (person["staff_group"], person["division"], person["band"], "Attendee") in stored


def test_reseeding_without_the_import_record_matches_every_row_by_natural_key(migrated_engine: Engine) -> None:
    seed_folder(migrated_engine, SAMPLE_FOLDER, SAMPLE_SECRET)
    before = table_snapshot(migrated_engine)
    with migrated_engine.begin() as conn:
        conn.execute(delete(ImportBatch))

    assert seed_folder(migrated_engine, SAMPLE_FOLDER, SAMPLE_SECRET) == {"files_loaded": len(imported_files())}

    after = table_snapshot(migrated_engine)
    assert {k: v for k, v in after.items() if k != "import_batch"} == \
        {k: v for k, v in before.items() if k != "import_batch"}
    with migrated_engine.connect() as conn:
        messages = conn.execute(select(ImportBatch.file_name, ImportBatch.message)).all()
    assert [m for m in messages if not m.message.startswith("0 added, 0 updated, ")] == []


def _break_feedback_row(folder: Path, index: int) -> None:
    """Point one feedback row at a session that does not exist."""
    rows = csv_rows("feedback.csv", folder)
    rows[index]["session_title"] = "A session nobody held"
    with open(folder / "feedback.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_refused_file_leaves_the_database_as_it_was(migrated_engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    shutil.copytree(SAMPLE_FOLDER, folder)
    _break_feedback_row(folder, index=2)
    before = table_snapshot(migrated_engine)

    with pytest.raises(ImportRefused) as refused:
        seed_folder(migrated_engine, folder, SAMPLE_SECRET)

    assert [(p.row, p.column) for p in refused.value.problems] == [(4, "session_title")]
    assert "row 4, column session_title: no such session on that date" in str(refused.value)
    assert table_snapshot(migrated_engine) == before
    assert before["session"][0] == 0


def test_a_seeded_database_has_planner_statistics(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        if seeded_engine.dialect.name == "sqlite":
            analysed = conn.exec_driver_sql("SELECT DISTINCT tbl FROM sqlite_stat1").scalars().all()
        else:  # last_analyze, not last_autoanalyze: set by the seed's own ANALYZE, whatever autovacuum has done
            analysed = conn.exec_driver_sql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")\
                .scalars().all()
    assert {"attendance", "feedback", "feedback_sub_theme", "session", "person"} <= set(analysed)
