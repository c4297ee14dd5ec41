"""Text from files and people shows as typed on every page: hostile strings in titles, series, divisions, owners,
feedback and sub-themes never reach Streamlit's Markdown or a Plotly label as markup."""
from __future__ import annotations

import json
import re

import pytest

from tests.hostile.text import make_hostile

ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
# What each would look like had it been read as markup rather than shown as typed.
RAW = ("[prize](https", "**bold**", ":red[red]", "$x$", "<img", ":material/home:")
PAGES = [("pages/overview.py", {}), ("pages/explorer.py", {"view": "Themes"}), ("pages/explorer.py", {"view": "Reach"}),
         ("pages/explorer.py", {"view": "Feedback"}), ("pages/brief.py", {}), ("pages/actions.py", {})]


@pytest.fixture
def hostile_copy(own_copy: str) -> str:
    """The sample with the hostile string in every field a file or a person fills and a page shows."""
    return make_hostile(own_copy)


def markdown_shown(at) -> list[str]:
    """Every string the page gave Streamlit to render as Markdown."""
    bodies = [e.value for kind in ("markdown", "caption", "header", "subheader", "title", "info", "warning", "error",
                                   "success") for e in getattr(at, kind)]
    labels = [e.label for e in at.expander] + [m.label for m in at.metric] + [t.label for t in at.tabs]
    return [str(text) for text in bodies + labels]


@pytest.mark.parametrize(("script", "params"), PAGES, ids=str)
def test_hostile_text_shows_as_typed_on_every_page(app, hostile_copy, script, params):
    at = app(database_url=hostile_copy, **params).switch_page(script).run()
    assert not at.exception, at.exception
    shown = markdown_shown(at)
    assert any("prize" in text for text in shown)  # the string did reach the page
    unescaped = [ESCAPED.sub("", text) for text in shown]  # what is left once every escaped mark is taken out
    leaks = [text for text in unescaped for raw in RAW if raw in text]
    assert leaks == []
    labels = [text for chart in at.get("plotly_chart") for text in strings(json.loads(chart.proto.spec))]
    assert not [text for text in labels if "<img" in text]  # Plotly reads <img>, <a href> and <b> as markup


def strings(value: object) -> list[str]:
    """Every string in a chart's JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []
