"""The fonts of the PDF plan: DejaVu Sans, shipped in ``hiprehab/fonts`` and embedded.

The exercise library's cards are set in DejaVu Sans Condensed, the same letters
a tenth narrower, so a page holds more cards at the same 10 pt.

Fonts are registered by :func:`register_fonts`, called when a plan is rendered,
never at import, so importing the package costs nothing and a
missing font file fails the render, not ``hiprehab --help``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent

# Our own names, so a caller that registered another "DejaVuSans" cannot clash.
REGULAR = "HiprehabSans"
BOLD = "HiprehabSans-Bold"
ITALIC = "HiprehabSans-Oblique"
BOLD_ITALIC = "HiprehabSans-BoldOblique"
CONDENSED = "HiprehabSansCondensed"
CONDENSED_BOLD = "HiprehabSansCondensed-Bold"
CONDENSED_ITALIC = "HiprehabSansCondensed-Oblique"
CONDENSED_BOLD_ITALIC = "HiprehabSansCondensed-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
    CONDENSED_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    CONDENSED_BOLD_ITALIC: "DejaVuSansCondensed-BoldOblique.ttf",
}


def register_fonts() -> None:
    """Register the faces and the two families (for ``<b>``/``<i>`` markup); safe to repeat."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    # Paragraph markup looks up bold and italic faces through these mappings.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    addMapping(CONDENSED, 0, 0, CONDENSED)
    addMapping(CONDENSED, 1, 0, CONDENSED_BOLD)
    addMapping(CONDENSED, 0, 1, CONDENSED_ITALIC)
    addMapping(CONDENSED, 1, 1, CONDENSED_BOLD_ITALIC)


def unsupported_characters(text: str) -> str:
    """The distinct characters of ``text``, in order of first appearance, that the regular face cannot draw.

    The PDF draws such a character as nothing at all, so a name in Chinese or
    with an emoji would silently lose letters; the CLI warns with this.
    """
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    assert isinstance(font, TTFont)  # noqa: S101 - register_fonts registered a TrueType font
    glyphs = font.face.charToGlyph  # code point -> glyph index, for every character the face draws
    return "".join(dict.fromkeys(char for char in text if ord(char) not in glyphs))


# What the PDF prints instead of a name it cannot print faithfully.
NAME_FALLBACK = "(name not printable: write it here)"


@dataclass(frozen=True)
class NameOnPaper:
    """How a runner's name comes out on paper, and why it differs from what was typed."""

    text: str  # what the PDF prints: the name, the name without symbols, or NAME_FALLBACK ("" for none)
    dropped: str = ""  # symbols (emoji...) the font cannot draw, left out
    missing: str = ""  # letters the font has no shapes for (Chinese, Japanese...)
    right_to_left: str = ""  # letters of right-to-left scripts (Arabic, Hebrew), which come out reversed


def name_on_paper(name: str) -> NameOnPaper:
    """The name as the PDF can print it faithfully, or :data:`NAME_FALLBACK`.

    ReportLab draws text left to right without shaping, so Arabic or Hebrew
    letters would print reversed and unjoined; letters the font lacks print as
    nothing. A name with either is replaced whole rather than printed wrong.
    Symbols the font lacks (an emoji) are simply left out.
    """
    name = name.strip()
    missing = unsupported_characters(name)
    dropped = "".join(c for c in missing if not _is_letter(c))
    kept = "".join(c for c in name if c not in dropped).strip()
    letters = "".join(c for c in missing if _is_letter(c))
    backwards = "".join(dict.fromkeys(c for c in kept if unicodedata.bidirectional(c) in {"R", "AL"}))
    if letters or backwards:
        return NameOnPaper(NAME_FALLBACK, dropped, letters, backwards)
    return NameOnPaper(" ".join(kept.split()), dropped)


def _is_letter(char: str) -> bool:
    """Letters, marks and digits carry the name; symbols, emoji and joiners only decorate it."""
    return unicodedata.category(char)[0] in {"L", "M", "N"}
