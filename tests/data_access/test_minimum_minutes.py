"""BC_MIN_MINUTES: attendance shorter than the minimum drops out of every count of attendance and reach (the
Overview, reach, the brief and the exports); by default (0) anyone who joined counts."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access import queries_brief as qb
from data_access import queries_overview as q
from data_access import queries_reach as qr
from data_access.filters import Filters
from data_access.models import Attendance, Series, Session
from data_access.queries_admin import sessions_export
from data_access.suppression import published
from tests.helpers import TRUST

AS_OF = date(2026, 11, 23)
ALL = Filters(TRUST)


def attended(engine: Engine) -> pd.DataFrame:
    """Every attendee's row at a held session, with its series and minutes, read as stored."""
    query = (select(Attendance.session_id, Attendance.person_key, Attendance.minutes_attended, Series.name,
                    Attendance.staff_group)
             .join(Session, Session.id == Attendance.session_id).join(Series, Series.id == Session.series_id)
             .where(Attendance.teams_role == "Attendee", Session.status == "held"))
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).all(), columns=["session_id", "person_key", "minutes", "series",
                                                          "staff_group"])


@pytest.fixture
def at_three_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_MIN_MINUTES", "3")


def test_the_sample_has_seven_attendances_under_three_minutes(seeded_engine: Engine) -> None:
    assert (attended(seeded_engine)["minutes"] < 3).sum() == 7


def test_the_overviews_figures_leave_out_attendance_under_the_minimum(seeded_engine: Engine, at_three_minutes) -> None:
    rows = attended(seeded_engine)
    kept = rows[rows["minutes"] >= 3]
    headline = q.headline_by_series(seeded_engine, ALL, AS_OF).set_index("name")
    assert headline["attendances"].to_dict() == kept.groupby("series").size().to_dict()
    assert headline["people_reached"].to_dict() == kept.groupby("series")["person_key"].nunique().to_dict()
    assert q.people_reached(seeded_engine, ALL) == kept["person_key"].nunique() < rows["person_key"].nunique()
    markers = q.session_markers(seeded_engine, ALL).set_index("session_id")
    per_session = kept.groupby("session_id").size()
    assert markers.loc[per_session.index, "attendance"].to_dict() == per_session.to_dict()


def test_reach_the_brief_and_the_export_leave_it_out_too(seeded_engine: Engine, at_three_minutes) -> None:
    rows = attended(seeded_engine)
    kept = rows[rows["minutes"] >= 3]
    per_session = kept.groupby("session_id").size()
    reach = qr.representation(seeded_engine, ALL, "staff_group", 1, AS_OF)
    by_group = kept.groupby("staff_group", dropna=False)["person_key"].nunique()
    assert reach.set_index("group")["people"].sum() == sum(published(int(n)) for n in by_group)  # each rounded
    returning = qr.first_and_returning(seeded_engine, ALL, 1)
    assert (returning["first_time"].sum()) == kept["person_key"].nunique()  # everyone's first time, once
    exported = sessions_export(seeded_engine).set_index("id")
    assert exported.loc[per_session.index, "attendance"].to_dict() == per_session.to_dict()
    later = _a_later_session_on_the_element_of(seeded_engine, rows[rows["minutes"] < 3])
    listed = qb.earlier_sessions(seeded_engine, later).set_index("session_id")["attendance"]
    shortened = [i for i in listed.index if i in set(rows[rows["minutes"] < 3]["session_id"])]
    assert shortened and {i: listed[i] for i in shortened} == {i: per_session.get(i, 0) for i in shortened}


def _a_later_session_on_the_element_of(engine: Engine, short: pd.DataFrame) -> int:
    """A session after one with a short attendance, on the same element: its brief lists that one as earlier."""
    query = select(Session.id, Session.element_code, Session.starts_at).order_by(Session.starts_at)
    with engine.connect() as conn:
        sessions = pd.DataFrame(conn.execute(query).all(), columns=["id", "element", "starts_at"]).set_index("id")
    first = sessions.loc[short["session_id"]].sort_values("starts_at").iloc[0]
    later = sessions[(sessions["element"] == first["element"]) & (sessions["starts_at"] > first["starts_at"])]
    return int(later.index[0])


def test_by_default_everyone_who_joined_counts(seeded_engine: Engine) -> None:
    rows = attended(seeded_engine)
    headline = q.headline_by_series(seeded_engine, ALL, AS_OF).set_index("name")
    assert headline["attendances"].to_dict() == rows.groupby("series").size().to_dict()
