"""The suppression module's contract: what a published count can stand for (possible_counts), and that every count
a breakdown of people shows is either hidden or a count that stands for the truth."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine

from data_access import suppression
from data_access.suppression import possible_counts
from tests.helpers import TRUST
from tests.privacy.small_groups import ORG
from tests.privacy.views import DIMENSIONS, View, Views


@pytest.mark.parametrize("published", [0, 1, 2, 9, 10, 11, 250])
def test_a_published_count_stands_for_itself_and_its_neighbours_within_half_the_base(published: int) -> None:
    counts = possible_counts(published)
    half = suppression.ROUNDING_BASE // 2
    assert published in counts
    assert list(counts) == list(range(max(published - half, 0), published + half + 1))


def test_unrounded_counts_stand_for_exactly_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suppression, "ROUNDING_BASE", 1)
    assert [list(possible_counts(n)) for n in (0, 7, 10)] == [[0], [7], [10]]


def test_counts_rounded_to_five_stand_for_two_either_side_and_never_below_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suppression, "ROUNDING_BASE", 5)
    assert [list(possible_counts(n)) for n in (0, 5, 10)] == [[0, 1, 2], [3, 4, 5, 6, 7], [8, 9, 10, 11, 12]]


def breakdowns(views: Views) -> list[View]:
    """People breakdowns with and without people filters, and feedback filtered by staff group."""
    groups = views.truth.values("staff_groups")
    quiet = views.truth.feedback["staff_group"].value_counts().index[-1]
    chosen = [views.filters(), views.filters(staff_groups=(groups[0],)), views.filters(staff_groups=tuple(groups[1:])),
              views.filters(bands=(views.truth.values("bands")[-1],))]
    return ([View(kind, filters, d) for filters in chosen for kind in ("representation", "people_by_series")
             for d in DIMENSIONS] + [View("first_and_returning", filters) for filters in chosen]
            + [View(kind, views.filters(staff_groups=(quiet,)))
               for kind in ("sub_theme_by_series", "sub_theme_by_element")])


@pytest.mark.parametrize("dataset", ["sample", "small groups"])
def test_every_count_a_breakdown_shows_stands_for_its_true_count(dataset: str, seeded_engine: Engine,
                                                                 small_groups_engine: Engine) -> None:
    engine, org = (seeded_engine, TRUST) if dataset == "sample" else (small_groups_engine, ORG)
    views = Views(engine, org)
    wrong = [(view.label(), key, shown, views.true(view).get(key, 0)) for view in breakdowns(views)
             for key, shown in views.shown(view).cells.items()
             if shown is not None and views.true(view).get(key, 0) not in possible_counts(shown)]
    shown = sum(value is not None for view in breakdowns(views) for value in views.shown(view).cells.values())
    assert shown > 100
    assert wrong == []
