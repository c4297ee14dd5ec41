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


class CellError(ValueError):
    """A participant's cell that cannot be read, with the column it is in."""

    def __init__(self, column: str, message: str):
        self.column = column
        super().__init__(message)


@dataclass
class TeamsReport:
    title: str
    start: datetime
    participants: pd.DataFrame  # identity, name, teams_role, first_join, last_leave, minutes_attended


def parse_duration(text: str) -> float:
    """Seconds in a Teams duration such as '1h 2m 10s', '19m 26s' or '55m'."""
    match = DURATION.match(text or "")
    if not match or not any(match.groups()):
        raise ValueError(f"cannot read the duration {text!r}")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def parse_stamp(text: str, us: bool) -> datetime:
    """A Teams time stamp in the organiser's locale: UK '14/11/22, 09:30:46' or US '11/26/25, 4:16:54 PM'."""
    cleaned = re.sub(r"\s+", " ", text.replace(",", " ")).strip()
    formats = ("%m/%d/%y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p") if us else ("%d/%m/%y %H:%M:%S", "%d/%m/%Y %H:%M:%S")
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(f"cannot read the time {text!r}")


def parse_report(raw: bytes) -> TeamsReport:
    """Parse a whole report, or refuse it with every problem found."""
    lines = [line.rstrip("\r") for line in decode(raw).split("\n")]
    delimiter = "\t" if any("\t" in line for line in lines[:20]) else ","
    cells = [row or [""] for row in csv.reader(lines, delimiter=delimiter)]
    summary, header_at = _summary(cells)
    if header_at is None:
        raise ImportRefused([ImportProblem(None, None, "no participants table was found in this Teams report")])
    us = any(US_TIME.search(line) for line in lines)
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
    records, problems = [], []
    for at in range(header_at + 1, len(cells)):
        row = cells[at]
        if not any(c.strip() for c in row) or SECTION.match(row[0]):
            break
        record = dict(zip(header, (c.strip() for c in row)))
        try:
            records.append(_person(record, us))
        except CellError as error:
            problems.append(ImportProblem(at + 1, dict(zip(header, names)).get(error.column, error.column), str(error)))
    if problems:
        raise ImportRefused(problems)
    if not records:
        raise ImportRefused([ImportProblem(header_at + 2, None, "the participants table is empty")])
    frame = pd.DataFrame(records)
    return frame.groupby("identity", as_index=False, sort=False).agg(
        name=("name", "first"), teams_role=("teams_role", _senior_role), first_join=("first_join", "min"),
        last_leave=("last_leave", "max"), minutes_attended=("minutes_attended", "sum"))


def _cell(column: str, read, text: str):
    try:
        return read(text)
    except ValueError as error:
        raise CellError(column, str(error)) from None


def _person(record: dict[str, str], us: bool) -> dict[str, object]:
    first_join = _cell("first_join", lambda t: parse_stamp(t, us), record["first_join"])
    last_leave = _cell("last_leave", lambda t: parse_stamp(t, us), record["last_leave"])
    if last_leave < first_join:
        raise CellError("last_leave", "the leave time is before the join time")
    seconds = _cell("duration", parse_duration, record["duration"]) if record.get("duration") else \
        (last_leave - first_join).total_seconds()
    if seconds > 24 * 3600:
        raise CellError("duration", f"an attendance of {seconds / 3600:.0f} hours is not believable")
    role = ROLES.get(record.get("role", "attendee").lower() or "attendee")
    if role is None:
        raise CellError("role", f"unknown Teams role {record.get('role')!r}")
    identity = record.get("email") or record.get("upn") or record["name"]
    return {"identity": identity.lower(), "name": record["name"], "teams_role": role,
            "first_join": first_join, "last_leave": last_leave, "minutes_attended": seconds / 60}


def _senior_role(roles: pd.Series) -> str:
    """A person who joined twice keeps the most senior role they held."""
    for role in ("Organizer", "Presenter"):
        if (roles == role).any():
            return role
    return "Attendee"
