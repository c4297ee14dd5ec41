"""An A4 PDF in the NHS house style with plain building blocks: headings, paragraphs, tables, quotes."""
from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

# The PDF's built-in fonts cover Latin-1 only; common typographic characters are swapped for plain ones.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-",
                        "\u00a0": " ", "·": "-"})
NHS_BLUE = (0, 94, 184)
BLACK = (35, 31, 32)
PAGE_WIDTH = 190  # A4 less 10 mm margins


def latin1(text: object) -> str:
    """Text the built-in fonts can show: typographic characters made plain, anything else outside Latin-1 as '?'."""
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


class Document(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.set_margins(10, 12, 10)
        self.set_auto_page_break(True, margin=14)
        self.set_title(latin1(title))
        self.add_page()

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", size=8)
        self.set_text_color(*BLACK)
        self.cell(0, 5, f"Page {self.page_no()}", align="R")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*NHS_BLUE)
        self.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*BLACK)
        self.ln(1)

    def paragraph(self, text: str, size: int = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")

    def quote(self, text: str, source: str) -> None:
        """A comment exactly as written, indented, with where it came from beneath."""
        self.set_x(16)
        self.set_font("Helvetica", "I", 10)
        self.multi_cell(PAGE_WIDTH - 6, 5, latin1(f'"{text}"'), new_x="LMARGIN", new_y="NEXT")
        self.set_x(16)
        self.set_font("Helvetica", size=8)
        self.multi_cell(PAGE_WIDTH - 6, 4, latin1(f"- {source}"), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def table_of(self, rows: list[list[str]], headings: list[str], widths: tuple[float, ...]) -> None:
        """A table with bold headings and wrapped cells; greyscale borders only."""
        self.set_font("Helvetica", size=8)
        self.set_draw_color(150, 150, 150)
        with self.table(col_widths=widths, text_align="LEFT", line_height=4, width=PAGE_WIDTH,
                        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 237, 238))) as table:
            for row in [headings, *rows]:
                cells = table.row()
                for value in row:
                    cells.cell(latin1(value))
        self.ln(2)
