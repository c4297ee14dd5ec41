"""The NHS Staff Survey People Promise taxonomy: scores, sub-scores, aliases, staff groups, bands."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    code: str
    official_name: str
    short_name: str
    session_label: str | None
    parent: str | None = None

    @property
    def is_element(self) -> bool:
        """True for the seven People Promise elements (PP1 to PP7)."""
        return self.parent is None and self.code.startswith("PP")


_TOP: tuple[tuple[str, str, str, str | None, tuple[tuple[str, str], ...]], ...] = (
    ("PP1", "We are compassionate and inclusive", "Compassionate and inclusive", "Compassion & Inclusivity",
     (("PP1_1", "Compassionate culture"), ("PP1_2", "Compassionate leadership"),
      ("PP1_3", "Diversity and equality"), ("PP1_4", "Inclusion"))),
    ("PP2", "We are recognised and rewarded", "Recognised and rewarded", "Recognition & Reward", ()),
    ("PP3", "We each have a voice that counts", "Voice that counts", "Staff Voice",
     (("PP3_1", "Autonomy and control"), ("PP3_2", "Raising concerns"))),
    ("PP4", "We are safe and healthy", "Safe and healthy", "Safety & Health",
     (("PP4_1", "Health and safety climate"), ("PP4_2", "Burnout"), ("PP4_3", "Negative experiences"))),
    ("PP5", "We are always learning", "Always learning", "Learning & Development",
     (("PP5_1", "Development"), ("PP5_2", "Appraisals"))),
    ("PP6", "We work flexibly", "Work flexibly", "Flexibility",
     (("PP6_1", "Support for work-life balance"), ("PP6_2", "Flexible working"))),
    ("PP7", "We are a team", "We are a team", "Team",
     (("PP7_1", "Team working"), ("PP7_2", "Line management"))),
    ("ENG", "Staff Engagement", "Staff engagement", None,
     (("ENG_1", "Motivation"), ("ENG_2", "Involvement"), ("ENG_3", "Advocacy"))),
    ("MOR", "Morale", "Morale", None,
     (("MOR_1", "Thinking about leaving"), ("MOR_2", "Work pressure"), ("MOR_3", "Stressors"))),
)


def _build() -> dict[str, Metric]:
    metrics: dict[str, Metric] = {}
    for code, official, short, label, subs in _TOP:
        metrics[code] = Metric(code, official, short, label)
        for sub_code, sub_name in subs:
            metrics[sub_code] = Metric(sub_code, sub_name, sub_name, None, parent=code)
    return metrics


METRICS: dict[str, Metric] = _build()
SCORE_CODES: tuple[str, ...] = tuple(code for code, *_ in _TOP)
ELEMENT_CODES: tuple[str, ...] = tuple(code for code in SCORE_CODES if METRICS[code].is_element)

# The published benchmark workbook names the two themes differently from the elements.
WORKBOOK_PREFIX: dict[str, str] = {"ENG": "theme_engagement", "MOR": "theme_morale"}

_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "PP1": ("compassion and inclusivity", "compassion and inclusion", "compassionate & inclusive",
            "inclusion and compassion"),
    "PP2": ("recognition and reward", "recognition", "reward and recognition"),
    "PP3": ("voice", "staff voice", "we each have a voice", "voice that counts"),
    "PP4": ("safety and health", "health and safety", "health and wellbeing", "wellbeing"),
    "PP5": ("learning and development", "learning", "l&d", "always learning"),
    "PP6": ("flexibility", "flexible working", "working flexibly"),
    "PP7": ("team", "teamwork", "team working"),
    "ENG": ("engagement", "theme_engagement"),
    "MOR": ("theme_morale",),
}


def normalise(name: str) -> str:
    text = name.strip().lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9_]+", " ", text).strip()


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for metric in METRICS.values():
        names = [metric.code, metric.official_name, metric.short_name, metric.session_label or ""]
        if metric.parent is None:
            names += list(_EXTRA_ALIASES.get(metric.code, ()))
        for name in names:
            if name:
                table.setdefault(normalise(name), metric.code)
    return table


ALIASES: dict[str, str] = _alias_table()


def resolve_metric(name: str) -> str | None:
    """The metric code for any official name, short name, session label, code or common spelling."""
    return ALIASES.get(normalise(name))


def element_label(code: str) -> str:
    """How a chart or table names a score: its short name."""
    return METRICS[code].short_name


STAFF_GROUPS: tuple[str, ...] = (
    "Add Prof Scientific and Technic",
    "Additional Clinical Services",
    "Administrative and Clerical",
    "Allied Health Professionals",
    "Estates and Ancillary",
    "Healthcare Scientists",
    "Medical and Dental",
    "Nursing and Midwifery Registered",
    "Students",
)

STAFF_GROUP_ALIASES: dict[str, str] = {
    normalise(alias): group
    for group, aliases in {
        "Add Prof Scientific and Technic": ("Additional Professional Scientific and Technical",
                                            "AHP Scientific and Technical"),
        "Additional Clinical Services": ("Healthcare Assistants", "Support to clinical staff"),
        "Administrative and Clerical": ("Admin and Clerical", "Admin & Clerical", "Administration"),
        "Allied Health Professionals": ("AHP", "Allied Health Professional"),
        "Estates and Ancillary": ("Estates & Ancillary", "Ancillary"),
        "Healthcare Scientists": ("Healthcare Science",),
        "Medical and Dental": ("Medical & Dental", "Doctors", "Medical"),
        "Nursing and Midwifery Registered": ("Registered Nursing and Midwifery", "Nursing & Midwifery Registered",
                                             "Nurses and Midwives"),
        "Students": ("Student",),
    }.items()
    for alias in (group, *aliases)
}


def resolve_staff_group(name: str) -> str | None:
    """The ESR staff group for an ESR or NHS Jobs spelling."""
    return STAFF_GROUP_ALIASES.get(normalise(name))


BANDS: tuple[str, ...] = ("2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "Medical", "VSM")
