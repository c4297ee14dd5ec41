"""A database whose every field that a file or a person fills holds text that would be markup if it were read as
such: for the tests that each page, in AppTest and in Chromium, shows it as typed."""
from __future__ import annotations

from sqlalchemy import update

from data_access.database import make_engine
from data_access.models import Action, Attendance, Feedback, FeedbackSubTheme, Series, Session, Workforce

HOSTILE = "[prize](https://evil.example) **bold** :red[red] $x$ <img src=x> :material/home:"


def make_hostile(database_url: str) -> str:
    """Append the hostile string to titles, series, divisions, feedback and sub-themes, and put it in the actions'
    and prompts' text; returns the URL."""
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(update(Session).values(title=Session.title + " " + HOSTILE, key_themes=HOSTILE))
        conn.execute(update(Series).values(name=Series.name + " " + HOSTILE))
        conn.execute(update(Action).values(owner=HOSTILE, you_said=HOSTILE, we_did=HOSTILE))
        conn.execute(update(Feedback).values(text=Feedback.text + " " + HOSTILE, prompt=HOSTILE))
        conn.execute(update(FeedbackSubTheme).values(sub_theme=FeedbackSubTheme.sub_theme + " " + HOSTILE))
        conn.execute(update(Attendance).values(division=Attendance.division + " " + HOSTILE))
        conn.execute(update(Workforce).values(division=Workforce.division + " " + HOSTILE))
    engine.dispose()
    return database_url
