"""What the brief says, shared by the page, the Markdown and the PDF: its sections in order (heading, rows, columns,
what it says when there are none), the facts and the column headings. Each of the three walks BRIEF."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import NamedTuple

import pandas as pd

from domain.thresholds import ROUNDING_BASE, UNDER_REACHED
from domain.vocabulary import HIDDEN
from formats.british import counted, long_date
from reports.brief import REACH_DIMENSIONS, Brief

SECTIONS = {
    "earlier": "Earlier sessions on this element and related topics",
    "raised": "What staff raised before, by sub-theme",
    "open": "Open and overdue actions on this element",
    "scores": "NHS Staff Survey scores against the benchmarking group",
    "reach": "Who has been reached on this element, against the workforce",
}
REACH_COLUMNS = {"group": "Group", "people": "People reached", "people_share": "Share reached",
                 "workforce_share": "Share of workforce", "ratio": "Ratio", "note": "Note"}

EARLIER_COLUMNS = {"starts_at": "Date", "title": "Session", "element": "Element", "host_roles": "Host role(s)",
                   "attendance": "Attended", "key_themes": "Key themes", "relation": "Why listed"}
ACTION_COLUMNS = {"you_said": "You said", "we_did": "We will", "owner": "Owner", "status": "Status",
                  "due_date": "Due", "overdue": "Overdue"}
DONE_COLUMNS = {"you_said": "You said", "we_did": "We did", "owner": "Owner", "completed_date": "Completed"}
SCORE_COLUMNS = {"score_name": "Score", "survey_year": "Survey year", "score": "Our trust", "best": "Group best",
                 "average": "Group average", "worst": "Group worst"}
# How the group's figures are taken, as the NHS benchmark reports take them.
SCORES_NOTE = ("Group best, average (the median) and worst are over every organisation in the trust's benchmarking "
               "group, the trust included.")


def cover_line(brief: Brief) -> str:
    return (f"Brief for \"{brief.session['title']}\" on {long_date(brief.session_date)}, produced on "
            f"{long_date(brief.produced_on)}.")


def facts(brief: Brief) -> list[tuple[str, str]]:
    """The session at a glance, as (label, value) pairs."""
    session = brief.session
    return [("People Promise element", brief.element), ("Topic", session["title"]),
            ("Date", long_date(brief.session_date)), ("Host role(s)", session["host_roles"].replace(";", ",")),
            ("Series", session["series"]), ("Format", session["format"].capitalize()),
            ("Status", session["status"].capitalize())]


def verbatim_source(item: Mapping) -> str:
    """Where a comment was said: a row of the brief's verbatim frame, as a Series or a record."""
    return f"{item['session_title']}, {long_date(item['session_date'])}"


class Raised(NamedTuple):
    """A sub-theme raised at earlier sessions: its name as a heading, its item count, its newest comments."""
    heading: str
    items: int
    quotes: list[tuple[str, str]]  # (the words, exactly as written; where and when they were said)

    @property
    def title(self) -> str:
        """'workload (1 item)', '(12 items)': the heading over its comments."""
        return f"{self.heading} ({counted(self.items, 'item')})"


def raised(sub_themes: pd.DataFrame, verbatim: pd.DataFrame) -> list[Raised]:
    """The most raised sub-themes in order, each with its comments in the verbatim frame's order."""
    quotes = defaultdict(list)
    records = verbatim[["text", "session_title", "session_date"]].to_dict("records")
    for theme, record in zip(verbatim["sub_theme"], records):
        quotes[theme].append((record["text"], verbatim_source(record)))
    return [Raised(theme.capitalize(), int(items), quotes[theme])
            for theme, items in zip(sub_themes["sub_theme"], sub_themes["items"])]


def done_heading(brief: Brief) -> str:
    since = brief.last_session
    return f"Done since the last session on this element ({long_date(since)})" if since \
        else "Done on this element so far"


def score_rows(brief: Brief) -> pd.DataFrame:
    """The element's score and sub-scores per year as text to two places ('not published' for a gap), named."""
    scores = brief.scores.assign(survey_year=brief.scores["survey_year"].astype(str))
    for column in ("score", "best", "average", "worst"):
        scores[column] = scores[column].map(lambda v: "not published" if pd.isna(v) else f"{v:.2f}")
    return scores


def reach_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Representation as text: hidden counts say so, shares as percentages, under-reached groups flagged."""
    def percent(value: float | None) -> str:
        return "" if value is None or pd.isna(value) else f"{100 * float(value):.1f}%"
    ratio = frame["ratio"].astype("float64")
    return pd.DataFrame({
        "group": frame["group"],
        "people": [(HIDDEN if pd.isna(n) else f"{int(n):,}") for n in frame["people"]],
        "people_share": frame["people_share"].map(percent), "workforce_share": frame["workforce_share"].map(percent),
        "ratio": ["" if pd.isna(r) else f"{r:.2f}" for r in ratio],
        "note": ["Under-reached" if r < UNDER_REACHED else "" for r in ratio.fillna(1)]})


def reach_caption(brief: Brief) -> str:
    up_to = long_date(min(brief.session_date, brief.produced_on))
    return (f"People who attended sessions on this element up to {up_to}, by group, against the latest workforce "
            f"figures. A ratio of 1 means in proportion; under {UNDER_REACHED} is flagged as under-reached. Counts are "
            f"rounded to the nearest {ROUNDING_BASE} and small numbers hidden.")


def open_action_rows(brief: Brief) -> pd.DataFrame:
    """Open actions with overdue ones marked in words."""
    return brief.open_actions.assign(overdue=brief.open_actions["overdue"].map({True: "Overdue", False: ""}))


def reach_by_dimension(brief: Brief) -> pd.DataFrame:
    """Representation by every dimension, one after another, each row naming its dimension."""
    return pd.concat([reach_rows(brief.reach[dimension]).assign(dimension=dimension)
                      for dimension in REACH_DIMENSIONS], ignore_index=True)


class Section(NamedTuple):
    """One part of the brief, the same on the page, in the Markdown and in the PDF."""
    key: str
    heading: Callable[[Brief], str]
    rows: Callable[[Brief], pd.DataFrame]
    columns: dict[str, str]
    empty: str
    minor: bool = False  # a sub-heading within the section before


BRIEF: tuple[Section, ...] = (
    Section("earlier", lambda _: SECTIONS["earlier"], lambda b: b.earlier, EARLIER_COLUMNS,
            "This is the first session on this element."),
    Section("raised", lambda _: SECTIONS["raised"], lambda b: b.sub_themes, {},
            "Nothing has been recorded on this element before."),
    Section("open", lambda _: SECTIONS["open"], open_action_rows, ACTION_COLUMNS, "No open actions on this element."),
    Section("done", done_heading, lambda b: b.done_since, DONE_COLUMNS,
            "No actions on this element were completed in that time.", minor=True),
    Section("scores", lambda _: SECTIONS["scores"], score_rows, SCORE_COLUMNS,
            "No survey scores are loaded for this element."),
    Section("reach", lambda _: SECTIONS["reach"], reach_by_dimension, REACH_COLUMNS,
            "No one has attended a session on this element yet."),
)
