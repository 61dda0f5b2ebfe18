"""The log of the week sheet: tick boxes and pain-score fields, each with a stable identity.

Every box and field a runner fills in is drawn here, in one place, and knows
which week, day and session it belongs to (:class:`LogKey`): the same key names
the same box in every copy of a plan, so a filled-in log can be read back and a
box can also become a PDF form field without changing how the page looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from hiprehab import fonts
from hiprehab.render.fields import add_checkbox, add_score_field, wants_fields
from hiprehab.render.styles import RULE

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

DONE = "done"
PAIN_DURING = "pain_during"
PAIN_MORNING = "pain_next_morning"
DAY_LOG = "day"
"""The session word of a day's own log (its Done box and the two pain scores)."""

SCORE_SUFFIX = "/10"
_BLEED = 2  # points outside a box's form, so its clip keeps whole line ends
BOX_LINE = 0.8
"""The line width of tick boxes and score boxes."""


@dataclass(frozen=True)
class LogKey:
    """Which box: week number (from 1), day of the week (1 = the week's first day), session.

    ``session`` is the session type of an exercise's tick box (``strength``,
    ``run``...) with the row's number, or :data:`DAY_LOG` for the day's log.
    """

    week: int
    day: int
    session: str

    def name(self, field: str) -> str:
        """A stable field name: ``w3.d2.day.pain_during``."""
        return f"w{self.week}.d{self.day}.{self.session}.{field}"

    def words(self, field: str) -> str:
        """What a form field is for, as a PDF viewer shows it: ``Week 3, day 2: pain during (0-10)``."""
        what = {DONE: "done", PAIN_DURING: "pain during (0-10)", PAIN_MORNING: "pain next morning (0-10)"}
        return f"Week {self.week}, day {self.day}: {what.get(field, field)}"


def tick_form(canvas: Canvas, size: float) -> str:
    """The name of the PDF form of a tick box ``size`` wide, defined in the document on first use.

    Every box of a size is alike: drawn once into a form that each box then shows.
    """
    form = f"hiprehabTick.{round(size * 100)}"
    if not canvas.hasForm(form):
        canvas.beginForm(form, -_BLEED, -_BLEED, size + _BLEED, size + _BLEED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BOX_LINE)
        canvas.rect(0, 0, size, size, stroke=1, fill=0)
        canvas.endForm()
    return form


def draw_tick_box(canvas: Canvas, key: LogKey, x: float, y: float, size: float, field: str = DONE) -> None:
    """A square to tick at (x, y), ``size`` wide; ``key`` and ``field`` name it (and its form field)."""
    form = tick_form(canvas, size)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(form)
    canvas.restoreState()
    if wants_fields(canvas):
        add_checkbox(canvas, key.name(field), x, y, size, key.words(field))


def score_layout(
    x: float, y: float, width: float, height: float, size: float
) -> tuple[float, tuple[float, float] | None]:
    """A score field's box width and where its "/10" starts, for a field at (x, y) within ``width``.

    The box is at least as wide as it is high. Where that leaves no room for the
    "/10" in ``width`` (large print's narrow day columns), the box fills the width
    and the "/10" is left out: the row's label already says "(0 to 10)".
    """
    suffix = stringWidth(SCORE_SUFFIX, fonts.REGULAR, size)
    if width - suffix - 2 < height:
        return width, None
    box = width - suffix - 2
    return box, (x + box + 1.5, y + (height - size) / 2 + 1.5)


def draw_score_field(
    canvas: Canvas, key: LogKey, field: str, x: float, y: float, width: float, height: float, size: float
) -> None:
    """A box to write a pain score in, followed by "/10", within ``width``; with its form field."""
    box, at = score_layout(x, y, width, height, size)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(BOX_LINE)
    canvas.rect(x, y, box, height, stroke=1, fill=0)
    if at is not None:
        canvas.setFont(fonts.REGULAR, size)
        canvas.drawString(*at, SCORE_SUFFIX)
    canvas.restoreState()
    if wants_fields(canvas):
        add_score_field(canvas, key.name(field), x, y, box, height, size, key.words(field))


class TickBox(Flowable):
    """One tick box of the week sheet, centred in its cell."""

    def __init__(self, key: LogKey, size: float, field: str = DONE) -> None:
        super().__init__()
        self.key = key
        self.field = field
        self.size = size
        self.width = size
        self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Fixed size: never smaller than a pen tick."""
        del availWidth, availHeight
        return self.size, self.size

    def draw(self) -> None:
        """Draw the box."""
        draw_tick_box(self.canv, self.key, 0, 0, self.size, self.field)


class ScoreField(Flowable):
    """A pain score to write in, out of 10, as wide as its cell."""

    def __init__(self, key: LogKey, field: str, height: float, size: float) -> None:
        super().__init__()
        self.key = key
        self.field = field
        self.height = height
        self.size = size
        self.width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The cell's width, a pen's height."""
        del availHeight
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        """Draw the box and its "/10"."""
        draw_score_field(self.canv, self.key, self.field, 0, 0, self.width, self.height, self.size)
