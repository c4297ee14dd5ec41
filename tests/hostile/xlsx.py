"""Crafted .xlsx workbooks, written part by part so that each can lie or break where a real one would not."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{strings}</Types>')
STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
ROOT_RELS = (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="xl/workbook.xml"/></Relationships>')
BOOK = (XML_HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
BOOK_RELS = (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'worksheet" Target="worksheets/sheet1.xml"/>{strings}</Relationships>')
STRINGS_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'sharedStrings" Target="sharedStrings.xml"/>')
SHEET = "xl/worksheets/sheet1.xml"


def sheet_xml(rows: str, dimension: str | None = None) -> bytes:
    """A worksheet part around rows of <row> elements, with a declared <dimension> when given."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{XML_HEAD}<worksheet xmlns="{MAIN}">{declared}<sheetData>{rows}</sheetData></worksheet>'.encode()


def rows_xml(table: list[list[object]]) -> str:
    """<row> elements for a table: text as inline strings, numbers as numbers."""
    out = []
    for r, values in enumerate(table, start=1):
        cells = "".join(_cell(f"{_letters(c)}{r}", v) for c, v in enumerate(values, start=1) if v is not None)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def workbook(sheet: bytes, strings: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A one-sheet workbook whose sheet part (and shared strings) are given as bytes, taken as they are."""
    return _zipped({**_parts(strings), SHEET: sheet, **(extra or {})})


def _parts(strings: bytes | None) -> dict[str, bytes]:
    """Every part of a one-sheet workbook but the sheet."""
    return {"[Content_Types].xml": CONTENT_TYPES.format(strings=STRINGS_TYPE if strings else "").encode(),
            "_rels/.rels": ROOT_RELS.encode(), "xl/workbook.xml": BOOK.encode(),
            "xl/_rels/workbook.xml.rels": BOOK_RELS.format(strings=STRINGS_REL if strings else "").encode(),
            **({"xl/sharedStrings.xml": strings} if strings else {})}


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        for name, data in parts.items():  # a fixed time stamp: the same bytes on every run
            book.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED, 9)
    return out.getvalue()


def table_workbook(table: list[list[object]]) -> bytes:
    return workbook(sheet_xml(rows_xml(table)))


def dimension_bomb() -> bytes:
    """About 1.7 KB: one cell at XFD1048576, and a dimension that says the sheet is that big."""
    return workbook(sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>org_code</t></is></c></row>'
                              '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "A1:XFD1048576"))


def sparse_bomb() -> bytes:
    """The same far cell with no dimension at all: only reading the cells finds it."""
    return workbook(sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>org_code</t></is></c></row>'
                              '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


def dense_bomb(megabytes: float, variety: int = 1, declared: int | None = None) -> bytes:
    """A workbook of about this many megabytes whose one sheet unpacks to far more (under 4 GB): honest sizes and
    checksum, one deflated block of rows repeated between a deflated head and tail. The more variety in the
    cells, the less it compresses (1: hundreds to one; 1000: about fifteen to one, but millions of cells).
    declared: the size its zip directory claims instead of the true one (a bomb that lies)."""
    block = "".join(f'<row><c><v>{n % variety}</v></c><c t="inlineStr"><is><t>x{n % variety}</t></is></c></row>'
                    for n in range(20_000)).encode()
    head, tail = sheet_xml("").split(b"<sheetData>")
    head += b"<sheetData>"
    head_z, block_z, tail_z = (_flushed(piece) for piece in (head, block, tail))
    repeats = max(1, min(int(megabytes * 1048576 / len(block_z)), int(3.9e9 / len(block))))
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    size = len(head) + len(block) * repeats + len(tail)
    deflated = head_z + block_z * repeats + tail_z + b"\x03\x00"  # and an empty final block
    return _with_entry(_zipped(_parts(None)), SHEET, deflated, crc, size if declared is None else declared)


def _flushed(data: bytes) -> bytes:
    """data deflated on its own and flushed whole, so the bytes can be repeated and joined."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)


def entity_bomb() -> bytes:
    """Shared strings that expand an entity a billion times ("billion laughs")."""
    entities = '<!ENTITY a "ha">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                                            for p, c in zip("abcdefgh", "bcdefghi"))
    strings = (f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]><sst xmlns="{MAIN}" count="1" uniqueCount="1">'
               '<si><t>&i;</t></si></sst>').encode()
    return workbook(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strings=strings)


def many_strings(count: int) -> bytes:
    """Shared strings with more entries than any sheet could use."""
    strings = f'<sst xmlns="{MAIN}">'.encode() + b"<si><t>x</t></si>" * count + b"</sst>"
    return workbook(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strings=strings)


def many_cells(count: int, columns: int = 5) -> bytes:
    """A sheet of count small numeric cells with no dimension, so only counting finds how many."""
    row = "".join("<c><v>1</v></c>" for _ in range(columns))
    return workbook(sheet_xml(f"<row>{row}</row>" * (count // columns)))


def many_parts(count: int) -> bytes:
    """A workbook padded with count empty parts."""
    return workbook(sheet_xml(rows_xml([["a"], ["b"]])), extra={f"xl/pad/{i}.xml": b"" for i in range(count)})


def malformed(table: list[list[object]]) -> bytes:
    """A sheet whose XML stops in the middle of a tag."""
    whole = sheet_xml(rows_xml(table))
    return workbook(whole[: len(whole) - 40])


def truncated(table: list[list[object]]) -> bytes:
    """A workbook cut short, as an interrupted download leaves it."""
    whole = table_workbook(table)
    return whole[: len(whole) // 2]


def bad_shared_string_index() -> bytes:
    """A cell pointing at a shared string that does not exist."""
    strings = f'<sst xmlns="{MAIN}"><si><t>org_code</t></si></sst>'.encode()
    return workbook(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99</v>'
                              '</c></row>'), strings=strings)


def _cell(ref: str, value: object) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _with_entry(book: bytes, name: str, deflated: bytes, crc: int, size: int) -> bytes:
    """A zip archive's bytes with one more entry, already deflated, its headers written by hand."""
    end = book.rfind(b"PK\x05\x06")
    count, _, directory_at = struct.unpack("<HIIx", book[end + 10:end + 21])[0:3]
    body, directory = book[:directory_at], book[directory_at:end]
    encoded = name.encode()
    offset = len(body)
    body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size, len(encoded), 0)
    body += encoded + deflated
    directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(deflated), size,
                             len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    return body + directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(directory),
                                          len(body), 0)
