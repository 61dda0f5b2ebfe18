"""The exercise card of the library: its figure, then its words flowing around it, in a frame.

A card is kept whole on its page when it fits there. One that does not fit
starts at the page's foot when its figure with the lines beside it fit there
(or at least its first lines, the figure then heading the rest), and goes on at
the top of the next page under a line naming it again ("continued"). The
library leaves no gap a card could have filled: a year's cards take the pages
their words need, about six cards a page, not five and a gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from hiprehab.render.flowables import Para
from hiprehab.render.styles import ABOVE_FRAME, RULE
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from collections.abc import Callable

    from reportlab.pdfgen.canvas import Canvas

    from hiprehab.model.exercise import Exercise
    from hiprehab.render.styles import Styles

PAD = 2.0
"""Between the frame and the card's text at its sides."""
TOP = 0.5
"""...at its top: the first line's height already leaves room above its letters..."""
FOOT = 2.0
"""...and at its foot, where the last line's descenders reach below its line."""
BORDER = 0.8
UNLIMITED = 0xFFFFFF
HEAD_LINES = 2
"""A card starting at a page's foot without its figure brings this many lines there at least..."""
TAIL_LINES = 2
"""...and runs on to the next page only with this many lines or more."""
_FUZZ = 1e-6
"""Below this, lengths are taken as equal (ReportLab's own tolerance)."""

# Symbols beside each list, so the kind of line is clear in black and white.
CUE_MARK = "✓"
MISTAKE_MARK = "✗"


def card_text(exercise: Exercise, styles: Styles, lead: str = "", tail: str = "") -> Para:
    """``lead``, the numbered steps, tips, mistakes and ``tail`` as one paragraph.

    One paragraph runs on from the steps into the tips: a card then ends in one
    part-filled line, not two, and bold labels still mark where each part starts.
    """
    steps = " ".join(f"<b>{n}.</b>&nbsp;{esc(text)}" for n, text in enumerate(exercise.steps, 1))
    tips = " ".join(f"{CUE_MARK}&nbsp;{esc(cue)}" for cue in exercise.cues)
    mistakes = " ".join(f"{MISTAKE_MARK}&nbsp;{esc(m)}" for m in exercise.mistakes)
    parts = [lead, steps, f"<b>Tips:</b> {tips}", f"<b>Avoid:</b> {mistakes}", tail]
    return Para(" ".join(part for part in parts if part), styles.card_text)


class FlowAround(Flowable):
    """``text`` flowing around ``figure`` at its left: one paragraph, its lines broken once.

    The lines beside the figure are narrower and start right of it, the rest take
    the card's whole width (as ReportLab's ``ParagraphAndImage`` sets them). So
    the text's lines are broken once for a list of widths, which the plans of a
    process share (:meth:`Para.breakLines`), and drawn alike from plan to plan,
    rather than the text split at the figure's foot into paragraphs broken afresh.
    ``broken`` is the start of a card's text already split to a page's foot: its
    lines are kept as they are.
    """

    def __init__(self, figure: Flowable, text: Flowable, *, broken: bool = False) -> None:
        super().__init__()
        self.figure = figure
        self.text: Any = text  # a paragraph: its lines and sizes are not in ReportLab's stubs
        self.broken = broken
        self._measured = -1.0
        self._beside = 0
        """The text's lines beside the figure."""
        self._block = 0.0
        """The figure with the room below it."""
        self._offset = 0.0
        self._figure_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The figure's block and the text's lines, measured once per width."""
        del availHeight
        if availWidth != self._measured:
            fig_w, fig_h = self.figure.wrap(availWidth, UNLIMITED)
            self._figure_height = fig_h
            text = self.text
            style = text.style
            leading = float(style.leading)
            self._block = block = fig_h + PAD
            self._offset = fig_w + 2 * PAD
            # The lines that reach the figure's foot, the last one reaching past it.
            beside = int(block / leading)
            if beside * leading + _FUZZ < block:
                beside += 1
            self._beside = beside
            full = availWidth - style.leftIndent - style.rightIndent
            narrow = full - self._offset
            if not self.broken:
                widths = [narrow - style.firstLineIndent, *[narrow] * (beside - 1), full]
                text.blPara = text.breakLines(widths)
                text.width = availWidth
                text.height = len(text.blPara.lines) * leading
            self.width = availWidth
            self.height = max(block, text.height)
            self._measured = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The figure, its lines and as many more as fit ``availHeight``, then the rest; [] if none fit."""
        self.wrap(availWidth, UNLIMITED)
        leading = float(self.text.style.leading)
        lines = len(self.text.blPara.lines)
        start = self._beside * leading
        if self.broken or lines <= self._beside or start > availHeight:
            return []
        more = int((availHeight - start) / leading)
        keep = self._beside + (more if more > 1 else 0)  # no single line of the rest alone
        if keep >= lines:
            return [self]
        # Splitting reads the shared lines; ``deepcopy`` copies what it would write into.
        pieces = self.text.deepcopy().split(availWidth, (keep + 0.5) * leading)
        if len(pieces) != 2:  # noqa: PLR2004 - a start and a rest
            return []
        head, rest = pieces
        return [FlowAround(self.figure, head, broken=True), rest]

    def draw(self) -> None:
        """The figure at the top left, the text beside and below it."""
        canvas: Canvas = self.canv
        self.figure.drawOn(canvas, 0, self.height - self._figure_height)
        text = self.text
        # ReportLab's offsets of the lines from the left (its drawing extends the list it is given).
        vars(text)["_offsets"] = [self._offset] * self._beside + [0.0]
        try:
            text.drawOn(canvas, 0, self.height - text.height)
        finally:
            del vars(text)["_offsets"]


class Card(Flowable):
    """A framed card: ``content`` (the figure with the text flowing around it, or the text alone).

    ``continued`` is the line naming the card again over its part on the next
    page when it runs on. That part starts at the top of a page: the line goes
    in the free band ``above`` the page's text (under the running header) when
    it fits there, else it opens the part inside the frame.
    """

    def __init__(
        self,
        content: list[Flowable],
        continued: Para | Callable[[], Para],
        *,
        above: float,
        head: bool = True,
    ) -> None:
        super().__init__()
        self.content = content
        self._continued = continued
        """The run-on line, or what makes it: most cards never run on, and never need it."""
        self.above = above
        self.head = head
        """False for the part of a card that ran on from the page before."""
        self._width = -1.0
        self._heights: list[float] = []
        self._label_above = False

    @property
    def continued(self) -> Para:
        """The line naming the card over its part on the next page (made when first asked for)."""
        line = self._continued
        if not isinstance(line, Para):
            line = self._continued = line()
        return line

    def _parts(self) -> list[Flowable]:
        return self.content if self.head or self._label_above else [self.continued, *self.content]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The frame around the content's height at this width (measured once per width)."""
        del availHeight
        if availWidth != self._width:
            inner = availWidth - 2 * PAD
            if not self.head:
                label = self.continued.wrapOn(self.canv, inner, UNLIMITED)[1]
                self._label_above = label + BORDER <= self.above
            self._heights = [f.wrapOn(self.canv, inner, UNLIMITED)[1] for f in self._parts()]
            self._width = availWidth
        self.width = availWidth
        self.height = sum(self._heights) + TOP + FOOT
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The card's start on this page and its rest on the next, or [] when too little would fit.

        Its start is its figure with the lines beside it; where the figure does
        not fit, its first :data:`HEAD_LINES` lines or more, and the figure heads
        the rest. The rest has :data:`TAIL_LINES` lines at least.
        """
        if not self.head or len(self.content) != 1:
            return []
        inner = availWidth - 2 * PAD
        body = self.content[0]
        text: Any = body.text if isinstance(body, FlowAround) else body  # the card's text paragraph
        leading = float(text.style.leading)
        room = availHeight - TOP - FOOT
        # A rest of one line goes on with a line more: the start gives one up.
        for _ in range(TAIL_LINES):
            pieces = self._split_content(inner, room, leading)
            rest = sum(self._lines_height(p, inner) for p in pieces[1:])
            if len(pieces) < 2 or rest >= TAIL_LINES * leading - 1:  # noqa: PLR2004 - a start and a rest
                break
            room -= leading
        if len(pieces) < 2 or rest < TAIL_LINES * leading - 1:  # noqa: PLR2004
            return []
        return [
            Card(pieces[:1], self._continued, above=self.above),
            Card(pieces[1:], self._continued, above=self.above, head=False),
        ]

    def _lines_height(self, piece: Flowable, inner: float) -> float:
        """The height of ``piece``'s lines of text: a figure heading the rest is no line of it."""
        height = float(piece.wrapOn(self.canv, inner, UNLIMITED)[1])
        if isinstance(piece, FlowAround):
            return float(piece.text.height)
        return height

    def _split_content(self, inner: float, room: float, leading: float) -> list[Flowable]:
        """The content split to fit ``room``: after the figure's lines if they fit, else after lines alone."""
        body = self.content[0]
        pieces: list[Flowable] = body.splitOn(self.canv, inner, room) if isinstance(body, FlowAround) else []
        if len(pieces) < 2 and room >= HEAD_LINES * leading:  # noqa: PLR2004 - a start and a rest
            text = body
            if isinstance(body, FlowAround):
                # The text alone, its lines broken at the card's whole width (not beside the figure).
                text = body.text.deepcopy()
                vars(text).pop("blPara", None)
            pieces = text.splitOn(self.canv, inner, room)
            if len(pieces) == 2 and isinstance(body, FlowAround):  # noqa: PLR2004
                pieces = [pieces[0], FlowAround(body.figure, pieces[1])]
        return pieces

    def draw(self) -> None:
        """The run-on line above the frame (first, so the text reads in order), the content, the frame."""
        canvas: Canvas = self.canv
        inner = self.width - 2 * PAD
        if self._label_above:
            self.continued.wrapOn(canvas, inner, UNLIMITED)
            self.continued.drawOn(canvas, PAD, self.height + BORDER)
        top = self.height - TOP
        for flowable in self._parts():
            _, height = flowable.wrapOn(canvas, inner, UNLIMITED)
            top -= height
            flowable.drawOn(canvas, PAD, top)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BORDER)
        canvas.rect(0, 0, self.width, self.height)
        canvas.restoreState()


def card(text: Para, figure: Flowable | None, continued: Para | Callable[[], Para]) -> Card:
    """A card of ``text`` flowing around ``figure`` at its left (or the text alone)."""
    return Card([text if figure is None else FlowAround(figure, text)], continued, above=ABOVE_FRAME)


def continued_line(number: int, name: str, styles: Styles) -> Para:
    """The line heading the part of card ``number`` that runs on to the next page."""
    return Para(f"<b>{number}&nbsp;&nbsp;{esc(name)}</b> <i>(continued)</i>", styles.card_text)
