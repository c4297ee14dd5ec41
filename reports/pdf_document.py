"""An A4 PDF in the NHS house style with plain building blocks: headings, paragraphs, tables, quotes."""
from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF, FPDFException
from fpdf.fonts import FontFace

# Liberation Sans has Arial's metrics (the NHS's fallback for Frutiger); DejaVu Sans supplies the letters it lacks,
# so staff's words print as they wrote them. Both come from Debian's packages (fonts-liberation, fonts-dejavu-core).
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/dejavu"))
BODY_FACES = {"": "LiberationSans-Regular.ttf", "B": "LiberationSans-Bold.ttf", "I": "LiberationSans-Italic.ttf"}
FALLBACK_FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
BUILT_IN = "Helvetica"
LOG = logging.getLogger(__name__)
# Without those fonts the PDF's built-in ones cover Latin-1 only; common typographic characters are swapped for plain
# ones.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-",
                        "\u00a0": " ", "·": "-"})
NHS_BLUE = (0, 94, 184)
BLACK = (35, 31, 32)
PAGE_WIDTH = 190  # A4 less 10 mm margins


def latin1(text: object) -> str:
    """Text the built-in fonts can show: typographic characters made plain, anything else outside Latin-1 as '?'."""
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def _font_file(name: str) -> Path | None:
    return next((folder / name for folder in FONT_FOLDERS if (folder / name).is_file()), None)


class Document(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.family = self._unicode_fonts()
        self.set_margins(10, 12, 10)
        self.set_auto_page_break(True, margin=14)
        self.set_title(self.plain(title))
        self.add_page()

    def _unicode_fonts(self) -> str:
        """Register the Unicode fonts and return the family to write in; the built-in one if they are missing."""
        body = {style: _font_file(name) for style, name in BODY_FACES.items()}
        if not all(body.values()):
            LOG.warning("Liberation Sans is not installed (Debian's fonts-liberation): PDFs show Latin-1 text only")
            return BUILT_IN
        for style, path in body.items():
            self.add_font("body", style, path)
        fallback = {style: _font_file(name) for style, name in FALLBACK_FACES.items()}
        if all(fallback.values()):
            for style, path in fallback.items():
                self.add_font("fallback", style, path)
            self.set_fallback_fonts(["fallback"], exact_match=False)
        try:
            self.set_text_shaping(True)  # HarfBuzz: joined Arabic letters, right-to-left runs in their order
        except FPDFException:
            LOG.warning("uharfbuzz is not installed: right-to-left text in PDFs is not shaped")
        return "body"

    def plain(self, text: object) -> str:
        """Text as this document's fonts can show it: unchanged with the Unicode fonts."""
        return str(text) if self.family != BUILT_IN else latin1(text)

    def use_font(self, style: str = "", size: float = 10) -> None:
        self.set_font(self.family, style, size)

    def footer(self) -> None:
        self.set_y(-10)
        self.use_font(size=8)
        self.set_text_color(*BLACK)
        self.cell(0, 5, f"Page {self.page_no()}", align="R")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.use_font("B", size)
        self.set_text_color(*NHS_BLUE)
        self.multi_cell(0, size * 0.5, self.plain(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*BLACK)
        self.ln(1)

    def paragraph(self, text: str, size: int = 10, style: str = "") -> None:
        self.use_font(style, size)
        self.multi_cell(0, size * 0.5, self.plain(text), new_x="LMARGIN", new_y="NEXT")

    def quote(self, text: str, source: str) -> None:
        """A comment exactly as written, indented, with where it came from beneath."""
        self.set_x(16)
        self.use_font("I", 10)
        self.multi_cell(PAGE_WIDTH - 6, 5, self.plain(f'"{text}"'), new_x="LMARGIN", new_y="NEXT")
        self.set_x(16)
        self.use_font(size=8)
        self.multi_cell(PAGE_WIDTH - 6, 4, self.plain(f"- {source}"), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def table_of(self, rows: list[list[str]], headings: list[str], widths: tuple[float, ...]) -> None:
        """A table with bold headings and wrapped cells; greyscale borders only."""
        self.use_font(size=8)
        self.set_draw_color(150, 150, 150)
        with self.table(col_widths=widths, text_align="LEFT", line_height=4, width=PAGE_WIDTH,
                        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 237, 238))) as table:
            for row in [headings, *rows]:
                cells = table.row()
                for value in row:
                    cells.cell(self.plain(value))
        self.ln(2)
