"""workforce: a CSV of headcount by staff group and division at a date."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access import loader
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.lookups import org_ids_of
from data_access.importers.raw import check_size, read_table
from data_access.models import Workforce

COLUMNS = ("org_code", "as_at", "staff_group", "division", "headcount")
LARGEST_TRUST = 100_000  # more staff than any NHS trust employs


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    checks.columns(COLUMNS)
    checks.filled(*COLUMNS)
    org_ids_of(conn, checks, "org_code")
    frame = checks.frame
    rows = pd.DataFrame({"org_code": frame["org_code"], "as_at": checks.dates("as_at", options.today),
                         "staff_group": checks.staff_groups("staff_group"), "division": frame["division"],
                         "headcount": checks.numbers("headcount", 0, LARGEST_TRUST, "a headcount", whole=True)})
    checks.duplicates(rows[["org_code", "as_at", "staff_group", "division"]], "division")
    _totals(checks, rows)
    checks.lengths(rows, Workforce.__table__)
    return Prepared(rows=len(rows), data={"workforce": rows}, problems=checks.problems, warnings=checks.warnings)


def _totals(checks: RowChecks, rows: pd.DataFrame) -> None:
    """A problem when one organisation's headcounts on one date add up to more staff than any trust employs."""
    counted = rows.assign(headcount=pd.to_numeric(rows["headcount"]).fillna(0))
    for _, group in counted.groupby(["org_code", "as_at"], sort=False):
        if group["headcount"].sum() > LARGEST_TRUST:
            checks.problem(group.index[0], "headcount", f"the headcounts of this organisation on this date (rows "
                           f"{checks.row(group.index[0])} to {checks.row(group.index[-1])}) add up to more than "
                           f"{LARGEST_TRUST:,}, more staff than any NHS trust employs")


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    return loader.load_workforce(conn, prepared.data["workforce"], write)


KIND = Kind("workforce", "Workforce headcount", "A CSV of headcount: " + ", ".join(COLUMNS) + ".", True, prepare,
            load)
