"""feedback: any other board or poll export (Padlet, Slido, Mentimeter, Whiteboard, a transcribed Jamboard) for
one session, with a mapping of which column holds the text, the prompt, the time and the source."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access.importers import feedback_rows, sub_theme_cells
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.errors import ImportProblem
from data_access.importers.identity import identity_columns
from data_access.importers.lookups import session_by_id
from data_access.importers.raw import check_size, read_table, refuse
from data_access.importers.sub_theme_cells import sub_theme_column
from domain.vocabulary import FEEDBACK_SOURCES

FIELDS = ("text", "prompt", "time", "source", "sub_themes")
FIELD_LABELS = {"text": "text", "prompt": "prompt", "time": "time", "source": "source", "sub_themes": "sub-themes"}
GUESSES = {
    "text": ("text", "content", "body", "comment", "comments", "response", "answer", "message", "idea", "note"),
    "prompt": ("prompt", "question", "section", "column", "topic"),
    "time": ("created_at", "created at", "created", "time", "timestamp", "date", "posted at", "submitted at"),
    "source": ("source",),
}


def guess_mapping(columns) -> dict[str, str | None]:
    """The column that most likely holds each field, by its header; None when no header fits."""
    by_name = {str(c).strip().lower(): str(c) for c in columns}
    return {**{f: next((by_name[g] for g in GUESSES[f] if g in by_name), None) for f in GUESSES},
            "sub_themes": sub_theme_column(columns)}


def _mapping(checks: RowChecks, options: ImportOptions) -> dict[str, str | None]:
    mapping = {**guess_mapping(checks.frame.columns), **dict(options.mapping)}
    for field_name, column in mapping.items():
        if column is not None and column not in checks.frame.columns:
            checks.problems.append(ImportProblem(1, column, f"there is no such column to take the {field_name} from"))
    if mapping["text"] is None:
        checks.problems.append(ImportProblem(1, None, "say which column holds the feedback text (--map text=COLUMN)"))
    checks.stop_if_any()
    kept = [mapping[f] for f in ("text", "prompt") if mapping[f]]
    checks.problems += [ImportProblem(1, c, "this column identifies people (names, emails or UPNs) and is never "
                                      "imported; map the feedback's own columns") for c in
                        identity_columns(checks.frame[kept])]
    checks.stop_if_any()
    return mapping


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    if options.source not in FEEDBACK_SOURCES:
        raise refuse(f"the source must be one of {', '.join(FEEDBACK_SOURCES)}; got {options.source!r}")
    checks = RowChecks(read_table(raw, spreadsheets=True))
    mapping = _mapping(checks, options)
    session = session_by_id(conn, options.session_id)
    frame = checks.frame
    kept = frame[mapping["text"]].notna()
    source = checks.choices(mapping["source"], FEEDBACK_SOURCES) if mapping["source"] else \
        pd.Series(options.source, index=frame.index)
    created = checks.dates(mapping["time"], options.today, times=True) if mapping["time"] else \
        pd.Series(None, index=frame.index, dtype=object)
    prompt = frame[mapping["prompt"]].fillna("") if mapping["prompt"] else pd.Series("", index=frame.index)
    tags = sub_theme_cells.matched(conn, checks, mapping["sub_themes"], session.organisation_id) \
        if mapping["sub_themes"] else pd.Series(None, index=frame.index, dtype=object)
    rows = feedback_rows.items(session, source.fillna(options.source)[kept], prompt[kept], frame[mapping["text"]][kept],
                               created[kept], frame.index[kept], sub_themes=tags[kept])
    checks.text_warnings(*(column for f in ("text", "prompt") if (column := mapping[f])))
    return feedback_rows.prepared(checks, rows, int((~kept).sum()), session)


KIND = Kind("feedback", "Board or poll export", "Any other board or poll export (.csv or .xlsx) for one session, "
            "with a column mapping for text, prompt, time, source and (when the team has coded them) sub-themes.",
            True, prepare, feedback_rows.load)
