"""Everything in a facilitator's session brief, gathered once for the page and both downloads."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from functools import partial
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from data_access import queries_brief, queries_overview, queries_reach
from data_access.filters import Filters
from domain import taxonomy


@dataclass(frozen=True)
class BriefReads:
    """The reads a brief is gathered from, each called without the database handle: the app's cached reads
    (ui.cached), or the queries bound to an engine (bound_to)."""
    session_detail: Callable[[int], dict | None]
    top_sub_themes: Callable[[int], pd.DataFrame]
    earlier_sessions: Callable[[int], pd.DataFrame]
    quotes: Callable[[int, tuple[str, ...]], pd.DataFrame]
    open_actions: Callable[[int, date], pd.DataFrame]
    done_since_last_session: Callable[[int, date], pd.DataFrame]
    survey_trends: Callable[[str, tuple[str, ...]], pd.DataFrame]
    session_markers: Callable[[Filters], pd.DataFrame]
    representation: Callable[[Filters, str, int, date], pd.DataFrame]

    @classmethod
    def bound_to(cls, engine: Engine) -> BriefReads:
        """The queries themselves, uncached, on this database."""
        queries: dict[str, Callable[..., Any]] = {
            "quotes": queries_brief.verbatim, "survey_trends": queries_overview.survey_trends,
            "session_markers": queries_overview.session_markers, "representation": queries_reach.representation}
        return cls(**{field.name: partial(queries.get(field.name) or getattr(queries_brief, field.name), engine)
                      for field in fields(cls)})


@dataclass(frozen=True)
class Brief:
    session: dict
    earlier: pd.DataFrame
    sub_themes: pd.DataFrame
    verbatim: pd.DataFrame
    open_actions: pd.DataFrame
    done_since: pd.DataFrame
    scores: pd.DataFrame
    markers: pd.DataFrame
    # Reach on the element up to the session against the workforce, suppressed: {"staff_group": frame, ...}.
    reach: dict[str, pd.DataFrame]
    produced_on: date

    @property
    def element(self) -> str:
        return taxonomy.METRICS[self.session["element_code"]].official_name

    @property
    def session_date(self) -> date:
        return pd.Timestamp(self.session["starts_at"]).date()

    @property
    def score_codes(self) -> tuple[str, ...]:
        """The element's score and then its sub-scores."""
        return score_codes(self.session["element_code"])

    @property
    def last_session(self) -> date | None:
        """The last held session on the element before this one."""
        same = self.earlier[self.earlier["relation"] == "Same element"]
        return None if same.empty else same["starts_at"].max().date()


def score_codes(element: str) -> tuple[str, ...]:
    return (element, *(m.code for m in taxonomy.METRICS.values() if m.parent == element))


REACH_DIMENSIONS = {"staff_group": "Staff group", "division": "Division"}


def collect_brief(reads: BriefReads, session_id: int, today: date, threshold: int) -> Brief | None:
    """The brief for a session, or None if there is no such session; `threshold` is the suppression threshold."""
    session = reads.session_detail(session_id)
    if session is None:
        return None
    element = session["element_code"]
    themes = reads.top_sub_themes(session_id)
    day = pd.Timestamp(session["starts_at"]).date()
    reach_filters = Filters(session["org_code"], elements=(element,), date_to=min(day, today))
    return Brief(
        session=session,
        earlier=reads.earlier_sessions(session_id),
        sub_themes=themes,
        verbatim=reads.quotes(session_id, tuple(themes["sub_theme"])),
        open_actions=reads.open_actions(session_id, today),
        done_since=reads.done_since_last_session(session_id, today),
        scores=reads.survey_trends(session["org_code"], score_codes(element)),
        markers=reads.session_markers(Filters(session["org_code"], elements=(element,))),
        reach={dimension: reads.representation(reach_filters, dimension, threshold, today)
               for dimension in REACH_DIMENSIONS},
        produced_on=today,
    )
