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
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
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


class _SharedEntries(PDFDictionary):
    """A field's dictionary whose entries shared by every field alike are formatted once.

    Formats exactly as ReportLab's dictionary does; a plan has hundreds of fields.
    ``formatted`` is shared by the fields alike; ``own`` names the entries that differ.
    """

    def __init__(
        self, entries: dict[str, Any], formatted: dict[str, bytes], own: frozenset[str] = _OWN_ENTRIES
    ) -> None:
        super().__init__(entries)
        self.formatted = formatted
        self.own = own

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - ReportLab's name
        """The dictionary as PDF: shared entries as formatted the first time, its own afresh."""
        lines = []
        for key in sorted(self.dict):
            line = self.formatted.get(key)
            if line is None:
                line = pdf_format(PDFName(key), document) + b" " + pdf_format(self.dict[key], document)
                if key not in self.own:
                    self.formatted[key] = line
            lines.append(line)
        multiline: Any = self.multiline  # True, False or "forced" (its stubs say bool)
        if (multiline and rl_config.pdfMultiLine) or multiline == "forced":
            return b"<<\n" + IND.join(lines) + b"\n>>"
        for index in reversed(range(6, len(lines), 6)):  # ReportLab's: a line break every six entries
            lines.insert(index, b"\n ")
        return b"<<\n" + b" ".join(lines) + b"\n>>"


def _javascript(script: str) -> PDFDictionary:
    return PDFDictionary({"S": PDFName("JavaScript"), "JS": PDFString(script)})


class LogForm(AcroForm):
    """ReportLab's form with each check box look computed once, and score fields limited to 0 to 10.

    Every check box of a size looks alike: ReportLab redraws six looks per box
    (on, off, pressed, hovered) before it finds the one it already keeps, which
    is most of the cost of a plan's form. A box's looks may be shared, since
    ticking it only switches between them. A score field's look is not: a
    program that fills the form may write the score into the look itself, so
    each field keeps its own (ReportLab gives each its own font object, which
    keeps their looks apart).
    """

    def __init__(self, canv: Canvas) -> None:
        super().__init__(canv)
        self._looks: dict[tuple[str, ...], Any] = {}
        self._boxes: dict[float, tuple[dict[str, Any], dict[str, bytes]]] = {}
        self._scores: dict[float, dict[str, bytes]] = {}

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
                self._boxes[size] = (box.dict, {})
            return
        entries, formatted = made
        canvas = self.canv
        x, y = canvas.absolutePosition(x, y)
        box = _SharedEntries(entries, formatted)
        box.dict.update(
            P=canvas._doc.thisPageRef(),  # noqa: SLF001
            Rect=PDFArray((x, y, x + size, y + size)),
            TU=PDFString(tooltip),
            T=PDFString(name),
        )
        canvas._addAnnotation(box)  # noqa: SLF001
        self.fields.append(form.getRef(box))

    def checkboxAP(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - ReportLab's name
        """The look of a check box in one state, drawn once per size and colour."""
        ident = (*map(repr, args), *(f"{k}={v!r}" for k, v in sorted(kwargs.items())))
        if ident not in self._looks:
            self._looks[ident] = super().checkboxAP(*args, **kwargs)
        return self._looks[ident]

    def limit_last_field(self, size: float) -> None:
        """Give the score field added last (text ``size`` points) the score actions: digits only, 0 to 10.

        Its entries other than its own place, names and look are those of every
        score field of its size, formatted once for them all.
        """
        canvas: Any = self.canv  # its stubs type it as a weak reference; it is the canvas
        name = self.fields[-1].name
        field = canvas._doc.idToObject[name]  # noqa: SLF001 - no public handle
        field.dict["AA"] = PDFDictionary(
            {"K": _javascript(SCORE_KEYSTROKE), "V": _javascript(SCORE_VALIDATE)}
        )
        shared = _SharedEntries(field.dict, self._scores.setdefault(size, {}), _OWN_SCORE_ENTRIES)
        vars(shared)["__InternalName__"] = name  # registered in its place, under its name
        canvas._doc.idToObject[name] = shared  # noqa: SLF001


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
    form = _form(canvas)
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
    form.limit_last_field(size)
