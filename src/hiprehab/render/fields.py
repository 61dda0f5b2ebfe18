"""PDF form fields over the week sheet's log boxes, so a PDF viewer can fill the log in.

Each field lies exactly over the box drawn for it and has no border, fill or
appearance of its own while empty, so the page prints the same as one without
fields. Names are stable by week, day and session (``w3.d2.day.pain_during``);
``hiprehab review`` reads them back. PDF forms can only type in the standard
fonts, so a typed score is in Helvetica, which every PDF viewer has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import black, transparent

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

SCORE_DIGITS = 2  # "10" at most; the review refuses anything but 0 to 10
FORM_FONT = "Helvetica"


def wants_fields(canvas: Canvas) -> bool:
    """True when the document asked for form fields (the plan's default)."""
    return bool(getattr(canvas, "form_fields", False))


def _form(canvas: Canvas) -> Any:
    # ReportLab takes points as floats; its type stubs ask for ints, which would
    # shift a field by up to half a point off its box.
    return canvas.acroForm


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
    """A two-digit text field over the score box at (x, y)."""
    _form(canvas).textfield(
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
