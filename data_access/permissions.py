"""What each role may see and do, decided in one place; every write checks its actor here (`require`)."""
from __future__ import annotations

from dataclasses import dataclass

ROLE_LABELS = {"executive": "Executive", "od_team": "OD team", "facilitator": "Facilitator"}
# Page keys each role may open, its home page first; a page not listed for a role is not in that role's navigation,
# and its URL says it is not available to the role. Executives host sessions, so they may open the brief too.
PAGES_BY_ROLE: dict[str, tuple[str, ...]] = {
    "executive": ("overview", "explorer", "brief", "actions"),
    "od_team": ("overview", "explorer", "brief", "actions", "import", "access"),
    "facilitator": ("brief", "overview", "actions"),
}
# Whoever runs the command line (python -m data_access) runs the database: it may do everything.
COMMAND_LINE = "command_line"


@dataclass(frozen=True)
class Actor:
    """Who is acting, as every write is told: the user recorded in audit trails, and their role."""
    user: str
    role: str


class PermissionRefused(PermissionError):
    """The actor's role may not do this; nothing was written."""

    def __init__(self, actor: Actor, what: str):
        label = ROLE_LABELS.get(actor.role, actor.role or "no role")
        super().__init__(f"Not allowed: {label} may not {what}.")


def pages_for(role: str) -> tuple[str, ...]:
    """The page keys a role may see; an unknown role sees nothing."""
    return PAGES_BY_ROLE.get(role, ())


# Roles that may add and edit actions; every other role sees the register read-only.
ACTION_EDITORS: tuple[str, ...] = ("od_team", COMMAND_LINE)


def can_edit_actions(role: str) -> bool:
    return role in ACTION_EDITORS


# Roles that may read the register's internal notes (the OD team's working notes, never shared with staff): the
# roles that keep the register. Everyone else sees the register without them.
INTERNAL_NOTE_READERS: tuple[str, ...] = ACTION_EDITORS


def can_read_internal_notes(role: str) -> bool:
    return role in INTERNAL_NOTE_READERS


# Roles that may import files, and keep the app's role table (who may sign in as what).
IMPORTERS: tuple[str, ...] = ("od_team", COMMAND_LINE)
ROLE_KEEPERS: tuple[str, ...] = ("od_team", COMMAND_LINE)


def can_import(role: str) -> bool:
    return role in IMPORTERS


def can_manage_roles(role: str) -> bool:
    return role in ROLE_KEEPERS


def require(actor: Actor, allowed: bool, what: str) -> None:
    """Refuse, before anything is written, when the actor's role may not do `what`."""
    if not allowed:
        raise PermissionRefused(actor, what)
