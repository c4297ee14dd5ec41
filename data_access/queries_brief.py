"""Read queries for the facilitator's session brief: what was said, promised and done before on an element."""
from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
from sqlalchemy import Engine, and_, case, func, select

from data_access.database import read_frame
from data_access.filters import attendee_count
from data_access.models import Action, Feedback, FeedbackSubTheme, Organisation, Series, Session
from domain import taxonomy
from domain.vocabulary import ACTION_DONE, OPEN_ACTION_STATUSES, SESSION_CANCELLED, SESSION_HELD, SESSION_PLANNED

TOP_SUB_THEMES = 5
ITEMS_PER_SUB_THEME = 3
RELATED_SESSIONS = 3
# A session on another element counts as related when this many of its items share the element's top sub-themes.
RELATED_MIN_ITEMS = 5

SESSION_COLUMNS = ["session_id", "org_code", "series", "title", "element_code", "starts_at", "host_roles", "format",
                   "status", "key_themes"]


def _session_query():
    return (select(Session.id, Organisation.ods_code, Series.name, Session.title, Session.element_code,
                   Session.starts_at, Session.host_roles, Session.format, Session.status, Session.key_themes)
            .join(Series, Series.id == Session.series_id).join(Organisation, Organisation.id == Series.organisation_id))


def session_choices(engine: Engine, org_code: str, today: date) -> pd.DataFrame:
    """Sessions a brief can be written for: upcoming planned ones soonest first, then held ones newest first."""
    upcoming = and_(Session.status == SESSION_PLANNED, Session.starts_at >= datetime.combine(today, time.min))
    query = (_session_query().where(Organisation.ods_code == org_code, Session.status != SESSION_CANCELLED)
             .order_by(case((upcoming, 0), else_=1),
                       case((upcoming, Session.starts_at), else_=None),
                       Session.starts_at.desc()))
    frame = read_frame(engine, query, SESSION_COLUMNS)
    return frame.assign(upcoming=(frame["status"] == SESSION_PLANNED)
                        & (pd.to_datetime(frame["starts_at"]).dt.date >= today))


def session_detail(engine: Engine, session_id: int) -> dict | None:
    """One session's series, title, element, date, hosts, format, status and key themes; None if there is none."""
    frame = read_frame(engine, _session_query().where(Session.id == session_id), SESSION_COLUMNS)
    return None if frame.empty else frame.iloc[0].to_dict()


def _session(engine: Engine, session_id: int) -> dict:
    """The session's detail, for the reads about a session that must exist (the brief checks first)."""
    session = session_detail(engine, session_id)
    if session is None:
        raise LookupError(f"there is no session {session_id}")
    return session


def _before(session: dict):
    """Held sessions of the same organisation before this one."""
    return and_(Organisation.ods_code == session["org_code"], Session.status == SESSION_HELD,
                Session.starts_at < session["starts_at"])


def _earlier_items(session: dict):
    """Feedback items (id, sub-theme) from earlier held sessions on the same element."""
    return (select(FeedbackSubTheme.sub_theme, Feedback.id, Feedback.text, Feedback.created_at, Session.title,
                   Session.starts_at)
            .join(Feedback, Feedback.id == FeedbackSubTheme.feedback_id)
            .join(Session, Session.id == Feedback.session_id).join(Series, Series.id == Session.series_id)
            .join(Organisation, Organisation.id == Series.organisation_id)
            .where(_before(session), Session.element_code == session["element_code"]))


def top_sub_themes(engine: Engine, session_id: int, limit: int = TOP_SUB_THEMES) -> pd.DataFrame:
    """The sub-themes most raised at earlier held sessions on the session's element, with their item counts."""
    session = _session(engine, session_id)
    items = _earlier_items(session).subquery()
    query = (select(items.c.sub_theme, func.count().label("items")).group_by(items.c.sub_theme)
             .order_by(func.count().desc(), items.c.sub_theme).limit(limit))
    return read_frame(engine, query, ["sub_theme", "items"])


def verbatim(engine: Engine, session_id: int, sub_themes: tuple[str, ...],
             per_theme: int = ITEMS_PER_SUB_THEME) -> pd.DataFrame:
    """A few items said at earlier sessions on the element for each sub-theme, newest first."""
    session = _session(engine, session_id)
    base = _earlier_items(session).where(FeedbackSubTheme.sub_theme.in_(sub_themes)).add_columns(
        func.row_number().over(partition_by=FeedbackSubTheme.sub_theme,
                               order_by=(Feedback.created_at.desc(), Feedback.id.desc())).label("n")).subquery()
    query = (select(base.c.sub_theme, base.c.text, base.c.created_at, base.c.title, base.c.starts_at)
             .where(base.c.n <= per_theme).order_by(base.c.sub_theme, base.c.n))
    frame = read_frame(engine, query, ["sub_theme", "text", "created_at", "session_title", "session_date"])
    order = {theme: n for n, theme in enumerate(sub_themes)}
    frame["session_date"] = pd.to_datetime(frame["session_date"]).dt.date
    return frame.sort_values("sub_theme", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def earlier_sessions(engine: Engine, session_id: int) -> pd.DataFrame:
    """Earlier held sessions on the same element, then the sessions on other elements most related to it by
    sub-theme: date, title, element, host roles, attendance, key themes and what relates them."""
    session = _session(engine, session_id)
    columns = (Session.id, Session.starts_at, Session.title, Session.element_code, Session.host_roles,
               attendee_count(), Session.key_themes)
    same = (select(*columns).join(Series, Series.id == Session.series_id)
            .join(Organisation, Organisation.id == Series.organisation_id)
            .where(_before(session), Session.element_code == session["element_code"]).order_by(Session.starts_at))
    names = ["session_id", "starts_at", "title", "element_code", "host_roles", "attendance", "key_themes"]
    frame = read_frame(engine, same, names).assign(relation="Same element")
    related = _related_sessions(engine, session, tuple(top_sub_themes(engine, session_id)["sub_theme"]))
    frame = pd.concat([frame, related], ignore_index=True) if not related.empty else frame
    frame["starts_at"] = pd.to_datetime(frame["starts_at"])
    frame["element"] = frame["element_code"].map(taxonomy.element_label)
    return frame.astype({"attendance": int})


def _related_sessions(engine: Engine, session: dict, themes: tuple[str, ...]) -> pd.DataFrame:
    if not themes:
        return pd.DataFrame()
    # Only this organisation's earlier sessions: counted across a region, the grouping took most of a second.
    shared = (select(Feedback.session_id, FeedbackSubTheme.sub_theme, func.count().label("n"))
              .join(FeedbackSubTheme, FeedbackSubTheme.feedback_id == Feedback.id)
              .join(Session, Session.id == Feedback.session_id).join(Series, Series.id == Session.series_id)
              .join(Organisation, Organisation.id == Series.organisation_id)
              .where(FeedbackSubTheme.sub_theme.in_(themes), _before(session),
                     Session.element_code != session["element_code"])
              .group_by(Feedback.session_id, FeedbackSubTheme.sub_theme).subquery())
    query = (select(Session.id, Session.starts_at, Session.title, Session.element_code, Session.host_roles,
                    attendee_count(), Session.key_themes, shared.c.sub_theme, shared.c.n)
             .join(shared, shared.c.session_id == Session.id).join(Series, Series.id == Session.series_id)
             .join(Organisation, Organisation.id == Series.organisation_id)
             .where(_before(session), Session.element_code != session["element_code"]))
    rows = read_frame(engine, query, ["session_id", "starts_at", "title", "element_code", "host_roles", "attendance",
                                  "key_themes", "sub_theme", "n"])
    if rows.empty:
        return pd.DataFrame()
    keys = ["session_id", "starts_at", "title", "element_code", "host_roles", "attendance", "key_themes"]
    grouped = (rows.sort_values(["n", "sub_theme"], ascending=[False, True]).groupby(keys, sort=False)
               .agg(shared_items=("n", "sum"), themes=("sub_theme", ", ".join)).reset_index())
    grouped = (grouped[grouped["shared_items"] >= RELATED_MIN_ITEMS]
               .sort_values(["shared_items", "starts_at"], ascending=[False, False]).head(RELATED_SESSIONS))
    relation = "Related: " + grouped["themes"]
    return grouped[keys].assign(relation=relation.to_numpy()).sort_values("starts_at")


def open_actions(engine: Engine, session_id: int, today: date) -> pd.DataFrame:
    """Open actions (planned, coming soon, in progress) on the session's element, overdue first, with owner
    and due date."""
    session = _session(engine, session_id)
    overdue = and_(Action.due_date.is_not(None), Action.due_date < today)
    query = (select(Action.id, Action.you_said, Action.we_did, Action.owner, Action.status, Action.due_date,
                    case((overdue, True), else_=False), Session.title, Session.starts_at)
             .join(Session, Session.id == Action.session_id).join(Series, Series.id == Session.series_id)
             .join(Organisation, Organisation.id == Series.organisation_id)
             .where(Organisation.ods_code == session["org_code"], Action.element_code == session["element_code"],
                    Action.status.in_(OPEN_ACTION_STATUSES))
             .order_by(case((overdue, 0), else_=1), Action.due_date.is_(None), Action.due_date, Action.id))
    frame = read_frame(engine, query, ["action_id", "you_said", "we_did", "owner", "status", "due_date", "overdue",
                                   "session_title", "session_date"])
    return frame.astype({"overdue": bool})


def done_since_last_session(engine: Engine, session_id: int, today: date) -> pd.DataFrame:
    """Actions on the element completed after the last held session on it before this one, up to this session
    (or today, whichever is earlier), newest first."""
    session = _session(engine, session_id)
    last = (select(func.max(Session.starts_at)).join(Series, Series.id == Session.series_id)
            .join(Organisation, Organisation.id == Series.organisation_id)
            .where(_before(session), Session.element_code == session["element_code"]))
    with engine.connect() as conn:
        last_held = conn.execute(last).scalar_one()
    since = pd.Timestamp(last_held).date() if last_held else None
    until = min(pd.Timestamp(session["starts_at"]).date(), today)
    conditions = [Organisation.ods_code == session["org_code"], Action.element_code == session["element_code"],
                  Action.status == ACTION_DONE, Action.completed_date <= until]
    if since:
        conditions.append(Action.completed_date >= since)
    query = (select(Action.id, Action.you_said, Action.we_did, Action.owner, Action.completed_date)
             .join(Session, Session.id == Action.session_id).join(Series, Series.id == Session.series_id)
             .join(Organisation, Organisation.id == Series.organisation_id)
             .where(*conditions).order_by(Action.completed_date.desc(), Action.id))
    frame = read_frame(engine, query, ["action_id", "you_said", "we_did", "owner", "completed_date"])
    return frame.assign(since=since)
