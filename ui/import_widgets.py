"""The Import page's widgets: the options each kind of file needs, and the preview of what it would do."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.importers.base import ImportOptions, Kind
from data_access.importers.errors import ImportRefused
from data_access.importers.feedback import FIELD_LABELS, FIELDS, guess_mapping
from data_access.importers.forms import question_columns
from data_access.importers.pipeline import Outcome
from data_access.importers.raw import read_table
from domain.vocabulary import FEEDBACK_SOURCES, session_name
from formats.british import counted
from formats.markup import markdown_text
from ui.cached import import_sessions
from ui.context import settings

NEEDS_SESSION = ("forms", "feedback")
MATCH_BY_DATE = "Match the report's date"
# Formatted in the browser: formatting 200 time stamps in Python was most of the page's own work on every rerun.
HISTORY_CONFIG = {"When": st.column_config.DatetimeColumn(format="D MMMM YYYY, HH:mm")}


def _session_labels(sessions: pd.DataFrame) -> dict[int, str]:
    return {int(i): session_name(when, title, status) for i, when, title, status in
            zip(sessions["id"], pd.to_datetime(sessions["starts_at"]), sessions["title"], sessions["status"])}


def session_choice(kind: Kind, org_code: str) -> int | None:
    """The session the file is for; a Teams report may instead be matched by its date."""
    if kind.name not in (*NEEDS_SESSION, "attendance"):
        return None
    labels = _session_labels(import_sessions(org_code))
    choices: list[int | str] = list(labels)
    if kind.name == "attendance":
        choices.insert(0, MATCH_BY_DATE)
    chosen = st.selectbox("Session", choices, format_func=lambda c: labels.get(c, c), key=f"import_session_{kind.name}",
                          index=0 if kind.name == "attendance" else None, placeholder="Choose the session")
    return chosen if isinstance(chosen, int) else None


def _columns(raw: bytes) -> list[str]:
    try:
        return [str(c) for c in read_table(raw, spreadsheets=True).columns]
    except ImportRefused:
        return []  # the preview says why the file cannot be read


def file_options(kind: Kind, raw: bytes) -> dict[str, object]:
    """Options that depend on the file's columns: Forms questions, a board export's column mapping."""
    if kind.name == "forms":
        asked = question_columns(_columns(raw))
        chosen = st.multiselect("Questions that are feedback", asked, default=asked, key="import_questions",
                                help="Each answer to a chosen question becomes a feedback item.")
        return {"questions": tuple(chosen)}
    if kind.name == "feedback":
        columns = _columns(raw)
        guessed = guess_mapping(columns)
        mapping = {}
        with st.container(horizontal=True):
            for field in FIELDS:
                options = [None, *columns]
                mapping[field] = st.selectbox(f"Column with the {FIELD_LABELS[field]}", options,
                                              key=f"import_map_{field}", index=options.index(guessed[field]),
                                              format_func=lambda c: "(none)" if c is None else c)
        source = st.selectbox("Source when no column gives it", FEEDBACK_SOURCES, key="import_source")
        return {"mapping": tuple((f, c) for f, c in mapping.items() if c), "source": source}
    return {}


def base_options(user: str, **given) -> ImportOptions:
    config = settings()
    return ImportOptions(secret=config.person_key_secret, today=config.today, user=user,
                         max_bytes=config.max_upload_bytes, **given)


def problems_frame(problems) -> pd.DataFrame:
    return pd.DataFrame({"Row": [p.row for p in problems], "Column": [p.column or "" for p in problems],
                         "What is wrong": [p.message for p in problems]}).astype({"Row": "Int64"})


def show_preview(outcome: Outcome) -> None:
    """Counts, notes, problems and warnings, all as plain text."""
    st.header("Preview")
    with st.container(horizontal=True, gap="small"):
        for label, value in (("Rows read", outcome.rows), ("Added", outcome.added), ("Updated", outcome.updated),
                             ("Unchanged", outcome.unchanged), ("Skipped", outcome.skipped), *outcome.extra.items()):
            st.metric(label.capitalize(), f"{value:,}", border=True, width=150)
    for note in outcome.notes:
        st.caption(markdown_text(note))
    if outcome.problems:
        st.error(f"This file cannot be imported: {counted(len(outcome.problems), 'problem')}. Nothing has been "
                 "written. Correct the file and upload it again.", icon=":material/block:")
        st.dataframe(problems_frame(outcome.problems), hide_index=True, width="stretch")
    if outcome.warnings:
        st.warning(f"{counted(len(outcome.warnings), 'warning')}: these cells are kept as typed.",
                   icon=":material/warning:")
        st.dataframe(problems_frame(outcome.warnings).rename(columns={"What is wrong": "Warning"}), hide_index=True,
                     width="stretch")


def history_frame(history: pd.DataFrame) -> pd.DataFrame:
    """The import record as shown; "When" stays a time stamp, formatted by the table (HISTORY_CONFIG)."""
    return pd.DataFrame({
        "When": pd.to_datetime(history["imported_at"]), "Kind": history["kind"], "File": history["file_name"],
        "By": history["imported_by"], "Outcome": history["outcome"], "Added": history["added"],
        "Updated": history["updated"], "Unchanged": history["unchanged"], "Details": history["message"]})
