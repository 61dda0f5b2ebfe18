"""The fonts of the PDF plan: DejaVu Sans, shipped in ``hiprehab/fonts`` and embedded.

Fonts are registered by :func:`register_fonts`, called when a plan is rendered,
never at import (STYLE.md habit 5), so importing the package costs nothing and a
missing font file fails the render, not ``hiprehab --help``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

# Our own names, so a caller that registered another "DejaVuSans" cannot clash.
REGULAR = "HiprehabSans"
BOLD = "HiprehabSans-Bold"
ITALIC = "HiprehabSans-Oblique"
BOLD_ITALIC = "HiprehabSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> None:
    """Register the four faces and the family (for ``<b>``/``<i>`` markup); safe to repeat."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    # Paragraph markup looks up bold and italic faces through these mappings.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
