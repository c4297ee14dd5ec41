"""Thresholds are tested on exact values, rounded only for display: at the boundary and just either side of it."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session as OrmSession

from charts.explorer import representation_summary
from data_access import queries_feedback as qf
from data_access import queries_reach as qr
from data_access.filters import Filters
from data_access.models import Attendance, Organisation, Series, Session, Workforce


def shares(now: dict[str, int], total_now: int) -> pd.DataFrame:
    """Two series: every sub-theme at 50 of 500 items (10%) in S1, then the given counts out of total_now in S2."""
    rows = [("S1", theme, 50, 500) for theme in now] + [("S2", theme, n, total_now) for theme, n in now.items()]
    frame = pd.DataFrame(rows, columns=["series", "sub_theme", "items", "series_items"])
    return frame.assign(share=frame["items"] / frame["series_items"])


@pytest.mark.parametrize(("items", "total", "status"), [
    (60, 500, "growing"),    # 12%: exactly 2 points up
    (599, 5000, "steady"),   # 11.98%: 1.98 points up, which rounds to 2.0
    (601, 5000, "growing"),  # 12.02%
    (40, 500, "fading"),     # 8%: exactly 2 points down
    (401, 5000, "steady"),   # 8.02%: 1.98 points down
    (399, 5000, "fading"),   # 7.98%
])
def test_growing_and_fading_start_at_exactly_two_points(items: int, total: int, status: str) -> None:
    changes = qf.theme_changes(shares({"a": items}, total)).set_index("sub_theme")
    assert changes.at["a", "status"] == status
    assert changes.at["a", "change_points"] == pytest.approx(100 * (items / total - 0.1))


def reach_trust(engine: Engine, people: dict[str, int], headcount: dict[str, int]) -> None:
    """A trust with one held session attended by so many people of each staff group, and its workforce."""
    with OrmSession(engine) as db:
        org = Organisation(ods_code="RRR", name="Reach Trust", benchmark_group="Acute")
        db.add(org)
        db.flush()
        series = Series(organisation_id=org.id, name="Series 1", start_date=date(2025, 1, 1), cadence="monthly")
        db.add(series)
        db.flush()
        session = Session(series_id=series.id, title="Talk", element_code="PP1", host_roles="CEO", format="online",
                          starts_at=datetime(2025, 2, 1, 12), status="held")
        db.add(session)
        db.flush()
        db.execute(insert(Attendance), [
            {"session_id": session.id, "person_key": f"{group}-{n}", "staff_group": group, "division": "All",
             "teams_role": "Attendee", "minutes_attended": 30.0}
            for group, count in people.items() for n in range(count)])
        db.add_all(Workforce(organisation_id=org.id, as_at=date(2025, 1, 1), staff_group=group, division="All",
                             headcount=n) for group, n in headcount.items())
        db.commit()


def test_under_reached_means_a_ratio_below_exactly_0_8(migrated_engine: Engine) -> None:
    # 2,000 people of a workforce of 1,000: A is 795 of them against half the workforce (0.795), B 160 against a
    # tenth (exactly 0.8), C 1,045 against 40% (1.30625). Multiples of 5, as published counts are.
    reach_trust(migrated_engine, {"A": 795, "B": 160, "C": 1045}, {"A": 500, "B": 100, "C": 400})
    frame = qr.representation(migrated_engine, Filters("RRR"), "staff_group", 1, date(2026, 1, 1))
    ratios = dict(zip(frame["group"], frame["ratio"]))
    assert ratios == {"A": 0.795, "B": 0.8, "C": 1.30625}
    assert representation_summary(frame, "Staff group").startswith("Under-reached (ratio below 0.8, striped orange "
                                                                   "bars): A.")
