"""Columns that say who someone is, and columns that describe them rather than give feedback: recognised by their
header and by what they hold, so that no email or name is ever imported as feedback."""
from __future__ import annotations

import re

import pandas as pd

# Header words that mean a column identifies its respondent (after lower-casing, punctuation as spaces).
IDENTITY_HEADER = re.compile(r"^(name|names)$|\b(e ?mail|upn|user principal name|full name|first name|last name|"
                             r"surname|forenames?|given name|family name|your name|respondent|responder|"
                             r"employee (id|number|no)|staff (id|number|no)|assignment number|payroll number|"
                             r"login|username|user name)\b")
EMAIL_OR_UPN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Questions about the respondent rather than feedback: "Language", "Which staff group are you in?".
ATTRIBUTES = ("staff group", "language", "preferred language", "division", "directorate", "department", "band",
              "pay band", "job title", "job role", "role", "site", "location", "age", "age group", "age band",
              "gender", "sex", "ethnicity", "ethnic group", "disability", "religion", "religion or belief",
              "sexual orientation")
ASKING = re.compile(r"^(please )?(select |choose )?(which|what is your|what s your|what|your)\s+")
ASKED_OF_YOU = re.compile(r"\s+(are you in|are you|do you work in|do you belong to|do you speak|do you prefer|"
                          r"is yours|do you identify as)$")
MOSTLY = 0.5  # the share of a column's answers that must look identifying for the whole column to be


def words(header: object) -> str:
    """A header as plain lower-case words: 'E-mail address?' → 'e mail address'."""
    return re.sub(r"[^a-z0-9]+", " ", str(header).lower()).strip()


def is_identity_header(header: object) -> bool:
    return IDENTITY_HEADER.search(words(header)) is not None


def attribute_of(header: object) -> str | None:
    """The attribute a question asks about ('staff group' for 'Which staff group are you in?'), or None."""
    asked = ASKED_OF_YOU.sub("", ASKING.sub("", words(header)))
    return asked if asked in ATTRIBUTES else None


def identity_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that identify people: by header, by holding mostly emails or UPNs, or by holding mostly the
    values of a column already found to identify them (a respondent list under another heading)."""
    found = [c for c in frame.columns if is_identity_header(c) or _mostly(frame[c], _looks_like_email)]
    known = {str(v).strip().lower() for c in found for v in frame[c].dropna()}
    return found + [c for c in frame.columns if c not in found and known and
                    _mostly(frame[c], lambda v: v.strip().lower() in known)]


def _looks_like_email(value: str) -> bool:
    return EMAIL_OR_UPN.match(value.strip()) is not None


def _mostly(values: pd.Series, test) -> bool:
    answers = [str(v) for v in values.dropna() if str(v).strip()]
    return bool(answers) and sum(map(test, answers)) >= MOSTLY * len(answers)
