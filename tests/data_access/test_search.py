"""Search semantics: words and plurals, exact phrases, AND / OR / NOT, brackets, no match, bad searches."""
from __future__ import annotations

import pytest

from data_access.search import SearchSyntaxError, describe, highlight_spans, matches, parse

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


@pytest.mark.parametrize(("search", "text"), [
    ("can't", "I can\u2019t get a break"), ("can\u2019t", "I can't get a break"), ("don't", "We DON'T know"),
    ('"don\u2019t know"', "we don't know who to ask"), ("staff's", "the staff\u2019s room"),
])
def test_straight_and_curly_apostrophes_are_the_same(search, text):
    node = parse(search)
    assert matches(node, text)
    assert any(fragment in text.lower() for fragment in node.like_fragments())  # the database's coarse filter too


def test_an_apostrophe_word_is_not_its_parts():
    assert not matches(parse("can't"), "I cant say") and not matches(parse("can't"), "a can, tea")


@pytest.mark.parametrize(("search", "read_as", "expected"), [
    ("nurse or manager", "nurse OR manager", {"a", "c", "d"}),
    ("car and parking", "car AND parking", {"b", "d"}),
    ("nurse not night", "nurse AND NOT night", {"d"}),
    ("nurse and not night", "nurse AND NOT night", {"d"}),
    ("(nurse or manager) not fair", "(nurse OR manager) AND NOT fair", {"a", "d"}),
    ("not night", "not AND night", set()),  # at the start, a word: no text has both
    ('"car park" or manager', '"car park" OR manager', {"b", "c"}),
])
def test_small_operators_between_words_are_read_as_operators_and_said_so(search, read_as, expected):
    assert describe(parse(search)) == read_as
    assert found(search) == expected


def test_phrases_keep_small_words_as_words():
    assert describe(parse('"rota or shift"')) == '"rota or shift"'
