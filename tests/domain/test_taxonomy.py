"""The People Promise taxonomy: codes, names, aliases and staff groups, as docs/data-model.md lists them."""
from __future__ import annotations

import pytest

from domain import taxonomy


def test_thirty_scores_and_sub_scores_in_design_order() -> None:
    assert len(taxonomy.METRICS) == 30
    assert taxonomy.SCORE_CODES == ("PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7", "ENG", "MOR")
    assert taxonomy.ELEMENT_CODES == ("PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7")
    subs = {code: [m.code for m in taxonomy.METRICS.values() if m.parent == code] for code in taxonomy.SCORE_CODES}
    assert {code: len(children) for code, children in subs.items()} == \
        {"PP1": 4, "PP2": 0, "PP3": 2, "PP4": 3, "PP5": 2, "PP6": 2, "PP7": 2, "ENG": 3, "MOR": 3}


def test_names_and_labels() -> None:
    pp6 = taxonomy.METRICS["PP6"]
    assert (pp6.official_name, pp6.short_name, pp6.session_label) == \
        ("We work flexibly", "Work flexibly", "Flexibility")
    assert taxonomy.METRICS["PP7_2"].official_name == "Line management"
    assert taxonomy.METRICS["ENG"].session_label is None and not taxonomy.METRICS["ENG"].is_element
    assert taxonomy.element_label("PP1") == "Compassionate and inclusive"


@pytest.mark.parametrize(("name", "code"), [
    ("PP4", "PP4"), ("pp4", "PP4"), ("We are safe and healthy", "PP4"), ("Safe and healthy", "PP4"),
    ("Safety & Health", "PP4"), ("  SAFETY  and health ", "PP4"), ("wellbeing", "PP4"),
    ("Compassion & Inclusivity", "PP1"), ("Recognition & Reward", "PP2"), ("Staff Voice", "PP3"),
    ("L&D", "PP5"), ("Learning & Development", "PP5"), ("Flexibility", "PP6"), ("Team", "PP7"),
    ("Staff Engagement", "ENG"), ("theme_engagement", "ENG"), ("Morale", "MOR"), ("theme_morale", "MOR"),
    ("Raising concerns", "PP3_2"), ("PP3_2", "PP3_2"), ("Work pressure", "MOR_2"),
])
def test_resolve_metric_accepts_any_spelling(name: str, code: str) -> None:
    assert taxonomy.resolve_metric(name) == code


@pytest.mark.parametrize("name", ["", "PP8", "Parking", "theme_something"])
def test_resolve_metric_returns_none_for_unknown_names(name: str) -> None:
    assert taxonomy.resolve_metric(name) is None


@pytest.mark.parametrize(("name", "group"), [
    ("Nursing and Midwifery Registered", "Nursing and Midwifery Registered"),
    ("Registered Nursing and Midwifery", "Nursing and Midwifery Registered"),
    ("Admin & Clerical", "Administrative and Clerical"), ("AHP", "Allied Health Professionals"),
    ("medical & dental", "Medical and Dental"), ("Student", "Students"), ("Parking attendants", None),
])
def test_resolve_staff_group_accepts_esr_and_nhs_jobs_spellings(name: str, group: str | None) -> None:
    assert taxonomy.resolve_staff_group(name) == group


def test_every_esr_staff_group_resolves_to_itself() -> None:
    assert [taxonomy.resolve_staff_group(g) for g in taxonomy.STAFF_GROUPS] == list(taxonomy.STAFF_GROUPS)
    assert len(taxonomy.STAFF_GROUPS) == 9
