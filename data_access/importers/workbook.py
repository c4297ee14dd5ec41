"""Read an .xlsx workbook without trusting it: the zip directory, each sheet's declared size and the cells as they
stream in are held to the limits (data_access.importers.limits), and anything malformed is a refusal, not a
traceback. Cells come as typed values (numbers, dates, text), as pandas would read them."""
from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator

import pandas as pd
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._reader import CELL_TAG, DIMENSION_TAG, ROW_TAG, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from data_access.importers import limits
from data_access.importers.cells import check_table_size
from data_access.importers.errors import ImportRefused, refuse

SHEET_DATA_TAG = f"{{{SHEET_MAIN_NS}}}sheetData"
UNREADABLE = "the workbook cannot be opened; save it again from Excel as .xlsx"
PREFIXED = re.compile(rb'xmlns:([A-Za-z_][\w.-]*)="[^"]*spreadsheetml[^"]*main"')
CHUNK = 1024 * 1024
Row = tuple[int, dict[int, object]]  # the sheet's row number, and its values by column number


def read_sheets(raw: bytes) -> dict[str, pd.DataFrame]:
    """Every sheet of a workbook: its first non-empty row the header, each later row indexed from 0 as pandas
    numbers them (sheet row minus the header's row minus one); blank rows are left out."""
    check_archive(raw)
    try:
        reader = _reader(raw)
        return {name: _frame(_rows(reader, name, path)) for name, path in _sheets(reader)}
    except ImportRefused:
        raise
    except Exception:  # a hostile file fails in any part of the reader; it is refused, whatever failed
        raise refuse(UNREADABLE) from None


def _reader(raw: bytes) -> ExcelReader:
    """The workbook's parts every sheet needs (shared strings, date styles), its sheets not yet read: openpyxl's
    own read-only opening reads a sheet without a <dimension> whole just to size it."""
    reader = ExcelReader(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    for name in reader.valid_files:
        if name.lower().endswith("sharedstrings.xml"):
            with reader.archive.open(name) as source:
                if _more_tags_than(source, b"si", limits.MAX_CELLS):
                    raise refuse(f"the workbook has more than the {limits.MAX_CELLS:,} different texts accepted")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not know
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
    return reader


def _sheets(reader: ExcelReader) -> Iterator[tuple[str, str]]:
    """(name, path in the archive) of each worksheet, in the workbook's order; chart sheets left out."""
    for sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            yield sheet.name, rel.target


def check_archive(raw: bytes) -> None:
    """Refuse a zip that is not one, has too many parts, or would unpack to far more than a workbook could hold."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refuse(UNREADABLE) from None
    if len(parts) > limits.MAX_ZIP_MEMBERS:
        raise refuse(f"the workbook has {len(parts):,} parts; a workbook has a few dozen at most, so it is refused")
    total = sum(part.file_size for part in parts)
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise refuse(f"the workbook would unpack to {total / 1048576:,.0f} MB; the largest accepted is "
                     f"{limits.MAX_UNCOMPRESSED_BYTES / 1048576:,.0f} MB")
    for part in parts:
        if part.file_size > limits.RATIO_CHECKED_FROM and \
                part.file_size > limits.MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
            raise refuse("the workbook is compressed far more than a real one can be (a \"zip bomb\"), so it is "
                         "refused")


def _check_declared(source, sheet: str) -> None:
    """Refuse a sheet whose declared dimension (its <dimension ref>) is beyond the limits, before reading its cells."""
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start" and element.tag == SHEET_DATA_TAG:
            return  # no dimension: the cells are checked as they come
        if event == "end" and element.tag == DIMENSION_TAG:
            _, _, columns, rows = range_boundaries(element.get("ref", "A1"))
            break
    else:
        return
    if limits.too_large(rows, columns):
        raise refuse(f"sheet {sheet!r} says it reaches cell {get_column_letter(max(columns, 1))}{rows}, more than "
                     f"the {limits.described()} accepted; delete the empty rows and columns past the data and save "
                     "it again")


def _rows(reader: ExcelReader, sheet: str, path: str) -> Iterator[Row]:
    """The sheet's rows that hold a value, streamed one at a time, each cell counted against the limits."""
    with reader.archive.open(path) as source:
        _check_declared(source, sheet)
    with reader.archive.open(path) as source:
        if _more_tags_than(source, b"c", limits.MAX_CELLS):
            raise refuse(f"sheet {sheet!r} has more than the {limits.MAX_CELLS:,} cells accepted")
    book = reader.wb
    parser = WorkSheetParser(None, reader.shared_strings, data_only=True, epoch=book.epoch,
                             date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    cells, sheet_data = 0, None
    values: dict[int, object] = {}
    with reader.archive.open(path) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == ROW_TAG:
                    parser.row_counter = int(element.get("r") or parser.row_counter + 1)
                    parser.col_counter, values = 0, {}
                elif element.tag == SHEET_DATA_TAG:
                    sheet_data = element
            elif element.tag == CELL_TAG:
                cell = parser.parse_cell(element)
                cells += 1
                _check_cell(sheet, cell["row"], cell["column"], cells)
                if cell["value"] is not None and cell["data_type"] != "e":
                    values[cell["column"]] = _value(cell["value"])
                element.clear()
            elif element.tag == ROW_TAG:
                if sheet_data is None:  # a row outside the sheet's data: no workbook Excel saves
                    raise refuse(UNREADABLE)
                if values:
                    yield parser.row_counter, values
                sheet_data.clear()  # the row is done: keep nothing of it


def _more_tags_than(source, tag: bytes, limit: int) -> bool:
    """True when a part's XML opens more than limit of a tag; counted as bytes before any is parsed (counting a
    million tags takes milliseconds, parsing them seconds)."""
    count, tail, openings = 0, b"", None
    while chunk := source.read(CHUNK):
        buffer = tail + chunk
        openings = openings or _openings(buffer, tag)
        cut = buffer.rfind(b">") + 1  # tags never span the cut: the rest waits for the next chunk
        count += sum(buffer.count(opening, 0, cut) for opening in openings)
        tail = buffer[cut:]
        if count > limit:
            return True
    return False


def _openings(start: bytes, tag: bytes) -> tuple[bytes, ...]:
    """How the tag opens in this part: '<c ', '<c>', '<c/' and so on, with the part's prefix for the spreadsheet
    namespace when it gives it one ('<x:c ')."""
    named = PREFIXED.search(start)
    prefix = named.group(1) + b":" if named else b""
    return tuple(b"<" + prefix + tag + end for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))


def _check_cell(sheet: str, row: int, column: int, cells: int) -> None:
    """Refuse a sheet as soon as a cell lies past the limits, whatever its dimension said."""
    if row > limits.MAX_ROWS or column > limits.MAX_COLUMNS or cells > limits.MAX_CELLS:
        raise refuse(f"sheet {sheet!r} has cells beyond the {limits.described()} accepted", row=row,
                     column=get_column_letter(min(column, 18_278)))  # XFD is Excel's last; ZZZ the last 3 letters


def _value(value: object) -> object:
    """A cell's value as pandas reads it: a whole float as an int."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _frame(rows: Iterator[Row]) -> pd.DataFrame:
    """A sheet's rows as a frame under its header row; cells past the header's width get unnamed columns."""
    records = list(rows)
    if not records:
        return pd.DataFrame()
    (header_row, header), body = records[0], records[1:]
    width = max(max(values) for _, values in records)
    check_table_size(len(body), width)
    names = _mangled([header.get(c) if header.get(c) is not None else f"Unnamed: {c - 1}" for c in range(1, width + 1)])
    return pd.DataFrame([[values.get(c) for c in range(1, width + 1)] for _, values in body], columns=names,
                        index=[row - header_row - 1 for row, _ in body], dtype=object)


def _mangled(names: list[object]) -> list[object]:
    """Repeated header names made distinct as pandas does: 'x', 'x.1', 'x.2'."""
    seen: dict[object, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(f"{name}.{count}" if count else name)
    return out
