"""The app's words, each defined once: action and session statuses, feedback sources, session formats, Teams roles,
how a session is named and how a hidden figure reads. Models, importers, queries, charts, reports and pages build
on these (docs/data-model.md)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.thresholds import ROUNDING_BASE
from formats.british import counted, long_date, one_or_many

# Actions ("You said, we did"): open until done or dropped.
ACTION_PLANNED, ACTION_COMING_SOON, ACTION_IN_PROGRESS = "planned", "coming soon", "in progress"
ACTION_DONE, ACTION_DROPPED = "done", "dropped"
OPEN_ACTION_STATUSES: tuple[str, ...] = (ACTION_PLANNED, ACTION_COMING_SOON, ACTION_IN_PROGRESS)
ACTION_STATUSES: tuple[str, ...] = (*OPEN_ACTION_STATUSES, ACTION_DONE, ACTION_DROPPED)
# Where an action stands, as the progress chart shows it: an open action is on track or overdue.
ON_TRACK, OVERDUE = "on track", "overdue"
PROGRESS_LABELS: dict[str, str] = {ACTION_DONE: "Done", ON_TRACK: "Open, on track", OVERDUE: "Open, overdue",
                                   ACTION_DROPPED: "Dropped"}
PROGRESS_STATES: tuple[str, ...] = tuple(PROGRESS_LABELS)
# Dropped actions are not shared with staff; the rest are named as a sentence begins.
SHARED_ACTION_STATUSES: dict[str, str] = {status: status.capitalize() for status in ACTION_STATUSES
                                          if status != ACTION_DROPPED}

# Sessions.
SESSION_PLANNED, SESSION_HELD, SESSION_CANCELLED = "planned", "held", "cancelled"
SESSION_STATUSES: tuple[str, ...] = (SESSION_PLANNED, SESSION_HELD, SESSION_CANCELLED)
SESSION_FORMATS: tuple[str, ...] = ("online", "in person", "hybrid")

# Where a feedback item came from; a feedback import takes the first when no column says.
FEEDBACK_SOURCES: tuple[str, ...] = ("board", "form", "breakout", "email")
DEFAULT_FEEDBACK_SOURCE, FORM_SOURCE = FEEDBACK_SOURCES[:2]

# Sub-theme tags: a person (or a coded import) confirmed it, or a model suggested it with a confidence. Confirmed tags
# are what trends count by default; a later model never overwrites them.
TAG_CONFIRMED, TAG_SUGGESTED = "confirmed", "suggested"
TAG_STATUSES: tuple[str, ...] = (TAG_CONFIRMED, TAG_SUGGESTED)
# How an organisation's sub-theme list changed, as its audit records it.
SUB_THEME_ADDED, SUB_THEME_RENAMED, SUB_THEME_MERGED = "added", "renamed", "merged"
SUB_THEME_RETIRED, SUB_THEME_RESTORED, SUB_THEME_DESCRIBED = "retired", "restored", "described"
SUB_THEME_CHANGES: tuple[str, ...] = (SUB_THEME_ADDED, SUB_THEME_RENAMED, SUB_THEME_MERGED, SUB_THEME_RETIRED,
                                      SUB_THEME_RESTORED, SUB_THEME_DESCRIBED)
# How one item's tags changed, as its audit records it.
TAG_ADDED, TAG_REMOVED, TAG_ACCEPTED = "added", "removed", "accepted"
TAG_CHANGES: tuple[str, ...] = (TAG_ADDED, TAG_REMOVED, TAG_ACCEPTED)

# A Teams attendance report's roles, most senior first; only attendees count as reached.
TEAMS_ROLES: tuple[str, ...] = ("Organizer", "Presenter", "Attendee")
ATTENDEE_ROLE = TEAMS_ROLES[-1]

# How any figure withheld for small numbers reads, in tables, charts, reports and downloads.
HIDDEN = "hidden"


def protected(threshold: int) -> str:
    """How counts by a demographic are protected, said the same way wherever they are shown."""
    return (f"To protect anonymity, counts of people or their feedback by staff group, division or band are rounded "
            f"to the nearest {ROUNDING_BASE}, and any under {threshold} is hidden, with enough others that none can "
            "be worked out by comparing views.")


def comments_withheld(threshold: int, sessions: int) -> str:
    """Why comments picked out by staff group are not all shown, and what can be read instead."""
    return (f"Comments are shown by staff group only from sessions where every staff group made none or at least "
            f"{threshold} of the matching comments, so that no one's words can be picked out by comparing one view "
            f"with another. {counted(sessions, 'session')} with matching comments {one_or_many(sessions, 'is', 'are')} "
            "left out here. Remove the staff-group filter to read every matching comment, from all staff.")


def one_of(column: str, values: Iterable[str]) -> str:
    """A CHECK constraint's SQL that a column holds one of these words: "status in ('a', 'b')"."""
    return f"{column} in ({', '.join(repr(value) for value in values)})"


def session_name(starts_at: datetime, title: str, note: str | None = None) -> str:
    """How a session is named wherever one is chosen or cited: '11 April 2022 · Staff Voice (held)'."""
    label = f"{long_date(starts_at.date())} · {title}"
    return f"{label} ({note})" if note else label
