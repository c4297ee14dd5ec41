"""The session brief as a Markdown document."""
from __future__ import annotations

from reports.brief import REACH_DIMENSIONS, Brief
from reports.brief_sections import (ACTION_COLUMNS, DONE_COLUMNS, EARLIER_COLUMNS, SCORE_COLUMNS, SCORES_NOTE,
                                    SECTIONS, REACH_COLUMNS, cover_line, done_heading, facts, reach_caption,
                                    reach_rows, raised, score_rows)
from reports.markdown import escape, table


def brief_markdown(brief: Brief) -> str:
    """Headings, facts, tables and quoted feedback; every piece of free text escaped."""
    parts = [f"# Session brief: {escape(brief.session['title'])}", cover_line(brief), ""]
    parts += [f"- **{label}:** {escape(value)}" for label, value in facts(brief)]
    parts += ["", f"## {SECTIONS['earlier']}", ""]
    parts.append(table(brief.earlier, EARLIER_COLUMNS) if not brief.earlier.empty
                 else "No earlier sessions on this element.")
    parts += ["", f"## {SECTIONS['raised']}", ""]
    if brief.sub_themes.empty:
        parts.append("Nothing has been recorded on this element before.")
    for theme in raised(brief.sub_themes, brief.verbatim):
        parts += [f"### {escape(theme.title)}", ""]
        for text, source in theme.quotes:
            parts += [f"> {escape(text)}", ">", f"> — {escape(source)}", ""]
    parts += ["", f"## {SECTIONS['open']}", ""]
    parts.append(table(brief.open_actions.assign(overdue=brief.open_actions["overdue"].map({True: "Overdue", False: ""})),
                       ACTION_COLUMNS) if not brief.open_actions.empty else "No open actions on this element.")
    parts += ["", f"## {done_heading(brief)}", ""]
    parts.append(table(brief.done_since, DONE_COLUMNS) if not brief.done_since.empty
                 else "No actions on this element were completed in that time.")
    parts += ["", f"## {SECTIONS['scores']}", ""]
    scores = score_rows(brief)
    parts.append(f"{SCORES_NOTE}\n\n{table(scores, SCORE_COLUMNS)}" if not scores.empty
                 else "No survey scores are loaded for this element.")
    parts += ["", f"## {SECTIONS['reach']}", "", reach_caption(brief)]
    for dimension, label in REACH_DIMENSIONS.items():
        parts += ["", f"### By {label.lower()}", "", table(reach_rows(brief.reach[dimension]), REACH_COLUMNS)]
    return "\n".join(parts) + "\n"
