"""forms: a Microsoft Forms export (.xlsx or .csv) for one session; each answer to a chosen question becomes a
feedback item with the question as its prompt. Email and Name are never kept."""
from __future__ import annotations

from sqlalchemy import Connection

from data_access.importers import feedback_rows
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.errors import ImportProblem
from data_access.importers.lookups import session_by_id
from data_access.importers.raw import check_size, read_table

METADATA = ("id", "start time", "completion time", "email", "name", "last modified time")


def question_columns(columns) -> list[str]:
    """The question columns of a Forms export: every column but ID, times, Email and Name."""
    return [str(c) for c in columns if str(c).strip().lower() not in METADATA]


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    frame = checks.frame
    by_name = {str(c).lower(): c for c in frame.columns}
    for needed in ("ID", "Completion time"):
        if needed.lower() not in by_name:
            checks.problems.append(ImportProblem(1, needed,
                                                 "this column is missing; is this a Microsoft Forms export?"))
    asked = question_columns(frame.columns)
    chosen = list(options.questions) if options.questions is not None else asked
    checks.problems += [ImportProblem(1, q, "there is no such question column") for q in chosen if q not in asked]
    if not chosen:
        checks.problems.append(ImportProblem(1, None, "no question columns are chosen as feedback"))
    checks.stop_if_any()
    session = session_by_id(conn, options.session_id)
    completed = checks.dates(by_name["completion time"], options.today, times=True)
    checks.duplicates(frame[[by_name["id"]]], by_name["id"])
    answers = frame[chosen].melt(var_name="prompt", value_name="text", ignore_index=False).dropna(subset=["text"])
    rows = feedback_rows.items(session, "form", answers["prompt"], answers["text"], completed.reindex(answers.index),
                               answers.index)
    checks.text_warnings(*chosen)
    return feedback_rows.prepared(checks, rows, len(frame) * len(chosen) - len(rows), session)


KIND = Kind("forms", "Microsoft Forms export", "A Microsoft Forms export (.xlsx or .csv) for one session.", True,
            prepare, feedback_rows.load)
