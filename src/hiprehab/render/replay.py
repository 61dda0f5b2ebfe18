"""Paragraphs drawn once per process: their drawing operators replayed in later documents.

A roster's plans print the same labels, doses, steps and tips again and again,
and drawing a paragraph (placing each word, encoding its characters) is a fifth
of a plan's render. :class:`~hiprehab.render.flowables.Para` records the
operators a paragraph draws and, when the same paragraph is drawn again at the
same size, in this document or a later one of the process, appends them instead.

Operators name fonts and encode characters the way the document being written
does: an embedded TrueType font gets a name in the order fonts are first used
(``/F3+0``), and a character outside ASCII gets a code in the order it is first
drawn in that font. So that these agree from plan to plan, every plan
document first uses its faces in a fixed order (:func:`seed_fonts`) and gives
the characters the plan's own words use (:data:`PRINTED`) their codes up
front. A recording keeps the font names and character codes it relied on, and
is replayed only where the document encodes them alike; elsewhere (a name in
letters no other text uses, say) the paragraph is drawn afresh.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hiprehab import fonts

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from reportlab.lib.styles import ParagraphStyle

PRINTED = "\u00b7\u2013\u2022\u2713\u2717\u2016\u2193\u2192\u2026"
"""The characters outside ASCII that the plan's own words print, in the order they get their codes.

A middle dot, an en dash, a bullet, a check mark, a ballot x, a double
vertical line, a down arrow, a right arrow and an ellipsis. Each plan document
gives them codes before drawing anything, so every plan encodes them alike and
its paragraphs can be replayed; each costs a glyph in every embedded face. A
character missing here is still printed right: the paragraphs holding it are
replayed only between documents that happened to encode it alike.
"""

PLAN_FACES = (
    fonts.REGULAR,
    fonts.BOLD,
    fonts.ITALIC,
    fonts.CONDENSED,
    fonts.CONDENSED_BOLD,
    fonts.CONDENSED_ITALIC,
)
"""The faces a plan prints in (its cards in the condensed family), in the order its document names them."""
LARGE_PRINT_FACES = (fonts.REGULAR, fonts.BOLD, fonts.ITALIC)
"""The faces of a large-print plan, whose cards keep the regular family."""
SHEET_FACES = (fonts.REGULAR, fonts.BOLD)
"""The faces of a referral sheet."""

REPLAY = True  # False draws every paragraph afresh (the tests compare the bytes both ways)
MAX_DRAWN = 20000  # recordings kept in all: a bound on memory over a long roster, not a working limit


def document_faces(card_font: str, *, sheet: bool) -> tuple[str, ...]:
    """The faces a document seeds: a referral sheet's, or a plan's whose cards are set in ``card_font``."""
    if sheet:
        return SHEET_FACES
    return PLAN_FACES if card_font == fonts.CONDENSED else LARGE_PRINT_FACES


def seed_fonts(canvas: Any, faces: tuple[str, ...]) -> None:
    """Name ``faces`` in this order in the canvas's document, and give :data:`PRINTED` its codes in each.

    Called before anything is drawn: every document seeded with the same faces
    then names them and encodes those characters alike.
    """
    doc = canvas._doc  # noqa: SLF001 - the document fonts are encoded for
    for name in faces:
        font: Any = pdfmetrics.getFont(name)  # a TrueType face: ReportLab's stubs know only Font
        # Encoding first, then the name, as drawing text does (a name alone would
        # set up the encoding without the face's own glyph list).
        font.splitString(PRINTED, doc)
        font.getSubsetInternalName(0, doc)


@dataclass(frozen=True)
class _Recording:
    """A paragraph's drawing operators, and what of the document's state they rely on."""

    code: tuple[str, ...]
    fonts: tuple[tuple[TTFont, str, tuple[tuple[int, int], ...]], ...]
    """Each face used: its internal name, and the codes of the characters outside ASCII it encodes."""
    version: tuple[int, int]
    gstate: tuple[object, ...]

    def fits(self, canvas: Any) -> bool:
        """Whether ``canvas``'s document names these faces and encodes these characters as recorded."""
        doc = canvas._doc  # noqa: SLF001
        if doc._pdfVersion != self.version or _gstate(canvas) != self.gstate:  # noqa: SLF001
            return False
        for font, name, codes in self.fonts:
            state: Any = font.state.get(doc)
            if state is None or state.internalName != name:
                return False
            assigned = state.assignments
            for char, code in codes:
                if assigned.get(char) != code:
                    return False
        return True


_NEVER = _Recording((), (), (0, 0), ())
"""Marks a paragraph whose drawing is never recorded (links, pictures, underlines, a built-in font)."""

# Recordings by style, then by the paragraph's text, line widths and size.
_DRAWN: weakref.WeakKeyDictionary[ParagraphStyle, dict[Hashable, _Recording]] = weakref.WeakKeyDictionary()
_KEPT = 0  # recordings kept, for MAX_DRAWN
_FONT_NAME = re.compile(r"(/\S+) \S+ Tf")


def forget_drawing() -> None:
    """Forget the recorded paragraphs (memory only: the next plan's bytes are the same)."""
    global _KEPT  # noqa: PLW0603 - one count for every style's recordings
    _DRAWN.clear()
    _KEPT = 0


def draw(
    style: ParagraphStyle,
    key: Hashable,
    canvas: Any,
    frags: list[Any] | None,
    bullet: object,
    draw_afresh: Callable[[], None],
) -> None:
    """Draw a paragraph of ``style`` whose text, lines and size ``key`` names, replayed if it can be.

    ``frags`` are its parsed fragments (None when no longer known) and ``bullet``
    its bullet text; ``draw_afresh`` draws it as ReportLab does.
    """
    recordings = _DRAWN.get(style)
    found = None if recordings is None else recordings.get(key)
    if found is not None:
        if found is not _NEVER and found.fits(canvas):
            canvas._code.extend(found.code)  # noqa: SLF001 - the page's (or form's) operators
            return
        draw_afresh()
        return
    text = _plain_text(frags, bullet)
    if text is None:
        draw_afresh()
        if frags is not None:
            _keep(style, key, _NEVER)
        return
    code: list[str] = canvas._code  # noqa: SLF001
    start = len(code)
    before = registered(canvas)
    gstate = _gstate(canvas)
    doc = canvas._doc  # noqa: SLF001
    draw_afresh()
    if canvas._code is not code or registered(canvas) != before:  # noqa: SLF001
        return  # it registered something with the document: try again when next drawn
    # The PDF version it may have raised: replayed where the version is already that.
    _keep(style, key, _record(tuple(code[start:]), doc, text, doc._pdfVersion, gstate))  # noqa: SLF001


def _keep(style: ParagraphStyle, key: Hashable, recording: _Recording) -> None:
    global _KEPT  # noqa: PLW0603 - one count for every style's recordings
    if _KEPT >= MAX_DRAWN:
        _DRAWN.clear()
        _KEPT = 0
    _DRAWN.setdefault(style, {})[key] = recording
    _KEPT += 1


def _plain_text(frags: list[Any] | None, bullet: object) -> str | None:
    """The text of fragments that draw nothing but text and colour, with the bullet; else None."""
    if frags is None or not isinstance(bullet, str | None):
        return None  # no longer known, or a bullet made of markup
    text = [bullet or ""]
    for frag in frags:
        if any(getattr(frag, name, None) for name in _NOT_PLAIN):
            return None
        text.append(getattr(frag, "text", ""))
    return "".join(text)


def _record(
    code: tuple[str, ...], doc: Any, text: str, version: tuple[int, int], gstate: tuple[object, ...]
) -> _Recording:
    """The recording of ``code``, drawing ``text``, or :data:`_NEVER` if it can never be replayed."""
    outside = sorted({ord(c) for c in text if not " " <= c <= "~"})
    by_name: dict[str, tuple[Any, Any]] = {}
    for font in doc.delayedFonts:
        state = font.state.get(doc)
        if isinstance(font, TTFont) and state is not None and state.internalName is not None:
            by_name[state.internalName] = (font, state)
    used = []
    for name in dict.fromkeys(_FONT_NAME.findall(" ".join(code))):
        found = by_name.get(name[1:].partition("+")[0])
        if found is None or not getattr(found[0], "_asciiReadable", False):  # how ReportLab encodes ASCII
            return _NEVER  # a built-in font, or ASCII encoded per document
        font, state = found
        codes = tuple((c, state.assignments[c]) for c in outside if c in state.assignments)
        used.append((font, state.internalName, codes))
    return _Recording(code, tuple(used), version, gstate)


_NOT_PLAIN = ("cbDefn", "link", "us_lines", "underline", "strike", "backColor")
"""Fragment attributes whose drawing registers links or pictures, or reads the canvas's pen."""


def _gstate(canvas: Any) -> tuple[object, ...]:
    """The transparency and overprint settings in force, which decide whether colours emit a state change."""
    state = canvas._extgstate  # noqa: SLF001
    return tuple(state._d.get(name, default) for name, default in state.defaults.items())  # noqa: SLF001


def registered(canvas: Any, *, with_fonts: bool = False) -> tuple[object, ...]:
    """What drawing may register with a canvas's document besides operators: objects, states, colours, links.

    ``with_fonts`` counts the document's fonts too (a paragraph's fonts are checked
    by their own codes instead; a figure kept for later documents must use none).
    """
    doc = canvas._doc  # noqa: SLF001
    return (
        len(doc.idToObject),
        repr(canvas._extgstate.getState()),  # noqa: SLF001
        repr(canvas._colorsUsed),  # noqa: SLF001
        repr(canvas._shadingUsed),  # noqa: SLF001
        len(canvas._formsinuse),  # noqa: SLF001
        len(canvas._annotationrefs),  # noqa: SLF001
        *((len(doc.fontMapping),) if with_fonts else ()),
    )
