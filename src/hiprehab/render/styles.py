"""Every size, colour and paragraph style of the PDF plan, in one place.

The plan is printed, often in black and white: colours are light tints that
print as distinct greys, and nothing relies on colour alone (the traffic light
also has words and symbols). Body text is at least 10 pt; tick boxes and
write-in spaces are sized for a pen.
"""

from __future__ import annotations

import weakref
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
HEADER_RULE_DROP = 4.0  # the running header's rule, this far below its baseline
FOOTER_GAP = 3 * mm

BODY_SIZE = 10.0  # the floor for text a runner reads
LARGE_BODY_SIZE = 14.0  # ``--large-print``: for runners who read small print badly
CARD_LEADING = 1.08  # line spacing of the library's cards, as a share of the text size
HEADER_SIZE = 9.0
ABOVE_FRAME = HEADER_HEIGHT - HEADER_SIZE - HEADER_RULE_DROP
"""The free band between the running header's rule and the top of the page's text."""
FOOTER_SIZE = 8.0

TICK_BOX = 6 * mm  # "done" squares: at least 5 mm so a pen tick fits
LARGE_TICK_BOX = 8 * mm
SCORE_LINE = 12 * mm  # write-in space for a pain score: two handwritten digits
WRITE_LINE_GAP = 8 * mm  # height of a handwritten line

FIGURE_SIZE = 35 * mm  # the illustration box of an exercise card: at least 35 mm wide
LARGE_FIGURE_SIZE = 44 * mm

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
    """The paragraph styles and pen sizes; build with :func:`make_styles` after registering fonts."""

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
    card_text: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    code: ParagraphStyle
    symbol: ParagraphStyle
    mark: ParagraphStyle
    footer: ParagraphStyle
    large_print: bool = False
    tick_box: float = TICK_BOX
    figure_size: float = FIGURE_SIZE

    @property
    def size(self) -> float:
        """The body text size in points."""
        return float(self.body.fontSize)


def make_styles(*, large_print: bool = False) -> Styles:
    """The styles of the plan, in the fonts of :mod:`hiprehab.fonts`; larger for ``large_print``."""
    size = LARGE_BODY_SIZE if large_print else BODY_SIZE
    scale = size / BODY_SIZE
    # Every style descends from this one, which names the font and the bullet
    # font: ReportLab's default is the base-14 Helvetica, which is not embedded.
    base = ParagraphStyle(
        "base",
        fontName=fonts.REGULAR,
        bulletFontName=fonts.REGULAR,
        fontSize=size,
        leading=size * 1.2,
        textColor=INK,
    )
    cell_leading = size * 1.2
    card_font = fonts.REGULAR if large_print else fonts.CONDENSED
    return Styles(
        large_print=large_print,
        tick_box=LARGE_TICK_BOX if large_print else TICK_BOX,
        figure_size=LARGE_FIGURE_SIZE if large_print else FIGURE_SIZE,
        body=ParagraphStyle("body", base, spaceAfter=3),
        body_bold=ParagraphStyle("body_bold", base, fontName=fonts.BOLD, spaceAfter=4),
        note=ParagraphStyle("note", base, fontName=fonts.ITALIC, spaceAfter=4),
        bullet=ParagraphStyle("bullet", base, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1),
        step=ParagraphStyle(
            "step", base, leading=cell_leading, leftIndent=5 * mm, bulletIndent=0, spaceAfter=1
        ),
        label=ParagraphStyle("label", base, fontName=fonts.BOLD, spaceBefore=2, spaceAfter=2, keepWithNext=1),
        title=ParagraphStyle(
            "title", base, fontName=fonts.BOLD, fontSize=24 * scale, leading=29 * scale, spaceAfter=6
        ),
        subtitle=ParagraphStyle("subtitle", base, fontSize=15 * scale, leading=19 * scale, spaceAfter=8),
        h1=ParagraphStyle(
            "h1",
            base,
            fontName=fonts.BOLD,
            fontSize=16 * scale,
            leading=20 * scale,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            base,
            fontName=fonts.BOLD,
            fontSize=12.5 * scale,
            leading=16 * scale,
            spaceBefore=5,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            base,
            fontName=fonts.BOLD,
            fontSize=11 * scale,
            leading=14 * scale,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        ),
        # The library's cards: the condensed face and closer lines, so a page holds more of
        # them; large print keeps the regular face, for runners who read small print badly.
        card_title=ParagraphStyle(
            "card_title", base, fontName=card_font, fontSize=11 * scale, leading=13 * scale
        ),
        cell=ParagraphStyle("cell", base, leading=cell_leading),
        card_text=ParagraphStyle("card_text", base, fontName=card_font, leading=size * CARD_LEADING),
        cell_bold=ParagraphStyle("cell_bold", base, fontName=fonts.BOLD, leading=cell_leading),
        cell_center=ParagraphStyle("cell_center", base, alignment=TA_CENTER, leading=cell_leading),
        code=ParagraphStyle(
            "code", base, fontName=fonts.BOLD, fontSize=size, leading=size * 1.2, alignment=TA_CENTER
        ),
        symbol=ParagraphStyle(
            "symbol", base, fontName=fonts.BOLD, fontSize=20 * scale, leading=24 * scale, alignment=TA_CENTER
        ),
        mark=ParagraphStyle(
            "mark", base, fontName=fonts.BOLD, fontSize=12 * scale, leading=cell_leading, alignment=TA_CENTER
        ),
        footer=ParagraphStyle("footer", base, fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.25),
    )


TableCommand = tuple[Any, ...]
"""One TableStyle command, such as ``("BOX", (0, 0), (-1, -1), 0.8, RULE)``."""


def table_style(*commands: TableCommand) -> TableStyle:
    """A TableStyle whose plain-string cells use our font, never ReportLab's Helvetica."""
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE), *commands]
    )


# Styles made from the plan's styles by derived(), kept as long as the process keeps
# those (render._STYLES), by base style, then by name and changes.
_DERIVED: weakref.WeakKeyDictionary[
    ParagraphStyle, dict[tuple[str, tuple[tuple[str, Any], ...]], ParagraphStyle]
] = weakref.WeakKeyDictionary()


def derived(base: ParagraphStyle, name: str, **changes: Any) -> ParagraphStyle:
    """``base`` with ``changes``, the same style object each time it is asked for in a process.

    Paragraphs share their parsed text and line breaks by style object (see
    ``flowables.Para``): a style made afresh for each plan, week or row would parse
    and break all its texts again.
    """
    made = _DERIVED.setdefault(base, {})
    key = (name, tuple(sorted(changes.items())))
    if key not in made:
        made[key] = ParagraphStyle(name, base, **changes)
    return made[key]


def forget_derived() -> None:
    """Forget the derived styles (memory only)."""
    _DERIVED.clear()
