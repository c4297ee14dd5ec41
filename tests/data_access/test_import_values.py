"""Values that cannot be true are refused, by row and column; values that are merely odd are warned of:
on both backends."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.importers.errors import ImportRefused
from data_access.models import Attendance, Session
from data_access.privacy import person_key
from sample_data.teams_report import ReportStyle, render
from tests.import_files import SECRET, SESSIONS, WORKBOOK, attendees, csv_bytes, run

WORKFORCE = {"org_code": "R9Z", "as_at": "2024-03-31", "staff_group": "Students", "division": "Medicine",
             "headcount": "12"}
TABLE = [{"": label, "We are a team": value} for label, value in
         (("Your org", "7"), ("Best", "8"), ("Average", "7"), ("Worst", "6"), ("Responses", "99"))]


def workbook_renaming(old: str, new: str) -> bytes:
    sheets = pd.read_excel(io.BytesIO(WORKBOOK), sheet_name=None)
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for name, sheet in sheets.items():
            sheet.rename(columns={old: new}).to_excel(book, sheet_name=name, index=False)
    return out.getvalue()


def session(**change) -> bytes:
    return csv_bytes([dict(SESSIONS[0], **change)])


def report(people: pd.DataFrame) -> bytes:
    return render("Big Conversation: Safety & Health", people, ReportStyle("sections", "uk", "utf-16-le"))


IMPOSSIBLE = [
    ("survey-year-2100", "survey", workbook_renaming("PP1_2024", "PP1_2100"), {"org_code": "R9Z"},
     "row 1, column PP1_2100: on sheet 'Acute and Acute Community': the survey year must be from 2021 to 2026"),
    ("survey-year-1900", "survey", workbook_renaming("responses_2024", "responses_1900"), {"org_code": "R9Z"},
     "row 1, column responses_1900: on sheet 'Acute and Acute Community': the survey year must be from 2021 to 2026"),
    ("trust-table-for-2100", "survey", csv_bytes(TABLE), {"survey_year": 2100},
     "say which survey year this table is for (--year), from 2021 to 2026"),
    ("held-session-in-1900", "sessions", session(starts_at="1900-01-25 12:00"), {},
     "row 2, column starts_at: the date is before 2000, which cannot be right"),
    ("planned-session-in-2100", "sessions", session(starts_at="2100-01-25 12:00", status="planned"), {},
     "row 2, column starts_at: the date is more than 10 years ahead, which cannot be right"),
    ("30-million-staff", "workforce", csv_bytes([dict(WORKFORCE, division=f"Division {n}", headcount="100000")
                                                for n in range(300)]), {},
     "row 2, column headcount: the headcounts of this organisation on this date (rows 2 to 301) add up to more "
     "than 100,000, more staff than any NHS trust employs"),
    ("meeting-in-1999", "attendance", report(attendees("1999-01-25")), {"session_id": 1},
     "column Start time: the meeting starts before 2000, which cannot be right"),
]


@pytest.mark.parametrize(("kind", "raw", "given", "message"), [pytest.param(*r[1:], id=r[0]) for r in IMPOSSIBLE])
def test_what_cannot_be_true_is_refused(trust: Engine, kind, raw, given, message) -> None:
    with pytest.raises(ImportRefused) as refused:
        run(trust, kind, raw, **given)
    assert message in str(refused.value).splitlines()


def test_one_person_listed_40_times_in_an_hour_counts_once_with_a_warning(trust: Engine) -> None:
    people = attendees("2024-01-25")
    repeated = pd.concat([people, *[people.iloc[[4]]] * 39], ignore_index=True)  # b@: 12:02 to 13:00, 40 times
    outcome = run(trust, "attendance", report(repeated))
    assert [str(w) for w in outcome.warnings] == [
        "row 15, column In-Meeting Duration: this person is listed 40 times and their times add up to more than "
        "they were in the meeting; counted once, for the 58 minutes from their first join to their last leave"]
    with trust.connect() as conn:
        minutes = conn.execute(select(Attendance.minutes_attended).where(
            Attendance.person_key == person_key(SECRET, "b@northmoor.example.nhs.uk"))).scalar_one()
    assert minutes == 58.0


def test_a_session_before_its_series_began_is_warned_of(trust: Engine) -> None:
    outcome = run(trust, "sessions", session(starts_at="2023-06-01 12:00", title="Earlier"))
    assert [str(w) for w in outcome.warnings] == [
        "row 2, column starts_at: the session is dated before its series began (25 January 2024); check the date"]
    with trust.connect() as conn:
        assert conn.execute(select(Session.title).where(Session.title == "Earlier")).scalar_one() == "Earlier"
