"""The attacks: working a hidden count out from two shown figures (a difference of two views, or a total less the
other cells), and reading withheld comments off the difference of two feedback views."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import pandas as pd

from tests.privacy.intervals import Span, meet, minus, over, pinned, plus, span
from tests.privacy.truth import UNKNOWN
from tests.privacy.views import Shown, View, Views

ATTACKS = ("filter", "window", "brief", "total", "share", "comments")


@dataclass(frozen=True)
class Derived:
    """A hidden count worked out exactly, and from what."""
    attack: str
    view: View
    key: tuple
    value: int
    how: str


@dataclass
class Report:
    """How many view pairs were compared, by attack, and every hidden count and comment they gave away."""
    pairs: Counter = field(default_factory=Counter)
    derived: dict[tuple[str, View, tuple], Derived] = field(default_factory=dict)
    comments: dict[tuple[View, tuple], str] = field(default_factory=dict)

    def add(self, found: Derived) -> None:
        self.derived.setdefault((found.attack, found.view, found.key), found)

    def derived_by_attack(self) -> Counter:
        return Counter(attack for attack, _, _ in self.derived)

    def small_by_attack(self, threshold: int) -> Counter:
        """Derived counts under the threshold: the ones that single people out."""
        return Counter(d.attack for d in self.derived.values() if d.value < threshold)

    def merge(self, other: Report) -> None:
        self.pairs.update(other.pairs)
        self.derived |= other.derived
        self.comments |= other.comments


def operand(shown: Shown, key: tuple) -> Span | None:
    """A cell as a range: shown, or none at all when the view shows other cells but not this one."""
    value = shown.value(key)
    if value is not None:
        return span(value)
    absent = key not in shown.cells and any(v is not None for v in shown.cells.values())
    return (0, 0) if absent else None


def difference(views: Views, report: Report, attack: str, small: View, big: View, target: View) -> None:
    """Compare two views whose populations differ by exactly the target's: big less small, cell by cell, against
    each cell the target hides."""
    report.pairs[attack] += 1
    hidden = views.hidden(target)
    if not hidden:
        return
    shown_small, shown_big = views.shown(small), views.shown(big)
    for key, truth in hidden.items():
        whole, part = operand(shown_big, key), operand(shown_small, key)
        if whole is not None and part is not None and pinned(minus(whole, part)) == truth:
            report.add(Derived(attack, target, key, truth, f"{big.label()} less {small.label()}"))


def population_total(views: Views, view: View) -> Span | None:
    """Everyone a representation view counts, from any figure shown for the same people: the Overview's people
    reached (without people filters), or another breakdown with every cell shown."""
    filters = view.filters
    total = None
    if not filters.demographic:
        total = span(views.shown(View("people_reached", filters)).cells[("people",)])
    for other in views.cached_breakdowns(filters):
        cells = list(views.shown(other).cells.values())
        if cells and all(value is not None for value in cells):
            total = meet(total, _sum(span(value) for value in cells))
    return total


def _sum(spans) -> Span:
    result = (0, 0)
    for part in spans:
        result = plus(result, part)
    return result


def lone_hidden(views: Views, report: Report, view: View, attack: str, total: Span | None, keys: list[tuple]) -> None:
    """A total less every other shown cell, where exactly one of the keys is not shown."""
    if total is None:
        return
    report.pairs[attack] += 1
    shown = views.shown(view)
    missing = [key for key in keys if shown.value(key) is None]
    if len(missing) != 1:
        return
    rest = _sum(span(shown.value(key)) for key in keys if key not in missing)
    truth = views.true(view).get(missing[0], 0)
    if truth > 0 and pinned(minus(total, rest)) == truth:
        report.add(Derived(attack, view, missing[0], truth, f"total {total} less the rest of {view.label()}"))


def totals_attack(views: Views, report: Report, view: View) -> None:
    """A representation's lone hidden group from the people reached, or another breakdown's sum."""
    keys = list(views.shown(view).cells)
    lone_hidden(views, report, view, "total", population_total(views, views.as_representation(view)), keys)


def known_total(shown: Shown) -> Span | None:
    """The people whose group is known, as a representation's shares and ratios give it away."""
    headcount = sum(row["headcount"] or 0 for row in shown.shares)
    known = None
    for row in shown.shares:
        if not row["people"]:
            continue
        if row["share"]:
            known = meet(known, over(span(row["people"]), row["share"]))
        if row["ratio"] and row["headcount"] and headcount:
            low, high = span(row["people"])  # the people's whole range, scaled: not a range around the product
            known = meet(known, over((low * headcount, high * headcount), row["headcount"] * row["ratio"]))
    return known


def full_total(shown: Shown) -> Span | None:
    """The sum of a breakdown with every cell shown."""
    cells = list(shown.cells.values())
    return _sum(span(value) for value in cells) if cells and None not in cells else None


def share_attack(views: Views, report: Report, view: View) -> None:
    """A representation's shares give the total of people whose group is known; less the shown groups, that is a
    lone hidden group."""
    keys = [(row["group"],) for row in views.shown(view).shares if row["group"] != UNKNOWN]
    lone_hidden(views, report, view, "share", known_total(views.shown(view)), keys)


def total_difference(views: Views, report: Report, small: View, big: View, target: View, key: tuple) -> None:
    """The totals two breakdowns imply (from their shares, or every cell shown), one people filter value apart:
    their difference is that value's people, a cell of the breakdown by that filter's own dimension."""
    report.pairs["share"] += 1
    truth = views.true(target).get(key, 0)
    if truth == 0 or views.shown(target).value(key) is not None or target in views.failures:
        return
    for attack, total in (("share", known_total), ("total", full_total)):
        whole, part = total(views.shown(big)), total(views.shown(small))
        if whole is not None and part is not None and pinned(minus(whole, part)) == truth:
            report.add(Derived(attack, target, key, truth, f"totals of {big.label()} less {small.label()}"))


def series_items_attack(views: Views, report: Report, view: View) -> None:
    """A series' hidden item count from a sub-theme's shown items and its share of the series."""
    shown = views.shown(view)
    report.pairs["share"] += 1
    for row in shown.shares:
        key = (row["series"], "__series_items__")
        truth = views.true(view).get(key, 0)
        if (shown.value(key) is None and truth > 0 and row["items"] and row["share"]
                and pinned(over(span(row["items"]), row["share"])) == truth):
            report.add(Derived("share", view, key, truth, f"items over share in {view.label()}"))


def comments_attack(views: Views, report: Report, small: View, big: View, target: View) -> None:
    """Items one view shows and the other does not: a leak when every one of them is the target group's (so the
    difference tells whose they are) and the target's own view withholds them or has too few to show. Items that
    differ because a view leaves a whole session out are everyone's there, and tell no one's."""
    shown = views.shown(target)
    if not (shown.withheld or (shown.value(("items",)) or 0) < views.threshold):
        return
    extra = Counter(views.shown(big).items) - Counter(views.shown(small).items)
    rows = views.truth.matching(target.filters, target.detail)
    theirs = set(zip(pd.to_datetime(rows["starts_at"]).dt.date.astype(str), rows["source"], rows["text"]))
    if extra and all((date, source, text) in theirs for date, _, _, source, text in extra):
        for item in extra:
            report.comments.setdefault((target, item), item[-1])


def with_people(view: View, field_name: str, chosen: tuple[str, ...]) -> View:
    """The same view with one people filter set to the chosen values (none: no filter)."""
    return replace(view, filters=replace(view.filters, **{field_name: chosen}))
