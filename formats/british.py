"""British formats for dates and numbers."""
from __future__ import annotations

from datetime import date


def long_date(day: date | None) -> str:
    """'11 April 2022'."""
    return f"{day.day} {day:%B %Y}" if day else ""


def month_year(day: date | None) -> str:
    return f"{day:%B %Y}" if day else "present"


def whole(number: int | float) -> str:
    return f"{number:,.0f}"


def one_or_many(number: int, singular: str, plural: str) -> str:
    """The word that agrees with a count: one_or_many(1, "was", "were") is "was"."""
    return singular if number == 1 else plural


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun: '1 item', '2 items', '1,234 people'."""
    return f"{whole(number)} {one_or_many(number, noun, plural or noun + 's')}"


def percent_points(part: float, whole_: float) -> float:
    return round(100 * part / whole_, 1) if whole_ else 0.0


def percent(part: float, whole_: float) -> str:
    return f"{percent_points(part, whole_):.1f}%" if whole_ else "n/a"



def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
