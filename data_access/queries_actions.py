"""Read queries for the action register: the register itself, progress, time to done, history, the shared view."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, case, func, select

from data_access.database import read_frame
from data_access.filters import Filters, apply, sessions_joined
from data_access.models import Action, ActionChange, Organisation, Series, Session
from domain import taxonomy
from domain.vocabulary import (
    ACTION_DONE,
    ACTION_DROPPED,
    ON_TRACK,
    OPEN_ACTION_STATUSES,
    OVERDUE,
    PROGRESS_STATES,
    SESSION_HELD,
    SHARED_ACTION_STATUSES,
)

REGISTER_COLUMNS = ["action_id", "series", "session_title", "session_date", "element_code", "you_said", "we_did",
                    "owner", "status", "due_date", "completed_date", "overdue", "internal_note", "version",
                    "updated_by", "updated_at"]


def _overdue(today: date):
    return and_(Action.status.in_(OPEN_ACTION_STATUSES), Action.due_date.is_not(None), Action.due_date < today)


def _register_query(today: date):
    return sessions_joined(
        select(Action.id, Series.name, Session.title, Session.starts_at, Action.element_code, Action.you_said,
               Action.we_did, Action.owner, Action.status, Action.due_date, Action.completed_date,
               case((_overdue(today), True), else_=False), Action.internal_note, Action.version, Action.updated_by,
               Action.updated_at)
        .select_from(Action).join(Session, Session.id == Action.session_id))


def register(engine: Engine, filters: Filters, today: date, statuses: tuple[str, ...] = (),
             owners: tuple[str, ...] = (), overdue_only: bool = False) -> pd.DataFrame:
    """The actions within the filters, newest session first, each with its element by name and whether it is
    overdue."""
    query = apply(_register_query(today), filters)
    if statuses:
        query = query.where(Action.status.in_(statuses))
    if owners:
        query = query.where(Action.owner.in_(owners))
    if overdue_only:
        query = query.where(_overdue(today))
    frame = read_frame(engine, query.order_by(Session.starts_at.desc(), Action.id), REGISTER_COLUMNS)
    frame["session_date"] = pd.to_datetime(frame["session_date"]).dt.date
    frame["element"] = frame["element_code"].map(taxonomy.element_label)
    return frame.astype({"overdue": bool})


def action(engine: Engine, action_id: int, today: date) -> dict | None:
    """One action as the register shows it, with its version for a stale-edit check; None if there is none."""
    frame = read_frame(engine, _register_query(today).where(Action.id == action_id), REGISTER_COLUMNS)
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    return row | {"session_date": pd.Timestamp(row["session_date"]).date(), "overdue": bool(row["overdue"])}


def owners(engine: Engine, org_code: str) -> list[str]:
    """Every owner named on the organisation's actions, A to Z."""
    query = (sessions_joined(select(Action.owner).distinct().select_from(Action)
                             .join(Session, Session.id == Action.session_id))
             .where(Organisation.ods_code == org_code).order_by(Action.owner))
    return list(read_frame(engine, query, ["owner"])["owner"])


def sessions_for_new_actions(engine: Engine, org_code: str) -> pd.DataFrame:
    """Held sessions an action can be added to, newest first."""
    query = (sessions_joined(select(Session.id, Session.title, Session.starts_at, Session.element_code))
             .where(Organisation.ods_code == org_code, Session.status == SESSION_HELD)
             .order_by(Session.starts_at.desc()))
    frame = read_frame(engine, query, ["session_id", "title", "starts_at", "element_code"])
    frame["starts_at"] = pd.to_datetime(frame["starts_at"])
    return frame


def progress(engine: Engine, filters: Filters, today: date) -> pd.DataFrame:
    """Actions per series and element (code and name) by state: done, on track (open, not overdue), overdue,
    dropped."""
    state = case((Action.status == ACTION_DONE, ACTION_DONE), (Action.status == ACTION_DROPPED, ACTION_DROPPED),
                 (_overdue(today), OVERDUE), else_=ON_TRACK)
    query = apply(sessions_joined(
        select(Series.name, Series.start_date, Action.element_code, state, func.count())
        .select_from(Action).join(Session, Session.id == Action.session_id)), filters
    ).group_by(Series.name, Series.start_date, Action.element_code, state)
    frame = read_frame(engine, query, ["series", "start_date", "element_code", "state", "actions"])
    order = {code: n for n, code in enumerate(taxonomy.METRICS)}
    return (frame.assign(_o=frame["element_code"].map(order), _s=frame["state"].map(PROGRESS_STATES.index),
                         element=frame["element_code"].map(taxonomy.element_label))
            .sort_values(["start_date", "_o", "_s"]).drop(columns=["_o", "_s", "start_date"]).reset_index(drop=True))


def median_days_to_done(engine: Engine, filters: Filters) -> float | None:
    """Median days from the session to the action's completion, over done actions within the filters."""
    query = apply(sessions_joined(select(Session.starts_at, Action.completed_date).select_from(Action)
                                  .join(Session, Session.id == Action.session_id))
                  .where(Action.status == ACTION_DONE, Action.completed_date.is_not(None)), filters)
    frame = read_frame(engine, query, ["starts_at", "completed_date"])
    if frame.empty:
        return None
    days = pd.to_datetime(frame["completed_date"]) - pd.to_datetime(frame["starts_at"]).dt.normalize()
    return float(days.dt.days.median())


def history(engine: Engine, action_id: int) -> pd.DataFrame:
    """Every recorded change to an action, newest first: when, who, which field, before and after."""
    query = (select(ActionChange.changed_at, ActionChange.changed_by, ActionChange.field, ActionChange.before,
                    ActionChange.after).where(ActionChange.action_id == action_id)
             .order_by(ActionChange.changed_at.desc(), ActionChange.id.desc()))
    frame = read_frame(engine, query, ["changed_at", "changed_by", "field", "before", "after"])
    # An empty value stays None (not NaN) so "before" reads as nothing rather than as a number.
    return frame.astype({"before": object, "after": object}).replace({float("nan"): None})


def you_said_we_did(engine: Engine, filters: Filters) -> pd.DataFrame:
    """What staff said and what was done, fit to share with all staff: no owners, no internal notes, no
    dropped actions; newest session first."""
    query = apply(sessions_joined(
        select(Session.starts_at, Session.title, Action.element_code, Action.you_said, Action.we_did, Action.status,
               Action.completed_date)
        .select_from(Action).join(Session, Session.id == Action.session_id)), filters
    ).where(Action.status.in_(tuple(SHARED_ACTION_STATUSES))).order_by(Session.starts_at.desc(), Action.id)
    frame = read_frame(engine, query, ["session_date", "session_title", "element_code", "you_said", "we_did", "status",
                                   "completed_date"])
    frame["session_date"] = pd.to_datetime(frame["session_date"]).dt.date
    frame["element"] = frame["element_code"].map(taxonomy.element_label)
    frame["status"] = frame["status"].map(SHARED_ACTION_STATUSES)
    return frame[["session_date", "session_title", "element", "you_said", "we_did", "status", "completed_date"]]


def register_export(engine: Engine) -> pd.DataFrame:
    """Every action of every organisation, for `python -m data_access export actions`."""
    query = (select(Action.id, Organisation.ods_code, Series.name, Session.starts_at, Session.title,
                    Action.element_code, Action.you_said, Action.we_did, Action.owner, Action.status, Action.due_date,
                    Action.completed_date, Action.internal_note, Action.version, Action.updated_by, Action.updated_at)
             .join(Session, Session.id == Action.session_id).join(Series, Series.id == Session.series_id)
             .join(Organisation, Organisation.id == Series.organisation_id).order_by(Session.starts_at, Action.id))
    frame = read_frame(engine, query, ["id", "org_code", "series", "session_date", "session_title", "element_code",
                                   "you_said", "we_did", "owner", "status", "due_date", "completed_date",
                                   "internal_note", "version", "updated_by", "updated_at"])
    frame["session_date"] = pd.to_datetime(frame["session_date"]).dt.strftime("%Y-%m-%d")
    frame["updated_at"] = pd.to_datetime(frame["updated_at"]).dt.strftime("%Y-%m-%d %H:%M:%S")
    return frame
