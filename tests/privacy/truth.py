"""The true counts behind every view, counted here in pandas from the raw rows: an independent oracle for the
differencing suite, sharing nothing with the queries under test but the meaning of a search."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, text

from data_access.filters import Filters
from data_access.search import matches, parse

UNKNOWN = "Unknown"
NOT_TAGGED = "Not yet tagged"
SERIES_TOTAL = "__series_items__"
PEOPLE_FIELDS = {"staff_groups": "staff_group", "divisions": "division", "bands": "band"}

ATTENDANCE_SQL = """
select s.id as session_id, s.starts_at, s.element_code, se.name as series, se.start_date, a.person_key,
       a.staff_group, a.division, a.band
from attendance a join session s on s.id = a.session_id join series se on se.id = s.series_id
join organisation o on o.id = se.organisation_id
where o.ods_code = :org and s.status = 'held' and a.teams_role = 'Attendee'"""
FEEDBACK_SQL = """
select f.id, s.id as session_id, s.starts_at, s.element_code, se.name as series, f.source, f.staff_group, f.text
from feedback f join session s on s.id = f.session_id join series se on se.id = s.series_id
join organisation o on o.id = se.organisation_id where o.ods_code = :org"""
TAGS_SQL = "select feedback_id, sub_theme from feedback_sub_theme"


@dataclass
class Truth:
    """One organisation's attended rows and feedback items, with Unknown for anything unrecorded."""
    attendance: pd.DataFrame
    feedback: pd.DataFrame

    @classmethod
    def read(cls, engine: Engine, org_code: str) -> Truth:
        """Read the raw rows once."""
        with engine.connect() as conn:
            attendance = pd.read_sql(text(ATTENDANCE_SQL), conn, params={"org": org_code})
            feedback = pd.read_sql(text(FEEDBACK_SQL), conn, params={"org": org_code})
            tags = pd.read_sql(text(TAGS_SQL), conn)
        for frame in (attendance, feedback):
            frame["day"] = pd.to_datetime(frame["starts_at"]).dt.date
        people = ["staff_group", "division", "band"]
        attendance[people] = attendance[people].fillna(UNKNOWN)
        feedback["staff_group"] = feedback["staff_group"].fillna(UNKNOWN)
        themes = tags.groupby("feedback_id")["sub_theme"].agg(lambda names: tuple(sorted(names)))
        feedback["themes"] = feedback["id"].map(themes).map(lambda t: t if isinstance(t, tuple) else (NOT_TAGGED,))
        attendance["start_date"] = pd.to_datetime(attendance["start_date"]).dt.date
        return cls(attendance, feedback)

    def session_days(self) -> list[date]:
        """The days of the held sessions, in order."""
        return sorted(set(self.attendance["day"]))

    def values(self, field: str, feedback: bool = False) -> list[str]:
        """The values of a people field that anyone has (Unknown included)."""
        frame = self.feedback if feedback else self.attendance
        return sorted(set(frame[PEOPLE_FIELDS[field]])) if PEOPLE_FIELDS[field] in frame else []

    def attended(self, filters: Filters) -> pd.DataFrame:
        """Attended rows within every filter."""
        rows = _by_session(self.attendance, filters)
        for field, column in PEOPLE_FIELDS.items():
            if getattr(filters, field):
                rows = rows[rows[column].isin(getattr(filters, field))]
        return rows

    def items(self, filters: Filters, *, ignore_sub_themes: bool = False) -> pd.DataFrame:
        """Feedback items within the filters (people filters narrow feedback by staff group only)."""
        rows = _by_session(self.feedback, filters)
        if filters.sources:
            rows = rows[rows["source"].isin(filters.sources)]
        if filters.staff_groups:
            rows = rows[rows["staff_group"].isin(filters.staff_groups)]
        if filters.sub_themes and not ignore_sub_themes:
            chosen = set(filters.sub_themes)
            rows = rows[rows["themes"].map(lambda themes: bool(chosen & set(themes)))]
        return rows

    def people(self, filters: Filters, dimension: str) -> dict[tuple, int]:
        """Distinct people per group."""
        counts = self.attended(filters).groupby(dimension)["person_key"].nunique()
        return {(group,): int(n) for group, n in counts.items()}

    def people_by_series(self, filters: Filters, dimension: str) -> dict[tuple, int]:
        counts = self.attended(filters).groupby(["series", dimension])["person_key"].nunique()
        return {key: int(n) for key, n in counts.items()}

    def first_and_returning(self, filters: Filters) -> dict[tuple, int]:
        """Per series: people whose first session ever was in or after the series' start, and the others."""
        first = self.attendance.groupby("person_key")["day"].min()
        rows = self.attended(filters).drop_duplicates(["series", "person_key"])
        is_new = rows["person_key"].map(first) >= rows["start_date"]
        counts = {}
        for series, group in rows.groupby("series"):
            new = is_new[group.index]
            counts[(series, "first_time")] = int(new.sum())
            counts[(series, "returning")] = int((~new).sum())
        return counts

    def sub_theme_by_series(self, filters: Filters) -> dict[tuple, int]:
        """Items per series and sub-theme, and each series' items (whatever the sub-theme filter)."""
        rows = self.items(filters).explode("themes")
        if filters.sub_themes:
            rows = rows[rows["themes"].isin(filters.sub_themes)]
        counts = {key: int(n) for key, n in rows.groupby(["series", "themes"]).size().items()}
        totals = self.items(filters, ignore_sub_themes=True).groupby("series").size()
        return counts | {(series, SERIES_TOTAL): int(n) for series, n in totals.items()}

    def sub_theme_by_element(self, filters: Filters) -> dict[tuple, int]:
        """Items per sub-theme and element, over every element."""
        rows = self.items(Filters(**{**filters.__dict__, "elements": ()})).explode("themes")
        if filters.sub_themes:
            rows = rows[rows["themes"].isin(filters.sub_themes)]
        return {key: int(n) for key, n in rows.groupby(["themes", "element_code"]).size().items()}

    def matching(self, filters: Filters, search: str) -> pd.DataFrame:
        """Items within the filters that the search finds."""
        rows, node = self.items(filters), parse(search)
        return rows if node is None else rows[rows["text"].map(lambda said: bool(matches(node, said)))]


def _by_session(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows within the session filters: series, element, dates and sessions."""
    keep = pd.Series(True, index=rows.index)
    if filters.series:
        keep &= rows["series"].isin(filters.series)
    if filters.elements:
        keep &= rows["element_code"].isin(filters.elements)
    if filters.date_from:
        keep &= rows["day"] >= filters.date_from
    if filters.date_to:
        keep &= rows["day"] <= filters.date_to
    if filters.sessions:
        keep &= rows["session_id"].isin(filters.sessions)
    return rows[keep]
