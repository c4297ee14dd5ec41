"""The hostile-file corpus: over a hundred files across every kind of import, each of which must be refused with a
plain message (by row and column where a cell is at fault), fast, in little memory, quoting none of the values
planted in it. `python -m tests.hostile.make_corpus FOLDER` writes them out."""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from openpyxl.utils import get_column_letter

from tests.hostile import xlsx
from tests.import_files import PEOPLE, SESSIONS, WORKBOOK, csv_bytes, forms_export, teams_report, xlsx_bytes

EMAIL = "mallory.planted@northmoor.example.nhs.uk"
NAME = "Mallory Plantedname"
FORMULA = '=HYPERLINK("http://evil.example/planted","x")'
SCRIPT = '<img src="http://evil.example/planted.png">'
PLANTED = (EMAIL, NAME, FORMULA, SCRIPT, "planted")
CELL_CHECKS = ("holds a NUL character", "holds more than the 32,767 characters a cell can")  # named by letter
UNREADABLE = "the workbook cannot be opened; save it again from Excel as .xlsx"

WORKFORCE = {"org_code": "R9Z", "as_at": "2024-03-31", "staff_group": "Students", "division": "Medicine",
             "headcount": "12"}
ACTION = {"org_code": "R9Z", "session_date": "2024-01-25", "session_title": "Safety & Health Conversation",
          "element_code": "PP4", "you_said": "No breaks", "we_did": "", "owner": "Chief Nurse", "status": "planned",
          "due_date": "", "completed_date": ""}
BOARD = {"Post": "More rest rooms", "Posted at": "25/01/2024 12:10", "Kind": "board"}
TABLE = [{"": label, "We are a team": value, "Morale": "6.0"}
         for label, value in (("Your org", "7"), ("Best", "8"), ("Average", "7"), ("Worst", "6"), ("Responses", "99"))]
# What each kind is told besides the file, so that only the file is at fault.
OPTIONS: dict[str, dict[str, object]] = {
    "sessions": {}, "attendance": {}, "people": {}, "workforce": {}, "actions": {},
    "forms": {"session_id": 1}, "survey": {"survey_year": 2024},
    "feedback": {"session_id": 1, "mapping": (("text", "Post"), ("time", "Posted at"), ("source", "Kind"))},
}
BASE_ROWS: dict[str, dict[str, str]] = {"sessions": SESSIONS[0], "people": PEOPLE[0], "workforce": WORKFORCE,
                                        "actions": ACTION, "feedback": BOARD}


@dataclass(frozen=True)
class Hostile:
    """One crafted file: its kind, bytes and options, and a fragment its refusal must contain."""
    name: str
    kind: str
    raw: bytes
    expect: str
    options: dict[str, object] = field(default_factory=dict)
    suffix: str = "csv"

    @property
    def file_name(self) -> str:
        return f"{self.kind}-{self.name}.{self.suffix}"


@cache
def corpus() -> tuple[Hostile, ...]:
    """Every hostile file, built afresh."""
    files = [*_workbooks(), *_encodings(), *_sizes(), *_cells(), *_teams(), *_forms(), *_survey()]
    return tuple(Hostile(f.name, f.kind, f.raw, f.expect, {**OPTIONS[f.kind], **f.options}, f.suffix) for f in files)


def _workbooks() -> Iterator[Hostile]:
    """Every crafted workbook, for every kind that takes one; a Teams report is refused as binary."""
    crafted: dict[str, tuple[Callable[[], bytes], str]] = {
        "dimension-bomb": (xlsx.dimension_bomb, "says it reaches cell XFD1048576"),
        "far-cell": (xlsx.sparse_bomb, "row 1048576, column XFD: sheet 'Sheet1' has cells beyond"),
        "zip-bomb": (lambda: xlsx.dense_bomb(1), "the largest accepted is 250 MB"),
        "lying-zip-bomb": (lambda: xlsx.dense_bomb(1, declared=1000), UNREADABLE),
        "million-cells": (lambda: xlsx.dense_bomb(3, variety=1000), "has more than the 1,000,000 cells accepted"),
        "entity-bomb": (xlsx.entity_bomb, UNREADABLE),
        "malformed-xml": (lambda: xlsx.malformed([["org_code", "title"], [EMAIL, NAME]]), UNREADABLE),
        "truncated": (lambda: xlsx.truncated([["org_code"], [EMAIL]]), UNREADABLE),
        "missing-shared-string": (xlsx.bad_shared_string_index, UNREADABLE),
        "too-many-parts": (lambda: xlsx.many_parts(1200), "the workbook has 1,205 parts"),
        "not-a-zip": (lambda: b"PK\x03\x04" + EMAIL.encode() * 3, UNREADABLE),
    }
    for kind in OPTIONS:
        for name, (build, expect) in crafted.items():
            if kind != "attendance":
                yield Hostile(name, kind, build(), expect, suffix="xlsx")
    yield Hostile("dense-8.8-mb-bomb", "survey", xlsx.dense_bomb(8.8), "would unpack to 2,548 MB", {"org_code": "R9Z"},
                  "xlsx")
    yield Hostile("workbook", "attendance", xlsx.dimension_bomb(), "this is a binary file, not a CSV", suffix="xlsx")


def _encodings() -> Iterator[Hostile]:
    """Files whose bytes are not text in any encoding the importers read."""
    for kind in ("sessions", "attendance", "people", "actions"):
        yield Hostile("broken-utf-16", kind, b"\xff\xfe" + "org_code,".encode("utf-16-le") + b"\x00\xd8",
                      "the file says it is UTF-16 but its text cannot be read")
        yield Hostile("not-cp1252", kind, b"org_code,title\r\n\x81\x8d\x8f" + EMAIL.encode() + b"\r\n",
                      "the file's text encoding cannot be read")
        yield Hostile("old-excel", kind, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
                      "this is an old Excel (.xls) or other Office file")
        yield Hostile("png", kind, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + EMAIL.encode(),
                      "this is a binary file, not a CSV")


def _sizes() -> Iterator[Hostile]:
    """Tables too wide or too long to be real, and cells longer than a cell can be."""
    for kind in ("sessions", "people", "workforce", "actions", "feedback", "forms"):
        yield Hostile("2000-columns", kind, (",".join(f"c{n}" for n in range(2000)) + "\r\n1\r\n").encode(),
                      "the table has 0 rows and 2,000 columns")
        yield Hostile("600000-rows", kind, b"org_code\r\n" + b"x\r\n" * 600_000,
                      "the table has 600,000 rows and 1 columns")
    for kind, column in (("sessions", "title"), ("people", "division"), ("workforce", "division"),
                         ("actions", "you_said"), ("feedback", "Post")):
        yield Hostile("40000-character-cell", kind, csv_bytes([dict(BASE_ROWS[kind], **{column: NAME * 2500})]),
                      f"row 2, column {_named(kind, column, CELL_CHECKS[1])}: {CELL_CHECKS[1]}")
    yield Hostile("2000-columns", "attendance", teams_report(encoding="utf-8-sig").replace(
        b"Role\r\n", b"Role" + b"\tx" * 2000 + b"\r\n", 1), "2,007 columns")


def _cells() -> Iterator[Hostile]:
    """One cell at fault in a CSV of each kind, holding a planted value; the refusal names row 2 and the column."""
    faults = [
        ("sessions", "title", "\x00" + NAME, CELL_CHECKS[0]),
        ("sessions", "series", "S" * 101, "longer than the 100 characters this field holds"),
        ("sessions", "title", NAME * 20, "longer than the 300 characters this field holds"),
        ("sessions", "org_code", EMAIL, "there is no organisation with this code"),
        ("sessions", "starts_at", NAME, "cannot read the date"),
        ("sessions", "starts_at", "1900-01-25 12:00", "the date is before 2000"),
        ("sessions", "starts_at", "2150-01-25 12:00", "the date is more than 10 years ahead"),
        ("sessions", "format", FORMULA, "expected one of online, in person, hybrid"),
        ("sessions", "status", SCRIPT, "expected one of planned, held, cancelled"),
        ("sessions", "element_code", EMAIL, "unknown People Promise element or score"),
        ("sessions", "host_roles", "", "this cell is empty"),
        ("people", "band", EMAIL, "unknown band"),
        ("people", "staff_group", NAME, "unknown staff group"),
        ("people", "division", "D" * 101, "longer than the 100 characters this field holds"),
        ("people", "division", "Ward\x00" + NAME, CELL_CHECKS[0]),
        ("people", "email", "", "this row has no email or UPN"),
        ("workforce", "headcount", EMAIL, "expected a number: a headcount"),
        ("workforce", "headcount", FORMULA, "expected a number: a headcount"),
        ("workforce", "headcount", "1e12", "a headcount must be a whole number from 0 to 100000"),
        ("workforce", "headcount", "nan", "a headcount must be a whole number from 0 to 100000"),
        ("workforce", "as_at", NAME, "cannot read the date"),
        ("workforce", "as_at", "31/03/2090", "the date is in the future"),
        ("workforce", "staff_group", FORMULA, "unknown staff group"),
        ("workforce", "org_code", EMAIL, "there is no organisation with this code"),
        ("actions", "status", EMAIL, "expected one of planned, coming soon, in progress, done, dropped"),
        ("actions", "owner", NAME * 12, "longer than the 200 characters this field holds"),
        ("actions", "due_date", NAME, "cannot read the date"),
        ("actions", "completed_date", "2099-01-01", "the date is in the future"),
        ("actions", "session_title", SCRIPT, "no such session on that date"),
        ("actions", "element_code", FORMULA, "unknown People Promise element or score"),
        ("actions", "you_said", "\x00" + NAME, CELL_CHECKS[0]),
        ("feedback", "Kind", EMAIL, "expected one of board, form, breakout, email"),
        ("feedback", "Posted at", NAME, "cannot read the date"),
        ("feedback", "Posted at", "01/01/1900", "the date is before 2000"),
        ("feedback", "Post", "\x00" + SCRIPT, CELL_CHECKS[0]),
    ]
    for n, (kind, column, value, expect) in enumerate(faults):
        encoding = "utf-16" if "\x00" in value else "utf-8"
        yield Hostile(f"cell-{n:02d}-{column.replace(' ', '-')}", kind,
                      csv_bytes([dict(BASE_ROWS[kind], **{column: value})], encoding),
                      f"row 2, column {_named(kind, column, expect)}: {expect}")
    yield Hostile("30-million-staff", "workforce", csv_bytes([dict(WORKFORCE, division=f"D{n}", headcount="100000")
                                                            for n in range(300)]),
                  "row 2, column headcount: the headcounts of this organisation on this date (rows 2 to 301)")
    yield Hostile("formula-in-header", "workforce", csv_bytes([{**WORKFORCE, FORMULA: "1"}]),
                  "unexpected column; the columns are")


def _teams() -> Iterator[Hostile]:
    """Teams reports with a planted value where a time, a duration or a role belongs."""
    def report(old: str, new: str, encoding: str = "utf-8-sig") -> bytes:
        text = teams_report(encoding="utf-8-sig").decode("utf-8-sig").replace(old, new, 1 if old != "Name\t" else -1)
        return (b"\xff\xfe" + text.encode("utf-16-le")) if encoding == "utf-16" else text.encode(encoding)
    faults = [
        ("role-name", "Attendee", NAME, "row 13, column Role: unknown Teams role"),
        ("role-nul", "Attendee", "Atten\x00dee", "row 13, column Role: unknown Teams role"),
        ("join-email", "25/01/24, 12:05:00", EMAIL, "row 13, column First Join: cannot read the time"),
        ("leave-formula", "25/01/24, 12:25:30", FORMULA, "row 13, column Last Leave: cannot read the time"),
        ("duration-name", "20m 30s", NAME, "row 13, column In-Meeting Duration: cannot read the duration"),
        ("duration-31-hours", "20m 30s", "31h 20m", "an attendance of 31 hours is not believable"),
        ("start-1999", "Start time\t25/01/24", "Start time\t25/01/99", "the meeting starts before 2000"),
        ("start-unreadable", "Start time\t25/01/24, 12:00:00", f"Start time\t{NAME}", "column Start time: cannot read"),
        ("no-participants", "Name\t", f"{EMAIL}\t", "no participants table was found"),
        ("quote-left-open", "Participant C", '"' + NAME, "a quoted cell is never closed"),
    ]
    for name, old, new, expect in faults:
        yield Hostile(name, "attendance", report(old, new, "utf-16" if "\x00" in new else "utf-8-sig"), expect)


def _forms() -> Iterator[Hostile]:
    """Forms exports that are nothing but identity columns, or have a planted value where a date belongs."""
    export = forms_export()
    identity_only = export[["ID", "Start time", "Completion time"]].assign(
        **{"Email address": [EMAIL] * 3, "Full name": [NAME] * 3, "Contact": [EMAIL.upper()] * 3})
    yield Hostile("only-identity-columns", "forms", xlsx_bytes(identity_only),
                  "no question columns are chosen as feedback", suffix="xlsx")
    yield Hostile("unreadable-completion-time", "forms", xlsx_bytes(export.astype(object).assign(
        **{"Completion time": [NAME, EMAIL, FORMULA]})), "row 2, column Completion time: cannot read the date",
        suffix="xlsx")
    yield Hostile("identity-question-only", "forms", xlsx_bytes(export), "no question columns are chosen as feedback",
                  {"questions": ("Email", "Name")}, suffix="xlsx")
    yield Hostile("nul-in-an-answer", "forms", csv_bytes(_text(export.assign(**{"What could we do?": [
        "\x00" + NAME, "x", "y"]})), "utf-16"), "row 2, column G: holds a NUL character")
    yield Hostile("question-of-600-characters", "forms", xlsx_bytes(export.rename(columns={
        "What could we do?": "Why? " + "x" * 600})), "longer than the 500 characters this field holds", suffix="xlsx")
    yield Hostile("mapped-to-emails", "feedback", csv_bytes([{"Author": EMAIL, "Post": "Water"}]),
                  "row 1, column Author: this column identifies people", {"mapping": (("text", "Author"),)})


def _survey() -> Iterator[Hostile]:
    """Benchmark tables and workbooks with impossible years, scores and organisation codes."""
    def table(label: str, column: str, value: str) -> bytes:
        return csv_bytes([dict(r, **{column: value}) if r[""] == label else r for r in TABLE])
    yield Hostile("score-email", "survey", table("Your org", "Morale", EMAIL),
                  "row 2, column Morale: expected a number")
    yield Hostile("score-formula", "survey", table("Best", "Morale", FORMULA),
                  "row 3, column Morale: expected a number")
    yield Hostile("score-11", "survey", table("Average", "Morale", "11"), "row 4, column Morale: a score must be from")
    yield Hostile("label-name", "survey", table("Worst", "", NAME), "row 5, column A: unexpected row")
    yield Hostile("year-2100", "survey", csv_bytes(TABLE), "from 2021 to", {"survey_year": 2100})
    yield Hostile("year-1900", "survey", csv_bytes(TABLE), "from 2021 to", {"survey_year": 1900})
    sheets = pd.read_excel(io.BytesIO(WORKBOOK), sheet_name=None)
    first = next(iter(sheets))
    for name, change, expect in (
            ("workbook-code-50", lambda s: s.assign(org_id=s["org_id"].where(s["org_id"] != "R9Z", "R" * 50)),
             "longer than the 10 characters this field holds"),
            ("workbook-year-2100", lambda s: s.rename(columns={"PP1_2024": "PP1_2100"}),
             "column PP1_2100: on sheet 'Acute and Acute Community': the survey year must be from 2021"),
            ("workbook-score-email", lambda s: s.astype({"PP5_2024": object}).assign(PP5_2024=[EMAIL] * len(s)),
             "column PP5_2024: on sheet 'Acute and Acute Community': expected a number")):
        changed = {n: (change(s) if n == first else s) for n, s in sheets.items()}
        yield Hostile(name, "survey", _workbook_bytes(changed), expect, {"org_code": "R" * 50 if "50" in name
                                                                         else "R9Z", "survey_year": None}, "xlsx")


def _named(kind: str, column: str, expect: str) -> str:
    """How a refusal names a column: by letter for the checks made before the importer knows its columns."""
    return get_column_letter(list(BASE_ROWS[kind]).index(column) + 1) if expect in CELL_CHECKS else column


def _text(frame: pd.DataFrame) -> list[dict[str, str]]:
    return frame.astype(object).where(frame.notna(), "").astype(str).to_dict("records")


def _workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for name, sheet in sheets.items():
            sheet.to_excel(book, sheet_name=name, index=False)
    return out.getvalue()
