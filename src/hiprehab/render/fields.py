"""PDF form fields over the week sheet's log boxes, so a PDF viewer can fill the log in.

Each field lies exactly over the box drawn for it and has no border, fill or
appearance of its own while empty, so the page prints the same as one without
fields. Names are stable by week, day and session (``w3.d2.day.pain_during``);
``hiprehab review`` reads them back. PDF forms can only type in the standard
fonts, so a typed score is in Helvetica, which every PDF viewer has.

A score field takes two characters at most, and carries actions (PDF 1.7
section 12.6.3) that a viewer with form scripts runs: a keystroke script that
lets only digits in, and Acrobat's ``AFRange_Validate`` that refuses a number
outside 0 to 10. Viewers without scripts still stop at two characters, and
``hiprehab review`` names any value outside 0 to 10 it finds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib.colors import black, transparent
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

SCORE_DIGITS = 2  # "10" at most; the review refuses anything but 0 to 10
SCORE_MIN, SCORE_MAX = 0, 10
FORM_FONT = "Helvetica"
SCORE_KEYSTROKE = "if (!event.willCommit) event.rc = /^[0-9]*$/.test(event.change);"
"""Only digits may be typed into a score (a JavaScript keystroke action)."""
SCORE_VALIDATE = f"AFRange_Validate(true, {SCORE_MIN}, true, {SCORE_MAX});"
"""A score outside 0 to 10 is refused when the field is left (Acrobat's form function)."""


CHECK_BOX_STYLE: dict[str, Any] = {
    "buttonStyle": "check",
    "borderWidth": 0,
    "borderColor": transparent,
    "fillColor": transparent,
    "textColor": black,
    "fieldFlags": "",
}
"""How every check box looks: no border or fill of its own, a black tick when ticked."""
_OWN_ENTRIES = frozenset({"P", "Rect", "T", "TU"})
"""The entries in which one check box's dictionary differs from another of its size: page, place, names."""
_OWN_SCORE_ENTRIES = _OWN_ENTRIES | {"AP"}
"""A score field's own entries: those of a check box, and its own look."""


_NUMBERS = (int, float)
_MOST_IN_A_ROW = 10  # ReportLab breaks an array's line after every ten entries


_MOST_ON_A_LINE = 6  # and a dictionary's after every six


def _value(value: Any, document: Any) -> bytes:
    """``value`` as ReportLab formats it, quicker for what a field's own entries hold.

    A reference, a short row of numbers, a plain text (printable ASCII, in a file
    without encryption) and a small dictionary of them are written here; anything
    else by ReportLab.
    """
    kind = type(value)
    if kind is PDFObjectReference:
        number, version = document.idToObjectNumberAndVersion[value.name]
        return b"%d %d R" % (number, version)
    if not rl_config.pdfMultiLine:
        if kind is PDFArray:
            numbers = value.sequence
            if 0 < len(numbers) <= _MOST_IN_A_ROW and all(type(n) in _NUMBERS for n in numbers):
                text: str = fp_str(*numbers)  # the numbers as format() writes each, a space between
                return b"[ " + text.encode("ascii") + b" ]"
        elif kind is PDFString:
            plain = value.s
            if (
                type(plain) is str
                and plain.isascii()
                and plain.isprintable()
                and value.escape == 1
                and value.enc == "auto"
                and isinstance(document.encrypt, NoEncryption)
            ):
                escaped = (
                    plain.encode("ascii").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                )
                return b"(" + escaped + b")"
        elif kind is PDFDictionary and value.multiline is True and 0 < len(value.dict) <= _MOST_ON_A_LINE:
            entries = value.dict
            if all(type(key) is str and key.isascii() and key.isalnum() for key in entries):
                lines = (
                    b"/" + key.encode("ascii") + b" " + _value(entries[key], document)
                    for key in sorted(entries)
                )
                return b"<<\n" + b" ".join(lines) + b"\n>>"
    formatted: bytes = pdf_format(value, document)
    return formatted


class _Template:
    """The bytes alike fields share: everything but the values of each field's own entries.

    Built the first time one of them is formatted, from ReportLab's own
    formatting of every shared entry; ``pieces`` are those bytes, and in
    between, the name of the own entry whose value goes there.
    """

    def __init__(self) -> None:
        self.settings: tuple[Any, ...] = ()
        self.keys: frozenset[str] = frozenset()
        self.pieces: tuple[bytes | str, ...] = ()


class _SharedEntries(PDFDictionary):
    """A field's dictionary whose entries shared by every field alike are formatted once.

    Formats exactly as ReportLab's dictionary does; a plan has hundreds of fields.
    ``template`` is shared by the fields alike; ``own`` names the entries that differ.
    """

    def __init__(
        self, entries: dict[str, Any], template: _Template, own: frozenset[str] = _OWN_ENTRIES
    ) -> None:
        super().__init__(entries)
        self.template = template
        self.own = own

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - ReportLab's name
        """The dictionary as PDF: the shared bytes as formatted the first time, its own values afresh."""
        entries = self.dict
        template = self.template
        settings = (self.multiline, rl_config.pdfMultiLine, IND)
        if template.settings != settings or template.keys != entries.keys():
            template.settings, template.keys = settings, frozenset(entries)
            template.pieces = self._pieces(document, IND)
        return b"".join(
            piece if type(piece) is bytes else _value(entries[piece], document) for piece in template.pieces
        )

    def _pieces(self, document: Any, IND: bytes) -> tuple[bytes | str, ...]:  # noqa: N803
        """What ReportLab's dictionary format writes, with the own entries' values left as their names."""
        lines: list[list[bytes | str]] = []
        for key in sorted(self.dict):
            name = pdf_format(PDFName(key), document) + b" "
            if key in self.own:
                lines.append([name, key])
            else:
                lines.append([name + pdf_format(self.dict[key], document)])
        multiline: Any = self.multiline
        if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
            between = [IND] * (len(lines) - 1)
        else:  # ReportLab's: entries a space apart, a line break every six
            between = [b" \n  " if index % 6 == 0 else b" " for index in range(1, len(lines))]
        pieces: list[bytes | str] = [b"<<\n"]
        for index, line in enumerate(lines):
            if index:
                pieces.append(between[index - 1])
            pieces += line
        pieces.append(b"\n>>")
        merged: list[bytes | str] = []
        for piece in pieces:
            if merged and isinstance(piece, bytes) and isinstance(merged[-1], bytes):
                merged[-1] += piece
            else:
                merged.append(piece)
        return tuple(merged)


class _SameLook(PDFObject):
    """A score field's own look: its own object, the bytes of the first look of its size.

    A program that fills the form may rewrite a field's look in place, so no two
    fields share one; empty, they all look alike and are formatted once.
    """

    __RefOnly__ = 1  # a stream: only ever an object of its own

    def __init__(self, first: Any, formatted: dict[str, bytes]) -> None:
        self.first = first
        self.formatted = formatted

    def format(self, document: Any) -> bytes:
        """The first look's bytes (formatted afresh for an encrypted file)."""
        if not isinstance(document.encrypt, NoEncryption):
            return bytes(self.first.format(document))
        if "look" not in self.formatted:
            self.formatted["look"] = bytes(self.first.format(document))
        return self.formatted["look"]


def _javascript(script: str) -> PDFDictionary:
    return PDFDictionary({"S": PDFName("JavaScript"), "JS": PDFString(script)})


class LogForm(AcroForm):
    """ReportLab's form with alike fields copied from the first of their size, and scores limited to 0 to 10.

    Every check box of a size looks alike: ReportLab redraws six looks per box
    (on, off, pressed, hovered) before it finds the one it already keeps, which
    is most of the cost of a plan's form. A box's looks may be shared, since
    ticking it only switches between them. A score field's look is not: a
    program that fills the form may write the score into the look itself, so
    each field keeps a look object of its own (with the same bytes, and the
    same form font, as the first field of its size).
    """

    def __init__(self, canv: Canvas) -> None:
        super().__init__(canv)
        self._looks: dict[tuple[str, ...], Any] = {}
        self._boxes: dict[float, tuple[dict[str, Any], _Template]] = {}
        self._scores: dict[
            tuple[float, float, float], tuple[dict[str, Any], _Template, Any, dict[str, bytes]]
        ] = {}

    def tick_box(self, name: str, tooltip: str, x: float, y: float, size: float) -> None:
        """A check box in :data:`CHECK_BOX_STYLE` at (x, y) of the current drawing position.

        The first box of a size is ReportLab's; every later one copies its
        dictionary with its own page, place, name and tooltip, which is what
        ReportLab would make for it, without redrawing and comparing its looks.
        """
        form: Any = self  # ReportLab takes points as floats; its stubs ask for ints
        made = self._boxes.get(size)
        if made is None or not name or not tooltip:
            form.checkbox(name=name, tooltip=tooltip, x=x, y=y, size=size, relative=True, **CHECK_BOX_STYLE)
            if made is None and name and tooltip:
                canvas: Any = self.canv  # its stubs type it as a weak reference; it is the canvas
                box = canvas._doc.idToObject[self.fields[-1].name]  # noqa: SLF001 - no public handle
                self._boxes[size] = (box.dict, _Template())
            return
        entries, template = made
        canvas = self.canv
        x, y = canvas.absolutePosition(x, y)
        box = _SharedEntries(entries, template)
        box.dict.update(
            P=canvas._doc.thisPageRef(),  # noqa: SLF001
            Rect=PDFArray((x, y, x + size, y + size)),
            TU=PDFString(tooltip),
            T=PDFString(name),
        )
        canvas._addAnnotation(box)  # noqa: SLF001
        self.fields.append(form.getRef(box))

    def score_box(
        self, name: str, tooltip: str, x: float, y: float, width: float, height: float, size: float
    ) -> None:
        """A two-digit text field, text ``size`` points, at (x, y) of the current drawing position.

        The first field of a size is ReportLab's, given the score actions (digits
        only, 0 to 10); every later one copies its dictionary with its own page,
        place, name, tooltip and look.
        """
        made = self._scores.get((size, width, height))
        if made is None or not name or not tooltip:
            self._reportlab_score_field(name, tooltip, x, y, width, height, size)
            if made is None and name and tooltip:
                canvas: Any = self.canv  # its stubs type it as a weak reference; it is the canvas
                field = canvas._doc.idToObject[self.fields[-1].name]  # noqa: SLF001 - no public handle
                look = canvas._doc.idToObject[field.dict["AP"].dict["N"].name]  # noqa: SLF001
                self._scores[(size, width, height)] = (field.dict, field.template, look, {})
            return
        entries, template, first_look, formatted = made
        form: Any = self  # its stubs leave getRef untyped
        canvas = self.canv
        x, y = canvas.absolutePosition(x, y)
        look = form.getRef(_SameLook(first_look, formatted))
        field = _SharedEntries(entries, template, _OWN_SCORE_ENTRIES)
        field.dict.update(
            P=canvas._doc.thisPageRef(),  # noqa: SLF001
            Rect=PDFArray((x, y, x + width, y + height)),
            AP=PDFDictionary({"N": look}),
            TU=PDFString(tooltip),
            T=PDFString(name),
        )
        canvas._addAnnotation(field)  # noqa: SLF001
        self.fields.append(form.getRef(field))

    def _reportlab_score_field(
        self, name: str, tooltip: str, x: float, y: float, width: float, height: float, size: float
    ) -> None:
        form: Any = self  # ReportLab takes points as floats; its stubs ask for ints
        form.textfield(
            name=name,
            tooltip=tooltip,
            x=x,
            y=y,
            width=width,
            height=height,
            maxlen=SCORE_DIGITS,
            fontName=FORM_FONT,
            fontSize=size,
            borderWidth=0,
            borderColor=transparent,
            fillColor=transparent,
            textColor=black,
            fieldFlags="",
            relative=True,
        )
        canvas: Any = self.canv  # its stubs type it as a weak reference; it is the canvas
        name = self.fields[-1].name
        field = canvas._doc.idToObject[name]  # noqa: SLF001 - no public handle
        field.dict["AA"] = PDFDictionary(
            {"K": _javascript(SCORE_KEYSTROKE), "V": _javascript(SCORE_VALIDATE)}
        )
        shared = _SharedEntries(field.dict, _Template(), _OWN_SCORE_ENTRIES)
        vars(shared)["__InternalName__"] = name  # registered in its place, under its name
        canvas._doc.idToObject[name] = shared  # noqa: SLF001

    def checkboxAP(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - ReportLab's name
        """The look of a check box in one state, drawn once per size and colour."""
        ident = (*map(repr, args), *(f"{k}={v!r}" for k, v in sorted(kwargs.items())))
        if ident not in self._looks:
            self._looks[ident] = super().checkboxAP(*args, **kwargs)
        return self._looks[ident]


def wants_fields(canvas: Canvas) -> bool:
    """True when the document asked for form fields (the plan's default)."""
    return bool(getattr(canvas, "form_fields", False))


def _form(canvas: Canvas) -> Any:
    # ReportLab takes points as floats; its type stubs ask for ints, which would
    # shift a field by up to half a point off its box.
    form = getattr(canvas, "AcroForm", None)
    if not isinstance(form, LogForm):
        # What ``canvas.acroForm`` does on first use, with this form in place of ReportLab's.
        form = canvas.AcroForm = LogForm(canvas)  # type: ignore[attr-defined]
        canvas._doc._catalog.AcroForm = form  # type: ignore[attr-defined]  # noqa: SLF001
    return form


def add_checkbox(canvas: Canvas, name: str, x: float, y: float, size: float, tooltip: str) -> None:
    """A check box over the tick box at (x, y) of the current drawing position."""
    _form(canvas).tick_box(name, tooltip, x, y, size)


def add_score_field(
    canvas: Canvas, name: str, x: float, y: float, width: float, height: float, size: float, tooltip: str
) -> None:
    """A two-digit text field over the score box at (x, y) that takes a score from 0 to 10."""
    _form(canvas).score_box(name, tooltip, x, y, width, height, size)
