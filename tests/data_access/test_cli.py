"""`python -m data_access` as a user runs it: init, seed, stats, seed again, export, on both backends."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.helpers import (
    SURVEY_METRICS,
    SURVEY_YEARS,
    attendees_by_date,
    csv_rows,
    expected_stats,
    read_csv_text,
    run_cli,
)

STATS_KEYS = {"organisations", "series", "sessions", "attendance", "feedback", "actions", "survey_scores",
              "workforce", "people", "imports"}


@pytest.fixture(scope="module")
def seeded_url(new_database_url: Callable[[], str]) -> str:
    """A database set up only through the command line: init, then seed."""
    url = new_database_url()
    assert run_cli(url, "init") == ""
    assert json.loads(run_cli(url, "stats")) == dict.fromkeys(STATS_KEYS, 0)
    assert json.loads(run_cli(url, "seed")) == {"files_loaded": expected_stats()["imports"]}
    return url


def test_stats_count_what_the_sample_files_hold(seeded_url: str) -> None:
    stats = json.loads(run_cli(seeded_url, "stats"))
    assert set(stats) == STATS_KEYS
    assert stats == expected_stats()
    assert stats["survey_scores"] == SURVEY_METRICS * len(SURVEY_YEARS)  # every score of the trust, every year


def test_seeding_again_changes_nothing(seeded_url: str) -> None:
    assert json.loads(run_cli(seeded_url, "seed")) == {"files_loaded": 0}
    assert json.loads(run_cli(seeded_url, "stats")) == expected_stats()


def test_export_sessions_counts_attendees_from_the_teams_reports(seeded_url: str) -> None:
    output = run_cli(seeded_url, "export", "sessions")
    assert output.splitlines()[0] == "id,series,title,element_code,date,status,attendance"
    exported = read_csv_text(output)
    sessions = csv_rows("sessions.csv")
    assert [(r["date"], r["title"], r["series"], r["status"]) for r in exported] == \
        sorted((s["starts_at"][:10], s["title"], s["series"], s["status"]) for s in sessions)
    attendees = attendees_by_date()
    assert set(attendees) <= {r["date"] for r in exported}
    assert {r["date"]: int(r["attendance"]) for r in exported} == \
        {r["date"]: attendees.get(r["date"], 0) for r in exported}
    assert all(int(r["attendance"]) > 0 for r in exported if r["status"] == "held")


def test_export_actions_prints_the_register_with_formulas_neutralised(seeded_url: str) -> None:
    from sqlalchemy import update

    from data_access.database import make_engine
    from data_access.models import Action

    engine = make_engine(seeded_url)
    with engine.begin() as conn:
        conn.execute(update(Action).where(Action.id == 1).values(internal_note="=HYPERLINK(\"http://x\")"))
    engine.dispose()
    output = run_cli(seeded_url, "export", "actions")
    assert output.splitlines()[0] == ("id,org_code,series,session_date,session_title,element_code,you_said,we_did,"
                                      "owner,status,due_date,completed_date,internal_note,version,updated_by,updated_at")
    exported = read_csv_text(output)
    actions = csv_rows("actions.csv")
    assert sorted((r["session_date"], r["you_said"], r["owner"], r["status"], r["due_date"], r["completed_date"])
                  for r in exported) == \
        sorted((a["session_date"], a["you_said"], a["owner"], a["status"], a["due_date"], a["completed_date"])
               for a in actions)
    assert exported[0]["internal_note"] == "'=HYPERLINK(\"http://x\")"
