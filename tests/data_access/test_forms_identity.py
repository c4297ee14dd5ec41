"""Forms exports whose respondents are named under other headings ("Email address", "Full name", a column of
emails headed "Contact", the respondent list again under "Who are you?") keep none of it; questions about the
respondent are not feedback, a staff group among them becomes the feedback's staff group; on both backends."""
from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.importers.errors import ImportRefused
from data_access.importers.identity import attribute_of, identity_columns, is_identity_header
from data_access.models import Feedback
from tests.helpers import text_values
from tests.import_files import deployed, run, xlsx_bytes

EMAILS = ["ann.planted@northmoor.example.nhs.uk", "bob.planted@northmoor.example.nhs.uk", "cat.planted@nhs.net"]
NAMES = ["Ann Planted", "Bob Planted", "Cat Planted"]


def export() -> pd.DataFrame:
    return pd.DataFrame({
        "ID": [1, 2, 3], "Start time": ["25/01/2024 12:50"] * 3,
        "Completion time": ["25/01/2024 12:55", "25/01/2024 12:56", "25/01/2024 12:57"],
        "Email address": EMAILS, "Full name": NAMES, "Contact": [EMAILS[0].upper(), "", EMAILS[2]],
        "Who are you?": [NAMES[0], "", NAMES[2]], "Language": ["English", "Polish", "English"],
        "Which staff group are you in?": ["Nursing and Midwifery Registered", "AHP", "Prefer not to say"],
        "What gets in the way of a break?": ["No cover on the ward", "Rotas", None],
    })


@pytest.fixture
def trust(migrated_engine: Engine) -> Engine:
    return deployed(migrated_engine)


def test_only_the_feedback_question_is_imported_and_the_preview_says_what_was_left_out(trust: Engine) -> None:
    outcome = run(trust, "forms", xlsx_bytes(export()), "form.xlsx", session_id=1)
    assert outcome.added == 2
    assert outcome.notes[2:] == [
        "Never imported, as they identify people: Email address, Full name, Contact, Who are you?.",
        "Not feedback, so left out: Language, Which staff group are you in? (questions about the respondent).",
        "Each answer's staff group is taken from Which staff group are you in?; 1 respondents gave none the "
        "dashboard knows, and their answers have no staff group."]
    with trust.connect() as conn:
        stored = conn.execute(select(Feedback.prompt, Feedback.text, Feedback.staff_group).order_by(Feedback.text))
        assert stored.all() == [
            ("What gets in the way of a break?", "No cover on the ward", "Nursing and Midwifery Registered"),
            ("What gets in the way of a break?", "Rotas", "Allied Health Professionals")]
    dumped = [value.lower() for _, _, value in text_values(trust)]
    assert not [v for v in dumped for planted in EMAILS + NAMES if planted.lower() in v]


def test_an_identity_column_chosen_by_name_is_still_never_imported(trust: Engine) -> None:
    outcome = run(trust, "forms", xlsx_bytes(export()), "form.xlsx", session_id=1,
                  questions=("Contact", "What gets in the way of a break?"))
    assert outcome.added == 2
    with trust.connect() as conn:
        assert set(conn.execute(select(Feedback.prompt)).scalars()) == {"What gets in the way of a break?"}


def test_a_board_export_mapped_to_an_email_column_is_refused(trust: Engine) -> None:
    board = pd.DataFrame({"Author": EMAILS, "Post": ["More rest rooms", "Water", "Breaks"]})
    with pytest.raises(ImportRefused) as refused:
        run(trust, "feedback", xlsx_bytes(board), "board.xlsx", session_id=1, mapping=(("text", "Author"),))
    assert str(refused.value) == ("row 1, column Author: this column identifies people (names, emails or UPNs) and "
                                  "is never imported; map the feedback's own columns")


@pytest.mark.parametrize(("header", "identity", "attribute"), [
    ("Email", True, None), ("E-mail address", True, None), ("Full name", True, None), ("Name", True, None),
    ("Your name (optional)", True, None), ("Employee number", True, None), ("Language", False, "language"),
    ("Which staff group are you in?", False, "staff group"), ("What is your age?", False, "age"),
    ("What could your team do?", False, None), ("Name one thing we could change", False, None),
])
def test_headers_are_read_as_identity_attribute_or_question(header: str, identity: bool, attribute) -> None:
    assert (is_identity_header(header), attribute_of(header)) == (identity, attribute)


def test_a_column_mostly_of_emails_or_upns_identifies_people_whatever_its_header() -> None:
    frame = pd.DataFrame({"Q1": ["a@x.nhs.uk", "b@x.nhs.uk", "no"], "Q2": ["fine", "a@x.nhs.uk", "ok"]})
    assert identity_columns(frame) == ["Q1"]
