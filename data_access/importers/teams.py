"""Read a Microsoft Teams attendance report (DESIGN.md §4) into one row per person."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.importers.raw import decode

SECTION = re.compile(r"^\s*(\d)\.\s*(summary|participants|in-meeting activities)\s*$", re.IGNORECASE)
US_TIME = re.compile(r"\d:\d\d(?::\d\d)?\s*[AP]M\b", re.IGNORECASE)  # a time with AM/PM, never a word in a title
DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$", re.IGNORECASE)
COLUMN_ALIASES = {
    "name": "name", "full name": "name", "first join": "first_join", "join time": "first_join",
    "last leave": "last_leave", "leave time": "last_leave", "in-meeting duration": "duration",
    "duration": "duration", "email": "email", "participant id (upn)": "upn", "role": "role",
}
ROLES = {"organizer": "Organizer", "organiser": "Organizer", "co-organizer": "Organizer",
         "presenter": "Presenter", "attendee": "Attendee"}
ROLE_RANK = {"Organizer": 0, "Presenter": 1, "Attendee": 2}  # most senior first
STAMP_FORMATS = {True: ("%m/%d/%y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p"),  # US, keyed by "is the locale US"
                 False: ("%d/%m/%y %H:%M:%S", "%d/%m/%Y %H:%M:%S")}


@dataclass
class TeamsReport:
    title: str
    start: datetime
    participants: pd.DataFrame  # identity, name, teams_role, first_join, last_leave, minutes_attended


def parse_duration(text: str) -> float:
    """Seconds in a Teams duration such as '1h 2m 10s', '19m 26s' or '55m'."""
    seconds = _durations(pd.Series([text or ""], dtype=object)).iloc[0]
    if pd.isna(seconds):
        raise ValueError(f"cannot read the duration {text!r}")
    return float(seconds)


def parse_stamp(text: str, us: bool) -> datetime:
    """A Teams time stamp in the organiser's locale: UK '14/11/22, 09:30:46' or US '11/26/25, 4:16:54 PM'."""
    parsed = _stamps(pd.Series([text], dtype=object), us).iloc[0]
    if pd.isna(parsed):
        raise ValueError(f"cannot read the time {text!r}")
    return parsed.to_pydatetime()


def parse_report(raw: bytes) -> TeamsReport:
    """Parse a whole report, or refuse it with every problem found."""
    text = decode(raw)
    lines = text.replace("\r\n", "\n").split("\n")
    delimiter = "\t" if any("\t" in line for line in lines[:20]) else ","
    cells = [row or [""] for row in csv.reader(lines, delimiter=delimiter)]
    summary, header_at = _summary(cells)
    if header_at is None:
        raise ImportRefused([ImportProblem(None, None, "no participants table was found in this Teams report")])
    us = US_TIME.search(text) is not None
    participants = _participants(cells, header_at, us)
    title = summary.get("meeting title", "")
    start_text = summary.get("start time") or summary.get("meeting start time")
    try:
        start = parse_stamp(start_text, us) if start_text else participants["first_join"].min()
    except ValueError as error:
        raise ImportRefused([ImportProblem(None, "Start time", str(error))]) from None
    return TeamsReport(title, start, participants)


def _summary(cells: list[list[str]]) -> tuple[dict[str, str], int | None]:
    summary: dict[str, str] = {}
    for at, row in enumerate(cells):
        first = row[0].strip().lower()
        if first in ("name", "full name") and len(row) > 2:
            return summary, at
        if len(row) >= 2 and first and not SECTION.match(row[0]):
            summary.setdefault(first, row[1].strip())
    return summary, None


def _participants(cells: list[list[str]], header_at: int, us: bool) -> pd.DataFrame:
    names = [h.strip() for h in cells[header_at]]
    header = [COLUMN_ALIASES.get(h.lower(), h.lower()) for h in names]
    missing = {"name", "first_join", "last_leave"} - set(header)
    if missing:
        raise ImportRefused([ImportProblem(header_at + 1, col, "this column is missing") for col in sorted(missing)])
    table = _table(cells, header_at, header)
    if table.empty:
        raise ImportRefused([ImportProblem(header_at + 2, None, "the participants table is empty")])
    people = _read_people(table, us)
    problems = [ImportProblem(header_at + 2 + int(at), dict(zip(header, names)).get(column, column), message)
                for at, column, message in people.attrs["problems"]]
    if problems:
        raise ImportRefused(problems)
    # A person who joined twice keeps the most senior role they held.
    return (people.assign(rank=people["teams_role"].map(ROLE_RANK)).groupby("identity", as_index=False, sort=False)
            .agg(name=("name", "first"), rank=("rank", "min"), first_join=("first_join", "min"),
                 last_leave=("last_leave", "max"), minutes_attended=("minutes_attended", "sum"))
            .assign(teams_role=lambda f: f.pop("rank").map(dict(enumerate(ROLE_RANK))))
            [["identity", "name", "teams_role", "first_join", "last_leave", "minutes_attended"]])


def _table(cells: list[list[str]], header_at: int, header: list[str]) -> pd.DataFrame:
    """The participants' rows up to the next section, stripped, one column per field (a repeated header: the last)."""
    rows = []
    for row in cells[header_at + 1:]:
        if not any(c.strip() for c in row) or SECTION.match(row[0]):
            break
        rows.append(row)
    position = {field: at for at, field in enumerate(header)}
    return pd.DataFrame({field: pd.Series([row[at].strip() if at < len(row) else "" for row in rows], dtype=object)
                         for field, at in position.items()})


def _read_people(table: pd.DataFrame, us: bool) -> pd.DataFrame:
    """One row per participant row; attrs["problems"] lists (row position, field, message), one per bad row."""
    blank = pd.Series("", index=table.index, dtype=object)
    first_join, last_leave = _stamps(table["first_join"], us), _stamps(table["last_leave"], us)
    duration_text = table.get("duration", blank)
    seconds = _durations(duration_text).where(duration_text != "", (last_leave - first_join).dt.total_seconds())
    role_text = table.get("role", blank)
    roles = role_text.str.lower().replace("", "attendee").map(ROLES)
    checks = [
        ("first_join", first_join.isna(), lambda at: f"cannot read the time {table.at[at, 'first_join']!r}"),
        ("last_leave", last_leave.isna(), lambda at: f"cannot read the time {table.at[at, 'last_leave']!r}"),
        ("last_leave", last_leave < first_join, lambda at: "the leave time is before the join time"),
        ("duration", seconds.isna(), lambda at: f"cannot read the duration {duration_text[at]!r}"),
        ("duration", seconds > 24 * 3600,
         lambda at: f"an attendance of {seconds[at] / 3600:.0f} hours is not believable"),
        ("role", roles.isna(), lambda at: f"unknown Teams role {role_text[at]!r}"),
    ]
    problems, flagged = [], pd.Series(False, index=table.index)
    for field, bad, message in checks:
        problems += [(at, field, message(at)) for at in table.index[bad & ~flagged]]
        flagged |= bad
    identity = table.get("email", blank).replace("", None).fillna(table.get("upn", blank).replace("", None)) \
        .fillna(table["name"])
    people = pd.DataFrame({"identity": identity.str.lower(), "name": table["name"], "teams_role": roles,
                           "first_join": first_join, "last_leave": last_leave, "minutes_attended": seconds / 60})
    people.attrs["problems"] = sorted(problems)
    return people


def _stamps(texts: pd.Series, us: bool) -> pd.Series:
    """parse_stamp for a whole column at once; a time it cannot read is NaT."""
    cleaned = texts.str.replace(",", " ", regex=False).str.replace(r"\s+", " ", regex=True).str.strip()
    parsed = pd.Series(pd.NaT, index=texts.index, dtype="datetime64[us]")
    for fmt in STAMP_FORMATS[us]:
        unread = parsed.isna()
        if not unread.any():
            break
        parsed[unread] = pd.to_datetime(cleaned[unread], format=fmt, errors="coerce")
    return parsed


def _durations(texts: pd.Series) -> pd.Series:
    """parse_duration for a whole column at once, in seconds; a duration it cannot read is NaN."""
    parts = texts.str.extract(DURATION.pattern, flags=re.IGNORECASE)
    seconds = parts.astype(float).fillna(0) @ [3600.0, 60.0, 1.0]
    return seconds.where(parts.notna().any(axis=1))
