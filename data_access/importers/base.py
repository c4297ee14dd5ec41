"""What every kind of import shares: its options, what its reader prepares, and the kind itself."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection

from data_access.importers.errors import ImportProblem
from domain.vocabulary import DEFAULT_FEEDBACK_SOURCE


@dataclass(frozen=True)
class ImportOptions:
    """Everything an import may be told besides the file; plain values, so the page and the CLI build the same."""
    secret: str
    today: date
    user: str = "local user"
    max_bytes: int = 20 * 1024 * 1024
    session_id: int | None = None
    org_code: str | None = None
    survey_year: int | None = None
    questions: tuple[str, ...] | None = None  # forms: the question columns that are feedback (None: all)
    mapping: tuple[tuple[str, str], ...] = ()  # feedback: (field, column) for text, prompt, time, source
    source: str = DEFAULT_FEEDBACK_SOURCE  # feedback: the source when no column gives it
    synthetic: bool = False  # generated sample data (the seed, the benchmark): the sample secret may key it

    @property
    def now(self) -> datetime:
        return datetime.now()


@dataclass
class Prepared:
    """A file read and checked against the database, ready to load; nothing written yet."""
    rows: int
    data: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    help: str
    spreadsheets: bool  # True when an .xlsx is accepted as well as a CSV
    prepare: Callable[[Connection, bytes, ImportOptions], Prepared]
    load: Callable[[Connection, Prepared, ImportOptions, bool], dict[str, int]]
