"""Adding and editing actions in the register: validation, the audit trail and refusal of stale edits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, insert, select, update

from data_access.data_version import bump
from data_access.models import Action, ActionChange, Session
from data_access.permissions import Actor, can_edit_actions, can_read_internal_notes, require
from domain.action_rules import EDITABLE, broken_rules
from domain.vocabulary import ACTION_PLANNED
from formats.british import long_date


class ActionRefused(ValueError):
    """The change was not saved: every reason, in words a user can act on."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class StaleEdit(Exception):
    """Someone saved the action after the copy being edited was read: nothing was changed."""
    action_id: int
    changed_by: str
    changed_at: datetime

    def __str__(self) -> str:
        return (f"Not saved: {self.changed_by} changed this action on {long_date(self.changed_at.date())} at "
                f"{self.changed_at:%H:%M}, after you opened it. Reload it to see their change, then make yours again.")


def _clean(values: dict) -> dict:
    """Text stripped of surrounding spaces; unknown fields refused."""
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ActionRefused([f"{name} cannot be changed here" for name in unknown])
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def validate(values: dict, session_date: date, today: date) -> list[str]:
    """Every problem with an action's full set of values, or none, in the register's words."""
    return [problem.message for problem in broken_rules(values, session_date, today)]


def _text(value: object) -> str | None:
    """A field's value as the audit trail stores it; empty text is no value."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _record(conn: Connection, action_id: int, before: dict, after: dict, user: str, now: datetime) -> None:
    rows = [{"action_id": action_id, "changed_by": user, "changed_at": now, "field": field,
             "before": _text(before.get(field)), "after": _text(after[field])}
            for field in EDITABLE if field in after and _text(before.get(field)) != _text(after[field])]
    if rows:
        conn.execute(insert(ActionChange), rows)


def editable_fields(conn: Connection, session_ids: list[int]) -> dict[int, dict]:
    """The editable fields and last change of these sessions' actions, by action id."""
    query = select(Action.id, Action.updated_at, *[getattr(Action, f) for f in EDITABLE]).where(
        Action.session_id.in_(session_ids))
    return {row.id: dict(row._mapping) for row in conn.execute(query)}


def record_import(conn: Connection, before: dict[int, dict], session_ids: list[int], user: str, now: datetime) -> None:
    """After an import wrote these sessions' actions (stamping what it changed with `now`): an action it added gets
    its fields in the audit trail, as add_action gives them; one it changed gets a new version and a row per changed
    field, as edit_action does."""
    changed = []
    for action_id, row in editable_fields(conn, session_ids).items():
        previous = before.get(action_id)
        _record(conn, action_id, previous or {}, row, user, now)
        if previous and row["updated_at"] == now:
            changed.append(action_id)
    if changed:
        conn.execute(update(Action).where(Action.id.in_(changed)).values(version=Action.version + 1))


def _session_date(conn: Connection, session_id: int) -> tuple[date, str]:
    row = conn.execute(select(Session.starts_at, Session.element_code).where(Session.id == session_id)).one_or_none()
    if row is None:
        raise ActionRefused([f"There is no session {session_id}."])
    return row.starts_at.date(), row.element_code


def _may_change(actor: Actor, fields: dict) -> None:
    """Refuse an actor who may not edit actions, or may not read the internal note they would change."""
    require(actor, can_edit_actions(actor.role), "add or edit actions")
    if fields.get("internal_note"):
        require(actor, can_read_internal_notes(actor.role), "write internal notes")


def add_action(engine: Engine, session_id: int, values: dict, actor: Actor, now: datetime) -> int:
    """Add an action to a session's element; returns its id. Every field is recorded as set by the actor, who
    must be allowed to edit actions (PermissionRefused otherwise)."""
    _may_change(actor, values)
    user = actor.user
    values = {"status": ACTION_PLANNED, "due_date": None, "completed_date": None, "internal_note": "", **_clean(values)}
    with engine.begin() as conn:
        session_date, element = _session_date(conn, session_id)
        problems = validate(values, session_date, now.date())
        if problems:
            raise ActionRefused(problems)
        action_id = conn.execute(insert(Action).values(
            session_id=session_id, element_code=element, updated_by=user, updated_at=now, version=1,
            **values).returning(Action.id)).scalar_one()
        _record(conn, action_id, {}, values, user, now)
        bump(conn)
    return action_id


def edit_action(engine: Engine, action_id: int, expected_version: int, changes: dict, actor: Actor,
                now: datetime) -> int:
    """Apply the actor's changes to an action read at expected_version; returns the new version.

    Raises PermissionRefused when the actor may not edit actions (or internal notes), StaleEdit (naming who changed
    it and when) if the action has changed since, and ActionRefused with every problem if the result would not be
    valid; in each case nothing is written."""
    _may_change(actor, changes)
    changes, user = _clean(changes), actor.user
    with engine.begin() as conn:
        fields = (*EDITABLE, "version", "session_id", "updated_by", "updated_at")
        row = conn.execute(select(*[getattr(Action, f) for f in fields]).where(Action.id == action_id)
                           .with_for_update()).mappings().one_or_none()
        if row is None:
            raise ActionRefused([f"There is no action {action_id}."])
        current = dict(row)
        if current["version"] != expected_version:
            raise StaleEdit(action_id, current["updated_by"], current["updated_at"])
        merged = {field: current[field] for field in EDITABLE} | changes
        session_date, _ = _session_date(conn, current["session_id"])
        problems = validate(merged, session_date, now.date())
        if problems:
            raise ActionRefused(problems)
        changed = {f: v for f, v in changes.items() if _text(current[f]) != _text(v)}
        if not changed:
            return expected_version
        done = conn.execute(update(Action).where(Action.id == action_id, Action.version == expected_version).values(
            version=expected_version + 1, updated_by=user, updated_at=now, **changed))
        if done.rowcount != 1:
            latest = conn.execute(select(Action.updated_by, Action.updated_at).where(Action.id == action_id)).one()
            raise StaleEdit(action_id, latest.updated_by, latest.updated_at)
        _record(conn, action_id, current, changed, user, now)
        bump(conn)
    return expected_version + 1
