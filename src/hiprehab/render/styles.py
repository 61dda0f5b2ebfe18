"""Every size, colour and paragraph style of the PDF plan, in one place.

The plan is printed, often in black and white: colours are light tints that
print as distinct greys, and nothing relies on colour alone (the traffic light
also has words and symbols). Body text is at least 10 pt; tick boxes and
write-in spaces are sized for a pen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from hiprehab import fonts

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
"""Page size of each paper word of :data:`hiprehab.vocab.PAPERS`."""

# Ink never comes closer than this to the paper's edge: most home printers
# cannot print the outer 5 mm, and 12 mm is the floor.
MARGIN = 14 * mm
HEADER_HEIGHT = 9 * mm
FOOTER_GAP = 3 * mm

BODY_SIZE = 10.5
HEADER_SIZE = 9.0
FOOTER_SIZE = 8.0

TICK_BOX = 6 * mm  # "done" squares: at least 5 mm so a pen tick fits
SCORE_LINE = 12 * mm  # write-in space for a pain score: two handwritten digits
WRITE_LINE_GAP = 8 * mm  # height of a handwritten line

FIGURE_SIZE = 30 * mm  # the illustration box of an exercise card

INK = colors.black
RULE = colors.Color(0.45, 0.45, 0.45)
LIGHT_RULE = colors.Color(0.7, 0.7, 0.7)
SHADE = colors.Color(0.93, 0.93, 0.93)
HEADING_SHADE = colors.Color(0.85, 0.85, 0.85)
# Traffic-light tints: green, amber and red that still print as three different
# greys (light, middle, dark); the zone word and symbol carry the meaning.
GREEN = colors.Color(0.82, 0.93, 0.82)
AMBER = colors.Color(0.99, 0.85, 0.55)
RED = colors.Color(0.93, 0.55, 0.55)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles; build with :func:`make_styles` after registering fonts."""

    body: ParagraphStyle
    body_bold: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    step: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    card_title: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    code: ParagraphStyle
    symbol: ParagraphStyle
    mark: ParagraphStyle
    footer: ParagraphStyle


def make_styles() -> Styles:
    """The styles of the plan, in the fonts of :mod:`hiprehab.fonts`."""
    # Every style descends from this one, which names the font and the bullet
    # font: ReportLab's default is the base-14 Helvetica, which is not embedded.
    base = ParagraphStyle(
        "base",
        fontName=fonts.REGULAR,
        bulletFontName=fonts.REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.3,
        textColor=INK,
    )
    cell_leading = BODY_SIZE * 1.25
    return Styles(
        body=ParagraphStyle("body", base, spaceAfter=4),
        body_bold=ParagraphStyle("body_bold", base, fontName=fonts.BOLD, spaceAfter=4),
        note=ParagraphStyle("note", base, fontName=fonts.ITALIC, spaceAfter=4),
        bullet=ParagraphStyle("bullet", base, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=3),
        step=ParagraphStyle(
            "step", base, leading=cell_leading, leftIndent=5 * mm, bulletIndent=0, spaceAfter=1
        ),
        label=ParagraphStyle("label", base, fontName=fonts.BOLD, spaceBefore=2, spaceAfter=2, keepWithNext=1),
        title=ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=26, leading=32, spaceAfter=6),
        subtitle=ParagraphStyle("subtitle", base, fontSize=15, leading=20, spaceAfter=14),
        h1=ParagraphStyle(
            "h1", base, fontName=fonts.BOLD, fontSize=18, leading=23, spaceAfter=8, keepWithNext=1
        ),
        h2=ParagraphStyle(
            "h2",
            base,
            fontName=fonts.BOLD,
            fontSize=13.5,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            base,
            fontName=fonts.BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        card_title=ParagraphStyle("card_title", base, fontSize=11.5, leading=15),
        cell=ParagraphStyle("cell", base, leading=cell_leading),
        cell_bold=ParagraphStyle("cell_bold", base, fontName=fonts.BOLD, leading=cell_leading),
        cell_center=ParagraphStyle("cell_center", base, alignment=TA_CENTER, leading=cell_leading),
        code=ParagraphStyle("code", base, fontName=fonts.BOLD, fontSize=11, leading=13, alignment=TA_CENTER),
        symbol=ParagraphStyle(
            "symbol", base, fontName=fonts.BOLD, fontSize=20, leading=24, alignment=TA_CENTER
        ),
        mark=ParagraphStyle("mark", base, fontName=fonts.BOLD, fontSize=13, leading=14, alignment=TA_CENTER),
        footer=ParagraphStyle("footer", base, fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.25),
    )


TableCommand = tuple[Any, ...]
"""One TableStyle command, such as ``("BOX", (0, 0), (-1, -1), 0.8, RULE)``."""


def table_style(*commands: TableCommand) -> TableStyle:
    """A TableStyle whose plain-string cells use our font, never ReportLab's Helvetica."""
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE), *commands]
    )
