"""What each role may see, decided in one place."""
from __future__ import annotations

ROLE_LABELS = {"executive": "Executive", "od_team": "OD team", "facilitator": "Facilitator"}
# Page keys each role may open; a page not listed for a role is not in that role's navigation.
PAGES_BY_ROLE: dict[str, tuple[str, ...]] = {
    "executive": ("overview", "explorer", "actions"),
    "od_team": ("overview", "explorer", "brief", "actions", "import"),
    "facilitator": ("overview", "brief", "actions"),
}


def pages_for(role: str) -> tuple[str, ...]:
    """The page keys a role may see; an unknown role sees nothing."""
    return PAGES_BY_ROLE.get(role, ())


# Roles that may add and edit actions; every other role sees the register read-only.
ACTION_EDITORS: tuple[str, ...] = ("od_team",)


def can_edit_actions(role: str) -> bool:
    return role in ACTION_EDITORS


# Roles that may read the register's internal notes (the OD team's working notes, never shared with staff): the
# roles that keep the register. Everyone else sees the register without them.
INTERNAL_NOTE_READERS: tuple[str, ...] = ACTION_EDITORS


def can_read_internal_notes(role: str) -> bool:
    return role in INTERNAL_NOTE_READERS
