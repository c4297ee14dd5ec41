"""Read a Microsoft Teams attendance report (DESIGN.md §4) into one row per person."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
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
    lines = decode(raw).replace("\r\n", "\n").split("\n")
    delimiter = "\t" if any("\t" in line for line in lines[:20]) else ","
    summary, header, table_at = _summary(lines, delimiter)
    if not header:
        raise ImportRefused([ImportProblem(None, None, "no participants table was found in this Teams report")])
    start_text = summary.get("start time") or summary.get("meeting start time")
    us = _is_us(start_text or _first_join(lines, _fields(header), table_at, delimiter))
    participants = _participants(lines, header, table_at, delimiter, us)
    title = summary.get("meeting title", "")
    try:
        start = parse_stamp(start_text, us) if start_text else participants["first_join"].min()
    except ValueError as error:
        raise ImportRefused([ImportProblem(None, "Start time", str(error))]) from None
    return TeamsReport(title, start, participants)


def _is_us(stamp: str) -> bool:
    """Teams writes every time in the organiser's locale, so one time stamp tells it (never a title or a name,
    which may mention "12:30 pm")."""
    return US_TIME.search(stamp) is not None


def _first_join(lines: list[str], fields: list[str], table_at: int, delimiter: str) -> str:
    """The first participant's join time, as written: the locale's witness when the summary has no start time."""
    if "first_join" not in fields:
        return ""  # _participants refuses the table, naming the missing column
    row = next(csv.reader(lines[table_at:table_at + 1], delimiter=delimiter), [])
    at = fields.index("first_join")
    return row[at] if at < len(row) else ""


def _fields(cells: list[str]) -> list[str]:
    """The participants' header cells as field names (name, first_join, last_leave, duration, ...)."""
    return [COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in cells]


def _summary(lines: list[str], delimiter: str) -> tuple[dict[str, str], list[str], int]:
    """The summary's fields, the participants' header cells, and the line the participants' rows start on."""
    summary: dict[str, str] = {}
    reader = csv.reader(lines, delimiter=delimiter)
    for row in reader:
        row = row or [""]
        first = row[0].strip().lower()
        if first in ("name", "full name") and len(row) > 2:
            return summary, row, reader.line_num
        if len(row) >= 2 and first and not SECTION.match(row[0]):
            summary.setdefault(first, row[1].strip())
    return summary, [], len(lines)


def _participants(lines: list[str], cells: list[str], table_at: int, delimiter: str, us: bool) -> pd.DataFrame:
    names, header = [h.strip() for h in cells], _fields(cells)
    missing = {"name", "first_join", "last_leave"} - set(header)
    if missing:
        raise ImportRefused([ImportProblem(table_at, col, "this column is missing") for col in sorted(missing)])
    table = _table(lines[table_at - 1:_table_end(lines, table_at, delimiter)], header, delimiter, table_at)
    if table.empty:
        raise ImportRefused([ImportProblem(table_at + 1, None, "the participants table is empty")])
    people = _read_people(table, us)
    problems = [ImportProblem(table_at + 1 + int(at), dict(zip(header, names)).get(column, column), message)
                for at, column, message in people.attrs["problems"]]
    if problems:
        raise ImportRefused(problems)
    # A person who joined twice keeps the most senior role they held.
    return (people.assign(rank=people["teams_role"].map(ROLE_RANK)).groupby("identity", as_index=False, sort=False)
            .agg(name=("name", "first"), rank=("rank", "min"), first_join=("first_join", "min"),
                 last_leave=("last_leave", "max"), minutes_attended=("minutes_attended", "sum"))
            .assign(teams_role=lambda f: f.pop("rank").map(dict(enumerate(ROLE_RANK))))
            [["identity", "name", "teams_role", "first_join", "last_leave", "minutes_attended"]])


def _table_end(lines: list[str], start: int, delimiter: str) -> int:
    """The line after the participants' rows: the first blank row or the next section's heading."""
    for at in range(start, len(lines)):
        bare = lines[at].strip(f"{delimiter} \t\"")
        if not bare or (bare[0].isdigit() and SECTION.match(bare.split(delimiter)[0].strip('"'))):
            return at
    return len(lines)


def _table(rows: list[str], header: list[str], delimiter: str, header_row: int) -> pd.DataFrame:
    """The participants' rows (after their header line), stripped, one column per field (a repeated header: the
    last); short rows are padded and cells past the header ignored."""
    width = range(len(header))
    try:
        grid = pd.read_csv(io.StringIO("\n".join(rows)), sep=delimiter, header=0, names=width, usecols=width,
                           index_col=False, dtype=str, keep_default_na=False, skip_blank_lines=False)
    except pd.errors.ParserError as error:  # in practice only a quoted cell left open to the end of the file
        found = re.search(r"row (\d+)", str(error))
        raise ImportRefused([ImportProblem(header_row + int(found[1]) if found else None, None,
                                           "a quoted cell is never closed, so the rows from here on cannot be read; "
                                           "export the report from Teams again")]) from None
    return pd.DataFrame({field: grid[at].str.strip() for field, at in {f: a for a, f in enumerate(header)}.items()})


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
    return _each_distinct(texts, lambda distinct: _distinct_stamps(distinct, us))


def _distinct_stamps(texts: pd.Series, us: bool) -> pd.Series:
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
    return _each_distinct(texts, _distinct_durations)


def _distinct_durations(texts: pd.Series) -> pd.Series:
    parts = texts.str.extract(DURATION.pattern, flags=re.IGNORECASE)
    seconds = parts.astype(float).fillna(0) @ [3600.0, 60.0, 1.0]
    return seconds.where(parts.notna().any(axis=1))


def _each_distinct(texts: pd.Series, parse: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """parse() run once per distinct text, spread back over the column: a report's times repeat a great deal."""
    codes, distinct = pd.factorize(texts, use_na_sentinel=False)
    return pd.Series(parse(pd.Series(distinct, dtype=object)).to_numpy()[codes], index=texts.index)
