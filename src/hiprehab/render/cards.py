"""Exercise cards: the full card (week sections and library) and the short repeat line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.render.flowables import Grid, KeepIfFits, Para
from hiprehab.render.styles import FIGURE_SIZE, HEADING_SHADE, RULE, SHADE, TableCommand, table_style
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.render.styles import Styles

PAD = 5.0

# Symbols beside each list, so the kind of line is clear in black and white.
CUE_MARK = "✓"
MISTAKE_MARK = "✗"


def text_lines(exercise: Exercise, styles: Styles) -> list[Flowable]:
    """Steps (numbered, one a line), then tips and mistakes run on to save paper."""
    lines: list[Flowable] = [
        Para(esc(step), styles.step, bulletText=f"{n}.") for n, step in enumerate(exercise.steps, 1)
    ]
    tips = " ".join(f"{CUE_MARK}&nbsp;{esc(cue)}" for cue in exercise.cues)
    mistakes = " ".join(f"{MISTAKE_MARK}&nbsp;{esc(m)}" for m in exercise.mistakes)
    lines.append(Para(f"<b>Tips:</b> {tips}", styles.cell))
    lines.append(Para(f"<b>Avoid:</b> {mistakes}", styles.cell))
    return lines


def rungs_line(easier: Exercise | None, harder: Exercise | None, styles: Styles) -> Para | None:
    """``Easier: ...   Harder: ...``, or None when the exercise has no neighbour rung."""
    parts = []
    if easier is not None:
        parts.append(f"<b>Easier:</b> {esc(easier.name)}")
    if harder is not None:
        parts.append(f"<b>Harder:</b> {esc(harder.name)}")
    if not parts:
        return None
    return Para("&nbsp;&nbsp;&nbsp;".join(parts), styles.cell)


def card(title: str, body: list[Flowable], width: float, figure: Flowable | None, styles: Styles) -> Flowable:
    """A framed card: a shaded title bar, then the figure box beside the text.

    The card is kept whole on one page; only a card taller than a page may
    split, between its lines, rather than fail.
    """
    title_para = Para(title, styles.card_title)
    if figure is None:
        data: list[list[object]] = [[title_para], [body]]
        widths = [width]
        spans: list[TableCommand] = []
    else:
        figure_width = FIGURE_SIZE + 2 * PAD
        data = [[title_para, ""], [figure, body]]
        widths = [figure_width, width - figure_width]
        spans = [("SPAN", (0, 0), (1, 0))]
    table = Grid(data, colWidths=widths, splitInRow=1)
    table.setStyle(
        table_style(
            *spans,
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEADING_SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return KeepIfFits([table])


def repeat_line(markup: str, width: float, styles: Styles) -> Flowable:
    """A one-line, lightly framed reference to a card shown earlier in the week."""
    table = Grid([[Para(markup, styles.cell)]], colWidths=[width])
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return table
