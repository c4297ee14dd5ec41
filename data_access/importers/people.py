"""people: a staff-list extract; each email or UPN becomes the attendance person key, and only key → staff group,
division and band is kept. Attendance already imported is re-tagged, so the order of imports does not matter."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access import loader
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.errors import ImportProblem
from data_access.importers.lookups import org_ids_of, organisation_id
from data_access.importers.raw import check_size, read_table
from data_access.importers.secret import check_secret
from data_access.models import Person
from data_access.privacy import person_keys
from domain import taxonomy

IDENTITY = ("email", "upn", "participant_id_upn", "user_principal_name", "email_address", "work_email")
BANDS = {band.lower(): band for band in taxonomy.BANDS}


def _identities(checks: RowChecks) -> pd.Series:
    present = [c for c in IDENTITY if c in checks.present]
    if not present:
        checks.problems.append(ImportProblem(1, "email", "this column is missing (an email or UPN column)"))
        checks.stop_if_any()
    identity = checks.frame[present].bfill(axis=1).iloc[:, 0]
    for index in identity.index[identity.isna()]:
        checks.problem(index, "email", "this row has no email or UPN")
    return identity.str.lower()


def _bands(checks: RowChecks) -> pd.Series:
    def one(index, text):
        if text is None:
            return None
        band = BANDS.get(text.lower().removeprefix("band").strip())
        if band is None:
            checks.problem(index, "band", f"unknown band; bands are {', '.join(taxonomy.BANDS)}")
        return band
    return pd.Series([one(i, v) for i, v in checks.frame["band"].items()], index=checks.frame.index, dtype=object)


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    check_secret(raw, options)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    checks.columns(("staff_group", "division", "band"), ("org_code", *IDENTITY))
    identity = _identities(checks)
    if "org_code" in checks.present:
        checks.filled("org_code")
        org_ids = org_ids_of(conn, checks, "org_code")
    else:
        org_ids = pd.Series(organisation_id(conn, options), index=checks.frame.index)
    rows = pd.DataFrame({"organisation_id": org_ids, "person_key": person_keys(options.secret, identity.fillna("")),
                         "staff_group": checks.staff_groups("staff_group"), "division": checks.frame["division"],
                         "band": _bands(checks)})
    checks.duplicates(pd.DataFrame({"org": org_ids, "identity": identity}), "email")
    checks.lengths(rows, Person.__table__)
    return Prepared(rows=len(rows), data={"people": rows}, problems=checks.problems, warnings=checks.warnings,
                    notes=["Only a keyed hash of each email is kept, with staff group, division and band."])


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    people = prepared.data["people"]
    counts = loader.load_people(conn, people, write)
    retagged = sum(loader.retag_attendance(conn, int(org), group, write)
                   for org, group in people.groupby("organisation_id"))
    return {**counts, "attendance re-tagged": retagged}


KIND = Kind("people", "Staff list (people)",
            "A staff-list extract: email or UPN, staff group, division, band (and org_code for several trusts).",
            True, prepare, load)
