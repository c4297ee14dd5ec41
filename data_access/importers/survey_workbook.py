"""Read the NHS Staff Survey benchmark workbook: one sheet per benchmarking group, one row per organisation.

The group's name is taken from org_type_reporting_name, since sheet names are cut to 31 characters."""
from __future__ import annotations

import re

import pandas as pd

from data_access.importers.errors import ImportProblem, ImportRefused
from data_access.importers.workbook import read_sheets
from domain import taxonomy

COLUMN = re.compile(r"^(?P<prefix>PP\d|theme_engagement|theme_morale)(?:_(?P<sub>\d+))?_(?P<year>\d{4})$",
                    re.IGNORECASE)
PREFIX_CODE = {"theme_engagement": "ENG", "theme_morale": "MOR"}
REQUIRED = ("org_id", "org_name", "org_type_reporting_name")


def metric_for_column(name: str) -> tuple[str, int] | None:
    """(metric code, survey year) for a workbook column such as PP3_2_2024, or None for other columns."""
    match = COLUMN.match(name.strip())
    if not match:
        return None
    prefix = match["prefix"]
    parent = PREFIX_CODE.get(prefix.lower(), prefix.upper())
    code = f"{parent}_{match['sub']}" if match["sub"] else parent
    return (code, int(match["year"])) if code in taxonomy.METRICS else None


def read_workbook(raw: bytes, org_codes: set[str] | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(organisations, scores, benchmarks). org_codes None takes every organisation; each one taken gets its group's
    benchmarks, computed over the whole group with it included, so they are the same whichever trusts are taken."""
    sheets = {name: sheet.infer_objects() for name, sheet in read_sheets(raw).items()}
    orgs, scores, benchmarks = [], [], []
    for sheet_name, sheet in sheets.items():
        missing = [c for c in REQUIRED if c not in sheet.columns]
        if missing:
            raise ImportRefused([ImportProblem(1, c, f"this column is missing on sheet {sheet_name!r}")
                                 for c in missing])
        for group, members in sheet.groupby("org_type_reporting_name", sort=False):
            long = _long(members)
            ours = long["org_code"].isin(org_codes) if org_codes is not None else pd.Series(True, index=long.index)
            scores.append(long[ours])
            chosen = members[members["org_id"].isin(org_codes)] if org_codes is not None else members
            benchmarks.append(_group_stats(long, str(group)).merge(
                pd.DataFrame({"org_code": chosen["org_id"]}), how="cross"))
            orgs.append(pd.DataFrame({"ods_code": chosen["org_id"], "name": chosen["org_name"],
                                      "benchmark_group": group}))
    return (pd.concat(orgs, ignore_index=True), pd.concat(scores, ignore_index=True),
            pd.concat(benchmarks, ignore_index=True))


def _long(sheet: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation, metric and year, with that year's responses."""
    found = {c: metric_for_column(str(c)) for c in sheet.columns}
    metric_columns = {c: m for c, m in found.items() if m}
    long = sheet.melt(id_vars=["org_id"], value_vars=list(metric_columns), var_name="column", value_name="score")
    long["metric_code"] = long["column"].map(lambda c: metric_columns[c][0])
    long["survey_year"] = long["column"].map(lambda c: metric_columns[c][1])
    long["score"] = pd.to_numeric(long["score"], errors="coerce")
    responses = sheet.filter(regex=r"^responses_\d{4}$").assign(org_id=sheet["org_id"]).melt(
        id_vars=["org_id"], var_name="column", value_name="responses")
    responses["survey_year"] = responses["column"].str[-4:].astype(int)
    long = long.merge(responses.drop(columns="column"), on=["org_id", "survey_year"], how="left")
    return long.rename(columns={"org_id": "org_code"})[["org_code", "survey_year", "metric_code", "score", "responses"]]


def _group_stats(long: pd.DataFrame, group: str) -> pd.DataFrame:
    """Best, average (median) and worst per score and year over every organisation in the group, the trust
    included, as the national benchmark reports compute them; organisations counts those with a score."""
    stats = long.groupby(["survey_year", "metric_code"], as_index=False).agg(
        best=("score", "max"), average=("score", "median"), worst=("score", "min"), organisations=("score", "count"))
    # Every score, morale included, is higher-is-better, so the maximum is the best.
    stats.insert(0, "benchmark_group", group)
    return stats
