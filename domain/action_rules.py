"""What makes an action in the register valid: one set of rules for the register's form and the actions import."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.vocabulary import ACTION_DONE, ACTION_STATUSES
from formats.british import long_date

EDITABLE: tuple[str, ...] = ("status", "owner", "due_date", "completed_date", "you_said", "we_did", "internal_note")
TEXT_LIMITS = {"you_said": 500, "we_did": 1000, "owner": 200, "internal_note": 2000}
REQUIRED_TEXT = {"you_said": "What staff said", "we_did": "What we did or will do", "owner": "The owner"}
FIELD_LABELS = {"status": "Status", "owner": "Owner", "due_date": "Due date", "completed_date": "Completed date",
                "you_said": "You said", "we_did": "We did", "internal_note": "Internal note"}
# A due date more than this long after the session is almost certainly a typing slip.
LONGEST_PLAN = timedelta(days=5 * 366)


@dataclass(frozen=True)
class RuleBroken:
    """One problem with an action's values: the field at fault and a sentence a user can act on."""
    field: str
    message: str


def _text_problems(values: dict) -> list[RuleBroken]:
    required = [RuleBroken(field, f"{label} is required.") for field, label in REQUIRED_TEXT.items()
                if not values.get(field)]
    too_long = [RuleBroken(field, f"{FIELD_LABELS[field]} must be {limit:,} characters or fewer "
                                  f"(it has {len(values[field]):,}).")
                for field, limit in TEXT_LIMITS.items() if len(values.get(field) or "") > limit]
    return required + too_long


def _date_problems(status: str | None, due: date | None, completed: date | None, session_date: date,
                   today: date) -> list[RuleBroken]:
    rules = [
        ("completed_date", status == ACTION_DONE and completed is None,
         "A done action needs the date it was completed."),
        ("completed_date", status != ACTION_DONE and completed is not None,
         "Only a done action has a completed date: clear it or set the status to done."),
        ("completed_date", completed is not None and completed < session_date,
         f"The completed date cannot be before the session ({long_date(session_date)})."),
        ("completed_date", completed is not None and completed > today,
         f"The completed date cannot be in the future (today is {long_date(today)})."),
        ("due_date", due is not None and due < session_date,
         f"The due date cannot be before the session ({long_date(session_date)})."),
        ("due_date", due is not None and due > session_date + LONGEST_PLAN,
         "The due date is more than five years after the session: check the year."),
    ]
    return [RuleBroken(field, message) for field, broken, message in rules if broken]


def broken_rules(values: dict, session_date: date, today: date) -> list[RuleBroken]:
    """Every problem with an action's full set of values (text, status and dates), or none."""
    status = values.get("status")
    problems = _text_problems(values)
    if status not in ACTION_STATUSES:
        problems.append(RuleBroken("status", f"Status must be one of: {', '.join(ACTION_STATUSES)}."))
    return problems + _date_problems(status, values.get("due_date"), values.get("completed_date"), session_date,
                                     today)
