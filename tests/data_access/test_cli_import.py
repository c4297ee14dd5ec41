"""`python -m data_access import` and `export survey` as a user runs them, on both backends."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from data_access.config import PROJECT_ROOT, SAMPLE_FOLDER
from tests.helpers import TRUST, expected_stats, read_csv_text, run_cli, teams_reports
from tests.import_files import SESSIONS, csv_bytes


@pytest.fixture(scope="module")
def seeded_url(new_database_url: Callable[[], str]) -> str:
    url = new_database_url()
    run_cli(url, "seed")
    return url


def cli(url: str, *args: str, **settings: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "BC_AS_OF": "2026-11-23", **settings}
    env.pop("BC_PERSON_KEY_SECRET", None)
    return subprocess.run([sys.executable, "-m", "data_access", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def stats(url: str) -> dict[str, int]:
    return json.loads(run_cli(url, "stats"))


def test_a_refused_file_exits_non_zero_with_every_problem_by_row_and_column(seeded_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "sessions.csv"
    bad.write_bytes(csv_bytes([dict(SESSIONS[0], org_code="R9Z", starts_at="soon"),
                               dict(SESSIONS[1], element_code="Teem", status="finished")]))
    done = cli(seeded_url, "import", "sessions", str(bad))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "row 2, column starts_at: cannot read the date; write it like 25/01/2024 or 2024-01-25, with a time like "
        "12:00 where one is needed",
        "row 3, column status: expected one of planned, held, cancelled",
        "row 3, column element_code: unknown People Promise element or score; did you mean 'We are a team'?"]
    assert stats(seeded_url) == expected_stats()


def test_an_oversized_file_is_refused(seeded_url: str, tmp_path: Path) -> None:
    big = tmp_path / "people.csv"
    big.write_bytes(b"email,staff_group,division,band\n" + b"x" * (1024 * 1024 + 10))
    done = cli(seeded_url, "import", "people", str(big), BC_MAX_UPLOAD_MB="1")
    assert done.returncode == 1
    assert done.stderr.strip() == "the file is 1.0 MB; the largest accepted is 1 MB"
    assert stats(seeded_url) == expected_stats()


def test_dry_run_reports_without_writing(seeded_url: str, tmp_path: Path) -> None:
    new = tmp_path / "sessions.csv"
    new.write_bytes(csv_bytes([dict(SESSIONS[0], org_code=TRUST)]))
    done = cli(seeded_url, "import", "sessions", str(new), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"kind": "sessions", "file": "sessions.csv", "rows": 1, "added": 1,
                                       "updated": 0, "unchanged": 0, "skipped": 0, "dry_run": True}
    assert stats(seeded_url) == expected_stats()


def test_importing_a_sample_report_again_changes_nothing_but_is_recorded(seeded_url: str) -> None:
    report = teams_reports()[3]
    done = cli(seeded_url, "import", "attendance", str(report), "--org", TRUST)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert (outcome["added"], outcome["updated"], outcome["unchanged"]) == (0, 0, outcome["rows"])
    assert stats(seeded_url) == {**expected_stats(), "imports": expected_stats()["imports"] + 1}


def test_export_survey_puts_the_trust_beside_its_group(seeded_url: str) -> None:
    output = run_cli(seeded_url, "export", "survey", "--org", TRUST)
    assert output.splitlines()[0] == ("org_code,survey_year,metric,score,responses,group_best,group_average,"
                                      "group_worst,group_organisations")
    exported = read_csv_text(output)
    assert len(exported) == 30 * 5
    sheet = pd.read_excel(SAMPLE_FOLDER / "nhs_staff_survey_benchmarks.xlsx", sheet_name="Acute and Acute Community")
    ours, group = sheet[sheet["org_id"] == TRUST].iloc[0], sheet["PP3_2_2024"]  # the group: the trust included
    row = next(r for r in exported if r["survey_year"] == "2024" and r["metric"] == "PP3_2")
    assert (float(row["score"]), int(row["responses"])) == (ours["PP3_2_2024"], ours["responses_2024"])
    assert (float(row["group_best"]), float(row["group_average"]), float(row["group_worst"])) == pytest.approx(
        (group.max(), group.median(), group.min()))
    assert int(row["group_organisations"]) == group.count()
    gap = next(r for r in exported if r["survey_year"] == "2023" and r["metric"] == "PP4")
    assert gap["score"] == ""


def test_exports_neutralise_text_a_spreadsheet_would_run(seeded_url: str, tmp_path: Path) -> None:
    """Last in this module: it adds a session."""
    formula = tmp_path / "sessions.csv"
    formula.write_bytes(csv_bytes([dict(SESSIONS[2], org_code=TRUST, series="Series 3", starts_at="2027-06-10 12:00",
                                              title="=HYPERLINK(\"x\")")]))
    done = cli(seeded_url, "import", "sessions", str(formula))
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ("warning: row 2, column title: looks like a spreadsheet formula; "
                                   "stored as typed and neutralised in every export")
    exported = read_csv_text(run_cli(seeded_url, "export", "sessions"))
    assert [r["title"] for r in exported if r["date"] == "2027-06-10"] == ["'=HYPERLINK(\"x\")"]
