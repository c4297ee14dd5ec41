"""The action register's read queries against the seeded sample, checked against actions.csv."""
from __future__ import annotations

import statistics
from collections import Counter
from datetime import date

from data_access.filters import Filters
from data_access.queries_actions import (
    median_days_to_done,
    owners,
    progress,
    register,
    sessions_for_new_actions,
    you_said_we_did,
)
from tests.helpers import csv_rows

TODAY = date(2026, 11, 23)
OPEN = ("planned", "coming soon", "in progress")


def is_overdue(a: dict[str, str]) -> bool:
    return a["status"] in OPEN and bool(a["due_date"]) and a["due_date"] < TODAY.isoformat()


def test_the_register_holds_every_action_newest_session_first(seeded_engine):
    frame = register(seeded_engine, Filters("R9Z"), TODAY)
    actions = csv_rows("actions.csv")
    assert sorted(frame["you_said"]) == sorted(a["you_said"] for a in actions)
    assert list(frame["session_date"]) == sorted(frame["session_date"], reverse=True)
    assert int(frame["overdue"].sum()) == sum(map(is_overdue, actions)) == 13
    assert set(frame["version"]) == {1}


def test_register_filters_by_element_series_status_owner_and_overdue(seeded_engine):
    actions = csv_rows("actions.csv")
    pp4 = register(seeded_engine, Filters("R9Z", elements=("PP4",)), TODAY)
    assert len(pp4) == sum(a["element_code"] == "PP4" for a in actions)
    series = {s["starts_at"][:10]: s["series"] for s in csv_rows("sessions.csv")}
    s2 = register(seeded_engine, Filters("R9Z", series=("Series 2",)), TODAY)
    assert len(s2) == sum(series[a["session_date"]] == "Series 2" for a in actions)
    done = register(seeded_engine, Filters("R9Z"), TODAY, statuses=("done",), owners=("Digital Services",))
    assert len(done) == sum(a["status"] == "done" and a["owner"] == "Digital Services" for a in actions) > 0
    overdue = register(seeded_engine, Filters("R9Z"), TODAY, overdue_only=True)
    assert sorted(overdue["you_said"]) == sorted(a["you_said"] for a in actions if is_overdue(a))
    assert owners(seeded_engine, "R9Z") == sorted({a["owner"] for a in actions})


def test_progress_counts_each_state_per_series_and_element(seeded_engine):
    frame = progress(seeded_engine, Filters("R9Z"), TODAY)
    series = {s["starts_at"][:10]: s["series"] for s in csv_rows("sessions.csv")}

    def state(a: dict[str, str]) -> str:
        return a["status"] if a["status"] in ("done", "dropped") else "overdue" if is_overdue(a) else "on track"
    expected = Counter((series[a["session_date"]], a["element_code"], state(a)) for a in csv_rows("actions.csv"))
    assert dict(zip(zip(frame["series"], frame["element_code"], frame["state"]), frame["actions"])) == expected


def test_median_days_from_session_to_done(seeded_engine):
    done = [a for a in csv_rows("actions.csv") if a["status"] == "done"]
    expected = statistics.median((date.fromisoformat(a["completed_date"]) - date.fromisoformat(a["session_date"])).days
                                 for a in done)
    assert median_days_to_done(seeded_engine, Filters("R9Z")) == expected
    assert median_days_to_done(seeded_engine, Filters("R9Z", date_from=date(2030, 1, 1))) is None


def test_the_shared_view_leaves_out_owners_notes_and_dropped_actions(seeded_engine):
    frame = you_said_we_did(seeded_engine, Filters("R9Z"))
    assert list(frame.columns) == ["session_date", "session_title", "element", "you_said", "we_did", "status",
                                   "completed_date"]
    shared = [a for a in csv_rows("actions.csv") if a["status"] != "dropped"]
    assert sorted(frame["you_said"]) == sorted(a["you_said"] for a in shared)
    assert set(frame["status"]) == {"Done", "In progress", "Coming soon", "Planned"}


def test_actions_can_be_added_to_held_sessions_only(seeded_engine):
    sessions = sessions_for_new_actions(seeded_engine, "R9Z")
    held = [s for s in csv_rows("sessions.csv") if s["status"] == "held"]
    assert sorted(sessions["title"]) == sorted(s["title"] for s in held)
