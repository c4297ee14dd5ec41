"""The session brief as a PDF: a cover line, the facts, then the sections of reports.brief_sections.BRIEF, with
quoted feedback and score charts."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from reports.brief import REACH_DIMENSIONS, Brief
from reports.brief_sections import BRIEF, SCORES_NOTE, Section, cover_line, facts, raised, reach_caption
from reports.markdown import plain
from reports.pdf_charts import score_panels
from reports.pdf_document import Document

# Column widths in millimetres, by section.
WIDTHS = {"earlier": (20, 32, 22, 28, 14, 46, 28), "open": (42, 54, 32, 20, 24, 18), "done": (50, 72, 40, 28),
          "scores": (50, 24, 29, 29, 29, 29), "reach": (56, 38, 24, 26, 18, 28)}


def _rows(frame: pd.DataFrame, columns: dict[str, str]) -> list[list[str]]:
    """Cells as plain text (dates long, numbers whole); the PDF shows text as text, so nothing is escaped."""
    return [[plain(row[c]) for c in columns] for _, row in frame.iterrows()]


def _table(pdf: Document, _brief: Brief, section: Section, rows: pd.DataFrame) -> None:
    pdf.table_of(_rows(rows, section.columns), list(section.columns.values()), WIDTHS[section.key])


def _quotes(pdf: Document, brief: Brief, _section: Section, _rows: pd.DataFrame) -> None:
    for theme in raised(brief.sub_themes, brief.verbatim):
        pdf.paragraph(theme.title, style="B")
        for text, source in theme.quotes:
            pdf.quote(text, source)


def _scores(pdf: Document, brief: Brief, section: Section, rows: pd.DataFrame) -> None:
    score_panels(pdf, brief.scores, brief.score_codes)
    pdf.ln(2)
    _table(pdf, brief, section, rows)
    pdf.paragraph(SCORES_NOTE, size=9)


def _reach(pdf: Document, brief: Brief, section: Section, rows: pd.DataFrame) -> None:
    pdf.paragraph(reach_caption(brief), size=9)
    for dimension, label in REACH_DIMENSIONS.items():
        pdf.paragraph(f"By {label.lower()}", style="B")
        _table(pdf, brief, section, rows[rows["dimension"] == dimension])


BODIES: dict[str, Callable[[Document, Brief, Section, pd.DataFrame], None]] = {
    "raised": _quotes, "scores": _scores, "reach": _reach}


def brief_pdf(brief: Brief) -> bytes:
    pdf = Document(f"Session brief: {brief.session['title']}")
    pdf.heading(f"Session brief: {brief.session['title']}", size=16)
    pdf.paragraph(cover_line(brief), size=9, style="B")
    pdf.ln(2)
    for label, value in facts(brief):
        pdf.paragraph(f"{label}: {value}")
    for section in BRIEF:
        rows = section.rows(brief)
        if section.minor:
            pdf.paragraph(section.heading(brief), style="B")
        else:
            pdf.heading(section.heading(brief))
        if rows.empty:
            pdf.paragraph(section.empty)
        else:
            BODIES.get(section.key, _table)(pdf, brief, section, rows)
    return bytes(pdf.output())
