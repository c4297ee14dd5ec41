"""A link's filter values that no longer exist are named in a notice above the page, never dropped silently."""
from __future__ import annotations

from ui.link_values import stale_notice


def link_notices(at) -> list[str]:
    """The notices about the link (the Overview may warn of a fall in survey responses too)."""
    return [w.value for w in at.warning if w.value.startswith("This link")]


def test_a_series_that_no_longer_exists_is_named_and_the_rest_of_the_link_kept(app):
    at = app(series=["Series 2", "Series 9"])
    assert not at.exception
    assert link_notices(at) == [
        "This link asks for series ‘Series 9’, which no longer exists: the view is not narrowed by it. "
        "Check the filters in the sidebar."]
    assert at.multiselect(key="series").value == ["Series 2"]


def test_a_link_whose_values_all_exist_gives_no_notice(app):
    at = app(series="Series 2", element="Safe and healthy")
    assert not link_notices(at) and at.multiselect(key="series").value == ["Series 2"]


def test_the_explorers_own_filters_say_so_too(app):
    at = app(sub_theme="no such sub-theme", band="Band 99")
    at.switch_page("pages/explorer.py").run()
    assert link_notices(at) == [
        "This link asks for sub-theme ‘no such sub\\-theme’; band ‘Band 99’, which no longer exist: the view is not "
        "narrowed by them. Check the filters in the sidebar."]


def test_the_notice_names_every_filter_and_value():
    assert stale_notice({"series": [], "element": []}) is None
    assert stale_notice({"series": ["Series 9", "Series 8"], "organisation": ["RXX"]}) == (
        "This link asks for series ‘Series 9’, ‘Series 8’; organisation ‘RXX’, which no longer exist: the view is not "
        "narrowed by them. Check the filters in the sidebar.")


def test_a_hostile_value_in_a_link_is_named_as_typed_not_as_markdown():
    notice = stale_notice({"series": ["[prize](https://evil.example) **now** :red[x]"]})
    assert "\\[prize\\]\\(https\u2060\\:\\/\\/evil\\.example\\) \\*\\*now\\*\\* \\:red\\[x\\]" in notice
