"""The limits every imported file is held to, in one place: past any of them a file is refused before, or while,
it is read, so a crafted file costs a moment and a little memory instead of the server."""
from __future__ import annotations

from datetime import date

# An .xlsx workbook is a zip archive: its directory is read first.
MAX_ZIP_MEMBERS = 1_000  # a workbook of a few sheets has a few dozen parts
MAX_UNCOMPRESSED_BYTES = 250 * 1024 * 1024  # every part together, as the zip directory declares them
MAX_COMPRESSION_RATIO = 100  # real sheets compress about 10 to 1; a "zip bomb" thousands to 1
RATIO_CHECKED_FROM = 1024 * 1024  # parts smaller than this may compress as well as they like

# Any table, CSV or workbook sheet: the declared size of a sheet and the cells actually read.
MAX_ROWS = 500_000
MAX_COLUMNS = 1_000
MAX_CELLS = 1_000_000  # rows × columns declared, or cells read: a large trust's staff list is 200,000
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell

# Values that cannot be true, whatever the file.
EARLIEST_DATE = date(2000, 1, 1)  # the Big Conversation, the Staff Survey's scores and Teams are all later
YEARS_AHEAD = 10  # a planned session or a due date further ahead than this is a mistyped year


def too_large(rows: int, columns: int) -> bool:
    """True for a table, declared or read, past the rows, columns or cells accepted."""
    return rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS


def described() -> str:
    """The table limits as a message says them."""
    return f"{MAX_ROWS:,} rows, {MAX_COLUMNS:,} columns and {MAX_CELLS:,} cells"
