"""While BC_PERSON_KEY_SECRET is the public sample value, real attendance and staff lists are refused with a
message saying how to set one; the shipped sample files and generated sample data still load."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine

from data_access.config import SAMPLE_SECRET, load_settings
from data_access.importers.errors import ImportRefused
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit
from data_access.queries_admin import row_counts
from tests.helpers import teams_reports
from tests.import_files import IMPORTER, PEOPLE, csv_bytes, deployed, options, teams_report

HOW_TO_SET = "Set BC_PERSON_KEY_SECRET to a long random value"


@pytest.fixture
def trust(migrated_engine: Engine) -> Engine:
    return deployed(migrated_engine)


@pytest.mark.parametrize(("kind", "raw"), [("attendance", teams_report()), ("people", csv_bytes(PEOPLE))],
                         ids=["attendance", "people"])
def test_real_people_are_refused_under_the_sample_secret(trust: Engine, kind: str, raw: bytes) -> None:
    before = row_counts(trust)
    with pytest.raises(ImportRefused) as refused:
        commit(trust, KINDS[kind], "real.csv", raw, options(secret=SAMPLE_SECRET), IMPORTER)
    assert str(refused.value).startswith("BC_PERSON_KEY_SECRET is not set, so people would be keyed with the public "
                                         "sample secret")
    assert HOW_TO_SET in str(refused.value) and "secrets.token_hex(32)" in str(refused.value)
    assert row_counts(trust) == before


def test_generated_sample_data_may_use_the_sample_secret(trust: Engine) -> None:
    outcome = commit(trust, KINDS["attendance"], "synthetic.csv", teams_report(),
                     options(secret=SAMPLE_SECRET, synthetic=True), IMPORTER)
    assert outcome.added == 5


def test_a_shipped_sample_report_may_use_the_sample_secret(seeded_engine: Engine) -> None:
    report = teams_reports()[0]
    with seeded_engine.connect() as conn:
        prepared = KINDS["attendance"].prepare(conn, report.read_bytes(), options(secret=SAMPLE_SECRET, org_code="R9Z"))
    assert prepared.rows > 0 and not prepared.problems


def test_the_setting_still_defaults_to_the_sample_secret() -> None:
    assert load_settings({}).person_key_secret == SAMPLE_SECRET
