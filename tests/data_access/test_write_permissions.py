"""Every write checks who is acting on the server: a role without the permission is refused and nothing is written,
whichever page or old session the call came from."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine

from data_access.actions import add_action, edit_action
from data_access.app_roles import (
    RoleRefused,
    no_access_attempts,
    record_no_access,
    remove_role,
    role_in_table,
    role_table,
    set_role,
)
from data_access.filters import Filters
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit
from data_access.permissions import COMMAND_LINE, Actor, PermissionRefused
from data_access.queries_actions import register, sessions_for_new_actions
from data_access.queries_imports import import_history
from tests.helpers import table_snapshot
from tests.import_files import SESSIONS, WORKBOOK, csv_bytes, options

NOW = datetime(2026, 11, 23, 10, 0)
WITHOUT = [Actor("exec@trust.nhs.uk", "executive"), Actor("fac@trust.nhs.uk", "facilitator"),
           Actor("nobody@trust.nhs.uk", "")]
NEW_ACTION = {"you_said": "More rest rooms", "we_did": "Two more by spring", "owner": "Estates"}


@pytest.mark.parametrize("actor", WITHOUT, ids=lambda a: a.role or "no role")
def test_adding_an_action_is_refused_without_the_role(seeded_engine: Engine, actor: Actor):
    session_id = int(sessions_for_new_actions(seeded_engine, "R9Z")["session_id"].iloc[0])
    before = table_snapshot(seeded_engine)
    with pytest.raises(PermissionRefused, match="may not add or edit actions"):
        add_action(seeded_engine, session_id, NEW_ACTION, actor, NOW)
    assert table_snapshot(seeded_engine) == before


@pytest.mark.parametrize("actor", WITHOUT, ids=lambda a: a.role or "no role")
@pytest.mark.parametrize("changes", [{"status": "done", "completed_date": date(2026, 11, 20)},
                                     {"internal_note": "Chase estates"}], ids=["status", "internal note"])
def test_editing_an_action_or_its_internal_note_is_refused_without_the_role(seeded_engine: Engine, actor: Actor,
                                                                              changes: dict):
    first = register(seeded_engine, Filters("R9Z"), NOW.date()).iloc[0]
    before = table_snapshot(seeded_engine)
    with pytest.raises(PermissionRefused, match="Not allowed"):
        edit_action(seeded_engine, int(first["action_id"]), int(first["version"]), changes, actor, NOW)
    assert table_snapshot(seeded_engine) == before


@pytest.mark.parametrize("actor", WITHOUT, ids=lambda a: a.role or "no role")
def test_an_import_is_refused_without_the_role_and_not_even_recorded(migrated_engine: Engine, actor: Actor):
    before = table_snapshot(migrated_engine)
    with pytest.raises(PermissionRefused, match="may not import files"):
        commit(migrated_engine, KINDS["sessions"], "sessions.csv", csv_bytes(SESSIONS), options(), actor)
    assert table_snapshot(migrated_engine) == before


def test_an_import_records_the_acting_user_not_the_one_in_the_options(migrated_engine: Engine):
    commit(migrated_engine, KINDS["survey"], "benchmarks.xlsx", WORKBOOK, options(org_code="R9Z"),
           Actor("jo.bloggs@trust.nhs.uk", "od_team"))
    assert import_history(migrated_engine)["imported_by"].tolist() == ["jo.bloggs@trust.nhs.uk"]


@pytest.mark.parametrize("actor", WITHOUT, ids=lambda a: a.role or "no role")
def test_the_role_table_is_kept_only_by_the_od_team(migrated_engine: Engine, actor: Actor):
    set_role(migrated_engine, "Sam.Jones@Trust.nhs.uk ", "facilitator", Actor("lead@trust.nhs.uk", "od_team"), NOW)
    before = table_snapshot(migrated_engine)
    with pytest.raises(PermissionRefused, match="may not change who has access"):
        set_role(migrated_engine, actor.user, "od_team", actor, NOW)
    with pytest.raises(PermissionRefused):
        remove_role(migrated_engine, "sam.jones@trust.nhs.uk", actor)
    assert table_snapshot(migrated_engine) == before


def test_the_role_table_gives_changes_and_takes_away_a_role_by_email(migrated_engine: Engine):
    lead = Actor("lead@trust.nhs.uk", "od_team")
    set_role(migrated_engine, " Sam.Jones@Trust.nhs.uk", "facilitator", lead, NOW)
    set_role(migrated_engine, "sam.jones@trust.nhs.uk", "executive", Actor("admin", COMMAND_LINE), NOW)
    assert role_in_table(migrated_engine, "SAM.JONES@trust.nhs.uk") == "executive"
    assert role_table(migrated_engine)[["email", "role", "granted_by"]].values.tolist() == [
        ["sam.jones@trust.nhs.uk", "executive", "admin"]]
    assert remove_role(migrated_engine, "sam.jones@trust.nhs.uk", lead)
    assert role_in_table(migrated_engine, "sam.jones@trust.nhs.uk") is None


@pytest.mark.parametrize(("email", "role", "message"), [("not an email", "od_team", "is not an email address"),
                                                        ("a@b.nhs.uk", "janitor", "is not a role")])
def test_the_role_table_refuses_what_is_not_an_email_or_a_role(migrated_engine: Engine, email, role, message):
    with pytest.raises(RoleRefused, match=message):
        set_role(migrated_engine, email, role, Actor("lead@trust.nhs.uk", "od_team"), NOW)


def test_attempts_without_a_role_are_listed_until_the_email_is_given_one(migrated_engine: Engine):
    record_no_access(migrated_engine, "New.Starter@trust.nhs.uk", NOW)
    record_no_access(migrated_engine, "new.starter@trust.nhs.uk", NOW.replace(hour=11))
    tried = no_access_attempts(migrated_engine)
    assert tried[["email", "attempts"]].values.tolist() == [["new.starter@trust.nhs.uk", 2]]
    set_role(migrated_engine, "new.starter@trust.nhs.uk", "facilitator", Actor("lead", "od_team"), NOW)
    assert no_access_attempts(migrated_engine).empty
