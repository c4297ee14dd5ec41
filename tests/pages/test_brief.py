"""The Session brief page run whole with AppTest: the session picker, what it shows, the downloads, who sees it."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from data_access.database import make_engine
from data_access.models import Session
from formats.markup import markdown_text
from tests.helpers import attendees_by_date
from tests.pages.conftest import as_read, as_shown, figure, headings
from ui.headings import WRAPPED_ROW_HEIGHT

CARERS = "21 January 2027 · Supporting carers at work (upcoming)"
ROTAS = "Rotas come out too late to plan childcare"


def link_warnings(at) -> list[str]:
    """Warnings about the link (the sidebar also warns while the app runs without sign-in)."""
    return [w.value for w in at.warning if w.value.startswith("This link")]


def brief_page(app, role: str = "od_team", **params):
    at = app(role=role, **params)
    return at.switch_page("pages/brief.py").run()


def test_the_first_upcoming_session_is_briefed_by_default(app):
    at = brief_page(app, role="facilitator")
    assert not at.exception and not at.error
    assert chosen(at) == CARERS
    assert at.selectbox(key="session").options[:2] == [CARERS, "22 April 2027 · Working across boundaries (upcoming)"]
    assert any(m.value.startswith("**People Promise element:** We work flexibly  \n**Topic:** Supporting carers at "
                                  "work  \n**Date:** 21 January 2027  \n**Host role(s):** Director of Strategy")
               for m in at.markdown)
    assert any(c.value.startswith("3 earlier sessions on this element") for c in at.caption)
    earlier = as_shown(at.dataframe[0])
    same = earlier[earlier["Why listed"] == "Same element"]
    assert list(same["Attended"]) == [attendees_by_date()[d] for d in ("2022-04-11", "2023-07-20", "2025-04-24")]
    assert [as_read(e.label) for e in at.expander][:2] == ["Working from home (58 items)",
                                                           "Flexible working (47 items)"]
    assert any(m.value == r"Not enough hot desks when we do come in  " "\n"
               r":gray[:small[Hybrid working and hot desks\, 24 April 2025]]" for m in at.markdown)
    actions = as_shown(at.dataframe[1])
    assert list(actions["You said"]) == ["Rotas come out too late to plan childcare"] and actions["Overdue"].all()
    # What was said and promised is read whole, wrapped; the earlier sessions' table stays a line a row.
    assert at.dataframe[1].proto.row_height == WRAPPED_ROW_HEIGHT and not at.dataframe[0].proto.row_height
    assert any(c.value == "1 open action, 1 overdue." for c in at.caption)
    chart = figure(at, 0)
    assert [a.text for a in chart.layout.annotations] == ["Work flexibly", "Support for<br>work-life balance",
                                                          "Flexible working"]
    scores = next(table for table in at.dataframe if "survey_year" in table.value.columns)
    assert headings(scores) == ["Score", "Survey year", "Our score", "Group average", "Group best", "Group worst",
                                "Responses", "Organisations in the group"]
    assert list(dict.fromkeys(scores.value["score_name"])) == ["Work flexibly", "Support for work-life balance",
                                                               "Flexible working"]


def chosen(at) -> str:
    """The session picker's choice as it reads."""
    picker = at.selectbox(key="session")
    return picker.options[picker.index]


def id_of(database_url: str, title: str) -> int:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        found = conn.execute(select(Session.id).where(Session.title == title)).scalar_one()
    engine.dispose()
    return found


def test_a_session_from_the_url_is_briefed_by_its_id_and_both_downloads_are_offered(app, sample_sqlite_url):
    hybrid = "24 April 2025 · Hybrid working and hot desks (held)"
    first = brief_page(app)
    first.selectbox(key="session").select(id_of(sample_sqlite_url, "Hybrid working and hot desks")).run()
    session_id = first.query_params["session"]
    assert session_id == str(id_of(sample_sqlite_url, "Hybrid working and hot desks"))  # its id, not its label
    at = brief_page(app, session=session_id)
    assert not at.exception and not link_warnings(at)
    assert chosen(at) == hybrid and at.query_params["session"] == session_id
    assert at.header[0].value == "Hybrid working and hot desks"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the brief (PDF)", "Download the brief (Markdown)"]


def test_an_older_link_naming_a_session_by_its_current_label_still_opens_it(app):
    at = brief_page(app, session="24 April 2025 · Hybrid working and hot desks (held)")
    assert not link_warnings(at) and at.header[0].value == "Hybrid working and hot desks"
    assert at.query_params["session"].isdigit()  # and the link now names it by its id


@pytest.mark.parametrize("stale", ["99999", "21 January 2027 · Supporting carers at work (held)"])
def test_a_link_to_a_session_that_no_longer_exists_says_so(app, stale):
    at = brief_page(app, session=stale)
    assert link_warnings(at) == [
        f"This link's session ({markdown_text(stale)}) no longer exists, so the brief below is for another one: "
        f"{CARERS}. Choose the session you want."]
    assert chosen(at) == CARERS


def test_executives_open_the_brief_too_since_they_host_sessions(app):
    at = app(role="executive")
    at.switch_page("pages/brief.py").run()
    assert not at.exception and at.title[0].value == "Session brief"


def test_an_action_done_on_the_actions_page_leaves_the_brief_at_once(app, own_copy):
    """The brief is cached as a whole; an edit elsewhere in the app must not leave it showing the old register."""
    at = brief_page(app, database_url=own_copy)
    assert list(as_shown(at.dataframe[1])["You said"]) == [ROTAS]
    at.switch_page("pages/actions.py").run()
    choice = next(option for option in at.selectbox(key="edit_choice").options if option.endswith(ROTAS))
    at.selectbox(key="edit_choice").set_value(choice).run()
    action_id = int(choice.split(" · ")[0])
    at.selectbox(key=f"edit_{action_id}_status").set_value("done")
    at.date_input(key=f"edit_{action_id}_completed").set_value(date(2026, 11, 20))
    at.button(key=f"FormSubmitter:edit_{action_id}-Save changes").click().run()
    assert [s.value for s in at.success] == ["Saved."]
    at.switch_page("pages/brief.py").run()
    assert "No open actions on this element." in [i.value for i in at.info]
    assert ROTAS in list(as_shown(at.dataframe[1])["You said"])  # now under "done since the last session"
