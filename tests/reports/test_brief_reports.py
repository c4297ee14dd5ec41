"""The brief's Markdown and PDF for a known sample session: sections, numbers and quoted feedback."""
from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from pypdf import PdfReader

from data_access import queries_brief
from data_access.suppression import published
from formats.markup import markdown_text
from reports import pdf_document
from reports.brief import BriefReads, collect_brief
from reports.brief_markdown import brief_markdown
from reports.brief_pdf import brief_pdf
from reports.brief_sections import BRIEF, SECTIONS
from tests.helpers import attendees_by_date, csv_rows, report_participants, teams_reports

TODAY = date(2026, 11, 23)
THRESHOLD = 10


@pytest.fixture
def brief(seeded_engine):
    choices = queries_brief.session_choices(seeded_engine, "R9Z", TODAY)
    session_id = int(choices.loc[choices["title"] == "Supporting carers at work", "session_id"].iloc[0])
    return collect_brief(BriefReads.bound_to(seeded_engine), session_id, TODAY, THRESHOLD)


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_markdown_holds_every_section_with_the_sessions_numbers(brief):
    text = brief_markdown(brief)
    cover = 'Brief for "Supporting carers at work" on 21 January 2027, produced on 23 November 2026.'
    assert text.startswith(f"# Session brief: Supporting carers at work\n{markdown_text(cover)}")
    for heading in SECTIONS.values():
        assert f"## {heading}" in text
    attendees = attendees_by_date()
    assert ("| 11 April 2022 | Flexibility Conversation | Work flexibly | Deputy Chief People Officer\\; "
            f"Chief Executive | {attendees['2022-04-11']} |") in text
    assert f"### {markdown_text('Working from home (58 items)')}" in text
    hot_desks = markdown_text("Hybrid working and hot desks, 24 April 2025")
    assert f"> Not enough hot desks when we do come in\n>\n> — {hot_desks}" in text
    assert "| Rotas come out too late to plan childcare | Rotas will be published at least 6 weeks in advance | " \
           "Chief People Officer | coming soon | 19 November 2025 | Overdue |" in text
    assert "## Done since the last session on this element (24 April 2025)" in text
    cells = ("Work flexibly", "2025", "7.21", "7.32", "6.70", "5.83")
    # the median of all 120, the trust included
    assert "| " + " | ".join(markdown_text(c) for c in cells) + " |" in text
    assert "Group best, average (the median) and worst are over every organisation in the trust's benchmarking " \
           "group, the trust included." in text


def test_the_pdf_holds_the_cover_line_sections_numbers_and_quotes(brief):
    content = brief_pdf(brief)
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Brief for \"Supporting carers at work\" on 21 January 2027, produced on 23 November 2026." in text
    for heading in SECTIONS.values():
        assert heading in text
    assert "Working from home (58 items)" in text
    assert '"Not enough hot desks when we do come in"' in text
    assert "Rotas come out too late to plan" in text and "Overdue" in text
    assert "Done since the last session on this element (24 April 2025)" in text
    for label in ("Group best", "Group average", "Group worst", "Our trust", "7.21", "6.70", "the trust included."):
        assert label in text, label
    assert str(attendees_by_date()["2025-04-24"]) in text


def test_the_markdown_and_the_pdf_say_the_same_of_every_empty_section(brief):
    nothing = {"earlier": brief.earlier.head(0), "sub_themes": brief.sub_themes.head(0),
               "open_actions": brief.open_actions.head(0), "done_since": brief.done_since.head(0),
               "scores": brief.scores.head(0), "reach": {d: f.head(0) for d, f in brief.reach.items()}}
    empty = replace(brief, **nothing)
    markdown, pdf = brief_markdown(empty), pdf_text(brief_pdf(empty))
    for section in BRIEF:
        assert section.rows(empty).empty and not section.rows(brief).empty
        assert f"{section.heading(empty)}\n\n{section.empty}" in markdown
        assert f"{section.heading(empty)} {section.empty}" in pdf


def with_comment(brief, text: str):
    verbatim = pd.concat([brief.verbatim.assign(text=text).head(1), brief.verbatim.iloc[1:]], ignore_index=True)
    return type(brief)(**{**brief.__dict__, "verbatim": verbatim})


def test_free_text_is_escaped_in_markdown_and_plain_in_the_pdf(brief):
    nasty = "<script>alert(1)</script> **bold** | pipe — “quoted”"
    altered = with_comment(brief, nasty)
    text = brief_markdown(altered)
    assert f"> {markdown_text(nasty)}" in text and "<script>" not in text
    assert markdown_text(nasty) == r"\<script\>alert\(1\)\<\/script\> \*\*bold\*\* \| pipe — “quoted”"
    assert f'"{nasty}"' in pdf_text(brief_pdf(altered))


def test_the_pdf_prints_every_letter_staff_wrote(brief):
    words = "Zażółć gęślą jaźń — Привіт, колеги — Γειά σου — ‘naïve’ café…"
    assert f'"{words}"' in pdf_text(brief_pdf(with_comment(brief, words)))


def test_without_the_unicode_fonts_the_pdf_still_builds_in_latin_1(brief, monkeypatch, caplog):
    monkeypatch.setattr(pdf_document, "FONT_FOLDERS", ())
    text = pdf_text(brief_pdf(with_comment(brief, "Łukasz said ‘café’ — fine")))
    assert '"?ukasz said \'café\' - fine"' in text
    assert "fonts-liberation" in caplog.text


def pp6_people_by_staff_group() -> dict[str, int]:
    """Distinct attendees of held PP6 sessions so far by staff group, from the Teams reports and the staff list."""
    groups = {row["email"].lower(): row["staff_group"] for row in csv_rows("people.csv")}
    dates = {s["starts_at"][:10] for s in csv_rows("sessions.csv")
             if s["element_code"] == "PP6" and s["status"] == "held"}
    people = {r["Email"].lower() for path in teams_reports() if path.name[:10] in dates
              for r in report_participants(path) if r["Role"] == "Attendee"}
    counts: dict[str, int] = {}
    for email in people:
        group = groups.get(email) or "Unknown"
        counts[group] = counts.get(group, 0) + 1
    return counts


def test_reach_by_staff_group_matches_the_reports_and_hides_small_numbers(brief):
    expected = pp6_people_by_staff_group()
    reach = brief.reach["staff_group"].set_index("group")["people"]
    for group, people in reach.items():
        if pd.isna(people):
            continue
        assert people == published(expected.get(group, 0)), group  # rounded as every shown count is
    assert all(pd.isna(reach[g]) for g, n in expected.items() if 0 < n < THRESHOLD and g in reach.index)
    text = brief_markdown(brief)
    assert "## Who has been reached on this element, against the workforce" in text
    biggest = max((g for g in expected if g != "Unknown"), key=expected.get)
    assert f"| {biggest} | {published(expected[biggest]):,} |" in text
    assert "By staff group" in pdf_text(brief_pdf(brief)) and "By division" in pdf_text(brief_pdf(brief))
