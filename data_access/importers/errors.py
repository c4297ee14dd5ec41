"""How an importer reports a refused file: every problem, by row and column."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [f"row {self.row}" if self.row is not None else "", f"column {self.column}" if self.column else ""]
        prefix = ", ".join(part for part in where if part)
        return f"{prefix}: {self.message}" if prefix else self.message


class ImportRefused(Exception):
    """The file was refused whole; nothing was written."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def refuse(message: str, row: int | None = None, column: str | None = None) -> ImportRefused:
    """A refusal of the whole file for one reason."""
    return ImportRefused([ImportProblem(row, column, message)])
