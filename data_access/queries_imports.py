"""Reads for the Import page: past imports, and the sessions a file can be for."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from data_access.database import read_frame
from data_access.filters import sessions_joined
from data_access.models import ImportBatch, Organisation, Session

HISTORY_COLUMNS = ["imported_at", "kind", "file_name", "imported_by", "outcome", "added", "updated", "unchanged",
                   "message"]


def import_history(engine: Engine, limit: int = 200) -> pd.DataFrame:
    """The newest imports first, refused ones included."""
    query = (select(*[ImportBatch.__table__.c[c] for c in HISTORY_COLUMNS])
             .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc()).limit(limit))
    return read_frame(engine, query, HISTORY_COLUMNS)


def session_choices(engine: Engine, org_code: str) -> pd.DataFrame:
    """id, starts_at, title and status of an organisation's sessions, newest first."""
    query = sessions_joined(select(Session.id, Session.starts_at, Session.title, Session.status)).where(
        Organisation.ods_code == org_code).order_by(Session.starts_at.desc())
    return read_frame(engine, query, ["id", "starts_at", "title", "status"])
