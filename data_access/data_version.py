"""The data version: a number every write raises in its own transaction, read once per page run, so a cache keyed
on it never serves what another process, the command line or another replica has since changed."""
from __future__ import annotations

from sqlalchemy import Connection, Engine, select, update

from data_access.models import DataVersion


def data_version(engine: Engine) -> int:
    """The current version: one primary-key read."""
    with engine.connect() as conn:
        return conn.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar_one()


def bump(conn: Connection) -> None:
    """Raise the version within the caller's transaction: visible to others exactly when the write is."""
    conn.execute(update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1))
