"""Full-text search over feedback: words (plurals match singulars and back), "exact phrases", AND, OR,
NOT (or a leading minus) and brackets; and, or and not in small letters between words too. Straight and curly
apostrophes are the same (can't finds can’t). A search compiles to a coarse SQL filter (LIKE, the same on SQLite
and PostgreSQL) that the database applies first, and a precise matcher that confirms and highlights; describe()
says how a search was read."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, false, func, or_, true

OPERATORS = {"AND", "OR", "NOT"}
TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|(-)(?=[\w"(])|([^\s()"]+)')
SMALL_OPERATORS = ("and", "or", "not")
APOSTROPHES = "'\u2019\u2018"  # straight, right and left single quotation marks: one apostrophe to a reader
WORD = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*")


class SearchSyntaxError(ValueError):
    """A search the user needs to correct, with a message saying how."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    phrase: bool

    def pattern(self) -> str:
        if self.phrase:
            return r"\b" + r"\W+".join(_any_apostrophe(re.escape(word)) for word in self.words) + r"\b"
        forms = word_forms(self.words[0])
        return r"\b(?:" + "|".join(_any_apostrophe(re.escape(form)) for form in forms) + r")\b"

    def like_fragments(self) -> list[str]:
        """What the text must contain somewhere, as each way of writing an apostrophe spells it."""
        fragments = [" ".join(self.words)] if self.phrase else sorted(word_forms(self.words[0]))
        return sorted({fragment.replace("'", mark) for fragment in fragments for mark in "'\u2019"})

    def __str__(self) -> str:
        return f'"{" ".join(self.words)}"' if self.phrase else self.words[0]


@dataclass(frozen=True)
class Not:
    part: Node


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    parts: tuple[Node, ...]


Node = Term | Not | All | Any


def _any_apostrophe(escaped: str) -> str:
    """A pattern in which each apostrophe matches any way of writing one."""
    return escaped.replace("'", f"[{APOSTROPHES}]")


def word_forms(word: str) -> set[str]:
    """The word with its plural or singular forms: nurse/nurses, rota/rotas, policy/policies, box/boxes."""
    if "'" in word:  # can't, don't, staff's: no plural to add
        return {word}
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and len(word) > 2:
        forms.add(word[:-1] + "ies")
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        forms.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
    return forms


def parse(text: str) -> Node | None:
    """Parse a search; None for an empty one. Raises SearchSyntaxError for one that cannot be read."""
    if text.count('"') % 2:
        raise SearchSyntaxError('A quotation mark has no partner: put exact phrases between two " marks.')
    tokens = _tokens(text)
    if not tokens:
        return None
    node, rest = _parse_or(tokens)
    if rest:
        raise SearchSyntaxError("A closing bracket has no opening bracket.")
    return node


def _tokens(text: str) -> list[tuple[str, object]]:
    tokens: list[tuple[str, object]] = []
    for phrase, opening, closing, minus, word in TOKEN.findall(text):
        if opening or closing or minus:
            tokens.append(("op", "(" if opening else ")" if closing else "NOT"))
        elif word in OPERATORS:
            tokens.append(("op", word))
        elif phrase or word:
            words = tuple(re.sub(f"[{APOSTROPHES}]", "'", found) for found in WORD.findall((phrase or word).lower()))
            if words:
                tokens.append(("term", Term(words, phrase=bool(phrase) or len(words) > 1)))
    return _small_operators(tokens)


def _small_operators(tokens: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """'and', 'or' and 'not' in small letters between two words (or brackets) are operators, as people type them:
    'rota or shift' is rota OR shift, 'rota and not night' rota AND NOT night. At either end they stay words."""
    read = list(tokens)
    for index in range(1, len(read) - 1):
        kind, value = read[index]
        if kind != "term" or not isinstance(value, Term) or value.phrase or value.words[0] not in SMALL_OPERATORS:
            continue
        before, after = read[index - 1], read[index + 1]
        follows = before[0] == "term" or before == ("op", ")") or (value.words[0] == "not" and before[0] == "op")
        if follows and (after[0] == "term" or after == ("op", "(")):
            read[index] = ("op", value.words[0].upper())
    return read


def _parse_or(tokens: list) -> tuple[Node, list]:
    parts = []
    node, tokens = _parse_and(tokens)
    parts.append(node)
    while tokens and tokens[0] == ("op", "OR"):
        node, tokens = _parse_and(tokens[1:])
        parts.append(node)
    return (parts[0] if len(parts) == 1 else Any(tuple(parts))), tokens


def _parse_and(tokens: list) -> tuple[Node, list]:
    parts = []
    while tokens and tokens[0] not in (("op", "OR"), ("op", ")")):
        if tokens[0] == ("op", "AND"):
            tokens = tokens[1:]
            continue
        node, tokens = _parse_not(tokens)
        parts.append(node)
    if not parts:
        raise SearchSyntaxError("AND, OR and NOT need words on both sides, for example: rota OR shift.")
    return (parts[0] if len(parts) == 1 else All(tuple(parts))), tokens


def _parse_not(tokens: list) -> tuple[Node, list]:
    kind, value = tokens[0]
    if (kind, value) == ("op", "NOT"):
        if len(tokens) == 1:
            raise SearchSyntaxError("NOT needs a word after it, for example: parking NOT permit.")
        node, rest = _parse_not(tokens[1:])
        return Not(node), rest
    if (kind, value) == ("op", "("):
        node, rest = _parse_or(tokens[1:])
        if not rest or rest[0] != ("op", ")"):
            raise SearchSyntaxError("An opening bracket has no closing bracket.")
        return node, rest[1:]
    if kind == "term":
        return value, tokens[1:]
    raise SearchSyntaxError(f"{value} cannot start a search term.")


def describe(node: Node | None) -> str:
    """How a search was read, in the operators' own words: 'rota OR shift', '"car park" AND NOT permit'."""
    if node is None:
        return ""
    if isinstance(node, Term):
        return str(node)
    if isinstance(node, Not):
        return f"NOT {_grouped(node.part)}"
    joiner = " AND " if isinstance(node, All) else " OR "
    return joiner.join(_grouped(part) for part in node.parts)


def _grouped(node: Node) -> str:
    return f"({describe(node)})" if isinstance(node, All | Any) else describe(node)


def matches(node: Node, text: str) -> bool:
    """Whether the text satisfies the search exactly (case-insensitive, whole words)."""
    if isinstance(node, Term):
        return _regex(node).search(text) is not None
    if isinstance(node, Not):
        return not matches(node.part, text)
    if isinstance(node, All):
        return all(matches(part, text) for part in node.parts)
    return any(matches(part, text) for part in node.parts)


@functools.lru_cache(maxsize=256)
def _regex(term: Term) -> re.Pattern:
    """The term's pattern compiled once: building it anew for each of thousands of items cost most of a search."""
    return re.compile(term.pattern(), re.IGNORECASE)


def sql_condition(node: Node, column) -> ColumnElement[bool]:
    """A filter the database can run that keeps every match (and possibly a few more, confirmed later)."""
    if isinstance(node, Term):
        lowered = func.lower(column)
        return or_(*(lowered.like(f"%{_escape_like(fragment)}%", escape="\\") for fragment in node.like_fragments()))
    if isinstance(node, Not):
        # A substring hit is not a whole-word hit, so NOT is only decided precisely, after the database.
        return true()
    if isinstance(node, All):
        return and_(*(sql_condition(part, column) for part in node.parts))
    return or_(false(), *(sql_condition(part, column) for part in node.parts))


def _escape_like(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def highlight_spans(node: Node | None, text: str) -> list[tuple[int, int]]:
    """Where the search's wanted words and phrases (not those under NOT) occur, merged, in order."""
    spans: list[tuple[int, int]] = []
    for term in _wanted_terms(node):
        spans += [match.span() for match in _regex(term).finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _wanted_terms(node: Node | None) -> list[Term]:
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term):
        return [node]
    return [term for part in node.parts for term in _wanted_terms(part)]
