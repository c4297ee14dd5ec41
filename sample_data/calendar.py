"""The sample trust's three Big Conversation series, shaped on the seeds."""
from __future__ import annotations

from datetime import date, datetime, time

TRUST_CODE = "R9Z"
TRUST_NAME = "Northmoor Hospitals NHS Foundation Trust"
TRUST_GROUP = "Acute and Acute & Community Trusts"
OTHER_GROUP = "Acute Specialist Trusts"
EMAIL_DOMAIN = "northmoor.example.nhs.uk"
# The day the shipped sample files describe: later sessions are planned, earlier ones held.
SAMPLE_AS_OF = date(2026, 11, 23)

DIVISIONS: tuple[str, ...] = (
    "Medicine", "Surgery", "Women and Children's", "Clinical Support Services", "Corporate Services",
    "Estates and Facilities",
)

SERIES: tuple[dict, ...] = (
    {"name": "Series 1", "start_date": date(2022, 2, 1), "end_date": date(2022, 8, 31), "cadence": "monthly",
     "description": "The seven People Promise elements, one session each, ordered by most room for improvement."},
    {"name": "Series 2", "start_date": date(2022, 10, 1), "end_date": date(2023, 9, 30), "cadence": "every 8 weeks",
     "description": "Topics spotlighted in Series 1, explored in more detail."},
    {"name": "Series 3", "start_date": date(2024, 1, 1), "end_date": None, "cadence": "quarterly",
     "description": "Key areas of focus from the staff survey and listening to colleagues."},
)

# Series 1 took the elements in order of most room for improvement: Safety & Health first,
# Compassion & Inclusivity last (seed 002); 11 April was Flexibility, 19 May Learning & Development.
SERIES_1: tuple[tuple[date, str], ...] = (
    (date(2022, 2, 28), "PP4"), (date(2022, 4, 11), "PP6"), (date(2022, 4, 28), "PP3"), (date(2022, 5, 19), "PP5"),
    (date(2022, 6, 23), "PP7"), (date(2022, 7, 21), "PP2"), (date(2022, 8, 25), "PP1"),
)
SERIES_2_DATES: tuple[date, ...] = (
    date(2022, 10, 13), date(2022, 12, 8), date(2023, 2, 2), date(2023, 3, 30), date(2023, 5, 25),
    date(2023, 7, 20), date(2023, 9, 14),
)
SERIES_3_DATES: tuple[date, ...] = (
    date(2024, 1, 25), date(2024, 4, 18), date(2024, 7, 11), date(2024, 10, 17), date(2025, 1, 23),
    date(2025, 4, 24), date(2025, 7, 17), date(2025, 10, 16), date(2026, 1, 22), date(2026, 4, 23),
    date(2026, 7, 16), date(2026, 10, 15), date(2027, 1, 21), date(2027, 4, 22),
)
CANCELLED: frozenset[date] = frozenset({date(2025, 7, 17)})
SESSION_TIME = time(12, 0)


def at_noon(day: date) -> datetime:
    return datetime.combine(day, SESSION_TIME)
