"""What every table read from a file is held to before an importer looks at it, the same on SQLite and PostgreSQL:
its size within the limits, no NUL character (PostgreSQL cannot store one, SQLite can), no cell longer than a cell
can be, and text that was UTF-8 read as Windows-1252 ("cafÃ©") put right."""
from __future__ import annotations

import re

import pandas as pd
from openpyxl.utils import get_column_letter

from data_access.importers import limits
from data_access.importers.errors import ImportProblem, ImportRefused, refuse

MOST_PROBLEMS = 50  # a file that is wrong everywhere is told so by its first problems
NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# How the first byte of a two- or three-byte UTF-8 character looks when read as Windows-1252 or Latin-1.
MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def check_table_size(rows: int, columns: int) -> None:
    """Refuse a table with more rows, columns or cells than the limits."""
    if limits.too_large(rows, columns):
        raise refuse(f"the table has {rows:,} rows and {columns:,} columns; the most accepted are "
                     f"{limits.described()}")


def check_cells(frame: pd.DataFrame, first_row: int = 2) -> None:
    """Refuse NUL characters and overlong cells, header included (row 1), by row and column letter: not yet
    checked against the columns an importer expects, a header is the file's own text, so it is never quoted."""
    problems = [ImportProblem(1, get_column_letter(at), problem) for at, c in enumerate(frame.columns, start=1)
                if (problem := _fault(str(c)))]  # a faulty header is named by its letter, never its text
    for at, column in enumerate(frame.columns, start=1):
        text = frame[column].dropna().astype(str)
        nul = text.str.contains("\x00", regex=False)
        long = text.str.len() > limits.MAX_CELL_CHARACTERS
        for index in text.index[nul | long]:
            if problem := _fault(text[index]):  # always, for a cell with a NUL or too long
                problems.append(ImportProblem(int(index) + first_row, get_column_letter(at), problem))
            if len(problems) >= MOST_PROBLEMS:
                raise ImportRefused(problems)
    if problems:
        raise ImportRefused(problems)


def _fault(text: str) -> str | None:
    if "\x00" in text:
        return ("holds a NUL character, which cannot be stored; the file may be damaged or saved in another "
                "encoding: save it again as CSV (UTF-8)")
    if len(text) > limits.MAX_CELL_CHARACTERS:
        return f"holds more than the {limits.MAX_CELL_CHARACTERS:,} characters a cell can"
    return None


def repaired(text: str) -> str | None:
    """Text that was UTF-8 read as Windows-1252 or Latin-1 ('cafÃ©'), read again as UTF-8 ('café'); None when
    the text does not look like that or cannot be read again."""
    if not MOJIBAKE.search(text):
        return None
    for encoding in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return fixed if fixed != text else None
    return None


def repair_mojibake(frame: pd.DataFrame) -> list[tuple[object, object]]:
    """Put right every cell that is UTF-8 read as Windows-1252, in place; (index, column) of each one put right."""
    fixed_at = []
    for column in frame.columns:
        text = frame[column]
        suspects = text.map(lambda v: isinstance(v, str) and NOT_ASCII.search(v) is not None)
        for index in text.index[suspects.astype(bool)]:
            fixed = repaired(text[index])
            if fixed is not None:
                frame.at[index, column] = fixed
                fixed_at.append((index, column))
    return fixed_at
