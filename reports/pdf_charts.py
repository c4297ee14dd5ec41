"""Survey score charts drawn straight into the PDF as vectors, readable in greyscale: the trust is a solid
line with filled circles and its values written on; the group's average is dashed, best and worst dotted."""
from __future__ import annotations

import math
from itertools import pairwise

import pandas as pd

from domain import taxonomy
from reports.pdf_document import BLACK, PAGE_WIDTH, Document

PANEL_HEIGHT = 52
GAP = 6
# (column, label, grey level, line width, dash, gap): lines told apart by style and label, not by colour.
LINES = (("best", "Group best", 130, 0.3, 0.4, 0.8), ("worst", "Group worst", 130, 0.3, 0.4, 0.8),
         ("average", "Group average", 80, 0.4, 2.0, 1.2), ("score", "Our trust", 0, 0.8, 0, 0))


def _range(values: pd.Series) -> tuple[float, float]:
    low, high = (float(values.min()), float(values.max())) if not values.empty else (5.0, 8.0)
    return math.floor(low * 2 - 0.5) / 2, math.ceil(high * 2 + 0.5) / 2


def legend(pdf: Document) -> None:
    x, y = pdf.l_margin, pdf.get_y() + 2
    pdf.use_font(size=8)
    for _, label, grey, width, dash, gap in LINES:
        _style(pdf, grey, width, dash, gap)
        pdf.line(x, y, x + 10, y)
        if label == "Our trust":
            pdf.circle(x + 5, y, 0.9, style="F")
        pdf.set_xy(x + 11, y - 2)
        pdf.cell(28, 4, label)
        x += 42
    pdf.set_dash_pattern()
    pdf.set_y(y + 4)


def _style(pdf: Document, grey: int, width: float, dash: float, gap: float) -> None:
    pdf.set_draw_color(grey)
    pdf.set_fill_color(grey)
    pdf.set_line_width(width)
    pdf.set_dash_pattern(dash, gap)


def _panel(pdf: Document, scores: pd.DataFrame, code: str, years: list[int], x: float, y: float,
           width: float) -> None:
    pdf.set_text_color(*BLACK)
    pdf.use_font("B", 9)
    pdf.set_xy(x, y)
    pdf.cell(width, 5, pdf.plain(taxonomy.element_label(code)))
    left, top, right, bottom = x + 9, y + 7, x + width - 14, y + PANEL_HEIGHT - 7
    low, high = _range(scores[["score", "best", "average", "worst"]].stack())

    def px(year: int) -> float:
        return left + (right - left) * (years.index(year) + 0.5) / len(years)

    def py(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / (high - low)

    pdf.use_font(size=7)
    _style(pdf, 215, 0.2, 0, 0)
    tick = low
    while tick <= high + 1e-9:
        pdf.line(left, py(tick), right, py(tick))
        pdf.set_xy(x, py(tick) - 2)
        pdf.cell(8, 4, f"{tick:.1f}", align="R")
        tick += 0.5
    for year in years:
        pdf.set_xy(px(year) - 6, bottom + 1)
        pdf.cell(12, 4, str(year), align="C")
    by_year = scores.set_index("survey_year")
    for column, label, grey, width_, dash, gap in LINES:
        _style(pdf, grey, width_, dash, gap)
        points = [(px(yr), py(by_year.at[yr, column])) if yr in by_year.index and pd.notna(by_year.at[yr, column])
                  else None for yr in years]
        for start, end in pairwise(points):
            if start and end:
                pdf.line(*start, *end)
        if column == "score":
            pdf.set_dash_pattern()
            for point, year in zip(points, years):
                if point:
                    pdf.circle(*point, 0.9, style="F")
                    pdf.set_xy(point[0] - 6, point[1] - 5)
                    pdf.cell(12, 4, f"{by_year.at[year, 'score']:.2f}", align="C")
        last = next((p for p in reversed(points) if p), None)
        if last and column != "score":
            pdf.set_xy(right + 1, last[1] - 2)
            pdf.cell(13, 4, label.removeprefix("Group "))
    pdf.set_dash_pattern()


def score_panels(pdf: Document, scores: pd.DataFrame, codes: tuple[str, ...], columns: int = 2) -> None:
    """One small chart per score, two to a row, starting a new page when a row would not fit."""
    years = sorted(int(y) for y in scores["survey_year"].unique())
    if not years:
        return
    legend(pdf)
    width = (PAGE_WIDTH - GAP * (columns - 1)) / columns
    for n, code in enumerate(codes):
        if n % columns == 0:
            if pdf.get_y() + PANEL_HEIGHT > pdf.h - pdf.b_margin:
                pdf.add_page()
            row_top = pdf.get_y()
        _panel(pdf, scores[scores["metric_code"] == code], code, years, pdf.l_margin + (n % columns) * (width + GAP),
               row_top, width)
        if n % columns == columns - 1 or n == len(codes) - 1:
            pdf.set_y(row_top + PANEL_HEIGHT)
    _style(pdf, 0, 0.2, 0, 0)
