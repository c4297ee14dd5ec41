"""File-level checks and reading: size, emptiness, binary content, text encoding, CSV or XLSX into text cells."""
from __future__ import annotations

import io
import re

import pandas as pd

from data_access.importers.cells import check_cells, check_table_size, repair_mojibake
from data_access.importers.errors import refuse
from data_access.importers.workbook import read_sheets

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other old Office files
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def check_size(raw: bytes, max_bytes: int) -> None:
    """Refuse an empty or oversized file."""
    if not raw.strip():
        raise refuse("the file is empty")
    if len(raw) > max_bytes:
        raise refuse(f"the file is {len(raw) / 1048576:.1f} MB; the largest accepted is {max_bytes / 1048576:.0f} MB")


def is_spreadsheet(raw: bytes) -> bool:
    return raw.startswith(XLSX_MAGIC)


def decode(raw: bytes) -> str:
    """Text of a file saved as UTF-16 (either byte order, with BOM), UTF-8 (with or without BOM) or cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse("the file says it is UTF-16 but its text cannot be read") from None
    if raw.startswith(OLE_MAGIC):
        raise refuse("this is an old Excel (.xls) or other Office file; save it as .xlsx or as CSV (UTF-8)")
    if b"\x00" in raw or is_spreadsheet(raw):
        raise refuse("this is a binary file, not a CSV; save it as CSV (UTF-8) and try again")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_lines(raw.removeprefix(b"\xef\xbb\xbf"))
    if len(CONTROL.findall(text[:4096])) > 8:
        raise refuse("this is a binary file, not a CSV; save it as CSV (UTF-8) and try again")
    return text


def _decode_lines(raw: bytes) -> str:
    """Each line as UTF-8 where it is, else as Windows-1252: a file in cp1252, or pasted together from two
    sources, is read right line by line instead of garbling its UTF-8 ('cafÃ©')."""
    try:
        return "".join(_decode_line(line) for line in raw.splitlines(keepends=True))
    except UnicodeDecodeError:
        raise refuse("the file's text encoding cannot be read; save it as CSV (UTF-8) and try again") from None


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252")


def read_csv_text(text: str) -> pd.DataFrame:
    """Every cell as text (blank cells as None), comma- or tab-separated, header as it comes."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    check_table_size(0, first.count(delimiter) + 1)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise refuse(f"the file cannot be read as a CSV table ({str(error).strip()})") from None
    check_table_size(*frame.shape)
    return _tidy(frame)


def read_spreadsheet(raw: bytes) -> dict[str, pd.DataFrame]:
    """Every sheet of an .xlsx workbook, every cell as text."""
    return {name: _tidy(sheet) for name, sheet in read_sheets(raw).items()}


def read_table(raw: bytes, spreadsheets: bool) -> pd.DataFrame:
    """The first sheet of a workbook, or a CSV; refuses files of the wrong type."""
    if is_spreadsheet(raw):
        if not spreadsheets:
            raise refuse("this is an Excel workbook; this kind of import takes a CSV file")
        sheets = read_spreadsheet(raw)
        frame = next(iter(sheets.values()))
    else:
        frame = read_csv_text(decode(raw))
    if frame.empty:
        raise refuse("the file has a header row but no data rows", row=2)
    check_cells(frame)
    frame.attrs["repaired"] = repair_mojibake(frame)
    return frame


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip cells, blank cells as None, drop wholly blank rows; header cells stripped."""
    frame = frame.rename(columns=lambda c: str(c).strip())
    frame = frame.astype(object).map(_cell_text).dropna(how="all")
    return frame.astype(object).where(frame.notna(), None)


def blank(value: object) -> bool:
    """True for None and the missing-value markers pandas puts in its place."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _cell_text(value: object) -> str | None:
    """A cell as stripped text; blank and missing cells as None."""
    if blank(value):
        return None
    text = str(value).strip()
    return text or None
