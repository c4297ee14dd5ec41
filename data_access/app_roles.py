"""The role table the OD team keeps in the app (email → role), and the record of signed-in users who had no role."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Engine, delete, func, insert, select, update

from data_access.config import ROLES
from data_access.data_version import bump
from data_access.database import read_frame
from data_access.models import AppRole, NoAccessAttempt
from data_access.permissions import Actor, can_manage_roles, require

MOST_ATTEMPTS_SHOWN = 200


class RoleRefused(ValueError):
    """The role table was not changed: why, in words the OD team can act on."""


def normal_email(email: str) -> str:
    """Emails are compared trimmed and in lower case, as identity providers treat them."""
    return email.strip().lower()


def role_in_table(engine: Engine, email: str) -> str | None:
    """The role the table gives this email, if any."""
    with engine.connect() as conn:
        return conn.execute(select(AppRole.role).where(AppRole.email == normal_email(email))).scalar_one_or_none()


def set_role(engine: Engine, email: str, role: str, actor: Actor, now: datetime) -> None:
    """Give an email a role, or change its role; only a role keeper may (PermissionRefused otherwise)."""
    require(actor, can_manage_roles(actor.role), "change who has access")
    email = normal_email(email)
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise RoleRefused(f"{email or 'An empty email'} is not an email address.")
    if role not in ROLES:
        raise RoleRefused(f"{role} is not a role; choose one of {', '.join(ROLES)}.")
    values = {"role": role, "granted_by": actor.user[:254], "granted_at": now}
    with engine.begin() as conn:
        changed = conn.execute(update(AppRole).where(AppRole.email == email).values(**values)).rowcount
        if not changed:
            conn.execute(insert(AppRole).values(email=email, **values))
        bump(conn)


def remove_role(engine: Engine, email: str, actor: Actor) -> bool:
    """Take an email's role away; True if it had one. Only a role keeper may (PermissionRefused otherwise)."""
    require(actor, can_manage_roles(actor.role), "change who has access")
    with engine.begin() as conn:
        removed = conn.execute(delete(AppRole).where(AppRole.email == normal_email(email))).rowcount
        bump(conn)
    return bool(removed)


def role_table(engine: Engine) -> pd.DataFrame:
    """Every email in the role table with its role, who granted it and when, by email."""
    query = select(AppRole.email, AppRole.role, AppRole.granted_by, AppRole.granted_at).order_by(AppRole.email)
    return read_frame(engine, query, ["email", "role", "granted_by", "granted_at"])


def record_no_access(engine: Engine, email: str, now: datetime) -> None:
    """A signed-in user with no role tried to open the app."""
    with engine.begin() as conn:
        conn.execute(insert(NoAccessAttempt).values(email=normal_email(email)[:254], attempted_at=now))
        bump(conn)


def no_access_attempts(engine: Engine) -> pd.DataFrame:
    """Each email that tried without a role and still has none: how often, first and last, latest first."""
    query = (select(NoAccessAttempt.email, func.count().label("attempts"),
                    func.min(NoAccessAttempt.attempted_at).label("first"),
                    func.max(NoAccessAttempt.attempted_at).label("last"))
             .where(NoAccessAttempt.email.not_in(select(AppRole.email)))
             .group_by(NoAccessAttempt.email).order_by(func.max(NoAccessAttempt.attempted_at).desc())
             .limit(MOST_ATTEMPTS_SHOWN))
    return read_frame(engine, query, ["email", "attempts", "first", "last"])
