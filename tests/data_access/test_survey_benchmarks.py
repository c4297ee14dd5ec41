"""Each trust's survey benchmarks are its own: over its whole benchmarking group, the trust included (the NHS
convention), whichever trusts are imported and in whatever order; another trust's import never changes them."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access.models import BenchmarkScore, Organisation
from tests.import_files import run

ACUTE = "Acute and Acute & Community Trusts"
AMBULANCE = "Ambulance Trusts"
COLUMNS = ["org_id", "org_name", "org_type_reporting_name", "PP1_2025", "theme_engagement_2025", "responses_2025"]
# PP1 2025 over all five: best 7.6, median 7.25, worst 6.9 (leaving RA1 out the median would be 7.275).
# Engagement: P03 has no score, so over four: best 7.2, median 6.9 (of 6.6, 6.8, 7.0, 7.2), worst 6.6.
ACUTE_ROWS = [["RA1", "Trust One", ACUTE, 7.10, 6.8, 2100], ["RA2", "Trust Two", ACUTE, 7.30, 7.0, 3100],
              ["P03", "Peer Three", ACUTE, 6.90, None, 1500], ["P04", "Peer Four", ACUTE, 7.60, 7.2, 2500],
              ["P05", "Peer Five", ACUTE, 7.25, 6.6, 1900]]
AMBULANCE_ROWS = [["AM1", "Lone Ambulance", AMBULANCE, 6.5, 6.2, 1200]]
PUBLISHED = {"PP1": (7.6, 7.25, 6.9, 5), "ENG": (7.2, 6.9, 6.6, 4)}


def workbook(acute_rows: list[list] = ACUTE_ROWS) -> bytes:
    """The NHS layout: one sheet per benchmarking group, one row per organisation."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as book:
        pd.DataFrame(acute_rows, columns=COLUMNS).to_excel(book, sheet_name="Acute and Acute Community", index=False)
        pd.DataFrame(AMBULANCE_ROWS, columns=COLUMNS).to_excel(book, sheet_name="Ambulance", index=False)
    return buffer.getvalue()


def benchmarks(engine: Engine) -> dict[tuple[str, str], tuple]:
    """(trust, score) → (best, average, worst, organisations) for 2025 (to nine places: a median is a float's sum)."""
    query = (select(Organisation.ods_code, BenchmarkScore.metric_code, BenchmarkScore.best, BenchmarkScore.average,
                    BenchmarkScore.worst, BenchmarkScore.organisations)
             .join(Organisation, Organisation.id == BenchmarkScore.organisation_id)
             .where(BenchmarkScore.survey_year == 2025))
    with engine.connect() as conn:
        return {(row[0], row[1]): (*(round(v, 9) for v in row[2:5]), row[5]) for row in conn.execute(query)}


def import_trust(engine: Engine, code: str, raw: bytes | None = None) -> None:
    run(engine, "survey", raw or workbook(), "benchmarks.xlsx", org_code=code)


@pytest.mark.parametrize("order", [("RA1", "RA2"), ("RA2", "RA1")])
def test_two_trusts_of_one_group_get_the_published_benchmarks_in_either_order(migrated_engine: Engine,
                                                                               order: tuple[str, str]) -> None:
    import_trust(migrated_engine, order[0])
    first = benchmarks(migrated_engine)
    import_trust(migrated_engine, order[1])
    after = benchmarks(migrated_engine)
    expected = {(code, metric): figures for code in order for metric, figures in PUBLISHED.items()}
    assert after == expected
    assert {key: after[key] for key in first} == first  # the first trust's were not touched


def test_another_trusts_import_from_a_newer_workbook_leaves_the_first_trusts_alone(migrated_engine: Engine) -> None:
    import_trust(migrated_engine, "RA1")
    revised = [[*row[:3], 8.4, *row[4:]] if row[0] == "P04" else row for row in ACUTE_ROWS]
    import_trust(migrated_engine, "RA2", workbook(revised))
    stored = benchmarks(migrated_engine)
    assert stored[("RA1", "PP1")] == PUBLISHED["PP1"]
    assert stored[("RA2", "PP1")] == (8.4, 7.25, 6.9, 5)


def test_a_trust_alone_in_its_group_is_its_own_benchmark_and_keeps_it(migrated_engine: Engine) -> None:
    import_trust(migrated_engine, "AM1")
    import_trust(migrated_engine, "RA1")
    stored = benchmarks(migrated_engine)
    assert stored[("AM1", "PP1")] == (6.5, 6.5, 6.5, 1)
    assert stored[("AM1", "ENG")] == (6.2, 6.2, 6.2, 1)


def test_the_same_workbook_again_changes_nothing(migrated_engine: Engine) -> None:
    import_trust(migrated_engine, "RA1")
    again = run(migrated_engine, "survey", workbook(), "benchmarks.xlsx", org_code="RA1")
    assert (again.added, again.updated) == (0, 0)
