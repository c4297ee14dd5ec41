"""Bad files are refused whole with a message naming the row and column, and change nothing: on both backends."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.importers.errors import ImportRefused
from data_access.models import ImportBatch
from data_access.queries_admin import row_counts
from tests.helpers import table_snapshot
from tests.import_files import PEOPLE, SESSIONS, WORKBOOK, csv_bytes, forms_export, run, teams_report, xlsx_bytes

WORKFORCE = {"org_code": "R9Z", "as_at": "2024-03-31", "staff_group": "Students", "division": "Medicine",
             "headcount": "12"}
ACTION = {"org_code": "R9Z", "session_date": "2024-01-25", "session_title": "Safety & Health Conversation",
          "element_code": "PP4", "you_said": "No breaks", "we_did": "Breaks rostered", "owner": "Chief Nurse",
          "status": "planned",
          "due_date": "", "completed_date": ""}
TABLE = [{"": label, "We are a team": value, "Morale": "6.0"}
         for label, value in (("Your org", "7"), ("Best", "8"), ("Average", "7"), ("Worst", "6"), ("Responses", "99"))]
BOARD = [{"Post": "More rest rooms", "Posted at": "25/01/2024 12:10", "Kind": "board"}]


def sessions(**change) -> bytes:
    return csv_bytes([dict(SESSIONS[0], **change), SESSIONS[1]])


def teams_with(old: str, new: str, day: str = "2024-01-25") -> bytes:
    return teams_report(day, encoding="utf-8-sig").decode("utf-8-sig").replace(old, new, 1).encode("utf-8-sig")


def workbook_with(value: object) -> bytes:
    sheets = pd.read_excel(io.BytesIO(WORKBOOK), sheet_name=None)
    first = next(iter(sheets))
    sheets[first].loc[2, "PP5_2024"] = value
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for name, sheet in sheets.items():
            sheet.to_excel(book, sheet_name=name, index=False)
    return out.getvalue()


def forms_without(column: str) -> bytes:
    return xlsx_bytes(forms_export().drop(columns=column))


# (id, kind, file bytes, options, the message expected on standard error)
BAD_FILES = [
    ("empty", "sessions", b"", {}, "the file is empty"),
    ("only-a-header", "sessions", b"org_code,series\r\n", {}, "row 2: the file has a header row but no data rows"),
    ("oversized", "people", csv_bytes(PEOPLE), {"max_bytes": 100}, "the largest accepted is 0 MB"),
    ("binary", "sessions", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", {}, "this is a binary file, not a CSV"),
    ("unreadable-encoding", "workforce", b"org_code,as_at\r\n\x81\x8d\x8f,\x90\x9d\r\n", {},
     "the file's text encoding cannot be read"),
    ("spreadsheet-for-a-teams-report", "attendance", WORKBOOK, {}, "this is a binary file, not a CSV"),
    ("missing-column", "workforce", csv_bytes([{k: v for k, v in WORKFORCE.items() if k != "headcount"}]), {},
     "row 1, column headcount: this column is missing"),
    ("unexpected-column", "workforce", csv_bytes([dict(WORKFORCE, notes="x")]), {},
     "row 1, column F: unexpected column; the columns are org_code, as_at, staff_group, division, headcount"),
    ("unreadable-date", "sessions", sessions(starts_at="next Tuesday"), {},
     "row 2, column starts_at: cannot read the date; write it like 25/01/2024"),
    ("held-session-in-the-future", "sessions", sessions(starts_at="2027-02-01 12:00"), {},
     "row 2, column starts_at: a held session cannot be in the future"),
    ("future-headcount-date", "workforce", csv_bytes([dict(WORKFORCE, as_at="2030-03-31")]), {},
     "row 2, column as_at: the date is in the future"),
    ("negative-headcount", "workforce", csv_bytes([dict(WORKFORCE, headcount="-5")]), {},
     "row 2, column headcount: a headcount must be a whole number from 0 to 100000"),
    ("unknown-element", "sessions", sessions(element_code="Safty and helthy"), {},
     "row 2, column element_code: unknown People Promise element or score; "
     "did you mean 'We are safe and healthy'?"),
    ("unknown-format", "sessions", sessions(format="webinar"), {},
     "row 2, column format: expected one of online, in person, hybrid"),
    ("duplicate-rows", "sessions", csv_bytes([SESSIONS[0], SESSIONS[1], SESSIONS[0]]), {},
     "row 4, column starts_at: duplicate of row 2"),
    ("unknown-organisation", "workforce", csv_bytes([dict(WORKFORCE, org_code="XXX")]), {},
     "row 2, column org_code: there is no organisation with this code"),
    ("unknown-session-by-title", "actions", csv_bytes([dict(ACTION, session_title="Nobody held this")]), {},
     "row 2, column session_title: no such session on that date"),
    ("unknown-action-status", "actions", csv_bytes([dict(ACTION, status="finished")]), {},
     "row 2, column status: expected one of planned, coming soon, in progress, done, dropped"),
    ("action-done-without-completed-date", "actions", csv_bytes([dict(ACTION, status="done")]), {},
     "row 2, column completed_date: A done action needs the date it was completed."),
    ("action-due-over-five-years-on", "actions", csv_bytes([dict(ACTION, due_date="2031-06-01")]), {},
     "row 2, column due_date: The due date is more than five years after the session: check the year."),
    ("action-without-we-did", "actions", csv_bytes([dict(ACTION, we_did="")]), {},
     "row 2, column we_did: this cell is empty"),
    ("unknown-session-id", "attendance", teams_report(), {"session_id": 999}, "there is no session with id 999"),
    ("no-session-on-the-date", "attendance", teams_report("2024-02-01"), {},
     "no session on 01 February 2024 to match this report; choose the session with --session ID"),
    ("meeting-in-the-future", "attendance", teams_report("2027-01-21"), {},
     "column Start time: the meeting starts on 21 January 2027, which is in the future"),
    ("negative-duration", "attendance", teams_with("20m 30s", "-20m"), {},
     "row 13, column In-Meeting Duration: cannot read the duration; expected a duration as Teams writes it"),
    ("absurd-duration", "attendance", teams_with("20m 30s", "31h 20m"), {},
     "row 13, column In-Meeting Duration: an attendance of 31 hours is not believable"),
    ("not-a-teams-report", "attendance", csv_bytes(PEOPLE), {}, "no participants table was found in this Teams report"),
    ("score-above-10", "survey", csv_bytes([dict(TABLE[0], **{"We are a team": "11"}), *TABLE[1:]]),
     {"survey_year": 2024}, "row 2, column We are a team: a score must be from 0 to 10"),
    ("score-not-a-number", "survey", csv_bytes([*TABLE[:2], dict(TABLE[2], Morale="n/a"), *TABLE[3:]]),
     {"survey_year": 2024}, "row 4, column Morale: expected a number: a score"),
    ("unknown-score-name", "survey", csv_bytes([{**r, "Moral": r.pop("Morale")} for r in map(dict, TABLE)]),
     {"survey_year": 2024}, "row 1, column D: unknown People Promise element or score; did you mean 'Morale'?"),
    ("table-without-a-year", "survey", csv_bytes(TABLE), {}, "say which survey year this table is for (--year)"),
    ("workbook-score-out-of-range", "survey", workbook_with(12.5), {"org_code": "R9Z"},
     "row 4, column PP5_2024: on sheet 'Acute and Acute Community': a score must be from 0 to 10"),
    ("workbook-without-the-trust", "survey", WORKBOOK, {"org_code": "ZZZ"},
     "column org_id: organisation 'ZZZ' is not in this workbook"),
    ("forms-without-completion-time", "forms", forms_without("Completion time"), {"session_id": 1},
     "row 1, column Completion time: this column is missing; is this a Microsoft Forms export?"),
    ("forms-unknown-question", "forms", xlsx_bytes(forms_export()), {"session_id": 1, "questions": ("Why?",)},
     "row 1, column Why?: there is no such question column"),
    ("forms-without-a-session", "forms", xlsx_bytes(forms_export()), {},
     "say which session this file is for (--session ID; ids are in `export sessions`)"),
    ("feedback-unknown-source", "feedback", csv_bytes([dict(BOARD[0], Kind="jamboard")]),
     {"session_id": 1, "mapping": (("text", "Post"), ("source", "Kind"))},
     "row 2, column Kind: expected one of board, form, breakout, email"),
    ("feedback-mapped-to-a-missing-column", "feedback", csv_bytes(BOARD), {"session_id": 1,
                                                                           "mapping": (("text", "Body"),)},
     "row 1, column Body: there is no such column to take the text from"),
    ("feedback-unknown-sub-theme", "feedback", csv_bytes([dict(BOARD[0], **{"Sub-themes": "workload; rostring"})]),
     {"session_id": 1, "mapping": (("text", "Post"),)},
     "row 2, column Sub-themes: the 2nd sub-theme is not on this organisation's list; did you mean 'rostering'?"),
    ("feedback-sub-theme-far-from-any", "feedback", csv_bytes([dict(BOARD[0], sub_themes="Quantum widgets")]),
     {"session_id": 1, "mapping": (("text", "Post"),)},
     "row 2, column sub_themes: the sub-theme is not on this organisation's list; add it on the Tagging page first"),
    ("forms-unknown-sub-theme", "forms", xlsx_bytes(forms_export().assign(**{"Sub-themes": ["", "wellbeing", "x"]})),
     {"session_id": 1}, "row 4, column Sub-themes: the sub-theme is not on this organisation's list"),
    ("people-unknown-staff-group", "people", csv_bytes([dict(PEOPLE[0], staff_group="Nursing and Midwifry")]), {},
     "row 2, column staff_group: unknown staff group; "
     "did you mean 'Nursing and Midwifery Registered'?"),
    ("people-unknown-band", "people", csv_bytes([dict(PEOPLE[0], band="Band 12")]), {},
     "row 2, column band: unknown band; bands are"),
    ("people-duplicate-email", "people", csv_bytes([PEOPLE[1], dict(PEOPLE[2], email="A@NORTHMOOR.example.nhs.uk")]),
     {}, "row 3, column email: duplicate of row 2"),
    ("people-without-email", "people", csv_bytes([{k: v for k, v in PEOPLE[0].items() if k != "email"}]), {},
     "row 1, column email: this column is missing (an email or UPN column)"),
]


def test_there_are_at_least_25_kinds_of_bad_file() -> None:
    assert len({name for name, *_ in BAD_FILES}) == len(BAD_FILES) >= 25


@pytest.mark.parametrize(("kind", "raw", "given", "message"),
                         [pytest.param(*rest, id=name) for name, *rest in BAD_FILES])
def test_a_bad_file_is_refused_with_its_message_and_changes_nothing(trust: Engine, kind, raw, given, message) -> None:
    stats, before = row_counts(trust), table_snapshot(trust)
    with pytest.raises(ImportRefused) as refused:
        run(trust, kind, raw, "bad file.csv", **given)
    assert any(message in line for line in str(refused.value).splitlines()), str(refused.value)
    assert row_counts(trust) == stats
    after = table_snapshot(trust)
    assert {k: v for k, v in after.items() if k != "import_batch"} == \
        {k: v for k, v in before.items() if k != "import_batch"}
    with trust.connect() as conn:
        last = conn.execute(select(ImportBatch.kind, ImportBatch.outcome, ImportBatch.rows, ImportBatch.message)
                            .order_by(ImportBatch.id.desc()).limit(1)).one()
    assert (last.kind, last.outcome, last.rows) == (kind, "refused", 0)
    assert message.split(": ")[-1][:40] in last.message


# Values planted in the cells a refused file gets wrong: none may be said, or stored in the import record.
PLANTED = ["jane.planted@northmoor.example.nhs.uk", "John Planted", "Planted Ward 7", "planted-value-42"]
PLANTED_FILES = [
    ("sessions", sessions(starts_at=PLANTED[1], format=PLANTED[2], status=PLANTED[3], element_code=PLANTED[0],
                          org_code=PLANTED[3]), {}),
    ("attendance", teams_with("Attendee", PLANTED[1]), {}),
    ("attendance", teams_with("20m 30s", PLANTED[0]), {}),
    ("people", csv_bytes([dict(PEOPLE[0], band=PLANTED[0], staff_group=PLANTED[1])]), {}),
    ("workforce", csv_bytes([dict(WORKFORCE, headcount=PLANTED[0], as_at=PLANTED[1], staff_group=PLANTED[2])]), {}),
    ("actions", csv_bytes([dict(ACTION, status=PLANTED[0], due_date=PLANTED[1])]), {}),
    ("survey", csv_bytes([dict(TABLE[0], Morale=PLANTED[0]), *TABLE[1:3], dict(TABLE[3], **{"": PLANTED[1]}),
                          TABLE[4]]), {"survey_year": 2024}),
    ("feedback", csv_bytes([dict(BOARD[0], Kind=PLANTED[0], **{"Posted at": PLANTED[1]})]),
     {"session_id": 1, "mapping": (("text", "Post"), ("source", "Kind"))}),
    ("feedback", csv_bytes([dict(BOARD[0], sub_themes=f"workload; {PLANTED[1]}; {PLANTED[0]}")]),
     {"session_id": 1, "mapping": (("text", "Post"),)}),
]


@pytest.mark.parametrize(("kind", "raw", "given"), PLANTED_FILES, ids=[f"{k}-{i}" for i, (k, *_) in
                                                                        enumerate(PLANTED_FILES)])
def test_a_refusal_never_says_or_stores_a_cell_value(trust: Engine, kind, raw, given) -> None:
    with pytest.raises(ImportRefused) as refused:
        run(trust, kind, raw, "planted.csv", **given)
    with trust.connect() as conn:
        stored = conn.execute(select(ImportBatch.message).order_by(ImportBatch.id.desc()).limit(1)).scalar_one()
    assert stored and all(line.startswith(("row ", "column ")) for line in str(refused.value).splitlines())
    for value in PLANTED:
        assert value.lower() not in stored.lower() and value.lower() not in str(refused.value).lower(), stored
