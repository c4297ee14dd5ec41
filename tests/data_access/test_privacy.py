"""People first: identities become keyed hashes at import, and no name or email reaches the database."""
from __future__ import annotations

import re

import pandas as pd
from sqlalchemy import Engine, select

from data_access.config import SAMPLE_SECRET
from data_access.models import Attendance
from data_access.privacy import person_key, person_keys
from tests.helpers import csv_rows, report_participants, teams_reports, text_values

EMAIL = "staff00042@northmoor.example.nhs.uk"


def test_person_key_is_a_deterministic_hmac_per_secret() -> None:
    key = person_key("secret-one", EMAIL)
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert person_key("secret-one", EMAIL) == key
    assert person_key("secret-two", EMAIL) != key
    assert person_key("secret-one", "staff00043@northmoor.example.nhs.uk") != key


def test_person_key_ignores_case_and_surrounding_space_in_the_email() -> None:
    assert person_key("s", f"  {EMAIL.upper()} ") == person_key("s", EMAIL)


def test_person_keys_maps_a_column() -> None:
    keys = person_keys("s", pd.Series([EMAIL, f" {EMAIL.upper()}\t", "other@example.nhs.uk",
                                       "İlker.Şahin@example.nhs.uk"]))
    assert keys.tolist() == [person_key("s", EMAIL)] * 2 + [person_key("s", "other@example.nhs.uk"),
                                                            person_key("s", "İlker.Şahin@example.nhs.uk")]


def test_attendance_is_keyed_by_the_hmac_of_each_email(seeded_engine: Engine) -> None:
    emails = {row["Email"] for path in teams_reports() for row in report_participants(path)}
    with seeded_engine.connect() as conn:
        stored = set(conn.execute(select(Attendance.person_key)).scalars())
    assert stored == {person_key(SAMPLE_SECRET, email) for email in emails}


def test_no_name_or_email_from_the_sample_files_is_stored_anywhere(seeded_engine: Engine) -> None:
    people = [row for path in teams_reports() for row in report_participants(path)]
    names = {row.get("Name") or row["Full Name"] for row in people}
    emails = {row["Email"].lower() for row in people} | {row["email"] for row in csv_rows("people.csv")}
    assert len(names) > 1000 and all(name.startswith("Participant ") for name in names)
    found = [(table, column, value) for table, column, value in text_values(seeded_engine)
             if value.lower() in emails or value in names or "@" in value or "Participant " in value]
    assert found == []
