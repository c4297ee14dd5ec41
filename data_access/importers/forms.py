"""forms: a Microsoft Forms export (.xlsx or .csv) for one session; each answer to a chosen question becomes a
feedback item with the question as its prompt. Columns that identify respondents (Email, Name, "Email address",
"Full name", or any column of emails or UPNs) are never kept; questions about the respondent ("Language",
"Which staff group are you in?") are not feedback: a staff group becomes the feedback's staff group, the rest are
left out, and the preview says so."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from data_access.importers import feedback_rows, sub_theme_cells
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks
from data_access.importers.errors import ImportProblem
from data_access.importers.identity import attribute_of, identity_columns, is_identity_header
from data_access.importers.lookups import session_by_id
from data_access.importers.raw import check_size, read_table
from data_access.importers.sub_theme_cells import sub_theme_column
from domain import taxonomy
from domain.vocabulary import FORM_SOURCE

METADATA = ("id", "start time", "completion time", "last modified time")


def question_columns(columns) -> list[str]:
    """The question columns of a Forms export by their headers: every column but ID, times, identity columns,
    questions about the respondent and a sub-themes column the team added to code the answers."""
    return [str(c) for c in columns if str(c).strip().lower() not in METADATA and not is_identity_header(c)
            and attribute_of(c) is None and sub_theme_column([c]) is None]


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    checks = RowChecks(read_table(raw, spreadsheets=True))
    frame = checks.frame
    by_name = {str(c).lower(): c for c in frame.columns}
    for needed in ("ID", "Completion time"):
        if needed.lower() not in by_name:
            checks.problems.append(ImportProblem(1, needed,
                                                 "this column is missing; is this a Microsoft Forms export?"))
    wanted = list(options.questions) if options.questions is not None else question_columns(frame.columns)
    checks.problems += [ImportProblem(1, q, "there is no such question column") for q in wanted
                        if q not in frame.columns]
    chosen, notes = _feedback_columns(frame, [q for q in wanted if q in frame.columns])
    if not chosen:
        checks.problems.append(ImportProblem(1, None, "no question columns are chosen as feedback"))
    checks.stop_if_any()
    session = session_by_id(conn, options.session_id)
    completed = checks.dates(by_name["completion time"], options.today, times=True)
    checks.duplicates(frame[[by_name["id"]]], by_name["id"])
    answers = frame[chosen].melt(var_name="prompt", value_name="text", ignore_index=False).dropna(subset=["text"])
    # A respondent's sub-themes code each of their answers.
    coded = sub_theme_column(frame.columns)
    tags = sub_theme_cells.matched(conn, checks, coded, session.organisation_id) if coded else \
        pd.Series(None, index=frame.index, dtype=object)
    rows = feedback_rows.items(session, FORM_SOURCE, answers["prompt"], answers["text"],
                               completed.reindex(answers.index), answers.index,
                               _staff_groups(frame, notes).reindex(answers.index), tags.reindex(answers.index))
    checks.text_warnings(*chosen)
    prepared = feedback_rows.prepared(checks, rows, len(frame) * len(chosen) - len(rows), session)
    prepared.notes += notes
    return prepared


def _feedback_columns(frame: pd.DataFrame, wanted: list[str]) -> tuple[list[str], list[str]]:
    """The wanted columns that are feedback, and notes naming those left out: identity columns, found by header
    or content whether chosen or not, and questions about the respondent."""
    identity = identity_columns(frame.drop(columns=[c for c in frame.columns if str(c).lower() in METADATA]))
    about = [c for c in frame.columns if c not in identity and attribute_of(c)]
    notes = [f"Never imported, as they identify people: {', '.join(map(str, identity))}."] if identity else []
    if about:
        notes.append(f"Not feedback, so left out: {', '.join(map(str, about))} (questions about the respondent).")
    return [c for c in wanted if c not in identity and c not in about], notes


def _staff_groups(frame: pd.DataFrame, notes: list[str]) -> pd.Series:
    """Each respondent's staff group from a 'Which staff group are you in?' column, when there is one."""
    column = next((c for c in frame.columns if attribute_of(c) == "staff group"), None)
    if column is None:
        return pd.Series(None, index=frame.index, dtype=object)
    groups = frame[column].map(lambda v: taxonomy.resolve_staff_group(v) if isinstance(v, str) else None)
    notes.append(f"Each answer's staff group is taken from {column}; {int(groups.isna().sum())} respondents gave "
                 "none the dashboard knows, and their answers have no staff group.")
    return groups


KIND = Kind("forms", "Microsoft Forms export", "A Microsoft Forms export (.xlsx or .csv) for one session.", True,
            prepare, feedback_rows.load)
