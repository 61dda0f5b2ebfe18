"""The exercise card of the library: a numbered title bar, the figure, then the words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.render.flowables import Grid, KeepIfFits, Para
from hiprehab.render.styles import RULE, SHADE, table_style
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.render.styles import Styles

PAD = 4.0

# Symbols beside each list, so the kind of line is clear in black and white.
CUE_MARK = "✓"
MISTAKE_MARK = "✗"


def text_lines(exercise: Exercise, styles: Styles) -> list[Flowable]:
    """The steps, numbered and run on in one paragraph, then tips and mistakes: paper is short."""
    steps = " ".join(f"<b>{n}.</b>&nbsp;{esc(text)}" for n, text in enumerate(exercise.steps, 1))
    tips = " ".join(f"{CUE_MARK}&nbsp;{esc(cue)}" for cue in exercise.cues)
    mistakes = " ".join(f"{MISTAKE_MARK}&nbsp;{esc(m)}" for m in exercise.mistakes)
    return [Para(steps, styles.cell), Para(f"<b>Tips:</b> {tips} <b>Avoid:</b> {mistakes}", styles.cell)]


def card(title: str, body: list[Flowable], side: list[Flowable], width: float, styles: Styles) -> Flowable:
    """A framed card: ``side`` (the figure) at the left, the title and text beside it.

    The card is kept whole on one page; only a card taller than a page may
    split, between its lines, rather than fail.
    """
    text = [Para(title, styles.card_title), *body]
    if side:
        left = side[0].wrap(width, width)[0] + 2 * PAD
        data: list[list[object]] = [[side, text]]
        widths = [left, width - left]
    else:
        data, widths = [[text]], [width]
    table = Grid(data, colWidths=widths, splitInRow=1)
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (0, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return KeepIfFits([table])
