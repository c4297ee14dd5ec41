"""Which pages each role may and may not open, and where axe looks, for the parametrised browser tests."""
from __future__ import annotations

from data_access.config import ROLES
from data_access.permissions import pages_for
from ui.page_list import PAGE_SCRIPTS

EXPLORER_VIEWS = ("Themes", "Reach", "Feedback")
VISIBLE: list[tuple[str, str]] = [(role, key) for role in ROLES for key in pages_for(role)]
HIDDEN: list[tuple[str, str]] = [(role, key) for role in ROLES for key in PAGE_SCRIPTS if key not in pages_for(role)]
# Charts each page draws at its plain URL, so a test waits for all of them before it looks.
CHARTS = {"overview": 2, "explorer": 2, "explorer?view=Themes": 2, "explorer?view=Reach": 2, "brief": 2, "actions": 1}


def path_for(role: str, key: str) -> str:
    """A page's URL path: a role's first page is its home, at the root (its own path there says "Page not found")."""
    return "" if pages_for(role)[0] == key else key


def charts_on(path: str) -> int:
    return CHARTS.get(path or "overview", 0)


def first_role_seeing(key: str) -> str:
    return next(role for role in ROLES if key in pages_for(role))


def axe_views() -> list[tuple[str, str]]:
    """(role, path) for every page, as the first role that may see it, and each explorer view; plus the
    register as its editors see it, with forms the read-only register does not have."""
    views = []
    for key in PAGE_SCRIPTS:
        role = first_role_seeing(key)
        paths = [f"{key}?view={view}" for view in EXPLORER_VIEWS] if key == "explorer" else [path_for(role, key)]
        views += [(role, path) for path in paths]
    return [*views, ("od_team", "actions")]
