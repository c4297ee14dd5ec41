"""Every pair of views the explorer, its downloads and the session brief can show side by side: each people filter
with one value added or removed, date windows one session apart, and the briefs of one element's sessions in turn;
then every breakdown against the totals and shares shown beside it."""
from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from data_access.filters import Filters
from tests.privacy.attacks import (
    Report,
    comments_attack,
    difference,
    series_items_attack,
    share_attack,
    total_difference,
    totals_attack,
    with_people,
)
from tests.privacy.views import DIMENSIONS, View, Views

PEOPLE_FIELDS = ("staff_groups", "divisions", "bands")
FIELD_DIMENSION = dict(zip(PEOPLE_FIELDS, DIMENSIONS))
FIXED_SEARCHES = ("", "manager", "rota OR shift")
Step = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@dataclass
class Scope:
    """How widely to look: the views whose people filters are varied, and the views compared over date windows."""
    reach: list[View]
    feedback: list[View]
    windows: list[View]


def people_steps(values: list[str]) -> Iterator[Step]:
    """(fewer, more, the difference) for each value added to or removed from a people filter: from no filter to
    one value and back, from everyone-but-one to no filter, and from one value to two."""
    for value in values:
        rest = tuple(v for v in values if v != value)
        yield (value,), (), rest
        yield rest, (), (value,)
        for other in values:
            if other != value:
                yield (other,), tuple(sorted((other, value))), (value,)


def reach_views(filters: Filters) -> list[View]:
    """Representation by each breakdown, people per series by staff group and division, first-time and returning."""
    return ([View("representation", filters, d) for d in DIMENSIONS]
            + [View("people_by_series", filters, d) for d in DIMENSIONS[:2]] + [View("first_and_returning", filters)])


def feedback_views(filters: Filters, searches: tuple[str, ...]) -> list[View]:
    return ([View("sub_theme_by_series", filters), View("sub_theme_by_element", filters)]
            + [View("verbatim", filters, search) for search in searches])


def common_words(views: Views, how_many: int = 2) -> tuple[str, ...]:
    """The feedback's most common long words, as someone exploring it would search."""
    words = Counter(word for said in views.truth.feedback["text"] for word in re.findall(r"[a-z]{6,}", said.lower()))
    return tuple(word for word, _ in words.most_common(how_many + 2) if word not in ("manager", "managers"))[:how_many]


def default_scope(views: Views) -> Scope:
    """Every reach view of the whole organisation; its feedback under several searches, and the feedback of one
    series, one source and one sub-theme; over date windows, reach by each breakdown and the feedback of the three
    staff groups with least to say."""
    truth, whole = views.truth, views.filters()
    theme = sorted({theme for themes in truth.feedback["themes"] for theme in themes})[0]
    narrower = [views.filters(series=(truth.feedback["series"].mode()[0],)),
                views.filters(sources=(truth.feedback["source"].mode()[0],)), views.filters(sub_themes=(theme,))]
    quiet = truth.feedback["staff_group"].value_counts().index[::-1][:3]
    return Scope(
        reach=reach_views(whole),
        feedback=[*feedback_views(whole, FIXED_SEARCHES + common_words(views)), View("verbatim", narrower[0], ""),
                  View("sub_theme_by_series", narrower[1]), View("sub_theme_by_element", narrower[2])],
        windows=[*reach_views(whole)[:4],
                 *(View("sub_theme_by_series", views.filters(staff_groups=(g,))) for g in quiet)])


def filter_pairs(views: Views, report: Report, base: View, fields: tuple[str, ...], feedback: bool) -> None:
    """Each people filter of the base view with one value added or removed."""
    for field in fields:
        for fewer, more, target in people_steps(views.truth.values(field, feedback)):
            small, big, aim = (with_people(base, field, chosen) for chosen in (fewer, more, target))
            difference(views, report, "filter", small, big, aim)
            if base.kind == "representation" and len(target) == 1:
                whole_group = View("representation", replace(base.filters, **{field: ()}), FIELD_DIMENSION[field])
                total_difference(views, report, small, big, whole_group, target)
            if base.kind == "verbatim" and len(target) == 1:
                comments_attack(views, report, small, big, aim)


def window_steps(days: list[date]) -> Iterator[tuple[dict, dict, dict]]:
    """(shorter, longer, the session between) for date windows one session apart, with To alone and From alone."""
    for before, after in itertools.pairwise(days):
        yield {"date_to": before}, {"date_to": after}, {"date_from": after, "date_to": after}
        yield {"date_from": after}, {"date_from": before}, {"date_from": before, "date_to": before}


def window_pairs(views: Views, report: Report, bases: list[View]) -> None:
    """Each base view over date windows one session apart."""
    for shorter, longer, between in window_steps(views.truth.session_days()):
        for base in bases:
            small, big, aim = (replace(base, filters=replace(base.filters, **dates))
                               for dates in (shorter, longer, between))
            difference(views, report, "window", small, big, aim)


def brief_pairs(views: Views, report: Report) -> None:
    """Each session brief's reach against the brief of the element's session before."""
    sessions = views.truth.attendance.drop_duplicates("session_id").sort_values("day")
    for element, held in sessions.groupby("element_code"):
        rows = list(held.itertuples())
        for before, after in itertools.pairwise(rows):
            for dimension in ("staff_group", "division"):
                small = View("brief", views.filters(sessions=(before.session_id,)), dimension)
                big = View("brief", views.filters(sessions=(after.session_id,)), dimension)
                aim = View("representation", views.filters(elements=(element,), date_from=after.day,
                                                           date_to=after.day), dimension)
                difference(views, report, "brief", small, big, aim)


def total_pairs(views: Views, report: Report) -> None:
    """Every breakdown read so far against the totals and shares shown with it or beside it."""
    for view in list(views.read_views()):
        if view.kind in ("representation", "brief"):
            totals_attack(views, report, view)
            share_attack(views, report, view)
        elif view.kind == "sub_theme_by_series":
            series_items_attack(views, report, view)


def run(views: Views, scope: Scope | None = None) -> tuple[Report, dict[str, float]]:
    """Every comparison over one dataset, with the seconds each stage took."""
    scope = scope or default_scope(views)
    report, seconds = Report(), {}
    stages = {
        "filter": lambda: [filter_pairs(views, report, base, PEOPLE_FIELDS, False) for base in scope.reach],
        "feedback": lambda: [filter_pairs(views, report, base, ("staff_groups",), True) for base in scope.feedback],
        "window": lambda: window_pairs(views, report, scope.windows),
        "brief": lambda: brief_pairs(views, report),
        "total": lambda: total_pairs(views, report),
    }
    for name, stage in stages.items():
        started = time.perf_counter()
        stage()
        seconds[name] = time.perf_counter() - started
    return report, seconds
