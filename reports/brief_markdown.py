"""The session brief as a Markdown document: the sections of reports.brief_sections.BRIEF, in order."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from formats.markup import markdown_text
from reports.brief import REACH_DIMENSIONS, Brief
from reports.brief_sections import BRIEF, SCORES_NOTE, Section, cover_line, facts, raised, reach_caption
from reports.markdown import table


def _quotes(brief: Brief, _section: Section, _rows: pd.DataFrame) -> list[str]:
    parts: list[str] = []
    for theme in raised(brief.sub_themes, brief.verbatim):
        parts += [f"### {markdown_text(theme.title)}", ""]
        for text, source in theme.quotes:
            parts += [f"> {markdown_text(text)}", ">", f"> — {markdown_text(source)}", ""]
    return parts


def _reach(brief: Brief, section: Section, rows: pd.DataFrame) -> list[str]:
    parts = [reach_caption(brief)]
    for dimension, label in REACH_DIMENSIONS.items():
        parts += ["", f"### By {label.lower()}", "", table(rows[rows["dimension"] == dimension], section.columns)]
    return parts


def _table(_brief: Brief, section: Section, rows: pd.DataFrame) -> list[str]:
    return [table(rows, section.columns)]


def _scores(_brief: Brief, section: Section, rows: pd.DataFrame) -> list[str]:
    return [SCORES_NOTE, "", table(rows, section.columns)]


BODIES: dict[str, Callable[[Brief, Section, pd.DataFrame], list[str]]] = {"raised": _quotes, "scores": _scores,
                                                                          "reach": _reach}


def brief_markdown(brief: Brief) -> str:
    """Headings, facts, tables and quoted feedback; every piece of free text escaped."""
    parts = [f"# Session brief: {markdown_text(brief.session['title'])}", markdown_text(cover_line(brief)), ""]
    parts += [f"- **{label}:** {markdown_text(value)}" for label, value in facts(brief)]
    for section in BRIEF:
        rows = section.rows(brief)
        parts += ["", f"{'###' if section.minor else '##'} {section.heading(brief)}", ""]
        parts += [section.empty] if rows.empty else BODIES.get(section.key, _table)(brief, section, rows)
    return "\n".join(parts) + "\n"
