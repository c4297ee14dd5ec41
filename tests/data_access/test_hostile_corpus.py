"""The hostile-file corpus (tests/hostile/corpus.py) through the real pipeline, on SQLite and PostgreSQL: each file
is refused at the dry run and at the commit alike, by row and column where a cell is at fault, with no traceback,
within seconds and a memory cap, leaving the database as it was but for one refused import record that quotes
none of the values planted in the file. Then a full dump after valid identity-bearing files finds no email or name."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.config import PROJECT_ROOT
from data_access.importers.errors import ImportRefused
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit, preview
from data_access.models import ImportBatch
from sample_data.teams_report import ReportStyle, render
from tests.helpers import table_snapshot, text_values
from tests.hostile import xlsx
from tests.hostile.corpus import Hostile, corpus
from tests.hostile.make_corpus import write_corpus
from tests.import_files import (
    IMPORTER,
    PEOPLE,
    csv_bytes,
    deployed,
    forms_export,
    options,
    run,
    teams_report,
    xlsx_bytes,
)

SECONDS = 5.0  # each file, dry run and commit together, traced, with room for a busy machine
PEAK_BYTES = 150 * 1024 * 1024
AT_A_CELL = re.compile(r"^row \d+, column [^:]+: ")


def test_the_corpus_has_over_a_hundred_files_of_every_kind() -> None:
    files = corpus()
    assert len(files) >= 100 and len({f.file_name for f in files}) == len(files)
    assert {f.kind for f in files} == set(KINDS)


@pytest.mark.parametrize("hostile", corpus(), ids=lambda h: h.file_name)
def test_a_hostile_file_is_refused_fast_plainly_and_changes_nothing(trust: Engine, hostile: Hostile) -> None:
    kind, given = KINDS[hostile.kind], options(**hostile.options)
    before = table_snapshot(trust)
    tracemalloc.start()
    started = time.perf_counter()
    dry = preview(trust, kind, hostile.file_name, hostile.raw, given)
    with pytest.raises(ImportRefused) as refused:
        commit(trust, kind, hostile.file_name, hostile.raw, given, IMPORTER)
    took, peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    said = str(refused.value)
    assert [str(p) for p in dry.problems] == said.splitlines()  # the dry run refuses what the commit does
    at_fault = [line for line in said.splitlines() if hostile.expect in line]
    assert at_fault, said
    if hostile.expect.startswith("row "):  # a cell is at fault: its row and column are named
        assert all(AT_A_CELL.match(line) for line in at_fault), said
    assert took < SECONDS and peak < PEAK_BYTES, (took, peak)
    after = table_snapshot(trust)
    assert {t: v for t, v in after.items() if t != "import_batch"} == \
        {t: v for t, v in before.items() if t != "import_batch"}
    assert after["import_batch"][0] == before["import_batch"][0] + 1
    with trust.connect() as conn:
        record = conn.execute(select(ImportBatch.outcome, ImportBatch.rows, ImportBatch.message)
                              .order_by(ImportBatch.id.desc()).limit(1)).one()
    assert (record.outcome, record.rows) == ("refused", 0) and record.message
    assert "planted" not in record.message.lower() and "planted" not in said.lower(), record.message


EMAILS = ["ann.planted@northmoor.example.nhs.uk", "bob.planted@northmoor.example.nhs.uk", "cat.planted@nhs.net"]
NAMES = ["Ann Plantedname", "Bob Plantedname", "Cat Plantedname"]


def identity_bearing(engine: Engine) -> None:
    """Valid files that carry names and emails: a staff list, a Teams report, two Forms exports, a board export."""
    staff = [dict(PEOPLE[0], email=e) for e in EMAILS]
    run(engine, "people", csv_bytes([*PEOPLE, *staff]))
    people = pd.DataFrame({"name": NAMES, "email": EMAILS, "teams_role": "Attendee",
                           "first_join": pd.Timestamp("2024-01-25 12:05"),
                           "last_leave": pd.Timestamp("2024-01-25 12:50")})
    run(engine, "attendance", render("Big Conversation", people, ReportStyle("sections", "uk", "utf-16-le")))
    run(engine, "attendance", teams_report("2024-04-18"))
    export = forms_export().assign(**{"Email": EMAILS, "Name": NAMES})
    run(engine, "forms", xlsx_bytes(export), "f.xlsx", session_id=1)
    renamed = export.rename(columns={"Email": "Email address", "Name": "Full name"}).assign(
        **{"Who are you?": NAMES, "Contact": [e.upper() for e in EMAILS], "Completion time": export["Completion time"]
           + pd.Timedelta(hours=1), "ID": [4, 5, 6]})
    run(engine, "forms", xlsx_bytes(renamed), "g.xlsx", session_id=1)
    run(engine, "feedback", csv_bytes([{"Author": n, "Email": e, "Post": f"Water please, {n[:3]}"} for n, e in
                                       zip(NAMES, EMAILS)]), session_id=1, mapping=(("text", "Post"),))


def test_a_full_dump_after_identity_bearing_files_holds_no_email_or_name(migrated_engine: Engine) -> None:
    identity_bearing(deployed(migrated_engine))
    planted = [p.lower() for p in EMAILS + NAMES] + ["plantedname", "@"]
    found = [(table, column, value) for table, column, value in text_values(migrated_engine)
             if any(p in value.lower() for p in planted)]
    assert found == []
    assert len(list(text_values(migrated_engine))) > 50  # the dump did read the tables


def test_the_corpus_script_writes_every_file_and_a_manifest(tmp_path: Path) -> None:
    assert write_corpus(tmp_path) == len(corpus())
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["file"] for entry in manifest} == {p.name for p in tmp_path.iterdir()} - {"manifest.json"}
    assert (tmp_path / "sessions-dimension-bomb.xlsx").read_bytes() == xlsx.dimension_bomb()


def test_the_command_line_refuses_a_bomb_without_a_traceback(trust: Engine, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(xlsx.dimension_bomb())
    env = {**os.environ, "DATABASE_URL": trust.url.render_as_string(hide_password=False),
           "BC_PERSON_KEY_SECRET": "a-test-secret"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "data_access", "import", "workforce", str(bomb)], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert time.perf_counter() - started < 20
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("sheet 'Sheet1' says it reaches cell XFD1048576") and "Traceback" not in done.stderr
