"""The one way a file comes in, for the command line, the Import page and the sample seed: read and check it,
preview what would change without writing, or write it whole in one transaction and record the import."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Connection, Engine, insert

from data_access.data_version import bump
from data_access.database import refresh_statistics
from data_access.importers.base import ImportOptions, Kind
from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.models import ImportBatch
from data_access.permissions import Actor, can_import, require

COUNTS = ("added", "updated", "unchanged")


@dataclass
class Outcome:
    """What an import did, or would do: counts, problems by row and column, warnings, notes."""
    kind: str
    file_name: str
    sha256: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        counts = [f"{getattr(self, k)} {k}" for k in (*COUNTS, "skipped")]
        return ", ".join(counts + [f"{n} {k}" for k, n in self.extra.items()])

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "file": self.file_name, "rows": self.rows,
                **{k: getattr(self, k) for k in (*COUNTS, "skipped")}, **self.extra}


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def import_into(conn: Connection, kind: Kind, file_name: str, raw: bytes, options: ImportOptions,
                write: bool) -> Outcome:
    """Check a file and load it on conn (write=False only counts); refused files raise ImportRefused."""
    outcome = Outcome(kind.name, file_name, sha256(raw))
    prepared = kind.prepare(conn, raw, options)
    outcome.rows, outcome.skipped = prepared.rows, prepared.skipped
    outcome.warnings, outcome.notes = prepared.warnings, prepared.notes
    if prepared.problems:
        raise ImportRefused(prepared.problems)
    counts = kind.load(conn, prepared, options, write)
    for key, value in counts.items():
        if key in COUNTS:
            setattr(outcome, key, value)
        else:
            outcome.extra[key] = value
    if write:
        record(conn, outcome, options.user, "success")
    return outcome


def preview(engine: Engine, kind: Kind, file_name: str, raw: bytes, options: ImportOptions) -> Outcome:
    """What importing the file would do, without writing anything; problems are returned, not raised."""
    with engine.connect() as conn:
        try:
            return import_into(conn, kind, file_name, raw, options, write=False)
        except ImportRefused as refused:
            return Outcome(kind.name, file_name, sha256(raw), problems=refused.problems)


def commit(engine: Engine, kind: Kind, file_name: str, raw: bytes, options: ImportOptions, actor: Actor) -> Outcome:
    """Import the file whole in one transaction, or refuse it: then only the refusal is recorded. The actor must be
    allowed to import (PermissionRefused otherwise, with nothing written) and is the user recorded."""
    require(actor, can_import(actor.role), "import files")
    options = replace(options, user=actor.user)
    try:
        with engine.begin() as conn:
            outcome = import_into(conn, kind, file_name, raw, options, write=True)
        refresh_statistics(engine)
        return outcome
    except ImportRefused as refused:
        with engine.begin() as conn:
            record(conn, Outcome(kind.name, file_name, sha256(raw), problems=refused.problems), options.user,
                   "refused")
        raise


def storable(text: str) -> str:
    """Text any database stores: a file's name or a column's heading may hold a NUL, which PostgreSQL refuses."""
    return text.replace("\x00", "")


def record(conn: Connection, outcome: Outcome, user: str, result: str) -> None:
    """One import_batch row (file, SHA-256, who, when, counts and outcome), and a new data version with it."""
    message = "; ".join(str(p) for p in outcome.problems[:20]) if outcome.problems else outcome.summary
    conn.execute(insert(ImportBatch).values(
        kind=outcome.kind, file_name=storable(outcome.file_name)[:300], sha256=outcome.sha256,
        imported_by=storable(user)[:100],
        imported_at=datetime.now(), rows=outcome.added + outcome.updated + outcome.unchanged, outcome=result,
        message=storable(message), added=outcome.added, updated=outcome.updated, unchanged=outcome.unchanged))
    bump(conn)
