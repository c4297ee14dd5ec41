"""Theme explorer queries against the seeded sample, checked against figures counted from the sample files."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from itertools import product

import pandas as pd
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session as OrmSession

from data_access import queries_feedback as qf
from data_access import queries_reach as qr
from data_access.filters import NOT_TAGGED, Filters
from data_access.models import Feedback, FeedbackSubTheme, Organisation, Series, Session
from data_access.search import SearchSyntaxError
from data_access.suppression import published
from domain import taxonomy
from tests.helpers import TRUST, csv_rows, report_participants, teams_reports

TODAY = date(2026, 11, 23)
THRESHOLD = 10


def series_of_date() -> dict[str, str]:
    return {row["starts_at"][:10]: row["series"] for row in csv_rows("sessions.csv")}


def feedback_rows(**conditions) -> list[dict[str, str]]:
    return [row for row in csv_rows("feedback.csv") if all(row[k] == v for k, v in conditions.items())]


def people_by_group() -> Counter:
    """Distinct attendees per staff group over all reports, from the Teams files and the staff list."""
    staff = {row["email"].lower(): row["staff_group"] for row in csv_rows("people.csv")}
    emails = {r["Email"].lower() for path in teams_reports() for r in report_participants(path)
              if r["Role"] == "Attendee"}
    return Counter(staff.get(email, "Unknown") for email in emails)


def test_sub_theme_counts_and_shares_match_the_feedback_file(seeded_engine: Engine):
    shares = qf.sub_theme_by_series(seeded_engine, Filters(TRUST), THRESHOLD).set_index(["series", "sub_theme"])
    series = series_of_date()
    expected_items = Counter(series[row["session_date"]] for row in csv_rows("feedback.csv"))
    expected = Counter((series[row["session_date"]], theme.strip()) for row in csv_rows("feedback.csv")
                       for theme in row["sub_themes"].split(";") if theme.strip())
    for (name, theme), count in expected.items():
        assert shares.at[(name, theme), "items"] == count
        assert shares.at[(name, theme), "series_items"] == expected_items[name]
        assert shares.at[(name, theme), "share"] == pytest.approx(count / expected_items[name], abs=1e-4)


def test_element_and_source_filters_narrow_the_counts(seeded_engine: Engine):
    filters = Filters(TRUST, elements=("PP4",), sources=("board",))
    shares = qf.sub_theme_by_series(seeded_engine, filters, THRESHOLD)
    pp4_dates = {row["starts_at"][:10] for row in csv_rows("sessions.csv") if row["element_code"] == "PP4"}
    expected = sum(1 for row in csv_rows("feedback.csv")
                   if row["session_date"] in pp4_dates and row["source"] == "board")
    assert shares.groupby("series")["series_items"].first().sum() == expected


def test_theme_changes_label_new_growing_and_fading():
    shares = pd.DataFrame({"series": ["S1"] * 3 + ["S2"] * 3, "sub_theme": ["a", "b", "c"] * 2,
                           "items": [10, 10, 0, 20, 2, 5], "series_items": [50] * 3 + [50] * 3,
                           "share": [0.2, 0.2, 0.0, 0.4, 0.04, 0.1]})
    changes = qf.theme_changes(shares).set_index("sub_theme")
    assert changes.at["a", "status"] == "growing" and changes.at["a", "change_points"] == 20.0
    assert changes.at["b", "status"] == "fading"
    assert changes.at["c", "status"] == "new"


def test_a_sub_theme_is_followed_across_elements(seeded_engine: Engine):
    spread = qf.sub_theme_by_element(seeded_engine, Filters(TRUST, elements=("PP3",)), THRESHOLD)
    code_of = {row["starts_at"][:10]: row["element_code"] for row in csv_rows("sessions.csv")}
    expected = Counter(code_of[row["session_date"]] for row in csv_rows("feedback.csv")
                       if "communication" in [t.strip() for t in row["sub_themes"].split(";")])
    assert {code: spread.at["communication", code] for code in expected} == dict(expected)
    assert len(spread.columns) == 7  # every element, whatever the element filter


def test_verbatim_search_finds_what_a_reader_would(seeded_engine: Engine):
    found = qf.verbatim(seeded_engine, Filters(TRUST), '"car park" OR parking', THRESHOLD).items
    texts = [row["text"] for row in csv_rows("feedback.csv")]
    expected = [t for t in texts if "car park" in t.lower() or "parking" in t.lower()]
    assert len(found) == len(expected) > 0
    assert set(found["text"]) == set(expected)
    assert found["date"].is_monotonic_decreasing


@pytest.mark.parametrize(("search", "reader"), [
    ("can't", re.compile(r"\bcan['\u2019]t\b", re.IGNORECASE)), ("don\u2019t", re.compile(r"\bdon['\u2019]t\b", re.I)),
    ("rota or shift", re.compile(r"\b(rotas?|shifts?)\b", re.IGNORECASE)),
])
def test_apostrophes_and_small_operators_find_what_a_reader_would(seeded_engine: Engine, search: str, reader):
    expected = [row["text"] for row in csv_rows("feedback.csv") if reader.search(row["text"])]
    found = qf.verbatim(seeded_engine, Filters(TRUST), search, THRESHOLD)
    assert found.total == len(expected) > 10
    assert sorted(found.items["text"]) == sorted(expected)


def test_verbatim_without_a_search_lists_every_item_with_its_sub_themes(seeded_engine: Engine):
    listed = qf.verbatim(seeded_engine, Filters(TRUST), "", THRESHOLD)
    found = listed.items
    assert len(found) == listed.total == len(csv_rows("feedback.csv"))
    assert NOT_TAGGED not in set(found["sub_themes"])  # every sample item is tagged
    # As the feedback view shows them: the session's date, the element by name, no internal ids.
    assert list(found.columns) == ["date", "series", "session", "element", "prompt", "source", "text", "sub_themes"]
    element_of = {row["starts_at"][:10]: taxonomy.element_label(row["element_code"])
                  for row in csv_rows("sessions.csv")}
    assert found["element"].tolist() == [element_of[when.isoformat()] for when in found["date"]]
    assert "Work flexibly" in set(found["element"])
    tags_of = {row["text"]: "; ".join(sorted(t.strip() for t in row["sub_themes"].split(";")))
               for row in csv_rows("feedback.csv")}
    assert found["sub_themes"].tolist() == [tags_of[text] for text in found["text"]]
    assert any("; " in tags for tags in found["sub_themes"])


@pytest.mark.parametrize("search", ["", "rota OR shift OR staff"])
def test_with_a_limit_only_the_newest_items_are_read_and_every_match_is_counted(seeded_engine: Engine, search: str):
    every = qf.verbatim(seeded_engine, Filters(TRUST), search, THRESHOLD)
    newest = qf.verbatim(seeded_engine, Filters(TRUST), search, THRESHOLD, limit=7)
    assert every.total == len(every.items) > 7
    assert newest.total == every.total and not newest.withheld
    pd.testing.assert_frame_equal(newest.items, every.items.head(7))
    none = qf.verbatim(seeded_engine, Filters(TRUST), search, THRESHOLD, limit=0)
    assert none.items.empty and none.total == every.total
    assert list(none.items.columns) == list(every.items.columns)


def test_a_limit_does_not_change_what_a_staff_group_may_see(seeded_engine: Engine):
    groups = {row["staff_group"] for row in csv_rows("feedback.csv")} - {""}
    seen = {False: 0, True: 0}
    # At the sample's size every session has a staff group with a few comments: a threshold of 1 shows them all.
    for group, threshold, search in product(sorted(groups), [1, THRESHOLD], ["", "rota OR shift OR staff"]):
        chosen = Filters(TRUST, staff_groups=(group,))
        every, newest = (qf.verbatim(seeded_engine, chosen, search, threshold, limit) for limit in (None, 3))
        assert (newest.withheld, newest.total, newest.left_out) == (every.withheld, every.total, every.left_out)
        assert (newest.items.empty and every.total == 0) if every.withheld else newest.items.equals(every.items.head(3))
        seen[every.withheld] += 1
    assert seen[False] and seen[True]  # both a group shown and one withheld were checked


def test_a_bad_search_is_refused_with_a_message(seeded_engine: Engine):
    with pytest.raises(SearchSyntaxError, match="no partner"):
        qf.verbatim(seeded_engine, Filters(TRUST), '"car park', THRESHOLD)


def test_representation_matches_the_teams_reports_and_staff_list(seeded_engine: Engine):
    frame = qr.representation(seeded_engine, Filters(TRUST), "staff_group", THRESHOLD, TODAY).set_index("group")
    expected = people_by_group()
    for group, count in expected.items():
        shown = frame.at[group, "people"]
        assert pd.isna(shown) if 0 < count < THRESHOLD else (pd.isna(shown) or shown == published(count))
    assert frame["people"].notna().sum() >= 5
    known = published(sum(n for g, n in expected.items() if g != "Unknown"))  # shares come from published figures
    workforce = {r["staff_group"]: 0 for r in csv_rows("workforce.csv")}
    for row in csv_rows("workforce.csv"):
        if row["as_at"] == "2026-03-31":
            workforce[row["staff_group"]] += int(row["headcount"])
    total = sum(workforce.values())
    group = "Nursing and Midwifery Registered"
    assert frame.at[group, "headcount"] == workforce[group]
    ratio = (published(expected[group]) / known) / (workforce[group] / total)
    assert frame.at[group, "ratio"] == pytest.approx(ratio, abs=1e-9)


def test_every_people_breakdown_hides_small_groups(seeded_engine: Engine):
    for dimension in qr.DIMENSIONS:
        frame = qr.representation(seeded_engine, Filters(TRUST, series=("Series 1",)), dimension, THRESHOLD, TODAY)
        shown = frame["people"].dropna()
        assert ((shown == 0) | (shown >= THRESHOLD)).all()
        assert frame["people"].isna().sum() != 1  # a lone hidden cell would follow from the total
        table = qr.people_by_series(seeded_engine, Filters(TRUST), dimension, THRESHOLD)
        values = table.stack().dropna()
        assert ((values == 0) | (values >= THRESHOLD)).all()
        assert (table.isna().sum(axis=1) != 1).all()


def test_a_demographic_filter_cannot_reveal_the_group_it_leaves_out(seeded_engine: Engine):
    counts = people_by_group()
    small = sorted(g for g, n in counts.items() if 0 < n < 2 * THRESHOLD)
    everyone_else = tuple(g for g in counts if g not in small[:1])
    frame = qr.first_and_returning(seeded_engine, Filters(TRUST, staff_groups=everyone_else), THRESHOLD)
    whole = qr.first_and_returning(seeded_engine, Filters(TRUST), THRESHOLD).set_index("series")
    for row in frame.itertuples():
        for column in ("first_time", "returning"):
            value = getattr(row, column)
            if not pd.isna(value):
                left_out = whole.at[row.series, column] - value
                assert left_out == 0 or left_out >= THRESHOLD


def test_first_time_and_returning_add_up_to_people_reached(seeded_engine: Engine):
    frame = qr.first_and_returning(seeded_engine, Filters(TRUST), THRESHOLD).set_index("series")
    assert frame.at["Series 1", "returning"] == 0
    series = series_of_date()
    people: dict[str, set] = {}
    for path in teams_reports():
        people.setdefault(series[path.name[:10]], set()).update(
            r["Email"].lower() for r in report_participants(path) if r["Role"] == "Attendee")
    for name, emails in people.items():
        assert frame.at[name, "first_time"] + frame.at[name, "returning"] == len(emails)


def test_the_sub_theme_filter_keeps_items_tagged_with_any_chosen_sub_theme(seeded_engine: Engine):
    chosen = ("communication", "workload")
    found = qf.verbatim(seeded_engine, Filters(TRUST, sub_themes=chosen), "", THRESHOLD).items
    expected = [r for r in csv_rows("feedback.csv") if {t.strip() for t in r["sub_themes"].split(";")} & set(chosen)]
    assert len(found) == len(expected)
    untagged = qf.verbatim(seeded_engine, Filters(TRUST, sub_themes=(NOT_TAGGED,)), "", THRESHOLD).items
    assert len(untagged) == sum(1 for r in csv_rows("feedback.csv") if not r["sub_themes"].strip())


def test_sub_theme_names_are_those_the_organisations_feedback_carries(seeded_engine: Engine):
    tags = {t.strip() for row in csv_rows("feedback.csv") for t in row["sub_themes"].split(";") if t.strip()}
    assert qf.sub_theme_names(seeded_engine, TRUST) == [*sorted(tags), NOT_TAGGED]
    assert qf.sub_theme_names(seeded_engine, "NOT-A-TRUST") == [NOT_TAGGED]


def test_sub_theme_names_leave_out_another_organisations(migrated_engine: Engine):
    """Names sorting before, between and after this organisation's, used only by another, are not offered."""
    with OrmSession(migrated_engine) as db:
        for day, (code, tags) in enumerate([("R1A", ["estates", "rotas"]), ("R2B", ["car parking", "pay", "zzz"])], 1):
            tagged_items(db, code, day, tags)
        db.commit()
    assert qf.sub_theme_names(migrated_engine, "R1A") == ["estates", "rotas", NOT_TAGGED]
    assert qf.sub_theme_names(migrated_engine, "R2B") == ["car parking", "pay", "zzz", NOT_TAGGED]


def tagged_items(db: OrmSession, code: str, day: int, tags: list[str | None]) -> None:
    """An organisation with one held session and an item for each tag (None: an untagged item)."""
    organisation = added(db, Organisation(ods_code=code, name=f"Trust {code}", benchmark_group="Acute"))
    series = added(db, Series(organisation_id=organisation.id, name="Series 1", start_date=date(2025, 1, 1),
                              cadence="monthly"))
    session = added(db, Session(series_id=series.id, title="Talk", element_code="PP1", host_roles="CEO",
                                format="online", starts_at=datetime(2025, 1, day, 12), status="held"))
    for number, tag in enumerate(tags):
        item = added(db, Feedback(session_id=session.id, source="form", prompt="Q", text=f"Item {number}"))
        if tag:
            db.add(FeedbackSubTheme(feedback_id=item.id, sub_theme=tag))


def added(db: OrmSession, row):
    """The row, inserted, with its id."""
    db.add(row)
    db.flush()
    return row


def test_comments_by_staff_group_come_only_from_sessions_where_no_group_made_a_few(seeded_engine: Engine):
    rows = pd.DataFrame(csv_rows("feedback.csv")).replace({"staff_group": {"": "Unknown"}})
    per_session = rows.groupby(["session_date", "session_title", "staff_group"]).size().unstack(fill_value=0)
    safe = per_session[((per_session == 0) | (per_session >= THRESHOLD)).all(axis=1)]
    students = qf.verbatim(seeded_engine, Filters(TRUST, staff_groups=("Students",)), "", THRESHOLD)
    assert students.left_out == len(per_session) - len(safe) > 0
    assert students.total == int(safe.get("Students", pd.Series(dtype=int)).sum())
    everyone = qf.verbatim(seeded_engine, Filters(TRUST, staff_groups=tuple(per_session.columns)), "", THRESHOLD)
    assert everyone.total == int(safe.to_numpy().sum())  # every group chosen: still only the safe sessions
