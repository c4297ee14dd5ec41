"""The Import page run whole with AppTest: only the OD team sees it; preview first, then commit, then the record."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from data_access.database import make_engine
from data_access.models import ImportBatch, Session
from data_access.queries_admin import row_counts
from tests.helpers import teams_reports
from tests.import_files import SESSIONS, csv_bytes
from tests.pages.conftest import as_read, metrics

PAGE = "pages/import.py"


@pytest.fixture
def own_url(sample_sqlite_url: str, tmp_path: Path) -> str:
    """A copy of the seeded sample that this test may write to."""
    copy = tmp_path / "sample.db"
    shutil.copy(make_url(sample_sqlite_url).database, copy)
    return f"sqlite:///{copy}"


def open_import(app, **kwargs):
    at = app(**kwargs)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("role", ["executive", "facilitator"])
def test_the_page_is_not_there_for_other_roles(app, role: str) -> None:
    at = app(role=role)
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


@pytest.mark.parametrize(("configured", "said", "held"), [(None, "20", 20), ("5", "5", 5), ("2.5", "2.5", 3)])
def test_the_uploader_offers_the_size_the_importer_accepts(app, monkeypatch, configured, said, held) -> None:
    """The browser holds to whole megabytes; the importer refuses anything over the exact limit."""
    if configured:
        monkeypatch.setenv("BC_MAX_UPLOAD_MB", configured)
    else:
        monkeypatch.delenv("BC_MAX_UPLOAD_MB", raising=False)
    uploader = open_import(app).file_uploader[0]
    assert uploader.proto.max_upload_size_mb == held
    assert uploader.proto.help == f"The largest file accepted is {said} MB."


def test_preview_counts_then_commit_lands_and_is_listed(app, own_url: str) -> None:
    at = open_import(app, database_url=own_url)
    assert [t.value for t in at.title] == ["Import data"]
    assert at.caption[0].value.endswith("The sidebar's series, element and date filters do not apply here.")
    at.selectbox(key="import_kind").set_value("sessions").run()
    new = dict(SESSIONS[2], org_code="R9Z", series="Series 3", starts_at="2027-06-10 12:00",
               title="=Voice <b>Conversation</b>")
    at.file_uploader[0].set_value(("sessions.csv", csv_bytes([new]), "text/csv")).run()
    assert not at.exception
    shown = metrics(at)
    assert (shown["Rows read"][0], shown["Added"][0], shown["Updated"][0], shown["Unchanged"][0]) == \
        ("1", "1", "0", "0")
    warnings = at.dataframe[0].value
    assert warnings["Warning"].tolist() == ["looks like a spreadsheet formula; stored as typed and neutralised in "
                                            "every export"]
    engine = make_engine(own_url)
    before = row_counts(engine)
    at.button[0].click().run()
    assert not at.exception
    assert as_read(at.success[0].value) == "Imported sessions.csv: 1 added, 0 updated, 0 unchanged, 0 skipped."
    assert row_counts(engine) == {**before, "sessions": before["sessions"] + 1, "imports": before["imports"] + 1}
    with engine.connect() as conn:
        assert conn.execute(select(Session.title).where(Session.title.like("=Voice%"))).scalar_one() == \
            "=Voice <b>Conversation</b>"
        who = conn.execute(select(ImportBatch.imported_by).order_by(ImportBatch.id.desc()).limit(1)).scalar_one()
    engine.dispose()
    assert who == "local user"
    history = at.dataframe[-1].value
    assert history.iloc[0][["Kind", "File", "Outcome", "Added"]].tolist() == ["sessions", "sessions.csv", "success", 1]
    # A time stamp the table formats as "23 November 2026, 14:05", newest first.
    assert history["When"].is_monotonic_decreasing and history["When"].iloc[0].year >= 2026
    assert json.loads(at.dataframe[-1].proto.columns)["When"]["type_config"] == \
        {"type": "datetime", "format": "D MMMM YYYY, HH:mm"}


def test_a_bad_file_shows_every_problem_and_no_commit_button(app, own_url: str) -> None:
    at = open_import(app, database_url=own_url)
    at.selectbox(key="import_kind").set_value("sessions").run()
    bad = csv_bytes([dict(SESSIONS[0], starts_at="soon"), dict(SESSIONS[1], format="webinar")])
    at.file_uploader[0].set_value(("bad.csv", bad, "text/csv")).run()
    assert not at.exception
    assert at.error[0].value.startswith("This file cannot be imported: 2 problems. Nothing has been written.")
    problems = at.dataframe[0].value
    assert problems.values.tolist() == [[2, "starts_at", "cannot read the date; write it like 25/01/2024 or "
                                                         "2024-01-25, with a time like 12:00 where one is needed"],
                                        [3, "format", "expected one of online, in person, hybrid"]]
    assert not [b for b in at.button if b.label == "Commit this import"]


def test_a_teams_report_matched_by_date_previews_as_already_there(app) -> None:
    at = open_import(app)
    at.selectbox(key="import_kind").set_value("attendance").run()
    report = teams_reports()[0]
    at.file_uploader[0].set_value((report.name, report.read_bytes(), "text/csv")).run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Added"][0] == "0" and shown["Unchanged"][0] == shown["Rows read"][0] != "0"
    assert any("organisers and presenters are kept" in c.value for c in at.caption)
