"""A generated trust with many small groups: staff groups, divisions and bands of 1 to 9 people at each session,
and feedback by staff group of 1 to 9 items, written straight into the models so it loads in a second."""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import numpy as np
from sqlalchemy import Engine, insert

from data_access.database import upgrade
from data_access.models import Attendance, Feedback, FeedbackSubTheme, Organisation, Series, Session, Workforce
from domain import taxonomy
from domain.vocabulary import ATTENDEE_ROLE, FEEDBACK_SOURCES, SESSION_HELD, SESSION_PLANNED

ORG = "RSG"
SEED = 26
DIVISIONS = ("Medicine", "Surgery", "Women and Children's", "Clinical Support Services", "Corporate Services",
             "Estates and Facilities")
SUB_THEMES = ("workload", "rostering", "line management", "recognition", "wellbeing")
# Feedback a small group might write: a few words the searches look for, repeated across groups.
TEXTS = ("My manager listens but the rota changes too late.", "Night shift cover is thin and breaks get missed.",
         "Recognition from senior leaders would mean a lot.", "The rota is fair since the new manager started.",
         "Parking near the wards is impossible on a late shift.", "Training time is cancelled when we are short.",
         "Wellbeing support is good but hard to reach at night.", "Line managers need time for appraisals.")
SERIES_STARTS = (date(2023, 1, 1), date(2024, 1, 1), date(2025, 1, 1))
SESSIONS_PER_SERIES = 4
POOL = 900


def _key(n: int) -> str:
    return hashlib.sha256(f"small-groups-{n}".encode()).hexdigest()


def _skewed(rng: np.random.Generator, values: tuple[str, ...], size: int, unknown: float) -> list[str | None]:
    """Values drawn with steeply falling weights, so the later ones are rare; some unrecorded (None)."""
    weights = 1 / np.arange(1, len(values) + 1) ** 1.3
    drawn = rng.choice(values, size=size, p=weights / weights.sum())
    return [None if rng.random() < unknown else str(value) for value in drawn]


def _people(rng: np.random.Generator) -> list[dict]:
    groups = _skewed(rng, taxonomy.STAFF_GROUPS, POOL, 0.05)
    divisions = _skewed(rng, DIVISIONS, POOL, 0.05)
    bands = _skewed(rng, taxonomy.BANDS, POOL, 0.05)
    return [{"person_key": _key(n), "staff_group": groups[n], "division": divisions[n], "band": bands[n]}
            for n in range(POOL)]


def _sessions(org_id: int, series_ids: list[int]) -> list[dict]:
    rows = []
    for series_id, start in zip(series_ids, SERIES_STARTS):
        for n in range(SESSIONS_PER_SERIES):
            day = start + timedelta(days=21 + 70 * n)
            rows.append({"series_id": series_id, "title": f"Listening session {len(rows) + 1}",
                         "element_code": taxonomy.ELEMENT_CODES[len(rows) % 3],
                         "starts_at": datetime(day.year, day.month, day.day, 12),
                         "host_roles": "Chief People Officer", "format": "online", "status": SESSION_HELD})
    rows.append({**rows[-1], "title": "Planned session", "starts_at": datetime(2026, 12, 1, 12),
                 "status": SESSION_PLANNED})
    return rows


def _attendance(rng: np.random.Generator, session_ids: list[int], people: list[dict]) -> list[dict]:
    """Mostly new people at each session, a few coming back, so a date window one session longer adds about
    that session's people."""
    rows, order = [], rng.permutation(POOL)
    taken = 0
    for session_id in session_ids:
        size = int(rng.integers(45, 75))
        back = rng.choice(order[:taken], size=min(taken, size // 10), replace=False) if taken else np.array([], int)
        fresh = order[taken:taken + size - len(back)]
        taken += len(fresh)
        for person in np.concatenate([back, fresh]):
            rows.append({"session_id": session_id, **people[int(person)], "teams_role": ATTENDEE_ROLE,
                         "minutes_attended": 55.0})
    return rows


def _feedback(rng: np.random.Generator, session_ids: list[int]) -> list[dict]:
    rows = []
    for session_id in session_ids:
        size = int(rng.integers(30, 55))
        groups = _skewed(rng, taxonomy.STAFF_GROUPS, size, 0.3)
        for n in range(size):
            rows.append({"session_id": session_id, "source": str(rng.choice(FEEDBACK_SOURCES)),
                         "prompt": "What would make things better?", "text": str(rng.choice(TEXTS)) + f" ({n})",
                         "staff_group": groups[n], "created_at": None})
    return rows


def load_small_groups(engine: Engine) -> Engine:
    """Migrate a database and fill it with the small-groups trust."""
    upgrade(engine)
    rng = np.random.default_rng(SEED)
    people = _people(rng)
    with engine.begin() as conn:
        org_id = conn.execute(insert(Organisation).returning(Organisation.id),
                              {"ods_code": ORG, "name": "Small Groups NHS Trust",
                               "benchmark_group": "Test"}).scalar_one()
        series_ids = [conn.execute(insert(Series).returning(Series.id),
                                   {"organisation_id": org_id, "name": f"Series {n + 1}", "start_date": start,
                                    "end_date": None, "cadence": "quarterly", "description": ""}).scalar_one()
                      for n, start in enumerate(SERIES_STARTS)]
        session_ids = [conn.execute(insert(Session).returning(Session.id), row).scalar_one()
                       for row in _sessions(org_id, series_ids)]
        held = session_ids[:-1]
        conn.execute(insert(Attendance), _attendance(rng, held, people))
        feedback = _feedback(rng, held)
        ids = [conn.execute(insert(Feedback).returning(Feedback.id), row).scalar_one() for row in feedback]
        tags = [{"feedback_id": item, "sub_theme": str(theme)} for item in ids if rng.random() < 0.85
                for theme in rng.choice(SUB_THEMES, size=int(rng.integers(1, 3)), replace=False)]
        conn.execute(insert(FeedbackSubTheme), tags)
        workforce = [{"organisation_id": org_id, "as_at": date(2022, 3, 31), "staff_group": group,
                      "division": division, "headcount": int(rng.integers(5, 400))}
                     for group in taxonomy.STAFF_GROUPS for division in DIVISIONS]
        conn.execute(insert(Workforce), workforce)
    return engine
