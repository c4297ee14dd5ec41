"""The NHS Staff Survey benchmark workbook: our scores, and best/median/worst of our whole group, us included."""
from __future__ import annotations

import io
import math

import pandas as pd
import pytest

from data_access.importers.errors import ImportRefused
from data_access.importers.survey_workbook import metric_for_column, read_workbook

ACUTE = "Acute and Acute & Community Trusts"  # 34 characters: longer than an Excel sheet name may be
SPECIALIST = "Acute Specialist Trusts"
COLUMNS = ["org_id", "org_name", "org_type_reporting_name", "PP1_2025", "PP3_2_2024", "theme_engagement_2023",
           "theme_morale_1_2021", "responses_2025", "responses_2024", "notes"]
ACUTE_ROWS = [
    ["R9Z", "Our Trust", ACUTE, 9.9, None, 6.8, 5.0, 2345, 2210, "ours"],
    ["A01", "Peer One", ACUTE, 7.0, 6.2, 7.1, 5.5, 1800, 1700, ""],
    ["A02", "Peer Two", ACUTE, 7.4, None, 6.9, 5.9, 1900, 1750, ""],
    ["A03", "Peer Three", ACUTE, 6.5, 6.6, 7.3, 4.1, 2000, 1650, ""],
]
SPECIALIST_ROWS = [
    ["S01", "Specialist One", SPECIALIST, 8.0, 7.0, 7.5, 6.0, 900, 850, ""],
    ["S02", "Specialist Two", SPECIALIST, 7.0, 6.0, 7.0, 5.0, 950, 800, ""],
]


def workbook() -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as book:
        pd.DataFrame(ACUTE_ROWS, columns=COLUMNS).to_excel(book, sheet_name=ACUTE[:31], index=False)
        pd.DataFrame(SPECIALIST_ROWS, columns=COLUMNS).to_excel(book, sheet_name="Specialist", index=False)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def ours() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return read_workbook(workbook(), {"R9Z"})


def test_only_our_organisation_is_taken_with_its_full_group_name(ours) -> None:
    orgs, _, _ = ours
    assert orgs.to_dict("records") == [{"ods_code": "R9Z", "name": "Our Trust", "benchmark_group": ACUTE}]


def test_our_scores_by_metric_and_year_with_responses(ours) -> None:
    _, scores, _ = ours
    assert set(scores["org_code"]) == {"R9Z"}
    by_metric = scores.set_index(["metric_code", "survey_year"])
    assert sorted(by_metric.index) == [("ENG", 2023), ("MOR_1", 2021), ("PP1", 2025), ("PP3_2", 2024)]
    assert by_metric.loc[("PP1", 2025), "score"] == 9.9
    assert by_metric.loc[("PP1", 2025), "responses"] == 2345
    assert by_metric.loc[("ENG", 2023), "score"] == 6.8
    assert math.isnan(by_metric.loc[("ENG", 2023), "responses"])  # no responses_2023 column
    assert by_metric.loc[("MOR_1", 2021), "score"] == 5.0


def test_a_blank_score_stays_missing_never_zero(ours) -> None:
    _, scores, _ = ours
    blank = scores[(scores["metric_code"] == "PP3_2") & (scores["survey_year"] == 2024)]["score"]
    assert len(blank) == 1 and blank.isna().all()


def test_group_best_median_worst_are_over_the_whole_group_the_trust_included(ours) -> None:
    _, _, benchmarks = ours
    stats = benchmarks.set_index(["benchmark_group", "metric_code", "survey_year"])
    columns = ["best", "average", "worst", "organisations"]
    # PP1 2025 over 9.9 (ours), 7.0, 7.4, 6.5: our 9.9 is the best and the median is of all four.
    assert stats.loc[(ACUTE, "PP1", 2025), columns].tolist() == pytest.approx([9.9, 7.2, 6.5, 4])
    assert stats.loc[(ACUTE, "PP3_2", 2024), columns].tolist() == pytest.approx([6.6, 6.4, 6.2, 2])  # blanks skipped
    assert stats.loc[(ACUTE, "MOR_1", 2021), columns].tolist() == pytest.approx([5.9, 5.25, 4.1, 4])
    assert set(benchmarks["org_code"]) == {"R9Z"}
    assert set(benchmarks["benchmark_group"]) == {ACUTE}  # only the groups of the trusts taken


def test_without_organisation_codes_every_organisation_is_taken() -> None:
    orgs, scores, benchmarks = read_workbook(workbook(), None)
    assert list(orgs["ods_code"]) == ["R9Z", "A01", "A02", "A03", "S01", "S02"]
    assert len(scores) == 6 * 4
    pp1 = benchmarks[(benchmarks["metric_code"] == "PP1") & (benchmarks["survey_year"] == 2025)].set_index("org_code")
    assert pp1.loc[["R9Z", "A01", "S01"], ["best", "average", "organisations"]].values.tolist() == [
        [9.9, 7.2, 4], [9.9, 7.2, 4], [8.0, 7.5, 2]]


def test_a_sheet_without_a_required_column_is_refused() -> None:
    buffer = io.BytesIO()
    pd.DataFrame(ACUTE_ROWS, columns=COLUMNS).drop(columns="org_name").to_excel(buffer, sheet_name="Acute", index=False)
    with pytest.raises(ImportRefused) as refused:
        read_workbook(buffer.getvalue(), {"R9Z"})
    assert [(p.row, p.column) for p in refused.value.problems] == [(1, "org_name")]
    assert "'Acute'" in str(refused.value)


@pytest.mark.parametrize(("column", "expected"), [
    ("PP1_2025", ("PP1", 2025)), ("PP3_2_2024", ("PP3_2", 2024)), ("theme_engagement_2023", ("ENG", 2023)),
    ("theme_morale_2021", ("MOR", 2021)), ("theme_morale_1_2021", ("MOR_1", 2021)), ("pp4_2022", ("PP4", 2022)),
    ("PP9_2025", None), ("PP2_1_2024", None), ("responses_2025", None), ("org_name", None), ("PP1", None),
])
def test_metric_for_column(column: str, expected: tuple[str, int] | None) -> None:
    assert metric_for_column(column) == expected
