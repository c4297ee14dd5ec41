"""Issue 26: no hidden count can be worked out from what the explorer, its downloads and the session brief show.

Every pair of views one filter step apart is compared on the sample and on a trust with many small groups, on
each database; a hidden count is derived when the difference of two shown figures (or a total less the other
cells) pins it to one value, and that value is its true count."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.helpers import TRUST
from tests.privacy.attacks import ATTACKS, Report
from tests.privacy.enumerate import run
from tests.privacy.small_groups import ORG
from tests.privacy.views import THRESHOLD, Views

MIN_PAIRS = 10_000



@pytest.fixture(scope="module")
def runs(seeded_engine: Engine, small_groups_engine: Engine) -> dict[str, tuple[Report, Views]]:
    """Every comparison on each dataset, on the database under test."""
    results = {}
    for name, engine, org in (("sample", seeded_engine, TRUST), ("small groups", small_groups_engine, ORG)):
        views = Views(engine, org)
        results[name] = (run(views)[0], views)
    return results


@pytest.fixture(scope="module")
def report(runs: dict[str, tuple[Report, Views]]) -> Report:
    """Both datasets' findings together."""
    merged = Report()
    for found, _ in runs.values():
        merged.merge(found)
    return merged


def table(runs: dict[str, tuple[Report, Views]], backend: str) -> str:
    """Pairs compared, and hidden counts derived (those under the threshold in brackets), by attack and dataset."""
    lines = [f"{backend}: {'attack':<9} " + " ".join(f"{name:>22}" for name in runs)]
    for attack in ATTACKS:
        cells = []
        for found, _ in runs.values():
            if attack == "comments":
                cells.append(f"{len(found.comments)} comments")
            else:
                cells.append(f"{found.pairs[attack]} pairs, {found.derived_by_attack()[attack]} "
                             f"({found.small_by_attack(THRESHOLD)[attack]})")
        lines.append(f"{backend}: {attack:<9} " + " ".join(f"{cell:>22}" for cell in cells))
    read = ", ".join(f"{name} {views.read_count()}" for name, (_, views) in runs.items())
    lines.append(f"{backend}: views read {read}")
    return "\n".join(lines)


def examples(report: Report, attacks: tuple[str, ...], count: int = 5) -> str:
    found = [d for d in report.derived.values() if d.attack in attacks][:count]
    return "\n".join(f"{d.view.label()} {d.key} = {d.value}: {d.how}" for d in found)


def test_at_least_ten_thousand_view_pairs_are_compared(runs, report: Report, backend: str,
                                                       capsys: pytest.CaptureFixture) -> None:
    with capsys.disabled():
        print("\n" + table(runs, backend))
    assert sum(report.pairs.values()) >= MIN_PAIRS


def test_every_kind_of_view_is_compared(report: Report) -> None:
    assert all(report.pairs[attack] > 0 for attack in ATTACKS if attack != "comments")


def test_no_hidden_count_is_derived_by_adding_or_removing_a_people_filter_value(report: Report) -> None:
    assert report.derived_by_attack()["filter"] == 0, examples(report, ("filter",))


def test_no_hidden_count_is_derived_from_date_windows_or_briefs_one_session_apart(report: Report) -> None:
    derived = report.derived_by_attack()
    assert derived["window"] + derived["brief"] == 0, examples(report, ("window", "brief"))


def test_no_hidden_count_is_derived_from_totals_or_shares(report: Report) -> None:
    derived = report.derived_by_attack()
    assert derived["total"] + derived["share"] == 0, examples(report, ("total", "share"))


def test_no_withheld_comment_is_shown_by_the_difference_of_two_feedback_views(report: Report) -> None:
    assert len(report.comments) == 0, list(report.comments.values())[:5]
