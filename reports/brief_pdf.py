"""The session brief as a PDF: a cover line, the facts, the tables, quoted feedback and score charts."""
from __future__ import annotations

from reports.brief import REACH_DIMENSIONS, Brief
from reports.brief_sections import (ACTION_COLUMNS, DONE_COLUMNS, EARLIER_COLUMNS, SCORE_COLUMNS, SCORES_NOTE,
                                    SECTIONS, REACH_COLUMNS, cover_line, done_heading, facts, reach_caption,
                                    reach_rows, raised, score_rows)
from reports.markdown import cell
from reports.pdf_charts import score_panels
from reports.pdf_document import Document


def _rows(frame, columns: dict[str, str]) -> list[list[str]]:
    """Cells as plain text (dates long, numbers whole); the PDF shows text as text, so nothing is escaped."""
    return [[_plain(row[c]) for c in columns] for _, row in frame.iterrows()]


def _plain(value: object) -> str:
    return cell(value).replace("\\", "")


def brief_pdf(brief: Brief) -> bytes:
    pdf = Document(f"Session brief: {brief.session['title']}")
    pdf.heading(f"Session brief: {brief.session['title']}", size=16)
    pdf.paragraph(cover_line(brief), size=9, style="B")
    pdf.ln(2)
    for label, value in facts(brief):
        pdf.paragraph(f"{label}: {value}")

    pdf.heading(SECTIONS["earlier"])
    if brief.earlier.empty:
        pdf.paragraph("This is the first session on this element.")
    else:
        pdf.table_of(_rows(brief.earlier, EARLIER_COLUMNS), list(EARLIER_COLUMNS.values()),
                     (20, 32, 22, 28, 14, 46, 28))

    pdf.heading(SECTIONS["raised"])
    if brief.sub_themes.empty:
        pdf.paragraph("Nothing has been recorded on this element before.")
    for theme in raised(brief.sub_themes, brief.verbatim):
        pdf.paragraph(theme.title, style="B")
        for text, source in theme.quotes:
            pdf.quote(text, source)

    pdf.heading(SECTIONS["open"])
    if brief.open_actions.empty:
        pdf.paragraph("No open actions on this element.")
    else:
        actions = brief.open_actions.assign(overdue=brief.open_actions["overdue"].map({True: "Overdue", False: ""}))
        pdf.table_of(_rows(actions, ACTION_COLUMNS), list(ACTION_COLUMNS.values()), (42, 54, 32, 20, 24, 18))
    pdf.paragraph(done_heading(brief), style="B")
    if brief.done_since.empty:
        pdf.paragraph("No actions on this element were completed in that time.")
    else:
        pdf.table_of(_rows(brief.done_since, DONE_COLUMNS), list(DONE_COLUMNS.values()), (50, 72, 40, 28))

    pdf.heading(SECTIONS["scores"])
    scores = score_rows(brief)
    if scores.empty:
        pdf.paragraph("No survey scores are loaded for this element.")
    else:
        score_panels(pdf, brief.scores, brief.score_codes)
        pdf.ln(2)
        pdf.table_of(_rows(scores, SCORE_COLUMNS), list(SCORE_COLUMNS.values()), (50, 24, 29, 29, 29, 29))
        pdf.paragraph(SCORES_NOTE, size=9)
    pdf.heading(SECTIONS["reach"])
    pdf.paragraph(reach_caption(brief), size=9)
    for dimension, label in REACH_DIMENSIONS.items():
        pdf.paragraph(f"By {label.lower()}", style="B")
        pdf.table_of(_rows(reach_rows(brief.reach[dimension]), REACH_COLUMNS), list(REACH_COLUMNS.values()),
                     (56, 38, 24, 26, 18, 28))
    return bytes(pdf.output())
