"""Synthetic NHS Staff Survey benchmark workbook: one sheet per benchmarking group, one row per organisation."""
from __future__ import annotations

import numpy as np
import pandas as pd

from domain import taxonomy
from sample_data import calendar

YEARS = (2021, 2022, 2023, 2024, 2025)
# National picture to centre the synthetic scores on: a dip in 2022, a slow recovery after.
YEAR_SHIFT = {2021: 0.0, 2022: -0.15, 2023: -0.05, 2024: 0.05, 2025: 0.1}
# The 2023 national "We are safe and healthy" score was not reported.
NOT_REPORTED = {("PP4", 2023)}
PEERS_IN_TRUST_GROUP = 120
SPECIALIST_PEERS = 14


def column_name(code: str, year: int) -> str:
    """The workbook's column for a metric and year: PP1_2025, PP3_2_2024, theme_engagement_2023."""
    parent, _, sub = code.partition("_")
    prefix = taxonomy.WORKBOOK_PREFIX.get(parent, parent)
    return f"{prefix}_{sub}_{year}" if sub else f"{prefix}_{year}"


def _centre(code: str) -> float:
    """A plausible national level for each score, stable across runs."""
    return 5.6 + (sum(map(ord, code)) % 17) / 10


def _sheet(orgs: list[tuple[str, str]], group_type: str, rng: np.random.Generator,
           improving: str | None) -> pd.DataFrame:
    rows = []
    for code, name in orgs:
        offset = rng.normal(0, 0.28)
        row: dict[str, object] = {"org_id": code, "org_name": name, "org_type_reporting_name": group_type}
        for metric in taxonomy.METRICS:
            metric_offset = offset + rng.normal(0, 0.12)
            for year in YEARS:
                trend = -0.25 + 0.12 * (year - 2021) if code == improving else 0.0
                value = _centre(metric) + YEAR_SHIFT[year] + metric_offset + trend + rng.normal(0, 0.05)
                missing = (metric, year) in NOT_REPORTED
                row[column_name(metric, year)] = None if missing else round(float(np.clip(value, 0, 10)), 2)
        for year in YEARS:
            row[f"responses_{year}"] = int(rng.integers(1500, 4500))
        rows.append(row)
    return pd.DataFrame(rows)


def survey_workbook(organisations: pd.DataFrame, rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    """The benchmark workbook's sheets for these organisations plus enough peers to make a group."""
    ours = list(zip(organisations["ods_code"], organisations["name"]))
    extra = max(0, PEERS_IN_TRUST_GROUP - len(ours))
    peers = [(f"Y{i:03d}", f"Synthetic Peer Trust {i:03d}") for i in range(1, extra + 1)]
    specialists = [(f"W{i:03d}", f"Synthetic Specialist Trust {i:03d}") for i in range(1, SPECIALIST_PEERS + 1)]
    return {
        "Acute and Acute Community": _sheet(ours + peers, calendar.TRUST_GROUP, rng, calendar.TRUST_CODE),
        "Acute Specialist": _sheet(specialists, calendar.OTHER_GROUP, rng, None),
    }
