"""What one process keeps between plans (styles, parsed text, line breaks, figures) never changes a byte."""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import TYPE_CHECKING, Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus.flowables import ImageAndFlowables

from hiprehab import fonts
from hiprehab.api import make_plan
from hiprehab.fonts import register_fonts
from hiprehab.illustrate.draw_pdf import drawing_for
from hiprehab.model.illustration import Pose
from hiprehab.render import clear_caches, flowables, pdf_bytes
from hiprehab.render.flowables import FigureBox, Para
from hiprehab.render.styles import derived

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)


def plan(**values: object) -> Plan:
    """A plan from the built-in catalogue for these profile values (red flags answered: none)."""
    return make_plan({"red_flags": [], **values}, start=START, user_folder=False)


@pytest.mark.slow
def test_a_plan_drawn_after_others_has_the_bytes_of_a_plan_drawn_first() -> None:
    """Drawn after two other plans, and drawn in a process with nothing kept, a plan has the same bytes."""
    first = plan(name="A. Runner", goal="prevent", weeks=4, weekly_volume=25.0, longest_run=10.0)
    second = plan(
        name="B. Strider", goal="manage", weeks=6, pain=3, pain_sites=["lateral"], equipment=["band"]
    )
    third = plan(name="C. Pacer", goal="manage", weeks=3, pain=2)
    clear_caches()
    alone = pdf_bytes(third)
    clear_caches()
    pdf_bytes(first)
    pdf_bytes(second, paper="letter")
    assert pdf_bytes(third) == alone
    clear_caches()
    large_alone = pdf_bytes(second, large_print=True)
    pdf_bytes(first, large_print=True)
    assert pdf_bytes(second, large_print=True) == large_alone


def test_shared_line_breaks_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan whose repeated texts share their line breaks has the bytes of one that breaks each afresh."""
    sample = plan(name="D. Hurdler", goal="manage", weeks=4, pain=3, pain_sites=["buttock"])
    clear_caches()
    shared = pdf_bytes(sample)
    monkeypatch.setattr(flowables, "SHARE_LINES", False)
    clear_caches()
    assert pdf_bytes(sample) == shared


def split_paragraphs() -> bytes:
    """A small document whose paragraph, repeated, is split across pages like a card's tips."""
    style = ParagraphStyle("narrow", fontName=fonts.REGULAR, fontSize=10, leading=12)
    text = (
        "<b>Tips:</b> ✓&nbsp;Keep your knees in line with your second toe as you rise and sit. "
        "✓&nbsp;If the front of your hip pinches, sit on a firm cushion. "
        "<b>Avoid:</b> ✗&nbsp;Dropping fast. ✗&nbsp;Knees falling in."
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=(200, 130), invariant=1, leftMargin=10, rightMargin=10, topMargin=10, bottomMargin=10
    )
    document.build([Para(text, style) for _ in range(4)])
    return buffer.getvalue()


def test_paragraphs_split_across_pages_with_shared_line_breaks_are_reportlabs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A split paragraph has the same bytes with lines broken afresh, shared, or kept from an earlier file."""
    register_fonts()
    flowables.forget_lines()
    first_shared = split_paragraphs()
    kept = split_paragraphs()
    monkeypatch.setattr(flowables, "SHARE_LINES", False)
    assert first_shared == split_paragraphs()
    assert kept == first_shared


def test_a_derived_style_is_made_once_per_name_and_changes() -> None:
    """Asked twice, a derived style is one object (its texts' parsing is shared); other changes, another."""
    base = ParagraphStyle("base_for_test", fontName=fonts.REGULAR, fontSize=10, leading=12)
    tight = derived(base, "tight", leading=11.0)
    assert derived(base, "tight", leading=11.0) is tight
    assert (tight.leading, tight.fontSize, tight.parent) == (11.0, 10, base)
    assert derived(base, "tight", leading=10.5) is not tight


def figure_document(inside: Flowable) -> bytes:
    """A one-page document showing ``inside`` in a figure box twice (one form)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=(300, 300), invariant=1)
    document.build([FigureBox(120, 90, inside, 1.0, "hiprehabFigure.test") for _ in range(2)])
    return buffer.getvalue()


def test_a_figure_drawn_from_kept_operators_has_the_bytes_of_one_drawn_afresh() -> None:
    """A pose figure's form in a second document, from the operators kept from the first: the same file."""
    drawing = drawing_for(Pose.model_validate({"position": "standing"}), 118, 88)
    flowables.forget_figures()
    afresh = figure_document(drawing)
    assert [code for inside, code in flowables._FIGURE_CODE.values() if inside is drawing]
    assert figure_document(drawing) == afresh


def test_a_figure_that_sets_text_is_drawn_afresh_in_each_document() -> None:
    """A figure that uses a font registers it with each document, so its operators are not kept."""
    register_fonts()
    label = Para("Hip", ParagraphStyle("figure_label", fontName=fonts.REGULAR, fontSize=10, leading=12))
    flowables.forget_figures()
    afresh = figure_document(label)
    assert not flowables._FIGURE_CODE
    assert figure_document(label) == afresh


def test_text_beside_a_figure_splits_alike_from_a_shallow_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Card text flowing around a figure, split at its foot: the same bytes as from ReportLab's deep copy."""
    register_fonts()
    style = ParagraphStyle("card_like", fontName=fonts.REGULAR, fontSize=10, leading=12)
    text = " ".join(f"<b>{n}.</b>&nbsp;Keep your knee over your toes and rise slowly." for n in range(1, 7))

    def card_document() -> bytes:
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=(300, 400), invariant=1)
        figure: Any = FigureBox(60, 60)  # sizes itself like the Image its stubs ask for
        flow = ImageAndFlowables(figure, [Para(text, style), Para(text, style)], imageSide="left")
        document.build([flow])
        return buffer.getvalue()

    flowables.forget_lines()
    shallow = card_document()
    monkeypatch.setattr(flowables.Para, "deepcopy", copy.deepcopy)
    flowables.forget_lines()
    assert card_document() == shallow
