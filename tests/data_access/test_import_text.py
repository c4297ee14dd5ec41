"""Text in imported files, the same on SQLite and PostgreSQL, at the dry run as at the commit: NUL characters and
text longer than its column are refused by row and column, text that was UTF-8 read as Windows-1252 is put right,
and a file mixing UTF-8 and Windows-1252 lines is read right."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.importers.errors import ImportRefused
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import preview
from data_access.models import ImportBatch, Session
from tests.helpers import table_snapshot
from tests.import_files import SESSIONS, WORKBOOK, csv_bytes, deployed, options, run


@pytest.fixture
def trust(migrated_engine: Engine) -> Engine:
    return deployed(migrated_engine)


def sessions(encoding: str = "utf-8", **change) -> bytes:
    return csv_bytes([dict(SESSIONS[0], **change), SESSIONS[1]], encoding)


def workbook_with(column: str, value: str) -> bytes:
    sheets = pd.read_excel(io.BytesIO(WORKBOOK), sheet_name=None)
    first = next(iter(sheets))
    sheets[first][column] = sheets[first][column].astype(object)
    sheets[first].loc[sheets[first]["org_id"] == "R9Z", column] = value
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for name, sheet in sheets.items():
            sheet.to_excel(book, sheet_name=name, index=False)
    return out.getvalue()


REFUSED = [
    ("nul-in-utf-16-text", "sessions", sessions("utf-16", title="Safety\x00Conversation"), {},
     "row 2, column C: holds a NUL character, which cannot be stored"),
    ("nul-in-a-heading", "sessions", sessions("utf-16").replace("title".encode("utf-16-le"),
                                                                 "ti\x00tle".encode("utf-16-le")), {},
     "row 1, column C: holds a NUL character"),
    ("series-name-too-long", "sessions", sessions(series="S" * 101), {},
     "row 2, column series: longer than the 100 characters this field holds"),
    ("organisation-code-of-50-characters", "survey", workbook_with("org_id", "R" * 50), {"org_code": "R" * 50},
     "column org_id: on sheet 'Acute and Acute Community': longer than the 10 characters this field holds"),
    ("a-cell-longer-than-excel-allows", "sessions", sessions(key_themes="x" * 40_000), {},
     "row 2, column I: holds more than the 32,767 characters a cell can"),
]


@pytest.mark.parametrize(("kind", "raw", "given", "message"), [pytest.param(*r[1:], id=r[0]) for r in REFUSED])
def test_the_dry_run_refuses_what_the_commit_would(trust: Engine, kind, raw, given, message) -> None:
    dry = preview(trust, KINDS[kind], "file.csv", raw, options(**given))
    assert any(message in str(p) for p in dry.problems), [str(p) for p in dry.problems]
    before = table_snapshot(trust)
    with pytest.raises(ImportRefused) as refused:
        run(trust, kind, raw, "na\x00me.csv", **given)
    assert any(message in line for line in str(refused.value).splitlines())
    after = table_snapshot(trust)
    assert {k: v for k, v in after.items() if k != "import_batch"} == \
        {k: v for k, v in before.items() if k != "import_batch"}
    with trust.connect() as conn:
        assert conn.execute(select(ImportBatch.file_name, ImportBatch.outcome).order_by(ImportBatch.id.desc())
                            .limit(1)).one() == ("name.csv", "refused")


def test_text_that_was_utf8_read_as_windows_1252_is_put_right_with_a_warning(trust: Engine) -> None:
    outcome = run(trust, "sessions", sessions(title="Caf\u00c3\u00a9 conversation \u00e2\u20ac\u201c Ward 3"))
    assert [str(w) for w in outcome.warnings] == [
        "row 2, column title: the text was UTF-8 read as Windows-1252 (like \u2018caf\u00c3\u00a9\u2019); it is read "
        "again as UTF-8"]
    with trust.connect() as conn:
        titles = set(conn.execute(select(Session.title)).scalars())
    assert "Caf\u00e9 conversation \u2013 Ward 3" in titles


def test_a_file_of_utf8_and_windows_1252_lines_is_read_line_by_line(trust: Engine) -> None:
    header_and_first = csv_bytes([dict(SESSIONS[0], title="Caf\u00e9 r\u00e9union")]).rstrip(b"\r\n")
    second = csv_bytes([dict(SESSIONS[1], title="Na\u00efve \u2018quotes\u2019")], "cp1252").split(b"\r\n")[1]
    run(trust, "sessions", header_and_first + b"\r\n" + second + b"\r\n")
    with trust.connect() as conn:
        titles = set(conn.execute(select(Session.title)).scalars())
    assert {"Caf\u00e9 r\u00e9union", "Na\u00efve \u2018quotes\u2019"} <= titles
