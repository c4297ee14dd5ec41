"""Row-by-row checks shared by the importers: each finds every problem (row and column) and converts values."""
from __future__ import annotations

import difflib
import re
from collections.abc import Hashable
from datetime import date, datetime

import pandas as pd
from openpyxl.utils import get_column_letter
from sqlalchemy import Column, String, Table

from data_access.export_safety import looks_like_formula
from data_access.importers import limits
from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.importers.raw import blank
from domain import taxonomy

REPAIRED = "the text was UTF-8 read as Windows-1252 (like \u2018caf\u00c3\u00a9\u2019); it is read again as UTF-8"
HTML = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(\s[^>]*)?>|javascript:", re.IGNORECASE)
AM_PM = re.compile(r"\d\s*[AP]M\s*$", re.IGNORECASE)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
TIME_FORMATS = ("", " %H:%M", " %H:%M:%S")
DATE_EXAMPLE = "write it like 25/01/2024 or 2024-01-25, with a time like 12:00 where one is needed"
US_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%y %I:%M:%S %p", "%m/%d/%y %I:%M %p")


def header_key(name: str) -> str:
    """A header as the documented column names spell it: 'Staff Group' → 'staff_group'."""
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def parse_datetime(text: str) -> datetime:
    """A date or date-time as UK, ISO or (with AM/PM) US spreadsheets write it."""
    cleaned = re.sub(r"\s+", " ", text.replace(",", " ").replace("T", " ")).strip()
    formats = US_FORMATS if AM_PM.search(cleaned) else [d + t for d in DATE_FORMATS for t in TIME_FORMATS]
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(f"cannot read the date; {DATE_EXAMPLE}")


def nearest_metric(name: str) -> str | None:
    """The official name of the score whose alias is closest to a misspelt name."""
    close = difflib.get_close_matches(taxonomy.normalise(name), list(taxonomy.ALIASES), n=1, cutoff=0.6)
    return taxonomy.METRICS[taxonomy.ALIASES[close[0]]].official_name if close else None


class RowChecks:
    """Checks on a frame read from a file (index + 2 = the spreadsheet row); problems and warnings pile up."""

    def __init__(self, frame: pd.DataFrame, first_row: int = 2):
        self.frame = frame
        self.offset = first_row
        self.present: list[str] = list(frame.columns)
        self.problems: list[ImportProblem] = []
        self.warnings: list[ImportProblem] = [ImportProblem(self.row(index), str(column), REPAIRED)
                                              for index, column in frame.attrs.get("repaired", [])]

    def row(self, index) -> int:
        return int(index) + self.offset

    def problem(self, index, column: str | None, message: str) -> None:
        self.problems.append(ImportProblem(None if index is None else self.row(index), column, message))

    def stop_if_any(self) -> None:
        if self.problems:
            raise ImportRefused(self.problems)

    def columns(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        """Header names to the documented spelling; refuse missing and unexpected columns at once."""
        self.frame = self.frame.rename(columns=header_key)
        present = self.present = list(self.frame.columns)
        for column in required:
            if column not in present:
                self.problem(None, column, "this column is missing")
        for at, column in enumerate(present, start=1):  # named by letter: a header is the file's text
            if column not in required + optional:
                self.problem(None, get_column_letter(at),
                             f"unexpected column; the columns are {', '.join(required + optional)}")
        if len(set(present)) < len(present):
            self.problem(None, None, "the header names a column twice")
        self.problems = [ImportProblem(1, p.column, p.message) for p in self.problems]
        self.stop_if_any()
        for column in optional:
            if column not in present:
                self.frame[column] = pd.Series(None, index=self.frame.index, dtype=object)

    def filled(self, *columns: str) -> None:
        for column in columns:
            for index in self.frame.index[self.frame[column].isna()]:
                self.problem(index, column, "this cell is empty")

    def dates(self, column: str, today: date, *, future: bool = False, times: bool = False) -> pd.Series:
        """Dates (or date-times) of a column; unreadable ones, and future ones unless allowed, are problems."""
        def one(index, text):
            if blank(text):
                return None
            try:
                value = parse_datetime(text)
            except ValueError as error:
                self.problem(index, column, str(error))
                return None
            if not future and value.date() > today:
                self.problem(index, column, "the date is in the future")
            elif value.date() < limits.EARLIEST_DATE:
                self.problem(index, column, f"the date is before {limits.EARLIEST_DATE.year}, which cannot be right")
            elif value.year > today.year + limits.YEARS_AHEAD:
                self.problem(index, column, f"the date is more than {limits.YEARS_AHEAD} years ahead, which cannot "
                             "be right")
            return value if times else value.date()
        return pd.Series([one(i, v) for i, v in self.frame[column].items()], index=self.frame.index, dtype=object)

    def numbers(self, column: str, low: float, high: float, what: str, *, whole: bool = False) -> pd.Series:
        """Numbers of a column within [low, high]; blank cells stay None."""
        return pd.Series([self.number_at(i, column, low, high, what, whole=whole) for i in self.frame.index],
                         index=self.frame.index, dtype=object)

    def number_at(self, index, column: str, low: float, high: float, what: str, *, whole: bool = False):
        """The number in one cell within [low, high], or None (blank, or a problem noted)."""
        text = self.frame.at[index, column]
        if blank(text):
            return None
        try:
            value = float(str(text).replace(",", ""))
        except ValueError:
            self.problem(index, column, f"expected a number: {what}")
            return None
        if not low <= value <= high or (whole and value != int(value)):
            kind = "a whole number " if whole else ""
            self.problem(index, column, f"{what} must be {kind}from {low:g} to {high:g}")
            return None
        return int(value) if whole else value

    def choices(self, column: str, allowed: tuple[str, ...]) -> pd.Series:
        lowered = self.frame[column].map(lambda v: v.lower() if isinstance(v, str) else v)
        for index, value in lowered.items():
            if not blank(value) and value not in allowed:
                self.problem(index, column, f"expected one of {', '.join(allowed)}")
        return lowered

    def metrics(self, column: str) -> pd.Series:
        """People Promise codes for any of their names; unknown names are problems naming the nearest."""
        return pd.Series([self._metric(i, column, v) for i, v in self.frame[column].items()], index=self.frame.index,
                         dtype=object)

    def metrics_of_header(self, first_column: int = 1) -> list[str | None]:
        """The score each column header names, for tables with one column per score; an unknown one is named by
        its letter (first_column: the frame's first column's place in the file)."""
        return [self._metric(None, get_column_letter(at), str(c)) for at, c in
                enumerate(self.frame.columns, start=first_column)]

    def _metric(self, index, column: str, text: str | None) -> str | None:
        if text is None or blank(text):
            return None
        code = taxonomy.resolve_metric(text)
        if code is None:
            nearest = nearest_metric(text)
            hint = f"; did you mean {nearest!r}?" if nearest else ""
            message = f"unknown People Promise element or score{hint}"
            self.problems.append(ImportProblem(1 if index is None else self.row(index), column, message))
        return code

    def staff_groups(self, column: str) -> pd.Series:
        def one(index, text):
            if blank(text):
                return None
            group = taxonomy.resolve_staff_group(text)
            if group is None:
                close = difflib.get_close_matches(text, taxonomy.STAFF_GROUPS, n=1, cutoff=0.5)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(index, column, f"unknown staff group{hint}")
            return group
        return pd.Series([one(i, v) for i, v in self.frame[column].items()], index=self.frame.index, dtype=object)

    def known(self, column: str, values: pd.Series, allowed: set, message: str) -> None:
        """A problem for each row whose value (from values) is not among allowed; the message never quotes it."""
        for index, value in values.items():
            if not blank(value) and value not in allowed:
                self.problem(index, column, message)

    def duplicates(self, key: pd.DataFrame, column: str) -> None:
        """A problem for every row whose key repeats an earlier row's."""
        parts = key.map(lambda v: "" if blank(v) else str(v))
        text = parts.iloc[:, 0].str.cat([parts[c] for c in parts.columns[1:]], sep="\x1f")
        first: dict[str, Hashable] = {}
        for index, value in text[text.duplicated(keep=False)].items():  # only repeated keys need a message
            if value in first:
                self.problem(index, column, f"duplicate of row {self.row(first[value])}")
            else:
                first[value] = index

    def lengths(self, frame: pd.DataFrame, table: Table, also: dict[str, Column] | None = None) -> None:
        """A problem for text longer than its database column holds (the model's String(n), so SQLite, which
        would store it, refuses what PostgreSQL would); also: frame columns stored in another table's column."""
        stored = {**{c: table.c[c] for c in frame.columns if c in table.c}, **(also or {})}
        for column, target in stored.items():
            limit = target.type.length if isinstance(target.type, String) else None
            if limit:
                too_long = frame[column].map(lambda v, limit=limit: isinstance(v, str) and len(v) > limit)
                for index in frame.index[too_long]:
                    self.problem(index, column, f"longer than the {limit} characters this field holds")

    def text_warnings(self, *columns: str) -> None:
        """Warn of formula-like text and of HTML: both are kept as typed (feedback, not an attack to drop)."""
        for column in columns:
            for index, value in self.frame[column].items():
                if looks_like_formula(value):
                    self.warnings.append(ImportProblem(self.row(index), column, "looks like a spreadsheet formula; "
                                                       "stored as typed and neutralised in every export"))
                elif isinstance(value, str) and HTML.search(value):
                    self.warnings.append(ImportProblem(self.row(index), column, "contains HTML or script; "
                                                       "stored as typed and always shown as plain text"))
