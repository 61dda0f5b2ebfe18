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

from reportlab.lib.colors import black, transparent
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFString

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

SCORE_DIGITS = 2  # "10" at most; the review refuses anything but 0 to 10
SCORE_MIN, SCORE_MAX = 0, 10
FORM_FONT = "Helvetica"
SCORE_KEYSTROKE = "if (!event.willCommit) event.rc = /^[0-9]*$/.test(event.change);"
"""Only digits may be typed into a score (a JavaScript keystroke action)."""
SCORE_VALIDATE = f"AFRange_Validate(true, {SCORE_MIN}, true, {SCORE_MAX});"
"""A score outside 0 to 10 is refused when the field is left (Acrobat's form function)."""


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

    def checkboxAP(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - ReportLab's name
        """The look of a check box in one state, drawn once per size and colour."""
        ident = (*map(repr, args), *(f"{k}={v!r}" for k, v in sorted(kwargs.items())))
        if ident not in self._looks:
            self._looks[ident] = super().checkboxAP(*args, **kwargs)
        return self._looks[ident]

    def limit_last_field(self) -> None:
        """Give the field added last the score actions: digits only, 0 to 10."""
        canvas: Any = self.canv  # its stubs type it as a weak reference; it is the canvas
        field = canvas._doc.idToObject[self.fields[-1].name]  # noqa: SLF001 - no public handle
        field.dict["AA"] = PDFDictionary(
            {"K": _javascript(SCORE_KEYSTROKE), "V": _javascript(SCORE_VALIDATE)}
        )


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
    _form(canvas).checkbox(
        name=name,
        tooltip=tooltip,
        x=x,
        y=y,
        size=size,
        buttonStyle="check",
        borderWidth=0,
        borderColor=transparent,
        fillColor=transparent,
        textColor=black,
        fieldFlags="",
        relative=True,
    )


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
    form.limit_last_field()
