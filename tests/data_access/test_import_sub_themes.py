"""Coded files: the feedback and forms imports take an optional sub-themes column, matched to the organisation's list
whatever the case, stored as confirmed tags by the importer; a new organisation starts with the starter list."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, delete, func, insert, select, update

from data_access.database import upgrade
from data_access.importers.feedback import guess_mapping
from data_access.importers.forms import question_columns
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import preview
from data_access.models import Feedback, FeedbackSubTheme, Organisation, SubTheme, SubThemeChange
from data_access.starter_lists import STARTER_LIST
from domain.sub_themes import STARTER_NAMES
from domain.vocabulary import TAG_CONFIRMED, TAG_SUGGESTED
from tests.import_files import csv_bytes, deployed, forms_export, options, run, xlsx_bytes

BOARD = [{"Post": "No cover for breaks", "Posted at": "25/01/2024 12:10", "Sub-themes": "WORKLOAD;  Rostering "},
         {"Post": "Kind words from the matron", "Posted at": "25/01/2024 12:11", "Sub-themes": "recognition"},
         {"Post": "Car park full by 7", "Posted at": "25/01/2024 12:12", "Sub-themes": "Not yet tagged"},
         {"Post": "Nobody listens", "Posted at": "25/01/2024 12:13", "Sub-themes": ""},
         {"Post": "Rota late again", "Posted at": "25/01/2024 12:14", "Sub-themes": "rostering;rostering"}]
MAPPING = (("text", "Post"), ("time", "Posted at"))


@pytest.fixture
def trust(migrated_engine: Engine) -> Engine:
    return deployed(migrated_engine)


def _tags(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(Feedback.text, FeedbackSubTheme.sub_theme, FeedbackSubTheme.status, FeedbackSubTheme.tagged_by)
            .join(FeedbackSubTheme, FeedbackSubTheme.feedback_id == Feedback.id)
            .order_by(Feedback.text, FeedbackSubTheme.sub_theme))]


def test_a_new_organisation_starts_with_the_starter_list_recorded_in_its_audit(trust: Engine) -> None:
    with trust.connect() as conn:
        names = conn.execute(select(SubTheme.name).order_by(SubTheme.id)).scalars().all()
        audit = conn.execute(select(SubThemeChange.change, SubThemeChange.changed_by).distinct()).all()
        described = conn.execute(select(func.count()).where(SubTheme.description != "",
                                                            SubTheme.element_code.is_not(None))).scalar_one()
    assert tuple(names) == STARTER_NAMES
    assert [tuple(row) for row in audit] == [("added", STARTER_LIST)]
    assert described == len(STARTER_NAMES)


def test_an_organisation_upgraded_from_before_lists_gets_one_and_a_listed_one_is_left_alone(trust: Engine) -> None:
    with trust.begin() as conn:
        conn.execute(delete(SubThemeChange))
        conn.execute(delete(SubTheme))
        conn.execute(insert(Organisation), [{"ods_code": "RXX", "name": "Listed", "benchmark_group": "Acute"}])
        listed = conn.execute(select(Organisation.id).where(Organisation.ods_code == "RXX")).scalar_one()
        conn.execute(insert(SubTheme), [{"organisation_id": listed, "name": "Estates", "description": ""}])
    upgrade(trust)
    with trust.connect() as conn:
        counts = dict(conn.execute(select(Organisation.ods_code, func.count(SubTheme.id))
                                   .join(SubTheme, SubTheme.organisation_id == Organisation.id)
                                   .group_by(Organisation.ods_code)).all())
    assert counts == {"R9Z": len(STARTER_NAMES), "RXX": 1}


def test_a_coded_board_export_stores_confirmed_tags_spelt_as_the_list_spells_them(trust: Engine) -> None:
    assert guess_mapping(list(BOARD[0]))["sub_themes"] == "Sub-themes"
    outcome = run(trust, "feedback", csv_bytes(BOARD), session_id=1, mapping=MAPPING)
    assert outcome.added == 5
    assert "3 items come with sub-themes, which count as confirmed" in " ".join(outcome.notes)
    assert _tags(trust) == [("Kind words from the matron", "recognition", TAG_CONFIRMED, "test user"),
                            ("No cover for breaks", "rostering", TAG_CONFIRMED, "test user"),
                            ("No cover for breaks", "workload", TAG_CONFIRMED, "test user"),
                            ("Rota late again", "rostering", TAG_CONFIRMED, "test user")]
    with trust.connect() as conn:
        assert conn.execute(select(func.count()).where(FeedbackSubTheme.tagged_at.is_(None))).scalar_one() == 0


def test_coding_an_item_that_had_suggestions_confirms_it_and_drops_the_rest(trust: Engine) -> None:
    uncoded = [{k: v for k, v in row.items() if k != "Sub-themes"} for row in BOARD]
    run(trust, "feedback", csv_bytes(uncoded), session_id=1, mapping=MAPPING)
    with trust.begin() as conn:
        item = conn.execute(select(Feedback.id).where(Feedback.text == "No cover for breaks")).scalar_one()
        conn.execute(insert(FeedbackSubTheme), [
            {"feedback_id": item, "sub_theme": name, "status": TAG_SUGGESTED, "confidence": 0.4, "tagged_by": "model"}
            for name in ("workload", "wellbeing")])
    run(trust, "feedback", csv_bytes(BOARD), "coded.csv", session_id=1, mapping=MAPPING)
    assert [row for row in _tags(trust) if row[0] == "No cover for breaks"] == [
        ("No cover for breaks", "rostering", TAG_CONFIRMED, "test user"),
        ("No cover for breaks", "workload", TAG_CONFIRMED, "test user")]


def test_a_retired_sub_theme_is_refused_and_nothing_is_written(trust: Engine) -> None:
    with trust.begin() as conn:
        conn.execute(update(SubTheme).where(SubTheme.name == "recognition").values(retired_at=datetime(2025, 1, 1)))
    prepared = preview(trust, KINDS["feedback"], "coded.csv", csv_bytes(BOARD), options(session_id=1,
                                                                                         mapping=MAPPING))
    assert [str(p) for p in prepared.problems] == [
        "row 3, column Sub-themes: the sub-theme is retired from this organisation's list; tag with one in use, "
        "or restore it on the Tagging page first"]
    with trust.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Feedback)).scalar_one() == 0


def test_a_coded_forms_export_tags_each_of_a_respondents_answers(trust: Engine) -> None:
    export = forms_export(anonymous=True).assign(**{"Sub-themes": ["rest facilities; Wellbeing", None, "estates and "
                                                                                                         "space"]})
    assert "Sub-themes" not in question_columns(export.columns)
    run(trust, "forms", xlsx_bytes(export), "form.xlsx", session_id=1)
    assert _tags(trust) == [("No cover on the ward", "rest facilities", TAG_CONFIRMED, "test user"),
                            ("No cover on the ward", "wellbeing", TAG_CONFIRMED, "test user"),
                            ("Protected breaks", "rest facilities", TAG_CONFIRMED, "test user"),
                            ("Protected breaks", "wellbeing", TAG_CONFIRMED, "test user"),
                            ("Rest rooms; water", "estates and space", TAG_CONFIRMED, "test user")]


@pytest.mark.parametrize("cell", [";;;", " ; ", "not yet tagged", "NOT YET TAGGED"])
def test_empty_codes_leave_an_item_untagged(trust: Engine, cell: str) -> None:
    run(trust, "feedback", csv_bytes([dict(BOARD[0], **{"Sub-themes": cell})]), session_id=1, mapping=MAPPING)
    assert _tags(trust) == []


def test_hostile_names_are_refused_without_being_repeated(trust: Engine) -> None:
    hostile = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "**workload**", "w\u043erkload", "x" * 5000]
    prepared = preview(trust, KINDS["feedback"], "coded.csv",
                       csv_bytes([dict(BOARD[0], **{"Sub-themes": "; ".join(hostile)})]),
                       options(session_id=1, mapping=MAPPING))
    said = " ".join(str(p) for p in prepared.problems)
    assert len(prepared.problems) == len(hostile)
    assert "did you mean 'workload'?" in said
    assert not any(text in said for text in ("<script>", "HYPERLINK", "**", "\u043e", "xxxxx"))


def test_a_header_is_found_however_the_team_wrote_it() -> None:
    for header in ("Sub-themes", "sub_themes", "Sub themes", "SUBTHEME", "sub-theme"):
        assert guess_mapping(pd.Index(["Post", header]))["sub_themes"] == header
    assert guess_mapping(pd.Index(["Post", "Themes"]))["sub_themes"] is None
