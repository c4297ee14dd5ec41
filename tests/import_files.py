"""Files in the real formats the importers take, built for tests: Teams reports, Forms exports, plain CSVs."""
from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
from openpyxl import Workbook
from sqlalchemy import Engine

from data_access.config import SAMPLE_FOLDER
from data_access.importers.base import ImportOptions
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import Outcome, commit
from data_access.permissions import Actor
from sample_data.teams_report import ReportStyle, render

TODAY = date(2026, 11, 23)
SECRET = "a-test-secret-not-the-sample-one"  # real-format files are refused under the sample secret


def _small_workbook() -> bytes:
    """The sample benchmark workbook cut to the trust and a few peers per sheet, to keep tests quick."""
    sheets = pd.read_excel(SAMPLE_FOLDER / "nhs_staff_survey_benchmarks.xlsx", sheet_name=None)
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for name, sheet in sheets.items():
            sheet.head(6).to_excel(book, sheet_name=name, index=False)
    return out.getvalue()


WORKBOOK = _small_workbook()
# Two held sessions (a new series is created for them) and one planned.
SESSIONS = [
    {"org_code": "R9Z", "series": "Series 9", "title": "Safety & Health Conversation",
     "element_code": "Safe and healthy", "starts_at": "2024-01-25 12:00", "host_roles": "Chief Nurse",
     "format": "online", "status": "held",
     "key_themes": "Breaks; Debriefs", "recording_url": "", "slides_url": ""},
    {"org_code": "R9Z", "series": "Series 9", "title": "Team Conversation", "element_code": "PP7",
     "starts_at": "18/04/2024 12:00", "host_roles": "Chief Executive", "format": "hybrid", "status": "held",
     "key_themes": "", "recording_url": "https://intranet.example.nhs.uk/rec", "slides_url": ""},
    {"org_code": "R9Z", "series": "Series 9", "title": "Voice Conversation", "element_code": "Staff Voice",
     "starts_at": "2027-01-21 12:00", "host_roles": "Chief People Officer", "format": "in person",
     "status": "planned", "key_themes": "", "recording_url": "", "slides_url": ""},
]
PEOPLE = [
    {"email": "ceo@northmoor.example.nhs.uk", "staff_group": "Medical & Dental", "division": "Corporate",
     "band": "VSM"},
    {"email": "a@northmoor.example.nhs.uk", "staff_group": "Nursing and Midwifery Registered",
     "division": "Medicine", "band": "Band 5"},
    {"email": "B@northmoor.example.nhs.uk", "staff_group": "AHP", "division": "Surgery", "band": "6"},
]


IMPORTER = Actor("test user", "od_team")


def options(**given) -> ImportOptions:
    return ImportOptions(**{"secret": SECRET, "today": TODAY, "user": "test user", **given})


def csv_bytes(rows: list[dict], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """A workbook as Forms writes it: text that starts with '=' is stored as text, not as a formula."""
    book = Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for record in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        sheet.append(list(record))
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def attendees(day: str) -> pd.DataFrame:
    """An organiser, a presenter and three attendees (a@ twice: left and came back; c@ not in the staff list)."""
    t = lambda hm: pd.Timestamp(f"{day} {hm}")
    return pd.DataFrame([
        ("Chief Executive", "ceo@northmoor.example.nhs.uk", "Organizer", t("12:00:00"), t("13:00:00")),
        ("Chief Nurse", "nurse@northmoor.example.nhs.uk", "Presenter", t("12:00:00"), t("12:50:00")),
        ("Participant A", "a@northmoor.example.nhs.uk", "Attendee", t("12:05:00"), t("12:25:30")),
        ("Participant A", "a@northmoor.example.nhs.uk", "Attendee", t("12:40:00"), t("12:55:00")),
        ("Participant B", "b@northmoor.example.nhs.uk", "Attendee", t("12:02:00"), t("13:00:00")),
        ("Participant C", "c@northmoor.example.nhs.uk", "Attendee", t("12:10:00"), t("12:40:00")),
    ], columns=["name", "email", "teams_role", "first_join", "last_leave"])


def teams_report(day: str = "2024-01-25", layout: str = "sections", locale: str = "uk",
                 encoding: str = "utf-16-le") -> bytes:
    return render("Big Conversation: Safety & Health", attendees(day), ReportStyle(layout, locale, encoding))


def forms_export(anonymous: bool = False) -> pd.DataFrame:
    email = ["anonymous"] * 3 if anonymous else ["a@northmoor.example.nhs.uk", "b@x.nhs.uk", "c@x.nhs.uk"]
    return pd.DataFrame({
        "ID": [1, 2, 3],
        "Start time": pd.to_datetime(["2024-01-25 12:50:00", "2024-01-25 12:51:00", "2024-01-25 12:52:00"]),
        "Completion time": pd.to_datetime(["2024-01-25 12:55:10", "2024-01-25 12:56:20", "2024-01-25 12:57:30"]),
        "Email": email, "Name": ["" if anonymous else n for n in ("Ann Example", "Bob Example", "Cat Example")],
        "What gets in the way of a break?": ["No cover on the ward", "=HYPERLINK(\"http://x\")", None],
        "What could we do?": ["Protected breaks", "<script>alert(1)</script>", "Rest rooms; water"],
    })


def deployed(engine: Engine) -> Engine:
    """A fresh trust as a real deployment starts: the benchmark workbook, its sessions, its staff list."""
    commit(engine, KINDS["survey"], "benchmarks.xlsx", WORKBOOK, options(org_code="R9Z"), IMPORTER)
    commit(engine, KINDS["sessions"], "sessions.csv", csv_bytes(SESSIONS), options(), IMPORTER)
    commit(engine, KINDS["people"], "people.csv", csv_bytes(PEOPLE), options(), IMPORTER)
    return engine


def run(engine: Engine, kind: str, raw: bytes, name: str = "file.csv", **given) -> Outcome:
    return commit(engine, KINDS[kind], name, raw, options(**given), IMPORTER)
