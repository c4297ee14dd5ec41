"""Everything in a facilitator's session brief, gathered once for the page and both downloads."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from domain import taxonomy
from data_access.filters import Filters

# run(module, query name, *plain arguments): ui.context.query in the app, the queries themselves in tests.
Runner = Callable[..., object]


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


def collect_brief(run: Runner, session_id: int, today: date, threshold: int) -> Brief | None:
    """The brief for a session, or None if there is no such session; `threshold` is the suppression threshold."""
    session = run("brief", "session_detail", session_id)
    if session is None:
        return None
    element = session["element_code"]
    themes = run("brief", "top_sub_themes", session_id)
    day = pd.Timestamp(session["starts_at"]).date()
    reach_filters = Filters(session["org_code"], elements=(element,), date_to=min(day, today))
    return Brief(
        session=session,
        earlier=run("brief", "earlier_sessions", session_id),
        sub_themes=themes,
        verbatim=run("brief", "verbatim", session_id, tuple(themes["sub_theme"])),
        open_actions=run("brief", "open_actions", session_id, today),
        done_since=run("brief", "done_since_last_session", session_id, today),
        scores=run("overview", "survey_trends", session["org_code"], score_codes(element)),
        markers=run("overview", "session_markers", Filters(session["org_code"], elements=(element,))),
        reach={dimension: run("reach", "representation", reach_filters, dimension, threshold, today)
               for dimension in REACH_DIMENSIONS},
        produced_on=today,
    )
