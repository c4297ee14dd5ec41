"""Every kind of import with real-format files, on both backends: values land, the same file twice changes
nothing, a corrected file updates in place, and the staff list tags attendance whichever comes first."""
from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select

from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import preview
from data_access.models import (
    Action,
    ActionChange,
    Attendance,
    BenchmarkScore,
    Feedback,
    FeedbackSubTheme,
    ImportBatch,
    Organisation,
    Person,
    Series,
    Session,
    SurveyScore,
    Workforce,
)
from data_access.privacy import person_key
from data_access.queries_admin import row_counts
from tests.helpers import table_snapshot
from tests.import_files import (
    PEOPLE,
    SECRET,
    SESSIONS,
    WORKBOOK,
    csv_bytes,
    deployed,
    forms_export,
    options,
    run,
    teams_report,
    xlsx_bytes,
)


@pytest.fixture
def trust(migrated_engine: Engine) -> Engine:
    return deployed(migrated_engine)


def rows(engine: Engine, query) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


def session_id(engine: Engine, title: str) -> int:
    return rows(engine, select(Session.id).where(Session.title == title))[0][0]


def key(email: str) -> str:
    return person_key(SECRET, email)


def test_the_workbook_adds_the_trust_its_scores_and_its_group(trust: Engine) -> None:
    assert rows(trust, select(Organisation.ods_code, Organisation.benchmark_group)) == \
        [("R9Z", "Acute and Acute & Community Trusts")]
    scores = pd.read_excel(io.BytesIO(WORKBOOK), sheet_name="Acute and Acute Community")
    ours = scores[scores["org_id"] == "R9Z"].iloc[0]
    stored = dict(((y, m), s) for y, m, s in rows(trust, select(SurveyScore.survey_year, SurveyScore.metric_code,
                                                                SurveyScore.score)))
    assert stored[(2024, "PP1")] == ours["PP1_2024"] and stored[(2022, "ENG")] == ours["theme_engagement_2022"]
    assert stored[(2023, "PP4")] is None  # not reported nationally in 2023: a gap, never 0
    group = scores["PP3_2_2024"]  # the whole group, the trust included
    assert rows(trust, select(BenchmarkScore.best, BenchmarkScore.average, BenchmarkScore.worst,
                              BenchmarkScore.organisations).where(
        BenchmarkScore.benchmark_group == "Acute and Acute & Community Trusts", BenchmarkScore.survey_year == 2024,
        BenchmarkScore.metric_code == "PP3_2")) == [(group.max(), group.median(), group.min(), len(group))]


def test_sessions_create_their_series_and_take_any_element_name(trust: Engine) -> None:
    assert rows(trust, select(Series.name, Series.start_date)) == [("Series 9", date(2024, 1, 25))]
    assert rows(trust, select(Session.title, Session.element_code, Session.starts_at, Session.status,
                              Session.recording_url).order_by(Session.starts_at)) == [
        ("Safety & Health Conversation", "PP4", datetime(2024, 1, 25, 12), "held", None),
        ("Team Conversation", "PP7", datetime(2024, 4, 18, 12), "held", "https://intranet.example.nhs.uk/rec"),
        ("Voice Conversation", "PP3", datetime(2027, 1, 21, 12), "planned", None)]


def test_the_staff_list_keeps_only_keys_and_canonical_groups(trust: Engine) -> None:
    assert sorted(rows(trust, select(Person.person_key, Person.staff_group, Person.division, Person.band))) == sorted([
        (key("ceo@northmoor.example.nhs.uk"), "Medical and Dental", "Corporate", "VSM"),
        (key("a@northmoor.example.nhs.uk"), "Nursing and Midwifery Registered", "Medicine", "5"),
        (key("b@northmoor.example.nhs.uk"), "Allied Health Professionals", "Surgery", "6")])


@pytest.mark.parametrize(("day", "layout", "locale", "encoding"), [
    ("2024-01-25", "sections", "uk", "utf-16-le"), ("2024-01-25", "sections", "us", "utf-16-be"),
    ("2024-04-18", "legacy", "uk", "utf-16-le"), ("2024-04-18", "legacy", "us", "utf-8-sig"),
    ("2024-01-25", "sections", "uk", "cp1252"), ("2024-01-25", "sections", "us", "utf-8"),
])
def test_a_teams_report_lands_as_one_row_per_person(trust: Engine, day, layout, locale, encoding) -> None:
    raw = teams_report(day, layout, locale, encoding if encoding.startswith("utf-16") or encoding == "utf-8-sig"
                       else "utf-8-sig")
    if encoding in ("cp1252", "utf-8"):  # re-saved by Excel or a text editor: no BOM
        raw = raw.decode("utf-8-sig").encode(encoding)
    outcome = run(trust, "attendance", raw)
    assert (outcome.rows, outcome.added, outcome.updated, outcome.unchanged) == (5, 5, 0, 0)
    assert any("3 attendees; 2 organisers and presenters" in n for n in outcome.notes)
    assert any("1 attendees are not in the staff list" in n for n in outcome.notes)
    stored = {k: rest for k, *rest in rows(trust, select(Attendance.person_key, Attendance.session_id,
                                                          Attendance.teams_role, Attendance.minutes_attended,
                                                          Attendance.staff_group, Attendance.band))}
    sid = session_id(trust, "Safety & Health Conversation" if day == "2024-01-25" else "Team Conversation")
    assert stored == {
        key("ceo@northmoor.example.nhs.uk"): [sid, "Organizer", 60.0, "Medical and Dental", "VSM"],
        key("nurse@northmoor.example.nhs.uk"): [sid, "Presenter", 50.0, None, None],
        key("a@northmoor.example.nhs.uk"): [sid, "Attendee", 35.5, "Nursing and Midwifery Registered", "5"],
        key("b@northmoor.example.nhs.uk"): [sid, "Attendee", 58.0, "Allied Health Professionals", "6"],
        key("c@northmoor.example.nhs.uk"): [sid, "Attendee", 30.0, None, None]}


def test_the_same_file_twice_changes_nothing(trust: Engine) -> None:
    run(trust, "attendance", teams_report())
    before = table_snapshot(trust)
    again = run(trust, "attendance", teams_report())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    after = table_snapshot(trust)
    assert {k: v for k, v in after.items() if k != "import_batch"} == \
        {k: v for k, v in before.items() if k != "import_batch"}
    assert after["import_batch"][0] == before["import_batch"][0] + 1


def test_a_corrected_file_updates_in_place(trust: Engine) -> None:
    run(trust, "sessions", csv_bytes(SESSIONS))
    corrected = [dict(SESSIONS[0], title="Safety and Health Conversation", status="held"), *SESSIONS[1:]]
    before = table_snapshot(trust)
    outcome = run(trust, "sessions", csv_bytes(corrected))
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 1, 2)
    assert table_snapshot(trust)["session"] == before["session"]
    assert rows(trust, select(Session.title).where(Session.starts_at == datetime(2024, 1, 25, 12))) == \
        [("Safety and Health Conversation",)]


def test_attendance_before_the_staff_list_is_tagged_when_it_arrives(migrated_engine: Engine) -> None:
    run(migrated_engine, "survey", WORKBOOK, "b.xlsx", org_code="R9Z")
    run(migrated_engine, "sessions", csv_bytes(SESSIONS))
    run(migrated_engine, "attendance", teams_report())
    assert rows(migrated_engine, select(Attendance.staff_group).where(Attendance.staff_group.is_not(None))) == []
    outcome = run(migrated_engine, "people", csv_bytes(PEOPLE))
    assert outcome.extra == {"attendance re-tagged": 3}
    assert rows(migrated_engine, select(Attendance.division).where(
        Attendance.person_key == key("a@northmoor.example.nhs.uk"))) == [("Medicine",)]


def test_a_changed_staff_list_retags_attendance(trust: Engine) -> None:
    run(trust, "attendance", teams_report())
    moved = [dict(PEOPLE[1], division="Surgery"), *PEOPLE[::2]]
    outcome = run(trust, "people", csv_bytes(moved))
    assert (outcome.updated, outcome.extra["attendance re-tagged"]) == (1, 1)
    assert rows(trust, select(Attendance.division).where(
        Attendance.person_key == key("a@northmoor.example.nhs.uk"))) == [("Surgery",)]


@pytest.mark.parametrize("as_csv", [False, True])
def test_a_forms_export_becomes_untagged_feedback_without_names(trust: Engine, as_csv: bool) -> None:
    export = forms_export()
    text = export.astype(object).where(export.notna(), "").astype(str)
    raw = csv_bytes(text.to_dict("records")) if as_csv else xlsx_bytes(export)
    sid = session_id(trust, "Safety & Health Conversation")
    outcome = run(trust, "forms", raw, "form.xlsx", session_id=sid)
    assert (outcome.added, outcome.skipped) == (5, 1)
    assert [(w.row, w.column) for w in outcome.warnings] == [
        (3, "What gets in the way of a break?"), (3, "What could we do?")]
    stored = rows(trust, select(Feedback.source, Feedback.prompt, Feedback.text, Feedback.created_at)
                  .order_by(Feedback.created_at, Feedback.prompt))
    assert stored[:2] == [("form", "What could we do?", "Protected breaks", datetime(2024, 1, 25, 12, 55, 10)),
                          ("form", "What gets in the way of a break?", "No cover on the ward",
                           datetime(2024, 1, 25, 12, 55, 10))]
    assert ("form", "What gets in the way of a break?", '=HYPERLINK("http://x")', datetime(2024, 1, 25, 12, 56, 20)) \
        in stored
    assert rows(trust, select(FeedbackSubTheme.feedback_id)) == []
    assert not any("Example" in str(v) or "@" in str(v) for r in rows(trust, select(Feedback)) for v in r)


def test_forms_takes_only_the_chosen_questions_and_anonymous_forms(trust: Engine) -> None:
    sid = session_id(trust, "Safety & Health Conversation")
    outcome = run(trust, "forms", xlsx_bytes(forms_export(anonymous=True)), "f.xlsx", session_id=sid,
                  questions=("What could we do?",))
    assert outcome.added == 3
    assert {r[0] for r in rows(trust, select(Feedback.prompt))} == {"What could we do?"}


def test_a_board_export_with_a_column_mapping(trust: Engine) -> None:
    board = [{"Post": "More rest rooms", "Section": "Ideas", "Posted at": "25/01/2024 12:10", "Kind": "Board"},
             {"Post": "", "Section": "Ideas", "Posted at": "25/01/2024 12:11", "Kind": "board"},
             {"Post": "Water on wards", "Section": "Ideas", "Posted at": "1/25/2024 12:15 PM", "Kind": "breakout"}]
    sid = session_id(trust, "Safety & Health Conversation")
    outcome = run(trust, "feedback", csv_bytes(board, "cp1252"), session_id=sid,
                  mapping=(("text", "Post"), ("prompt", "Section"), ("time", "Posted at"), ("source", "Kind")))
    assert (outcome.added, outcome.skipped) == (2, 1)
    assert rows(trust, select(Feedback.source, Feedback.prompt, Feedback.text, Feedback.created_at)
                .order_by(Feedback.created_at)) == [
        ("board", "Ideas", "More rest rooms", datetime(2024, 1, 25, 12, 10)),
        ("breakout", "Ideas", "Water on wards", datetime(2024, 1, 25, 12, 15))]


def test_actions_are_stamped_with_who_imported_them_and_re_import_keeps_the_stamp(trust: Engine) -> None:
    actions = [{"org_code": "R9Z", "session_date": "2024-01-25", "session_title": "Safety & Health Conversation",
                "element_code": "We are safe and healthy", "you_said": "No breaks", "we_did": "Protected breaks",
                "owner": "Chief Nurse", "status": "In progress", "due_date": "2027-03-31", "completed_date": ""}]
    run(trust, "actions", csv_bytes(actions))
    first = rows(trust, select(Action.element_code, Action.status, Action.due_date, Action.updated_by,
                               Action.updated_at))
    assert first[0][:4] == ("PP4", "in progress", date(2027, 3, 31), "test user")
    assert run(trust, "actions", csv_bytes(actions)).unchanged == 1
    assert rows(trust, select(Action.element_code, Action.status, Action.due_date, Action.updated_by,
                              Action.updated_at)) == first


def test_imported_actions_get_versions_and_an_audit_trail_as_edits_do(trust: Engine) -> None:
    base = {"org_code": "R9Z", "session_date": "2024-01-25", "session_title": "Safety & Health Conversation",
            "element_code": "PP4", "we_did": "Protected breaks", "owner": "Chief Nurse", "due_date": "2027-03-31",
            "completed_date": ""}
    first = [{**base, "you_said": "No breaks", "status": "planned"}, {**base, "you_said": "No water", "status": "done",
                                                                       "completed_date": "2024-06-01"}]
    run(trust, "actions", csv_bytes(first))
    trail = rows(trust, select(Action.you_said, ActionChange.field, ActionChange.before, ActionChange.after,
                               ActionChange.changed_by).join(Action, Action.id == ActionChange.action_id)
                 .order_by(ActionChange.id))
    assert ("No breaks", "status", None, "planned", "test user") in trail
    assert ("No water", "completed_date", None, "2024-06-01", "test user") in trail
    assert rows(trust, select(Action.you_said, Action.version).order_by(Action.id)) == [("No breaks", 1),
                                                                                         ("No water", 1)]
    second = [{**first[0], "status": "in progress", "owner": "Director of Nursing"}, first[1]]
    run(trust, "actions", csv_bytes(second))
    assert rows(trust, select(Action.you_said, Action.version).order_by(Action.id)) == [("No breaks", 2),
                                                                                         ("No water", 1)]
    changes = rows(trust, select(ActionChange.field, ActionChange.before, ActionChange.after)
                   .where(ActionChange.id > len(trail)).order_by(ActionChange.field))
    assert changes == [("owner", "Chief Nurse", "Director of Nursing"), ("status", "planned", "in progress")]
    assert run(trust, "actions", csv_bytes(second)).unchanged == 2  # the same file again: no new version or history
    assert rows(trust, select(func.count()).select_from(ActionChange))[0][0] == len(trail) + 2
    assert rows(trust, select(Action.version).order_by(Action.id)) == [(2,), (1,)]
    # A change outside the edit form's fields still gives a new version, so an open edit of it is refused.
    run(trust, "actions", csv_bytes([second[0], {**second[1], "element_code": "PP1"}]))
    assert rows(trust, select(Action.element_code, Action.version).order_by(Action.id)) == [("PP4", 2), ("PP1", 2)]


def test_workforce_headcounts(trust: Engine) -> None:
    workforce = [{"org_code": "R9Z", "as_at": "31/03/2024", "staff_group": "Admin & Clerical", "division": "Corporate",
                  "headcount": "950"},
                 {"org_code": "R9Z", "as_at": "31/03/2024", "staff_group": "Students", "division": "Medicine",
                  "headcount": "12"}]
    assert run(trust, "workforce", csv_bytes(workforce)).added == 2
    assert rows(trust, select(Workforce.as_at, Workforce.staff_group, Workforce.headcount).order_by(Workforce.id)) == [
        (date(2024, 3, 31), "Administrative and Clerical", 950), (date(2024, 3, 31), "Students", 12)]


def test_a_trusts_own_benchmark_table(trust: Engine) -> None:
    table = [{"": "Your org", "We are compassionate and inclusive": "7.1", "Staff engagement": "6.9"},
             {"": "Best", "We are compassionate and inclusive": "7.9", "Staff engagement": "7.6"},
             {"": "Average", "We are compassionate and inclusive": "7.2", "Staff engagement": "6.8"},
             {"": "Worst", "We are compassionate and inclusive": "6.5", "Staff engagement": "6.1"},
             {"": "Responses", "We are compassionate and inclusive": "3120", "Staff engagement": "3098"}]
    outcome = run(trust, "survey", csv_bytes(table), survey_year=2025)
    assert outcome.updated == 4  # the workbook had 2025 already: a corrected table updates in place
    assert rows(trust, select(SurveyScore.score, SurveyScore.responses).where(
        SurveyScore.survey_year == 2025, SurveyScore.metric_code == "ENG")) == [(6.9, 3098)]
    assert rows(trust, select(BenchmarkScore.best, BenchmarkScore.average, BenchmarkScore.worst,
                              BenchmarkScore.organisations).where(
        BenchmarkScore.survey_year == 2025, BenchmarkScore.metric_code == "PP1",
        BenchmarkScore.benchmark_group == "Acute and Acute & Community Trusts")) == [(7.9, 7.2, 6.5, None)]


def test_preview_counts_without_writing(trust: Engine) -> None:
    before, stats = table_snapshot(trust), row_counts(trust)
    outcome = preview(trust, KINDS["attendance"], "report.csv", teams_report(), options())
    assert (outcome.rows, outcome.added, outcome.problems) == (5, 5, [])
    corrected = preview(trust, KINDS["sessions"], "s.csv", csv_bytes([dict(SESSIONS[0], host_roles="Chief Executive"),
                                                                      SESSIONS[1]]), options())
    assert (corrected.added, corrected.updated, corrected.unchanged) == (0, 1, 1)
    assert (table_snapshot(trust), row_counts(trust)) == (before, stats)


def test_every_import_is_recorded(trust: Engine) -> None:
    assert rows(trust, select(ImportBatch.kind, ImportBatch.file_name, ImportBatch.imported_by, ImportBatch.outcome,
                              ImportBatch.added).order_by(ImportBatch.id)) == [
        ("survey", "benchmarks.xlsx", "test user", "success", 2 * 30 * 5),  # the trust's scores and benchmarks
        ("sessions", "sessions.csv", "test user", "success", 3),
        ("people", "people.csv", "test user", "success", 3)]
