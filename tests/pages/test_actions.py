"""The Actions page run whole with AppTest: figures, filters, read-only roles, an edit through the form."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import update

from data_access.actions import edit_action
from data_access.database import make_engine
from data_access.filters import Filters
from data_access.models import Session
from data_access.permissions import Actor
from data_access.queries_actions import action, history, register
from domain import taxonomy
from formats.markup import markdown_text
from sample_data.seed import SEED_USER
from tests.helpers import csv_rows
from tests.pages.conftest import array, as_shown, figure, headings, metrics
from ui.headings import WRAPPED_ROW_HEIGHT

TODAY = date(2026, 11, 23)
NOTE = "Owner asked for more time; chase at the December board"


def actions_page(app, role: str = "od_team", **params):
    return app(role=role, **params).switch_page("pages/actions.py").run()


def register_element(at):
    """The register's table (the one headed "ID"; the shared view's has none)."""
    return next(table for table in at.dataframe if "ID" in headings(table))


def register_table(at) -> pd.DataFrame:
    """The register as shown."""
    return as_shown(register_element(at))


def holds(frame: pd.DataFrame, text: str) -> bool:
    """Whether any cell of the frame holds the text."""
    return bool(frame.astype(str).apply(lambda column: column.str.contains(text, regex=False)).any().any())


def edits(engine, action_id: int) -> pd.DataFrame:
    """An action's history after the sample data was loaded (which records each seeded action's fields)."""
    changes = history(engine, action_id)
    return changes[changes["changed_by"] != SEED_USER]


def test_the_register_figures_and_chart_match_the_sample(app):
    at = actions_page(app)
    assert not at.exception and not at.error
    actions = csv_rows("actions.csv")
    shown = {m.label: m.value for m in at.metric}
    assert shown["Actions"] == str(len(actions)) == "75"
    assert shown["Done"] == str(sum(a["status"] == "done" for a in actions))
    assert shown["Overdue"] == "13"
    assert shown["Median days to done"] == "102.5"
    chart = figure(at, 0)
    assert sum(array(t.x).astype(int).sum() for t in chart.data) == len(actions)
    assert {t.name for t in chart.data} == {"Done", "Open, on track", "Open, overdue", "Dropped"}
    progress = at.dataframe[0]
    assert headings(progress) == ["Series", "Element", "State", "Actions"]
    assert progress.value["actions"].sum() == len(actions) and "Voice that counts" in set(progress.value["element"])


def test_filters_from_the_url_narrow_the_register(app):
    at = actions_page(app, status="done", overdue="true")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Actions"] == "0"
    at = actions_page(app, owner="Digital Services")
    expected = [a for a in csv_rows("actions.csv") if a["owner"] == "Digital Services"]
    assert {m.label: m.value for m in at.metric}["Actions"] == str(len(expected))


@pytest.mark.parametrize("role", ["executive", "facilitator"])
def test_other_roles_see_the_register_read_only(app, role):
    at = actions_page(app, role=role)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Actions"] == "75"
    assert any(c.value == "Read only: the OD team keeps the register." for c in at.caption)
    assert not at.get("form") and not at.button
    # The OD team's internal notes are theirs alone.
    shown = register_table(at)
    assert "Internal note" not in shown.columns and list(shown.columns)[-1] == "Overdue"
    assert list(shown.columns[:3]) == ["ID", "Session date", "Element"]
    assert set(shown["Element"]) <= {taxonomy.element_label(code) for code in taxonomy.ELEMENT_CODES}
    assert "Voice that counts" in set(shown["Element"])
    # What reaches the browser, not only what it shows: a hidden column could be read in its developer tools.
    assert list(register_element(at).value.columns) == ["action_id", "session_date", "element", "you_said", "we_did",
                                                        "owner", "status", "due_date", "completed_date", "overdue"]


def test_the_od_team_sees_its_internal_notes(app, own_copy):
    engine = make_engine(own_copy)
    first = register(engine, Filters("R9Z"), TODAY).iloc[0]
    edit_action(engine, int(first["action_id"]), int(first["version"]), {"internal_note": NOTE},
                Actor("od.lead", "od_team"), datetime(2026, 11, 23, 9, 0))
    engine.dispose()
    shown = register_table(actions_page(app, database_url=own_copy))
    assert shown.loc[shown["ID"] == first["action_id"], "Internal note"].tolist() == [NOTE]
    for role in ("executive", "facilitator"):
        sent = register_element(actions_page(app, role=role, database_url=own_copy)).value
        assert "internal_note" not in sent.columns and not holds(sent, NOTE)


def test_the_shared_view_has_no_owners_or_notes_and_offers_downloads(app):
    at = actions_page(app, view="You said, we did")
    shared = as_shown(at.dataframe[-1])
    assert list(shared.columns) == ["Session date", "Session", "Element", "You said", "We did", "Progress", "Completed"]
    assert len(at.dataframe[-1].value.columns) == 7  # and nothing else is sent: no owners, no notes
    assert at.dataframe[-1].proto.row_height == WRAPPED_ROW_HEIGHT  # each sentence read whole
    assert len(shared) == sum(a["status"] != "dropped" for a in csv_rows("actions.csv"))
    assert [b.proto.label for b in at.get("download_button")] == ["Download as Markdown", "Download as CSV"]


def test_an_edit_through_the_form_is_saved_with_its_history(app, own_copy):
    at = actions_page(app, database_url=own_copy, owner="HR Business Partners", status="in progress")
    chosen = at.selectbox(key="edit_choice").value
    action_id = int(chosen.split(" · ")[0])
    at.text_input(key=f"edit_{action_id}_owner").set_value("Workforce and Rostering team")
    at.button(key=f"FormSubmitter:edit_{action_id}-Save changes").click().run()
    assert not at.exception
    assert any(s.value == "Saved." for s in at.success)
    engine = make_engine(own_copy)
    assert action(engine, action_id, TODAY)["owner"] == "Workforce and Rostering team"
    changes = edits(engine, action_id)
    assert list(zip(changes["field"], changes["before"], changes["after"], changes["changed_by"])) == \
        [("owner", "HR Business Partners", "Workforce and Rostering team", "local user")]
    engine.dispose()


def test_a_save_shows_at_once_in_the_cards_the_register_and_the_history(app, own_copy):
    at = actions_page(app, database_url=own_copy, overdue="true")
    overdue = int(metrics(at)["Overdue"][0])
    action_id = int(at.selectbox(key="edit_choice").value.split(" · ")[0])
    at.selectbox(key=f"edit_{action_id}_status").set_value("done")
    at.date_input(key=f"edit_{action_id}_completed").set_value(TODAY)
    at.button(key=f"FormSubmitter:edit_{action_id}-Save changes").click().run()
    assert [s.value for s in at.success] == ["Saved."]
    assert int(metrics(at)["Overdue"][0]) == overdue - 1  # the cards above the form, in the same response
    assert action_id not in register_element(at).value["action_id"].tolist()  # no longer overdue
    at.toggle(key="overdue").set_value(False).run()
    at.selectbox(key="edit_choice").set_value(next(o for o in at.selectbox(key="edit_choice").options
                                                   if o.startswith(f"{action_id} · "))).run()
    history = next(table.value for table in at.dataframe if "Who" in table.value.columns)
    mine = history[history["Who"] == "local user"].set_index("Field")
    assert (mine.at["Status", "After"], mine.at["Completed date", "Before"]) == ("done", "(empty)")


def test_the_edit_form_shows_a_session_title_as_text_not_markdown(app, own_copy):
    title = "[Win a prize](https://evil.example) **now**"
    engine = make_engine(own_copy)
    with engine.begin() as conn:
        conn.execute(update(Session).values(title=title))
    engine.dispose()
    at = actions_page(app, database_url=own_copy)
    heading = next(m.value for m in at.markdown if m.value.startswith("**Editing action"))
    assert markdown_text(title) in heading and title not in heading


def test_a_stale_edit_through_the_form_is_refused_naming_who_changed_it(app, own_copy):
    at = actions_page(app, database_url=own_copy)
    action_id = int(at.selectbox(key="edit_choice").value.split(" · ")[0])
    engine = make_engine(own_copy)
    opened = action(engine, action_id, TODAY)
    edit_action(engine, action_id, opened["version"], {"owner": "EDI Lead"}, Actor("Sam Jones", "od_team"),
                datetime(2026, 11, 23, 9, 15))
    at.text_area(key=f"edit_{action_id}_note").set_value("Chased by email")
    at.button(key=f"FormSubmitter:edit_{action_id}-Save changes").click().run()
    assert any("Not saved: Sam Jones changed this action on 23 November 2026 at 09:15" in e.value for e in at.error)
    assert action(engine, action_id, TODAY)["internal_note"] == ""
    assert len(register(engine, Filters("R9Z"), TODAY)) == 75
    engine.dispose()


def test_an_invalid_edit_shows_every_problem_and_saves_nothing(app, own_copy):
    at = actions_page(app, database_url=own_copy, status="planned")
    action_id = int(at.selectbox(key="edit_choice").value.split(" · ")[0])
    at.selectbox(key=f"edit_{action_id}_status").set_value("done")
    at.text_input(key=f"edit_{action_id}_owner").set_value(" ")
    at.button(key=f"FormSubmitter:edit_{action_id}-Save changes").click().run()
    message = at.error[0].value
    assert message.startswith("Not saved:") and "- The owner is required." in message
    assert "- A done action needs the date it was completed." in message
    engine = make_engine(own_copy)
    assert edits(engine, action_id).empty
    engine.dispose()
