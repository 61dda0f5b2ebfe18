"""The exercise card of the library: a numbered title bar, the figure, then the words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus.flowables import ImageAndFlowables

from hiprehab.render.flowables import Grid, KeepIfFits, Para
from hiprehab.render.styles import RULE, table_style
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.render.styles import Styles

PAD = 2.0

# Symbols beside each list, so the kind of line is clear in black and white.
CUE_MARK = "✓"
MISTAKE_MARK = "✗"


def text_lines(exercise: Exercise, styles: Styles, lead: str = "", tail: str = "") -> list[Flowable]:
    """``lead`` and the numbered steps run on in one paragraph, then tips, mistakes and ``tail``.

    Two paragraphs a card: paper is short.
    """
    steps = " ".join(f"<b>{n}.</b>&nbsp;{esc(text)}" for n, text in enumerate(exercise.steps, 1))
    if lead:
        steps = f"{lead} {steps}"
    tips = " ".join(f"{CUE_MARK}&nbsp;{esc(cue)}" for cue in exercise.cues)
    mistakes = " ".join(f"{MISTAKE_MARK}&nbsp;{esc(m)}" for m in exercise.mistakes)
    advice = f"<b>Tips:</b> {tips} <b>Avoid:</b> {mistakes}"
    if tail:
        advice = f"{advice} {tail}"
    return [Para(steps, styles.card_text), Para(advice, styles.card_text)]


class FlowAround(ImageAndFlowables):
    """Text flowing around a figure, measured again only at a new width.

    Its lines depend on the width alone (the figure never shrinks), while tables
    and keep-together groups ask with many heights: each asked afresh would
    break every line of the card's text again.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """ImageAndFlowables.wrap, remembered for the last width."""
        args = vars(self).get("_wrapArgs")
        if args is not None and args[0] == availWidth:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        return float(width), float(height)


def card(text: list[Flowable], side: list[Flowable], width: float) -> Flowable:
    """A framed card: its text (opening with its title) flowing around ``side`` (the figure) at its left.

    Text that runs past the figure's foot takes the card's whole width, so the
    card is as short as its words allow. The card is kept whole on one page;
    only a card taller than a page may split, between its lines, rather than fail.
    """
    content: list[Flowable] = (
        [
            FlowAround(
                side[0],  # type: ignore[arg-type]  # any flowable that sizes itself like an Image
                text,
                imageRightPadding=2 * PAD,
                imageBottomPadding=PAD,
                imageSide="left",
            )
        ]
        if side
        else text
    )
    table = Grid([[content]], colWidths=[width], splitInRow=1)
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        )
    )
    return KeepIfFits([table])
