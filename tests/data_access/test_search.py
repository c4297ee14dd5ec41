"""Search semantics: words and plurals, exact phrases, AND / OR / NOT, brackets, no match, bad searches."""
from __future__ import annotations

import pytest

from data_access.search import SearchSyntaxError, highlight_spans, matches, parse

TEXTS = {
    "a": "The nurses on the night shift never get a break",
    "b": "Parking at the far car park is unsafe after dark",
    "c": "My manager listens; our team policies on rotas are fair",
    "d": "Car parking permits cost too much for a nurse",
    "e": "Towards better awards for staff",
}


def found(search: str) -> set[str]:
    node = parse(search)
    return {key for key, text in TEXTS.items() if matches(node, text)}


@pytest.mark.parametrize(("search", "expected"), [
    ("nurse", {"a", "d"}),                      # singular finds the plural too
    ("nurses", {"a", "d"}),                     # and the other way round
    ("policy", {"c"}), ("rota", {"c"}),         # -ies and -s plurals
    ("ward", set()),                            # whole words only: not "towards", not "awards"
    ('"car park"', {"b"}),                      # exact phrase, not "car parking"
    ('"CAR PARK"', {"b"}),                      # case does not matter
    ("car AND parking", {"d", "b"}),
    ("car parking", {"d", "b"}),                # words side by side mean AND
    ("nurse OR manager", {"a", "c", "d"}),
    ("nurse NOT night", {"d"}),
    ("nurse -night", {"d"}),
    ("(nurse OR manager) NOT fair", {"a", "d"}),
    ("zebra", set()),
])
def test_search_semantics(search, expected):
    assert found(search) == expected


@pytest.mark.parametrize(("search", "message"), [
    ('"car park', "no partner"), ("(nurse OR manager", "no closing bracket"), ("nurse)", "no opening bracket"),
    ("OR nurse", "need words on both sides"), ("nurse NOT", "needs a word after it"),
])
def test_a_search_that_cannot_be_read_says_how_to_fix_it(search, message):
    with pytest.raises(SearchSyntaxError, match=message):
        parse(search)


def test_an_empty_search_is_no_search():
    assert parse("   ") is None and parse('""') is None


def test_highlights_cover_wanted_words_but_not_excluded_ones():
    text = TEXTS["a"]
    spans = highlight_spans(parse("nurse NOT break"), text)
    assert [text[a:b] for a, b in spans] == ["nurses"]
    text = TEXTS["b"]
    assert [text[a:b] for a, b in highlight_spans(parse('"car park" OR parking'), text)] == ["Parking", "car park"]
