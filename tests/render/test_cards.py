"""A library card's text flows around its figure as one paragraph, broken once and drawn alike."""

from __future__ import annotations

import io
import itertools
from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from hiprehab.fonts import REGULAR, register_fonts
from hiprehab.render import flowables, replay
from hiprehab.render.cards import PAD, TAIL_LINES, FlowAround, card
from hiprehab.render.flowables import FigureBox, Para

if TYPE_CHECKING:
    import pytest

TEXT = " ".join(f"<b>{n}.</b>&nbsp;Keep your knee over your toes and rise slowly." for n in range(1, 9))
WIDTH = 300.0
FIGURE = 60.0


def style() -> ParagraphStyle:
    """A card-like text style in an embedded face."""
    register_fonts()
    return ParagraphStyle("card_test", fontName=REGULAR, fontSize=10, leading=12)


def test_lines_beside_the_figure_are_narrower_and_the_rest_take_the_whole_width() -> None:
    """The lines reaching the figure's foot fit beside it; the lines below it use the card's width."""
    flow = FlowAround(FigureBox(FIGURE, FIGURE), Para(TEXT, style()))
    width, height = flow.wrap(WIDTH, 1000)
    lines = flow.text.blPara.lines
    beside = -(-(FIGURE + PAD) // 12)  # lines of 12 points down to the figure's foot and past it
    narrow = WIDTH - FIGURE - 2 * PAD
    assert [line.maxWidth for line in lines] == [narrow] * int(beside) + [WIDTH] * (len(lines) - int(beside))
    assert all(line.wordCount > 0 for line in lines)
    assert (width, height) == (WIDTH, len(lines) * 12)


def test_a_card_split_at_a_page_foot_keeps_its_figure_and_lines_then_the_rest() -> None:
    """A card split to fit a height: the figure with the lines that fit, then the rest of the text."""
    flow = FlowAround(FigureBox(FIGURE, FIGURE), Para(TEXT, style()))
    _, height = flow.wrap(WIDTH, 1000)
    head, rest = flow.split(WIDTH, height - 36)
    assert isinstance(head, FlowAround)
    assert head.wrap(WIDTH, 1000)[1] <= height - 36
    assert head.wrap(WIDTH, 1000)[1] + rest.wrap(WIDTH, 1000)[1] == height
    assert flow.split(WIDTH, FIGURE / 2) == []


def document(flows: list[Any]) -> bytes:
    """``flows`` built into a small PDF."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=(WIDTH + 80, 900), invariant=1).build(flows)
    return buffer.getvalue()


def test_text_drawn_beside_a_figure_is_not_taken_for_the_same_text_drawn_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Paragraphs alike but for the offsets of their lines each draw at their own offsets, replayed or not."""
    s = style()

    def flows() -> list[Any]:
        offset: Any = Para(TEXT, s)  # ReportLab's paragraph attributes are not in its stubs
        alone: Any = Para(TEXT, s)
        for paragraph in (offset, alone):
            paragraph.blPara = paragraph.breakLines([200.0, 200.0])
        offset.__dict__["_offsets"] = [40.0, 0.0]
        return [FlowAround(FigureBox(FIGURE, FIGURE), Para(TEXT, s)), Lines(offset), Lines(alone)]

    flowables.forget_lines()
    replayed = document(flows())
    monkeypatch.setattr(replay, "REPLAY", False)
    assert document(flows()) == replayed


class Lines(Flowable):
    """A paragraph drawn with the lines it was given, as a card draws its text."""

    def __init__(self, paragraph: Para) -> None:
        super().__init__()
        self.paragraph: Any = paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The paragraph's lines at its leading."""
        del availWidth, availHeight
        self.paragraph.width = 200.0
        self.paragraph.height = len(self.paragraph.blPara.lines) * 12.0
        return 200.0, self.paragraph.height

    def draw(self) -> None:
        """The paragraph as broken."""
        self.paragraph.drawOn(self.canv, 0, 0)


def test_a_card_makes_its_run_on_line_only_when_it_runs_on() -> None:
    """A card that fits its page never makes the line naming it on the next; one that runs on does."""
    s = style()
    made: list[str] = []

    def continued() -> Para:
        made.append("continued")
        return Para("<b>1&nbsp;&nbsp;Bridge</b> <i>(continued)</i>", s)

    def flows() -> list[Any]:
        return [card(Para(TEXT, s), FigureBox(FIGURE, FIGURE), continued)]

    document(flows())
    assert made == []
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=(WIDTH + 80, 250), invariant=1).build(flows())
    assert made == ["continued"]


def test_the_rest_of_a_card_that_runs_on_has_two_lines_of_text_at_least() -> None:
    """Wherever a card is split, its rest holds TAIL_LINES lines of text or more, with a figure or not."""
    s = style()
    canvas = Canvas(io.BytesIO())
    splits = 0
    texts = [
        " ".join(f"<b>{n}.</b>&nbsp;Rise slowly and keep your knee over your toes." for n in range(1, k))
        for k in (4, 5)
    ]
    for words, height in itertools.product(texts, range(20, 60)):
        whole = card(Para(words, s), FigureBox(FIGURE, FIGURE), lambda: Para("1 Bridge (continued)", s))
        whole.wrapOn(canvas, WIDTH, 1000)
        parts: Any = whole.splitOn(canvas, WIDTH, float(height))
        if not parts:
            continue
        splits += 1
        rest = parts[1].content[0]
        rest.wrapOn(canvas, WIDTH - 2 * PAD, 1000)
        text: Any = rest.text if isinstance(rest, FlowAround) else rest
        assert len(text.blPara.lines) >= TAIL_LINES, height
    assert splits > 1
