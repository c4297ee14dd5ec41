"""Every view the suite compares, read once through the same data_access functions the pages call (ui.cached) and
kept by its arguments, as the cells it shows: a number, or None where it is hidden."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import Engine

from data_access import queries_feedback, queries_overview, queries_reach
from data_access.filters import Filters
from reports.brief import BriefReads, collect_brief
from tests.privacy.truth import SERIES_TOTAL, Truth

THRESHOLD = 10
TODAY = date(2026, 11, 23)
REACH = ("representation", "people_by_series", "first_and_returning")
FEEDBACK = ("sub_theme_by_series", "sub_theme_by_element", "verbatim")
DIMENSIONS = ("staff_group", "division", "band")


@dataclass(frozen=True)
class View:
    """One view: what is read (a query, or a brief's reach), its filters, and its breakdown or search."""
    kind: str
    filters: Filters
    detail: str = ""

    def label(self) -> str:
        """A short description for a report."""
        chosen = {name: value for name, value in self.filters.__dict__.items() if value and name != "org_code"}
        return f"{self.kind}({self.detail}) {chosen}"


@dataclass
class Shown:
    """What a view shows: its cells, the shares beside representation's people, and the items of a feedback view."""
    cells: dict[tuple, int | None]
    shares: list[dict] = field(default_factory=list)
    items: list[tuple] = field(default_factory=list)
    withheld: bool = False

    def value(self, key: tuple) -> int | None:
        return self.cells.get(key)


def _number(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def representation_shown(frame: pd.DataFrame) -> Shown:
    """People per group, with each row's shares and ratio."""
    cells = {(row["group"],): _number(row["people"]) for _, row in frame.iterrows()}
    shares = [{"group": row["group"], "people": _number(row["people"]), "share": _float(row.get("people_share")),
               "headcount": _number(row.get("headcount")), "ratio": _float(row.get("ratio"))}
              for _, row in frame.iterrows()]
    return Shown(cells, shares)


def table_shown(frame: pd.DataFrame) -> Shown:
    """A table of counts by row and column."""
    return Shown({(row, column): _number(value)
                  for row, values in frame.iterrows() for column, value in values.items()})


def returning_shown(frame: pd.DataFrame) -> Shown:
    return table_shown(frame.set_index("series")[["first_time", "returning"]])


def shares_shown(frame: pd.DataFrame) -> Shown:
    """Items per series and sub-theme, each series' items, and the shares between them."""
    cells = {(row.series, row.sub_theme): _number(row.items) for row in frame.itertuples()}
    cells |= {(row.series, SERIES_TOTAL): _number(row.series_items) for row in frame.itertuples()}
    shares = [{"series": row.series, "items": _number(row.items), "share": _float(row.share)}
              for row in frame.itertuples()]
    return Shown(cells, shares)


def verbatim_shown(found: queries_feedback.Verbatim) -> Shown:
    """How many items a search finds (None when withheld), and the items themselves."""
    items = [tuple(str(value) for value in row) for row in
             found.items[["date", "session", "prompt", "source", "text"]].itertuples(index=False)]
    return Shown({("items",): None if found.withheld else int(found.total)}, items=items, withheld=found.withheld)


class Views:
    """Views read through the app's queries and their true counts, each worked out once."""

    def __init__(self, engine: Engine, org_code: str, threshold: int = THRESHOLD) -> None:
        self.engine, self.org_code, self.threshold = engine, org_code, threshold
        self.truth = Truth.read(engine, org_code)
        self._shown: dict[View, Shown] = {}
        self._true: dict[View, dict[tuple, int]] = {}
        self._briefs: dict[int, dict[str, pd.DataFrame]] = {}
        self.failures: dict[View, str] = {}
        self.seconds: Counter = Counter()

    def filters(self, **chosen) -> Filters:
        return Filters(self.org_code, **chosen)

    def shown(self, view: View) -> Shown:
        """What the view shows, read through the query under test once."""
        if view not in self._shown:
            started = time.perf_counter()
            try:
                self._shown[view] = self._read(view)
            except ZeroDivisionError as failure:  # a view that fails shows nothing: noted, never compared
                self.failures[view] = f"{type(failure).__name__}: {failure}"
                self._shown[view] = Shown({})
            self.seconds[view.kind] += time.perf_counter() - started
        return self._shown[view]

    def true(self, view: View) -> dict[tuple, int]:
        """The view's true counts, from the raw rows."""
        if view not in self._true:
            self._true[view] = self._count(view)
        return self._true[view]

    def read_count(self) -> int:
        return len(self._shown)

    def _read(self, view: View) -> Shown:
        e, f, t = self.engine, view.filters, self.threshold
        readers: dict[str, Callable[[], Shown]] = {
            "representation": lambda: representation_shown(queries_reach.representation(e, f, view.detail, t, TODAY)),
            "people_by_series": lambda: table_shown(queries_reach.people_by_series(e, f, view.detail, t)),
            "first_and_returning": lambda: returning_shown(queries_reach.first_and_returning(e, f, t)),
            "sub_theme_by_series": lambda: shares_shown(queries_feedback.sub_theme_by_series(e, f, t)),
            "sub_theme_by_element": lambda: table_shown(queries_feedback.sub_theme_by_element(e, f, t)),
            "verbatim": lambda: verbatim_shown(queries_feedback.verbatim(e, f, view.detail, t)),
            "people_reached": lambda: Shown({("people",): queries_overview.people_reached(e, f)}),
            "brief": lambda: representation_shown(self._brief_reach(f.sessions[0])[view.detail]),
        }
        return readers[view.kind]()

    def _brief_reach(self, session_id: int) -> dict[str, pd.DataFrame]:
        """A session brief's reach, gathered as the brief page gathers it."""
        if session_id not in self._briefs:
            brief = collect_brief(BriefReads.bound_to(self.engine), session_id, TODAY, self.threshold)
            self._briefs[session_id] = brief.reach
        return self._briefs[session_id]

    def brief_filters(self, session_id: int) -> Filters:
        """The population a brief's reach counts: the session's element up to its day."""
        rows = self.truth.attendance[self.truth.attendance["session_id"] == session_id].iloc[0]
        return self.filters(elements=(rows["element_code"],), date_to=min(rows["day"], TODAY))

    def _count(self, view: View) -> dict[tuple, int]:
        truth, f = self.truth, view.filters
        counters: dict[str, Callable[[], dict[tuple, int]]] = {
            "representation": lambda: truth.people(f, view.detail),
            "people_by_series": lambda: truth.people_by_series(f, view.detail),
            "first_and_returning": lambda: truth.first_and_returning(f),
            "sub_theme_by_series": lambda: truth.sub_theme_by_series(f),
            "sub_theme_by_element": lambda: truth.sub_theme_by_element(f),
            "verbatim": lambda: {("items",): len(truth.matching(f, view.detail))},
            "people_reached": lambda: {("people",): int(truth.attended(f)["person_key"].nunique())},
            "brief": lambda: truth.people(self.brief_filters(f.sessions[0]), view.detail),
        }
        return counters[view.kind]()

    def hidden(self, view: View) -> dict[tuple, int]:
        """The view's hidden cells that stand for somebody, with their true counts."""
        shown = self.shown(view)
        if view in self.failures:
            return {}
        return {key: n for key, n in self.true(view).items() if n > 0 and shown.value(key) is None}

    def as_representation(self, view: View) -> View:
        """The representation view counting the same people as a brief's reach (or the view itself)."""
        if view.kind == "brief":
            return View("representation", self.brief_filters(view.filters.sessions[0]), view.detail)
        return view

    def cached_breakdowns(self, filters: Filters) -> list[View]:
        """Representation views of these filters already read, by any dimension."""
        return [view for view in (View("representation", filters, d) for d in DIMENSIONS) if view in self._shown]

    def read_views(self) -> list[View]:
        """Every view read so far."""
        return list(self._shown)
