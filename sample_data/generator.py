"""Seeded synthetic data at any size: one trust, a large trust, or a regional roll-up.

Everything here is invented. People appear only as pseudonymous participant labels and
example.nhs.uk addresses, as a Teams report would carry them; hosts and owners are role titles.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from domain import taxonomy
from sample_data import calendar, text_bank
from sample_data.survey import survey_workbook


@dataclass(frozen=True)
class Tier:
    name: str
    organisations: int
    attendance: tuple[int, int]
    feedback: tuple[int, int]
    workforce: tuple[int, int]
    weekly: bool = False
    sessions_per_org: int = 0


TIERS: dict[str, Tier] = {
    "trust": Tier("trust", 1, (20, 150), (15, 80), (6000, 6000)),
    "large": Tier("large", 1, (150, 235), (330, 440), (12000, 12000), weekly=True),
    "regional": Tier("regional", 200, (80, 170), (40, 85), (4000, 8000), sessions_per_org=40),
}

# Who comes: relative propensity to attend by staff group, so that reach is uneven as it is in life.
ATTEND_PROPENSITY = {
    "Add Prof Scientific and Technic": 1.0, "Additional Clinical Services": 0.6, "Administrative and Clerical": 1.8,
    "Allied Health Professionals": 1.3, "Estates and Ancillary": 0.35, "Healthcare Scientists": 0.9,
    "Medical and Dental": 0.4, "Nursing and Midwifery Registered": 1.0, "Students": 0.5,
}
STAFF_GROUP_SHARE = {
    "Add Prof Scientific and Technic": 0.05, "Additional Clinical Services": 0.19, "Administrative and Clerical": 0.22,
    "Allied Health Professionals": 0.08, "Estates and Ancillary": 0.07, "Healthcare Scientists": 0.02,
    "Medical and Dental": 0.13, "Nursing and Midwifery Registered": 0.23, "Students": 0.01,
}
GROUP_BANDS = {
    "Medical and Dental": ("Medical",), "Students": ("2", "3"),
    "Administrative and Clerical": ("2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "VSM"),
    "Estates and Ancillary": ("2", "3", "4", "5"), "Additional Clinical Services": ("2", "3", "4"),
}
DEFAULT_BANDS = ("5", "6", "7", "8a", "8b")
GROUP_DIVISION_BIAS = {
    "Estates and Ancillary": "Estates and Facilities", "Administrative and Clerical": "Corporate Services",
    "Healthcare Scientists": "Clinical Support Services",
    "Add Prof Scientific and Technic": "Clinical Support Services",
}
FORMATS = ("online", "online", "online", "hybrid", "in person")


@dataclass
class RawDataset:
    """Generated data as the outside world holds it (names and emails included), before import."""
    organisations: pd.DataFrame
    series: pd.DataFrame
    sessions: pd.DataFrame
    people: pd.DataFrame
    attendance: pd.DataFrame
    feedback: pd.DataFrame
    actions: pd.DataFrame
    workforce: pd.DataFrame
    survey_sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    as_of: date = calendar.SAMPLE_AS_OF


def generate(tier: str = "trust", seed: int = 2022) -> RawDataset:
    """Generate a whole dataset for a tier, the same every time for the same seed."""
    spec = TIERS[tier]
    rng = np.random.default_rng(seed)
    orgs = _organisations(spec)
    series, sessions = _calendar(spec, orgs, rng)
    people, workforce = _people_and_workforce(spec, orgs, rng)
    attendance = _attendance(spec, sessions, people, rng)
    feedback = _feedback(spec, sessions, rng)
    actions = _actions(sessions, rng)
    sheets = survey_workbook(orgs, rng)
    return RawDataset(orgs, series, sessions, people, attendance, feedback, actions, workforce, sheets)


def _organisations(spec: Tier) -> pd.DataFrame:
    rows = [{"ods_code": calendar.TRUST_CODE, "name": calendar.TRUST_NAME, "benchmark_group": calendar.TRUST_GROUP}]
    for i in range(1, spec.organisations):
        rows.append({"ods_code": f"Z{i:03d}", "name": f"Synthetic Region Trust {i:03d}",
                     "benchmark_group": calendar.TRUST_GROUP})
    return pd.DataFrame(rows)


def _calendar(spec: Tier, orgs: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    series_rows, session_rows = [], []
    for org_code in orgs["ods_code"]:
        plan = _trust_plan(rng) if spec.sessions_per_org == 0 and not spec.weekly else _regular_plan(spec, rng)
        for s in calendar.SERIES:
            series_rows.append({"org_code": org_code, **s})
        for starts_at, series_name, element, title, themes in plan:
            status = _status(starts_at)
            session_rows.append({
                "org_code": org_code, "series": series_name, "title": title, "element_code": element,
                "starts_at": starts_at, "host_roles": _hosts(rng), "format": str(rng.choice(FORMATS)),
                "status": status, "key_themes": "; ".join(themes) if status == "held" else "",
                "recording_url": _link(org_code, starts_at, "recording") if status == "held" else "",
                "slides_url": _link(org_code, starts_at, "slides") if status != "cancelled" else "",
            })
    return pd.DataFrame(series_rows), pd.DataFrame(session_rows)


def _status(starts_at: datetime) -> str:
    if starts_at.date() in calendar.CANCELLED:
        return "cancelled"
    return "held" if starts_at.date() < calendar.SAMPLE_AS_OF else "planned"


def _link(org_code: str, starts_at: datetime, kind: str) -> str:
    return f"https://intranet.{org_code.lower()}.example.nhs.uk/big-conversation/{starts_at:%Y-%m-%d}/{kind}"


def _hosts(rng: np.random.Generator) -> str:
    count = 2 if rng.random() < 0.25 else 1
    return "; ".join(rng.choice(text_bank.HOST_ROLES, size=count, replace=False))


def _key_themes(element: str, rng: np.random.Generator) -> tuple[str, ...]:
    themes = text_bank.KEY_THEMES[element]
    return tuple(rng.choice(themes, size=4, replace=False))


def _trust_plan(rng: np.random.Generator) -> list[tuple[datetime, str, str, str, tuple[str, ...]]]:
    plan = []
    for day, element in calendar.SERIES_1:
        label = taxonomy.METRICS[element].session_label
        plan.append((calendar.at_noon(day), "Series 1", element, f"{label} Conversation", _key_themes(element, rng)))
    spotlights = _interleaved(text_bank.SPOTLIGHT_TOPICS)
    for n, day in enumerate(calendar.SERIES_2_DATES + calendar.SERIES_3_DATES):
        element, title, themes = spotlights[n % len(spotlights)]
        series_name = "Series 2" if day < calendar.SERIES[2]["start_date"] else "Series 3"
        plan.append((calendar.at_noon(day), series_name, element, title, tuple(themes)))
    return plan


def _interleaved(topics: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    """Topics reordered so that consecutive sessions take different elements."""
    by_element: dict[str, list] = {}
    for topic in topics:
        by_element.setdefault(topic[0], []).append(topic)
    rounds = max(len(v) for v in by_element.values())
    return [group[r] for r in range(rounds) for group in by_element.values() if r < len(group)]


def _regular_plan(spec: Tier, rng: np.random.Generator) -> list[tuple[datetime, str, str, str, tuple[str, ...]]]:
    first = date(2022, 1, 6)
    if spec.weekly:
        days = [first + timedelta(weeks=w) for w in range(260)]
    else:
        offsets = rng.choice(1780, size=spec.sessions_per_org, replace=False)
        days = sorted(first + timedelta(days=int(d)) for d in offsets)
    plan = []
    for day in days:
        element, title, themes = text_bank.SPOTLIGHT_TOPICS[int(rng.integers(len(text_bank.SPOTLIGHT_TOPICS)))]
        series_name = next(s["name"] for s in reversed(calendar.SERIES) if s["start_date"] <= day) \
            if day >= calendar.SERIES[0]["start_date"] else "Series 1"
        plan.append((calendar.at_noon(day), series_name, element, title, tuple(themes)))
    return plan


def _people_and_workforce(spec: Tier, orgs: pd.DataFrame,
                          rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    groups = list(STAFF_GROUP_SHARE)
    shares = np.array(list(STAFF_GROUP_SHARE.values()))
    people_frames, workforce_rows = [], []
    for org_code in orgs["ods_code"]:
        size = int(rng.integers(spec.workforce[0], spec.workforce[1] + 1))
        staff_group = rng.choice(groups, size=size, p=shares / shares.sum())
        division = np.array([_division(g, rng) for g in staff_group])
        band = np.array([str(rng.choice(GROUP_BANDS.get(g, DEFAULT_BANDS))) for g in staff_group])
        domain = calendar.EMAIL_DOMAIN if org_code == calendar.TRUST_CODE else f"{org_code.lower()}.example.nhs.uk"
        people_frames.append(pd.DataFrame({
            "org_code": org_code, "email": [f"staff{n:05d}@{domain}" for n in range(size)],
            "name": [f"Participant {org_code}-{n:05d}" for n in range(size)],
            "staff_group": staff_group, "division": division, "band": band,
        }))
        counts = pd.DataFrame({"staff_group": staff_group, "division": division}).value_counts()
        for year in range(2022, 2027):
            growth = 1 + 0.015 * (year - 2022)
            for (group, div), n in counts.items():
                workforce_rows.append({"org_code": org_code, "as_at": date(year, 3, 31), "staff_group": group,
                                       "division": div, "headcount": round(n * growth / 1.06)})
    return pd.concat(people_frames, ignore_index=True), pd.DataFrame(workforce_rows)


def _division(group: str, rng: np.random.Generator) -> str:
    bias = GROUP_DIVISION_BIAS.get(group)
    if bias and rng.random() < 0.7:
        return bias
    clinical = calendar.DIVISIONS[:4]
    return str(rng.choice(calendar.DIVISIONS if group == "Administrative and Clerical" else clinical))


def _attendance(spec: Tier, sessions: pd.DataFrame, people: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    frames = []
    weights_all = people["staff_group"].map(ATTEND_PROPENSITY).to_numpy()
    by_org = {code: idx.to_numpy() for code, idx in people.groupby("org_code").groups.items()}
    for org_code, org_sessions in sessions.groupby("org_code", sort=False):
        pool = by_org[org_code]
        weights = weights_all[pool] / weights_all[pool].sum()
        organiser, host_pool = pool[0], pool[1:40]
        seen: np.ndarray = np.array([], dtype=int)
        for idx, session in org_sessions.iterrows():
            if session["status"] != "held":
                continue
            n = int(rng.integers(spec.attendance[0], spec.attendance[1] + 1))
            presenters = rng.choice(host_pool, size=len(session["host_roles"].split("; ")), replace=False)
            n_back = min(len(seen), int(n * rng.uniform(0.2, 0.45)))
            back = rng.choice(seen, size=n_back, replace=False) if n_back else np.array([], dtype=int)
            fresh = rng.choice(pool, size=n + len(presenters) + 1, replace=False, p=weights)
            chosen = pd.unique(np.concatenate([back, fresh]))
            chosen = chosen[~np.isin(chosen, np.append(presenters, organiser))][:n]
            seen = np.union1d(seen, chosen)
            frames.append(_attendance_rows(idx, session["starts_at"], organiser, presenters, chosen, rng))
    raw = pd.concat(frames, ignore_index=True)
    picked = people.iloc[raw.pop("person").to_numpy()].reset_index(drop=True)
    raw["name"], raw["email"] = picked["name"], picked["email"]
    return raw


def _attendance_rows(session_idx: int, starts_at: datetime, organiser: int, presenters: np.ndarray,
                     attendees: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    length = 60 + int(rng.integers(0, 8))
    people = np.concatenate([[organiser], presenters, attendees])
    roles = ["Organizer"] + ["Presenter"] * len(presenters) + ["Attendee"] * len(attendees)
    late = np.where(np.arange(len(people)) < 1 + len(presenters), 0, rng.exponential(6, len(people)))
    early = np.where(np.arange(len(people)) < 1 + len(presenters), 0, rng.exponential(8, len(people)))
    joins = np.clip(late, 0, length - 5)
    leaves = np.clip(length - early, joins + 2, length)
    base = pd.Timestamp(starts_at)
    return pd.DataFrame({
        "session_idx": session_idx, "person": people, "teams_role": roles,
        "first_join": base + pd.to_timedelta(np.round(joins * 60), unit="s"),
        "last_leave": base + pd.to_timedelta(np.round(leaves * 60), unit="s"),
    })


SOURCES_BEFORE_2024 = ("board", "board", "board", "breakout", "form")
SOURCES_FROM_2024 = ("board", "form", "form", "breakout", "email")


def _feedback(spec: Tier, sessions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    frames = []
    for idx, session in sessions[sessions["status"] == "held"].iterrows():
        element = session["element_code"]
        bank = text_bank.FEEDBACK[element]
        prompts = text_bank.PROMPTS.get(element, text_bank.PROMPTS["default"])
        n = int(rng.integers(spec.feedback[0], spec.feedback[1] + 1))
        picks = rng.choice(len(bank), size=n, replace=n > len(bank))
        sources = SOURCES_BEFORE_2024 if session["starts_at"].year < 2024 else SOURCES_FROM_2024
        start = pd.Timestamp(session["starts_at"])
        frames.append(pd.DataFrame({
            "session_idx": idx,
            "source": rng.choice(sources, size=n),
            "prompt": [prompts[bank[i][0]] for i in picks],
            "text": [bank[i][1] for i in picks],
            "sub_themes": ["; ".join(bank[i][2]) for i in picks],
            "staff_group": [str(g) if rng.random() < 0.3 else "" for g in rng.choice(taxonomy.STAFF_GROUPS, size=n)],
            "created_at": start + pd.to_timedelta(np.sort(rng.integers(5 * 60, 60 * 60 * 24 * 5, size=n)), unit="s"),
        }))
    return pd.concat(frames, ignore_index=True)


def _actions(sessions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    as_of = calendar.SAMPLE_AS_OF
    for idx, session in sessions[sessions["status"] == "held"].iterrows():
        held = session["starts_at"].date()
        pairs = text_bank.ACTIONS[session["element_code"]]
        for k in rng.choice(len(pairs), size=int(rng.integers(2, 5)), replace=False):
            due = held + timedelta(days=int(rng.integers(45, 240)))
            status = _action_status(held, due, as_of, rng)
            completed = None
            if status == "done":
                completed = min(as_of, held + timedelta(days=int(rng.integers(20, (due - held).days + 60))))
            rows.append({"session_idx": idx, "element_code": session["element_code"], "you_said": pairs[k][0],
                         "we_did": pairs[k][1], "owner": str(rng.choice(text_bank.OWNERS)), "status": status,
                         "due_date": due, "completed_date": completed})
    return pd.DataFrame(rows)


def _action_status(held: date, due: date, as_of: date, rng: np.random.Generator) -> str:
    age = (as_of - held).days
    if age > 700:
        return str(rng.choice(["done", "done", "done", "done", "dropped", "in progress"]))
    if age > 250:
        return str(rng.choice(["done", "done", "in progress", "coming soon", "dropped"]))
    return str(rng.choice(["planned", "coming soon", "in progress", "in progress", "done"]))
