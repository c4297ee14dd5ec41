"""Read a Microsoft Teams attendance report (docs/input-formats.md) into one row per person."""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from data_access.importers import limits
from data_access.importers.cells import check_table_size
from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.importers.raw import decode
from domain.vocabulary import TEAMS_ROLES

SECTION = re.compile(r"^\s*(\d)\.\s*(summary|participants|in-meeting activities)\s*$", re.IGNORECASE)
US_TIME = re.compile(r"\d:\d\d(?::\d\d)?\s*[AP]M\b", re.IGNORECASE)  # a time with AM/PM, never a word in a title
LINE_BREAK = re.compile(r"\s*\n\s*")  # inside a quoted cell: read as a space
DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$", re.IGNORECASE)
COLUMN_ALIASES = {
    "name": "name", "full name": "name", "first join": "first_join", "join time": "first_join",
    "last leave": "last_leave", "leave time": "last_leave", "in-meeting duration": "duration",
    "duration": "duration", "email": "email", "participant id (upn)": "upn", "role": "role",
}
ROLES = {"organizer": "Organizer", "organiser": "Organizer", "co-organizer": "Organizer",
         "presenter": "Presenter", "attendee": "Attendee"}
TIME_EXAMPLE = "expected a time as Teams writes it, like 14/11/22, 09:30:46 or 11/26/25, 4:16:54 PM"
DURATION_EXAMPLE = "expected a duration as Teams writes it, like 1h 2m 10s"
SLACK_MINUTES = 1  # Teams rounds durations and times apart; only more than this is a double count
ROLE_RANK = {role: rank for rank, role in enumerate(TEAMS_ROLES)}  # most senior first
STAMP_FORMATS = {True: ("%m/%d/%y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p"),  # US, keyed by "is the locale US"
                 False: ("%d/%m/%y %H:%M:%S", "%d/%m/%Y %H:%M:%S")}


@dataclass
class TeamsReport:
    title: str
    start: datetime
    participants: pd.DataFrame  # identity, name, teams_role, first_join, last_leave, minutes_attended
    warnings: list[ImportProblem] = field(default_factory=list)


def parse_duration(text: str) -> float:
    """Seconds in a Teams duration such as '1h 2m 10s', '19m 26s' or '55m'."""
    seconds = _durations(pd.Series([text or ""], dtype=object)).iloc[0]
    if pd.isna(seconds):
        raise ValueError(f"cannot read the duration; {DURATION_EXAMPLE}")
    return float(seconds)


def parse_stamp(text: str, us: bool) -> datetime:
    """A Teams time stamp in the organiser's locale: UK '14/11/22, 09:30:46' or US '11/26/25, 4:16:54 PM'."""
    parsed = _stamps(pd.Series([text], dtype=object), us).iloc[0]
    if pd.isna(parsed):
        raise ValueError(f"cannot read the time; {TIME_EXAMPLE}")
    return parsed.to_pydatetime()


def parse_report(raw: bytes) -> TeamsReport:
    """Parse a whole report, or refuse it with every problem found."""
    lines = decode(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n")  # a lone CR: an old Mac's line end
    delimiter = "\t" if any("\t" in line for line in lines[:20]) else ","
    summary, header, header_row, lines_read = _summary(lines, delimiter)
    if not header:
        raise ImportRefused([ImportProblem(None, None, "no participants table was found in this Teams report")])
    check_table_size(0, len(header))
    fields = _fields(header)
    missing = {"name", "first_join", "last_leave"} - set(fields)
    if missing:
        raise ImportRefused([ImportProblem(header_row, col, "this column is missing") for col in sorted(missing)])
    table, rows_of = _table(lines[lines_read:], header_row + 1, fields, delimiter)
    start_text = summary.get("start time") or summary.get("meeting start time")
    us = _is_us(start_text or (table["first_join"].iloc[0] if len(table) else ""))
    participants = _participants(table, rows_of, dict(zip(fields, (h.strip() for h in header))), header_row, us)
    title = summary.get("meeting title", "")
    try:
        start = parse_stamp(start_text, us) if start_text else participants["first_join"].min()
    except ValueError as error:
        raise ImportRefused([ImportProblem(None, "Start time", str(error))]) from None
    return TeamsReport(title, start, participants, participants.attrs.get("warnings", []))


def _is_us(stamp: str) -> bool:
    """Teams writes every time in the organiser's locale, so one time stamp tells it (never a title or a name,
    which may mention "12:30 pm")."""
    return US_TIME.search(stamp) is not None


def _fields(cells: list[str]) -> list[str]:
    """The participants' header cells as field names (name, first_join, last_leave, duration, ...)."""
    return [COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in cells]


def _summary(lines: list[str], delimiter: str) -> tuple[dict[str, str], list[str], int, int]:
    """The summary's fields, the participants' header cells, that header's row, and the file lines read to its end."""
    summary: dict[str, str] = {}
    for at, read, record in _records(lines, 1, delimiter):
        row = record or [""]
        first = row[0].strip().lower()
        if first in ("name", "full name") and len(row) > 2:
            return summary, row, at, read
        if len(row) >= 2 and first and not SECTION.match(row[0]):
            summary.setdefault(first, LINE_BREAK.sub(" ", row[1]).strip())
    return summary, [], 0, len(lines)


def _participants(table: pd.DataFrame, rows_of: list[int], headings: dict[str, str], header_row: int,
                  us: bool) -> pd.DataFrame:
    """One row per person; a bad row is named by its row and its column's heading, as the file writes them."""
    if table.empty:
        raise ImportRefused([ImportProblem(header_row + 1, None, "the participants table is empty")])
    people = _read_people(table, us)
    problems = [ImportProblem(rows_of[at], headings.get(column, column), message)
                for at, column, message in people.attrs["problems"]]
    if problems:
        raise ImportRefused(problems)
    # A person who joined twice keeps the most senior role they held.
    merged = (people.assign(rank=people["teams_role"].map(ROLE_RANK), listed=1, at=people.index)
              .groupby("identity", as_index=False, sort=False)
              .agg(name=("name", "first"), rank=("rank", "min"), first_join=("first_join", "min"),
                   last_leave=("last_leave", "max"), minutes_attended=("minutes_attended", "sum"),
                   listed=("listed", "sum"), at=("at", "first"))
              .assign(teams_role=lambda f: f.pop("rank").map(dict(enumerate(ROLE_RANK)))))
    merged.attrs["warnings"] = _capped(merged, rows_of, headings.get("duration") or headings["last_leave"])
    return merged[["identity", "name", "teams_role", "first_join", "last_leave", "minutes_attended"]]


def _capped(merged: pd.DataFrame, rows_of: list[int], heading: str) -> list[ImportProblem]:
    """Cap, in place, the minutes of anyone listed several times whose times add up to more than the span from
    their first join to their last leave (the same listing repeated: 40 times in a one-hour meeting would count
    40 hours); a warning for each, at their first row."""
    span = ((merged["last_leave"] - merged["first_join"]).dt.total_seconds() / 60).clip(lower=0)
    over = (merged["listed"] > 1) & (merged["minutes_attended"] > span + SLACK_MINUTES)
    merged.loc[over, "minutes_attended"] = span[over]
    return [ImportProblem(rows_of[int(merged.at[i, "at"])], heading,
                          f"this person is listed {merged.at[i, 'listed']} times and their times add up to more than "
                          f"they were in the meeting; counted once, for the {span[i]:.0f} minutes from their first "
                          "join to their last leave") for i in merged.index[over]]


def _table(lines: list[str], first_row: int, fields: list[str], delimiter: str) -> tuple[pd.DataFrame, list[int]]:
    """The participants' rows (lines: the file's after their header), up to the first blank row or the next
    section's heading, and each one's row in the file. One column per field (a repeated header: the last), cells
    stripped, short rows padded and cells past the header ignored; a quoted cell may run over several lines, its line
    breaks read as spaces."""
    rows, numbers, width = [], [], len(fields)
    most = min(limits.MAX_ROWS, limits.MAX_CELLS // max(width, 1))
    for at, _, record in _records(lines, first_row, delimiter):
        joined = "".join(record)
        if not joined.strip() or (record[0].lstrip()[:1].isdigit() and SECTION.match(record[0])):
            break
        row = [LINE_BREAK.sub(" ", cell) for cell in record] if "\n" in joined else record
        rows.append(row if len(row) == width else (row + [""] * width)[:width])
        numbers.append(at)
        if len(rows) > most:  # refused as soon as the table outgrows the limits
            check_table_size(len(rows), width)
    grid = pd.DataFrame(rows, columns=range(width), dtype="str")
    columns = {field: at for at, field in enumerate(fields)}  # a repeated field keeps its last position
    return pd.DataFrame({field: grid[at].str.strip() for field, at in columns.items()}), numbers


def _records(lines: list[str], first_row: int, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """CSV rows, each with its row number as a spreadsheet shows the file (lines: the file's from row first_row on;
    a cell over several lines is still one row) and the lines read to its end. A quoted cell left open is refused
    at its row: Python's lenient reader would take the rest of the file into it."""
    reader = csv.reader((line + "\n" for line in lines), delimiter=delimiter)
    number, read = first_row, 0
    try:
        for row in reader:
            if reader.line_num == len(lines) and _ends_inside_quotes(lines[read:], delimiter):
                raise _left_open(number)
            read = reader.line_num
            yield number, read, row
            number += 1
    except csv.Error:  # a cell past the reader's size limit: in practice a quotation mark left open
        raise _left_open(number) from None


def _ends_inside_quotes(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader((line + "\n" for line in lines), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _left_open(line: int) -> ImportRefused:
    return ImportRefused([ImportProblem(line, None, "a quoted cell is never closed, so the rows from here on cannot be "
                                                    "read; export the report from Teams again")])


def _read_people(table: pd.DataFrame, us: bool) -> pd.DataFrame:
    """One row per participant row; attrs["problems"] lists (row position, field, message), one per bad row."""
    blank = pd.Series("", index=table.index, dtype=object)
    first_join, last_leave = _stamps(table["first_join"], us), _stamps(table["last_leave"], us)
    duration_text = table.get("duration", blank)
    seconds = _durations(duration_text).where(duration_text != "", (last_leave - first_join).dt.total_seconds())
    role_text = table.get("role", blank)
    roles = role_text.str.lower().replace("", "attendee").map(ROLES)
    checks = [
        ("first_join", first_join.isna(), lambda at: f"cannot read the time; {TIME_EXAMPLE}"),
        ("last_leave", last_leave.isna(), lambda at: f"cannot read the time; {TIME_EXAMPLE}"),
        ("last_leave", last_leave < first_join, lambda at: "the leave time is before the join time"),
        ("duration", seconds.isna(), lambda at: f"cannot read the duration; {DURATION_EXAMPLE}"),
        ("duration", seconds > 24 * 3600,
         lambda at: f"an attendance of {seconds[at] / 3600:.0f} hours is not believable"),
        ("role", roles.isna(), lambda at: "unknown Teams role; the roles are Organizer, Presenter and Attendee"),
    ]
    problems, flagged = [], pd.Series(False, index=table.index)
    for column, bad, message in checks:
        problems += [(at, column, message(at)) for at in table.index[bad & ~flagged]]
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
