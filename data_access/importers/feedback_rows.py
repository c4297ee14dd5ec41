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
from formats.british import counted, one_or_many


def items(session: SessionRow, source, prompt, text, created_at, index, staff_group=None,
          sub_themes=None) -> pd.DataFrame:
    """Feedback rows as the loader takes them; sub_themes, when the file has them, names on the list joined by ';'."""
    return pd.DataFrame({"session_id": session.id, "source": source, "prompt": prompt, "text": text,
                         "staff_group": staff_group, "created_at": created_at, "sub_themes": sub_themes}, index=index)


def prepared(checks: RowChecks, rows: pd.DataFrame, read: int, session: SessionRow) -> Prepared:
    """Check lengths and repeats, and say what will happen, for a frame of feedback items."""
    checks.duplicates(rows[["prompt", "text", "created_at"]], "text")
    checks.lengths(rows.drop(columns=["sub_themes"]), Feedback.__table__)
    coded = int(rows["sub_themes"].notna().sum())
    notes = [f"For session {session.id}: {session_name(session.starts_at, session.title)}.",
             f"{counted(coded, 'item')} {one_or_many(coded, 'comes', 'come')} with sub-themes, which count as "
             "confirmed; the rest show as \u201cnot yet tagged\u201d until they are reviewed on the Tagging page."
             if coded else "Imported feedback has no sub-themes yet: it shows as \u201cnot yet tagged\u201d until "
             "it is reviewed on the Tagging page."]
    return Prepared(rows=len(rows), data={"feedback": rows}, problems=checks.problems, warnings=checks.warnings,
                    skipped=read, notes=notes)


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    return loader.load_feedback(conn, prepared.data["feedback"], write, tagged_by=options.user)
