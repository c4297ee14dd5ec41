"""An import's optional sub-themes column: names on the organisation's list, several to a cell separated by ';',
matched whatever their case. Tags a file gives are confirmed. A name not on the list is a problem at its row that
names the nearest one on the list; the file's own text is not repeated, as it may be anything."""
from __future__ import annotations

import difflib

import pandas as pd
from sqlalchemy import Connection, select

from data_access.filters import NOT_TAGGED
from data_access.importers.checks import RowChecks, header_key
from data_access.importers.raw import blank
from data_access.models import SubTheme
from formats.british import ordinal

HEADERS = ("sub_themes", "sub_theme", "subthemes", "subtheme")
SEPARATOR = ";"


def sub_theme_column(columns) -> str | None:
    """The column holding sub-themes, by its header ('Sub-themes', 'sub_themes', 'Sub theme'); None when none."""
    return next((str(column) for column in columns if header_key(column).replace("_", "") in
                 {h.replace("_", "") for h in HEADERS}), None)


def list_names(conn: Connection, organisation_id: int) -> tuple[dict[str, str], set[str]]:
    """The organisation's sub-themes offered for tagging, by case-folded name, and the case-folded retired ones."""
    rows = conn.execute(select(SubTheme.name, SubTheme.retired_at)
                        .where(SubTheme.organisation_id == organisation_id)).all()
    return ({name.casefold(): name for name, retired in rows if retired is None},
            {name.casefold() for name, retired in rows if retired is not None})


def matched(conn: Connection, checks: RowChecks, column: str, organisation_id: int) -> pd.Series:
    """Each row's sub-themes as the list spells them, joined by ';' (None when the cell is empty or says the item
    is not yet tagged); a name not on the list, or retired from it, is a problem."""
    active, retired = list_names(conn, organisation_id)
    return pd.Series([_cell(checks, index, column, value, active, retired)
                      for index, value in checks.frame[column].items()], index=checks.frame.index, dtype=object)


def _cell(checks: RowChecks, index, column: str, value, active: dict[str, str], retired: set[str]) -> str | None:
    if value is None or blank(value):
        return None
    names = [name.strip() for name in str(value).split(SEPARATOR) if name.strip()]
    if [name.casefold() for name in names] == [NOT_TAGGED.casefold()]:
        return None
    found: list[str] = []
    for place, name in enumerate(names, start=1):
        key = name.casefold()
        which = f"the {ordinal(place)} sub-theme" if len(names) > 1 else "the sub-theme"
        if key in active:
            found.append(active[key])
        elif key in retired:
            checks.problem(index, column, f"{which} is retired from this organisation's list; tag with one in use, "
                                          "or restore it on the Tagging page first")
        else:
            checks.problem(index, column, f"{which} is not on this organisation's list{_nearest(key, active)}")
    return SEPARATOR.join(dict.fromkeys(found)) or None


def _nearest(key: str, active: dict[str, str]) -> str:
    """'; did you mean …?' with the nearest name on the list, or how to add one when none is near."""
    close = difflib.get_close_matches(key, list(active), n=1, cutoff=0.6)
    return f"; did you mean {active[close[0]]!r}?" if close else "; add it on the Tagging page first"
