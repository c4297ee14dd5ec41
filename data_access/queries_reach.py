"""Who the sessions reach: people by staff group, division or band against the workforce, and first-time
against returning attenders. Every breakdown of people is suppressed (data_access.suppression)."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, ScalarSelect, case, distinct, func, literal, select

from data_access.database import read_frame
from data_access.filters import (
    UNKNOWN,
    Filters,
    apply,
    apply_people,
    counted_attendance,
    organisation_id,
    sessions_joined,
)
from data_access.models import Attendance, Organisation, Series, Session, Workforce
from data_access.suppression import publish_column, publish_table, published
from domain.vocabulary import SESSION_HELD

DIMENSIONS = {"staff_group": "Staff group", "division": "Division", "band": "Band"}
# Only these have a workforce headcount to compare with.
WORKFORCE_DIMENSIONS = ("staff_group", "division")


def _group(dimension: str):
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown breakdown {dimension!r}; choose one of {', '.join(DIMENSIONS)}")
    return func.coalesce(getattr(Attendance, dimension), literal(UNKNOWN))


def division_names(engine: Engine, org_code: str) -> list[str]:
    """Divisions in the workforce figures or the attendance of the organisation, alphabetically."""
    org = organisation_id(org_code)
    workforce = select(Workforce.division).distinct().where(Workforce.organisation_id == org)
    attended = _attended([Attendance.division], Filters(org_code)).where(Attendance.division.is_not(None)).distinct()
    with engine.connect() as conn:
        return sorted(set(conn.execute(workforce).scalars()) | set(conn.execute(attended).scalars()))


def _attended(columns: list, filters: Filters):
    """A query over attendees of held sessions within the filters, people filters included."""
    query = sessions_joined(select(*columns).select_from(Session).join(Attendance, Attendance.session_id == Session.id))
    return apply_people(apply(query.where(Session.status == SESSION_HELD, counted_attendance()), filters), filters)


def _people_by(engine: Engine, filters: Filters, dimension: str) -> pd.Series:
    group = _group(dimension)
    query = _attended([group, func.count(distinct(Attendance.person_key))], filters).group_by(group)
    frame = read_frame(engine, query, ["group", "people"])
    return frame.set_index("group")["people"]


def workforce_snapshot(org_code: str, on: date) -> ScalarSelect:
    """The date of the latest workforce snapshot on or before `on`, or the earliest when none is."""
    org = organisation_id(org_code)
    before = select(func.max(Workforce.as_at)).where(Workforce.organisation_id == org, Workforce.as_at <= on)
    first = select(func.min(Workforce.as_at)).where(Workforce.organisation_id == org)
    return select(func.coalesce(before.scalar_subquery(), first.scalar_subquery())).scalar_subquery()


def _workforce_by(engine: Engine, filters: Filters, dimension: str, on: date) -> pd.Series:
    """Headcount per group, within the staff group and division filters (the workforce has no bands)."""
    if dimension not in WORKFORCE_DIMENSIONS:
        return pd.Series(dtype="int64")
    group = getattr(Workforce, dimension)
    query = (select(group, func.sum(Workforce.headcount))
             .join(Organisation, Organisation.id == Workforce.organisation_id)
             .where(Organisation.ods_code == filters.org_code,
                    Workforce.as_at == workforce_snapshot(filters.org_code, on))
             .group_by(group))
    if filters.staff_groups:
        query = query.where(Workforce.staff_group.in_(filters.staff_groups))
    if filters.divisions:
        query = query.where(Workforce.division.in_(filters.divisions))
    return read_frame(engine, query, ["group", "headcount"]).set_index("group")["headcount"]


def representation(engine: Engine, filters: Filters, dimension: str, threshold: int, today: date) -> pd.DataFrame:
    """Per group: people reached, their share of people whose group is known, the workforce headcount and
    share, and the representation ratio (1 = reached in proportion; under 1 = under-reached)."""
    people = _people_by(engine, filters, dimension)
    whole = _people_by(engine, filters.without_demographics(), dimension) if filters.demographic else None
    workforce = _workforce_by(engine, filters, dimension, filters.date_to or today)
    groups = list(workforce.sort_values(ascending=False).index)
    groups += sorted(set(people.index) - set(groups) - {UNKNOWN}) + ([UNKNOWN] if UNKNOWN in people.index else [])
    frame = pd.DataFrame({"group": groups, "people": people.reindex(groups).fillna(0).astype(int).to_numpy()})
    # Shares and ratios are taken from published figures only: the count of people whose group is known, rounded as
    # any count is, and each group's published count. An exact total would give a hidden group away by subtraction.
    exact_known = int(frame.loc[frame["group"] != UNKNOWN, "people"].sum())
    known = published(exact_known)
    frame = publish_column(frame, "people", threshold,
                           None if whole is None else whole.reindex(groups).set_axis(frame.index))
    frame["people_share"] = frame["people"].astype("Float64") / known if known else pd.Series(pd.NA, index=frame.index,
                                                                                               dtype="Float64")
    frame.loc[frame["group"] == UNKNOWN, "people_share"] = pd.NA
    headcount = workforce.reindex(groups)
    frame["headcount"] = headcount.astype("Int64").to_numpy()
    frame["workforce_share"] = (headcount / workforce.sum()).astype("Float64").to_numpy()
    frame["ratio"] = _ratio(frame["people"], known, frame["headcount"], int(workforce.sum()))
    frame.loc[frame["group"] == UNKNOWN, "ratio"] = pd.NA
    return frame


def _ratio(people: pd.Series, known: int, headcount: pd.Series, total: int) -> pd.Series:
    """Share of people reached over share of the workforce, from the counts in one division and never rounded: the
    quotient of two rounded shares can fall just short of a threshold it meets (8% of 10% gives 0.7999...)."""
    if not known or not total:
        return pd.Series(pd.NA, index=people.index, dtype="Float64")
    return (people.astype("Float64") * total) / (headcount.astype("Float64") * known)


def nobody_reached(frame: pd.DataFrame) -> bool:
    """True when a representation frame counts no one at all: the filters select nobody."""
    return bool(frame["people"].notna().all() and not frame["people"].any())


def people_by_series(engine: Engine, filters: Filters, dimension: str, threshold: int) -> pd.DataFrame:
    """People reached per series (rows, in order) and group (columns), suppressed as one table."""
    group = _group(dimension)

    def table(chosen: Filters) -> pd.DataFrame:
        query = _attended([Series.name, Series.start_date, group, func.count(distinct(Attendance.person_key))],
                          chosen).group_by(Series.name, Series.start_date, group)
        frame = read_frame(engine, query, ["series", "start_date", "group", "people"])
        return (frame.pivot_table(index=["start_date", "series"], columns="group", values="people", fill_value=0)
                .droplevel("start_date").rename_axis(index=None, columns=None))

    counts = table(filters)
    whole = table(filters.without_demographics()) if filters.demographic else None
    return publish_table(counts, threshold, whole)


def first_and_returning(engine: Engine, filters: Filters, threshold: int) -> pd.DataFrame:
    """Per series: people at their first Big Conversation ever, and people who had come before."""
    def table(chosen: Filters) -> pd.DataFrame:
        # One pass over the organisation's attendance: each person's first session comes from a window over all of
        # it, and the filters only mark which rows are counted (a join back by person needed an index on person_key,
        # which made every import's inserts land at random in a million-entry index).
        seen = (_attended([Series.name, Series.start_date, Attendance.person_key,
                           func.min(Session.starts_at).over(partition_by=Attendance.person_key).label("first_at"),
                           case((_attended([literal(1)], chosen).whereclause, 1)).label("chosen")],
                          Filters(chosen.org_code))
                .subquery())
        is_new = seen.c.first_at >= seen.c.start_date
        query = (select(seen.c.name, seen.c.start_date, func.count(distinct(case((is_new, seen.c.person_key)))),
                        func.count(distinct(case((~is_new, seen.c.person_key)))))
                 .where(seen.c.chosen == 1).group_by(seen.c.name, seen.c.start_date).order_by(seen.c.start_date))
        return read_frame(engine, query, ["series", "start_date", "first_time", "returning"]).set_index("series")

    counts = table(filters).drop(columns="start_date")
    if not filters.demographic:
        return counts.astype("Int64").reset_index()
    whole = table(filters.without_demographics()).drop(columns="start_date")
    return publish_table(counts, threshold, whole).reset_index()
