"""The session brief's read queries against the seeded sample, checked against the sample files themselves."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pandas as pd
import pytest

from data_access import queries_brief as q
from tests.helpers import attendees_by_date, csv_rows

TODAY = date(2026, 11, 23)
CARERS = "Supporting carers at work"  # the first upcoming session: PP6 on 21 January 2027


def session_id(engine, title: str = CARERS) -> int:
    choices = q.session_choices(engine, "R9Z", TODAY)
    return int(choices.loc[choices["title"] == title, "session_id"].iloc[0])


def earlier_pp6_dates() -> list[str]:
    return sorted(s["starts_at"][:10] for s in csv_rows("sessions.csv")
                  if s["element_code"] == "PP6" and s["status"] == "held" and s["starts_at"][:10] < "2027-01-21")


def earlier_pp6_items() -> list[dict[str, str]]:
    dates = set(earlier_pp6_dates())
    return [f for f in csv_rows("feedback.csv") if f["session_date"] in dates]


def test_choices_put_upcoming_sessions_first_soonest_first_then_held_newest_first(seeded_engine):
    choices = q.session_choices(seeded_engine, "R9Z", TODAY)
    sessions = [s for s in csv_rows("sessions.csv") if s["status"] != "cancelled"]
    upcoming = sorted((s["starts_at"], s["title"]) for s in sessions if s["status"] == "planned")
    held = sorted(((s["starts_at"], s["title"]) for s in sessions if s["status"] == "held"), reverse=True)
    assert list(choices["title"]) == [t for _, t in upcoming] + [t for _, t in held]
    assert list(choices["upcoming"]) == [True] * len(upcoming) + [False] * len(held)


def test_detail_of_a_known_session(seeded_engine):
    detail = q.session_detail(seeded_engine, session_id(seeded_engine))
    assert (detail["element_code"], detail["series"], detail["host_roles"], detail["status"]) == \
        ("PP6", "Series 3", "Director of Strategy", "planned")
    assert pd.Timestamp(detail["starts_at"]).date() == date(2027, 1, 21)
    assert q.session_detail(seeded_engine, 999_999) is None


def test_earlier_sessions_on_the_element_with_attendance_and_hosts(seeded_engine):
    earlier = q.earlier_sessions(seeded_engine, session_id(seeded_engine))
    same = earlier[earlier["relation"] == "Same element"]
    dates = earlier_pp6_dates()
    assert [d.strftime("%Y-%m-%d") for d in same["starts_at"]] == dates == ["2022-04-11", "2023-07-20", "2025-04-24"]
    attendees = attendees_by_date()
    assert list(same["attendance"]) == [attendees[d] for d in dates]
    hosts = {s["starts_at"][:10]: s["host_roles"] for s in csv_rows("sessions.csv")}
    assert list(same["host_roles"]) == [hosts[d] for d in dates]
    assert set(same["element"]) == {"Work flexibly"}  # the element by name, as the brief's tables show it
    related = earlier[earlier["relation"] != "Same element"]
    assert 0 < len(related) <= q.RELATED_SESSIONS
    assert (related["element_code"] != "PP6").all()
    assert related["relation"].str.startswith("Related: ").all()


def test_top_sub_themes_count_earlier_items_on_the_element(seeded_engine):
    tags = Counter(t.strip() for f in earlier_pp6_items() for t in f["sub_themes"].split(";") if t.strip())
    expected = sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))[:q.TOP_SUB_THEMES]
    top = q.top_sub_themes(seeded_engine, session_id(seeded_engine))
    assert list(zip(top["sub_theme"], top["items"])) == expected
    assert expected[0] == ("working from home", 58)


def test_verbatim_items_are_the_newest_for_each_sub_theme(seeded_engine):
    sid = session_id(seeded_engine)
    themes = tuple(q.top_sub_themes(seeded_engine, sid)["sub_theme"])
    items = q.verbatim(seeded_engine, sid, themes)
    assert list(dict.fromkeys(items["sub_theme"])) == list(themes)
    for theme in themes:
        tagged = [f for f in earlier_pp6_items() if theme in [t.strip() for t in f["sub_themes"].split(";")]]
        newest = sorted(tagged, key=lambda f: f["created_at"], reverse=True)[:q.ITEMS_PER_SUB_THEME]
        assert list(items.loc[items["sub_theme"] == theme, "text"]) == [f["text"] for f in newest], theme


def test_open_actions_on_the_element_overdue_first(seeded_engine):
    actions = q.open_actions(seeded_engine, session_id(seeded_engine), TODAY)
    expected = [a for a in csv_rows("actions.csv")
                if a["element_code"] == "PP6" and a["status"] in ("planned", "coming soon", "in progress")]
    assert sorted(actions["you_said"]) == sorted(a["you_said"] for a in expected)
    overdue = {a["you_said"] for a in expected if a["due_date"] and a["due_date"] < TODAY.isoformat()}
    assert set(actions.loc[actions["overdue"], "you_said"]) == overdue
    assert list(actions["overdue"]) == sorted(actions["overdue"], reverse=True)


def test_done_since_the_last_session_on_the_element(seeded_engine):
    done = q.done_since_last_session(seeded_engine, session_id(seeded_engine), TODAY)
    expected = [a for a in csv_rows("actions.csv") if a["element_code"] == "PP6" and a["status"] == "done"
                and "2025-04-24" <= a["completed_date"] <= TODAY.isoformat()]
    assert sorted(done["you_said"]) == sorted(a["you_said"] for a in expected) and len(expected) > 0
    assert set(done["since"]) == {date(2025, 4, 24)}


@pytest.mark.parametrize("title", ["Flexibility Conversation"])
def test_the_first_session_on_an_element_has_nothing_before_it(seeded_engine, title):
    sid = session_id(seeded_engine, title)
    assert q.top_sub_themes(seeded_engine, sid).empty
    assert q.earlier_sessions(seeded_engine, sid).empty
    assert q.verbatim(seeded_engine, sid, ()).empty
