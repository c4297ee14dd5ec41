"""What the forms and feedback imports share: feedback items for one session, untagged, checked the same way."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access import loader
from data_access.importers.base import ImportOptions, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.lookups import SessionRow
from data_access.models import Feedback
from domain.vocabulary import session_name


def items(session: SessionRow, source, prompt, text, created_at, index, staff_group=None) -> pd.DataFrame:
    """Feedback rows as the loader takes them; imported feedback arrives without sub-themes."""
    return pd.DataFrame({"session_id": session.id, "source": source, "prompt": prompt, "text": text,
                         "staff_group": staff_group, "created_at": created_at, "sub_themes": None}, index=index)


def prepared(checks: RowChecks, rows: pd.DataFrame, read: int, session: SessionRow) -> Prepared:
    """Check lengths and repeats, and say what will happen, for a frame of feedback items."""
    checks.duplicates(rows[["prompt", "text", "created_at"]], "text")
    checks.lengths(rows.drop(columns=["sub_themes"]), Feedback.__table__)
    notes = [f"For session {session.id}: {session_name(session.starts_at, session.title)}.",
             "Imported feedback has no sub-themes yet: it shows as \u201cnot yet tagged\u201d."]
    return Prepared(rows=len(rows), data={"feedback": rows}, problems=checks.problems, warnings=checks.warnings,
                    skipped=read, notes=notes)


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    return loader.load_feedback(conn, prepared.data["feedback"], write)
