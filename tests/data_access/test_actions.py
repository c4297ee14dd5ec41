"""Adding and editing actions: validation, the audit trail, and an edit from a stale copy refused."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, func, select

from data_access.actions import ActionRefused, StaleEdit, add_action, edit_action
from data_access.database import make_engine
from data_access.filters import Filters
from data_access.importers.errors import ImportRefused
from data_access.models import Action, ActionChange, Session
from data_access.permissions import Actor
from data_access.queries_actions import action, history, register
from sample_data.seed import SEED_USER
from tests.helpers import seed_sample, table_snapshot
from tests.import_files import csv_bytes, run

NOW = datetime(2026, 11, 23, 14, 5)
ASHA, SAM = Actor("Asha Patel", "od_team"), Actor("Sam Jones", "od_team")
TODAY = NOW.date()


@pytest.fixture(scope="module")
def writable(new_database_url: Callable[[], str]) -> Iterator[Engine]:
    """A seeded database of this module's own, which its tests may change (each test its own action)."""
    engine = seed_sample(make_engine(new_database_url()))
    yield engine
    engine.dispose()


def pick(engine: Engine, status: str, n: int = 0) -> dict:
    frame = register(engine, Filters("R9Z"), TODAY, statuses=(status,))
    return action(engine, int(frame.sort_values("action_id")["action_id"].iloc[n]), TODAY)


def changes_of(engine: Engine, action_id: int) -> list[tuple]:
    """The changes made after the sample data was loaded (which records each seeded action's fields)."""
    frame = history(engine, action_id)
    frame = frame[frame["changed_by"] != SEED_USER]
    return sorted(zip(frame["field"], frame["before"], frame["after"], frame["changed_by"]),
                  key=lambda row: row[0])


def test_marking_an_action_done_records_each_field_changed(writable):
    before = pick(writable, "in progress")
    version = edit_action(writable, before["action_id"], before["version"],
                          {"status": "done", "completed_date": date(2026, 11, 20),
                           "we_did": "  Done: rotas out 8 weeks ahead "},
                          ASHA, NOW)
    after = action(writable, before["action_id"], TODAY)
    assert version == after["version"] == before["version"] + 1
    assert (after["status"], after["completed_date"], after["we_did"]) == (
        "done", date(2026, 11, 20), "Done: rotas out 8 weeks ahead")
    assert (after["updated_by"], after["updated_at"].to_pydatetime()) == ("Asha Patel", NOW)
    assert changes_of(writable, before["action_id"]) == [
        ("completed_date", None, "2026-11-20", "Asha Patel"),
        ("status", "in progress", "done", "Asha Patel"),
        ("we_did", before["we_did"], "Done: rotas out 8 weeks ahead", "Asha Patel"),
    ]
    edits = history(writable, before["action_id"])
    assert set(edits.loc[edits["changed_by"] == "Asha Patel", "changed_at"]) == {NOW}


def test_a_seeded_action_carries_its_fields_as_set_by_the_sample_data(writable):
    seeded = pick(writable, "in progress")
    trail = history(writable, seeded["action_id"])
    assert set(trail["changed_by"]) == {SEED_USER}
    set_fields = dict(zip(trail["field"], trail["after"]))
    assert set_fields["status"] == "in progress" and set_fields["you_said"] == seeded["you_said"]
    assert set(trail["before"]) == {None} and seeded["version"] == 1


def test_an_edit_from_a_stale_copy_is_refused_naming_who_changed_it_and_nothing_changes(writable):
    copy = pick(writable, "in progress", 1)
    edit_action(writable, copy["action_id"], copy["version"], {"owner": "Digital Services"}, SAM,
                datetime(2026, 11, 22, 9, 30))
    snapshot = table_snapshot(writable)
    current = action(writable, copy["action_id"], TODAY)
    with pytest.raises(StaleEdit) as refused:
        edit_action(writable, copy["action_id"], copy["version"], {"owner": "EDI Lead"}, ASHA, NOW)
    assert str(refused.value) == ("Not saved: Sam Jones changed this action on 22 November 2026 at 09:30, after you "
                                  "opened it. Reload it to see their change, then make yours again.")
    assert action(writable, copy["action_id"], TODAY) == current
    assert table_snapshot(writable) == snapshot


@pytest.mark.parametrize(("changes", "message"), [
    ({"status": "done"}, "A done action needs the date it was completed."),
    ({"status": "done", "completed_date": date(2026, 12, 1)},
     "The completed date cannot be in the future (today is 23 November 2026)."),
    ({"status": "done", "completed_date": date(2020, 1, 1)}, "The completed date cannot be before the session"),
    ({"completed_date": date(2026, 11, 1)}, "Only a done action has a completed date"),
    ({"status": "finished"}, "Status must be one of: planned, coming soon, in progress, done, dropped."),
    ({"you_said": "   "}, "What staff said is required."),
    ({"owner": ""}, "The owner is required."),
    ({"we_did": "x" * 1001}, "We did must be 1,000 characters or fewer (it has 1,001)."),
    ({"due_date": date(2019, 5, 1)}, "The due date cannot be before the session"),
    ({"due_date": date(2099, 5, 1)}, "The due date is more than five years after the session: check the year."),
    ({"version": 7}, "version cannot be changed here"),
])
def test_invalid_edits_are_refused_with_a_clear_message_and_nothing_changes(writable, changes, message):
    current = pick(writable, "planned")
    snapshot = table_snapshot(writable)
    with pytest.raises(ActionRefused) as refused:
        edit_action(writable, current["action_id"], current["version"], changes, ASHA, NOW)
    assert any(problem.startswith(message) for problem in refused.value.problems), refused.value.problems
    assert action(writable, current["action_id"], TODAY) == current
    assert table_snapshot(writable) == snapshot


def test_an_edit_that_changes_nothing_keeps_the_version_and_records_nothing(writable):
    current = pick(writable, "coming soon")
    assert edit_action(writable, current["action_id"], current["version"], {"owner": f" {current['owner']} "},
                       ASHA, NOW) == current["version"]
    assert changes_of(writable, current["action_id"]) == []


def test_adding_an_action_records_it_for_the_sessions_element(writable):
    target = register(writable, Filters("R9Z"), TODAY)
    session_date = date(2026, 10, 15)
    with writable.connect() as conn:
        session_id = conn.execute(select(Session.id).where(func.date(Session.starts_at) == session_date)).scalar_one()
    new_id = add_action(writable, session_id, {"you_said": "Appraisal forms are too long", "we_did": "A one-page form",
                                               "owner": "Learning and Development team", "due_date": date(2027, 3, 1)},
                        ASHA, NOW)
    added = action(writable, new_id, TODAY)
    assert (added["element_code"], added["status"], added["version"], added["session_date"]) == \
        ("PP5", "planned", 1, session_date)
    assert len(register(writable, Filters("R9Z"), TODAY)) == len(target) + 1
    assert changes_of(writable, new_id) == [
        ("due_date", None, "2027-03-01", "Asha Patel"), ("owner", None, "Learning and Development team", "Asha Patel"),
        ("status", None, "planned", "Asha Patel"), ("we_did", None, "A one-page form", "Asha Patel"),
        ("you_said", None, "Appraisal forms are too long", "Asha Patel")]
    with pytest.raises(ActionRefused) as refused:
        add_action(writable, session_id, {"you_said": "", "we_did": "", "owner": ""}, ASHA, NOW)
    assert refused.value.problems[:3] == ["What staff said is required.", "What we did or will do is required.",
                                          "The owner is required."]
    with writable.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Action)).scalar_one() == len(target) + 1
        assert conn.execute(select(func.count()).select_from(ActionChange).where(
            ActionChange.action_id == new_id)).scalar_one() == 5


ONE_SET_OF_RULES = [  # (field at fault, the change, the rule's message): the register's form and the import agree
    ("completed_date", {"status": "done"}, "A done action needs the date it was completed."),
    ("completed_date", {"completed_date": "2024-02-01"},
     "Only a done action has a completed date: clear it or set the status to done."),
    ("due_date", {"due_date": "2031-06-01"}, "The due date is more than five years after the session: check the year."),
    ("due_date", {"due_date": "2024-01-01"}, "The due date cannot be before the session (25 January 2024)."),
    ("you_said", {"you_said": "x" * 501}, "You said must be 500 characters or fewer (it has 501)."),
]


@pytest.mark.parametrize(("field", "change", "message"), ONE_SET_OF_RULES, ids=[m[:30] for *_, m in ONE_SET_OF_RULES])
def test_the_actions_import_refuses_what_the_register_refuses_with_the_same_words(writable, field, change, message):
    with writable.connect() as conn:
        session_id, starts_at, title, element = conn.execute(
            select(Session.id, Session.starts_at, Session.title, Session.element_code)
            .where(Session.starts_at.between(datetime(2024, 1, 25), datetime(2024, 1, 25, 23, 59)))).one()
    values = {"you_said": "Rules agree", "we_did": "Checked", "owner": "OD team", "status": "planned",
              "due_date": "", "completed_date": ""} | change
    typed = {k: date.fromisoformat(v) if k.endswith("_date") and v else (v or None) for k, v in values.items()}
    with pytest.raises(ActionRefused) as form:
        add_action(writable, session_id, typed, ASHA, NOW)
    assert message in form.value.problems
    row = {"org_code": "R9Z", "session_date": f"{starts_at:%Y-%m-%d}", "session_title": title,
           "element_code": element, **values}
    with pytest.raises(ImportRefused) as imported:
        run(writable, "actions", csv_bytes([row]))
    assert f"row 2, column {field}: {message}" in str(imported.value).splitlines()
