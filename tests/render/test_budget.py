"""Paper: one page per week, a short front, a dense library, and the page budget, on real plans."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from reportlab.platypus import PageBreak

from hiprehab.fonts import register_fonts
from hiprehab.model.exercise import Dose
from hiprehab.model.plan import library_cards
from hiprehab.model.summary import BlockSummary, WeekPoint
from hiprehab.render import pdf_bytes
from hiprehab.render.cards import Card, FlowAround
from hiprehab.render.figures import Figures
from hiprehab.render.library import library_section
from hiprehab.render.overview import WEEKS_A_ROW, week_rows
from hiprehab.render.story import make_document
from hiprehab.render.styles import make_styles
from hiprehab.render.week import WeekSheet, _height, week_outline
from hiprehab.render.words import short_date
from testing.render_fixtures import (
    BRIDGE,
    PROFILES,
    WALK,
    exercise,
    make_plan,
    outline,
    reader,
    real_outline,
    real_page_count,
    real_plan,
    with_exercise,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

PAPERS = ("a4", "letter")
SHORT = [name for name, values in PROFILES.items() if values["weeks"] <= 12]
# The budget for a printed plan, by profile: 6 weeks <= 16 pages, 12 <= 24, 52 <= 64.
BUDGET = {
    "manage-6-lateral": 16,
    "manage-6-lateral-all-equipment": 16,
    "prevent-12": 24,
    "manage-52": 64,
    "manage-52-all-equipment": 64,
    "prevent-52-four-runs-all-equipment": 64,
}
# Other years are rendered on Letter alone, the shorter page they ran over on first: a year takes a
# second or two to lay out. With every piece of equipment a year has the most cards (48 and 44).
LETTER_ONLY = {"manage-52-all-equipment", "prevent-52-four-runs-all-equipment"}


def _parts(profile: str, paper: str) -> tuple[list[int], int, int]:
    """Pages of the week bookmarks, the library's first page, and the page count."""
    marks = real_outline(profile, paper)
    weeks = [page for depth, title, page in marks if depth == 1 and title.startswith("Week ")]
    library = next(page for _, title, page in marks if title == "Exercise library")
    return weeks, library, real_page_count(profile, paper)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", SHORT)
def test_every_week_is_exactly_one_page(profile: str, paper: str) -> None:
    """Each week's bookmark is on its own page and the next week (or the library) starts on the next."""
    weeks, library, _ = _parts(profile, paper)
    assert len(weeks) == PROFILES[profile]["weeks"]
    assert [b - a for a, b in zip(weeks, [*weeks[1:], library], strict=True)] == [1] * len(weeks)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", SHORT)
def test_no_week_needs_its_text_shrunk(profile: str, paper: str) -> None:
    """Every week fits its page by tightening the layout alone: body text stays at 10 pt."""
    register_fonts()
    styles = make_styles()
    plan = real_plan(profile)
    doc = make_document(plan, paper, styles)
    sheet = WeekSheet(plan, styles, doc.content_width, doc.frame_height)
    assert [w.number for w in plan.weeks if sheet.fit(w) is None] == []


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", SHORT)
def test_front_matter_is_at_most_four_pages(profile: str, paper: str) -> None:
    """Cover, how to use it, warning signs and overview take four pages at most."""
    weeks, _, _ = _parts(profile, paper)
    assert weeks[0] <= 4


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", SHORT)
def test_library_holds_at_least_three_cards_a_page(profile: str, paper: str) -> None:
    """The library's pages hold three cards each or more, on average."""
    _, library, total = _parts(profile, paper)
    cards = len(library_cards(real_plan(profile)))
    assert total - library <= math.ceil(cards / 3)


@pytest.mark.slow
def test_a_year_is_one_page_per_week() -> None:
    """A 52-week plan has 52 week pages, one each."""
    weeks, library, _ = _parts("manage-52", "a4")
    assert len(weeks) == 52
    assert [b - a for a, b in zip(weeks, [*weeks[1:], library], strict=True)] == [1] * 52


@pytest.mark.parametrize(
    ("profile", "paper"),
    [(p, paper) for p in sorted(BUDGET) for paper in PAPERS if p not in LETTER_ONLY or paper == "letter"],
)
def test_page_budget(profile: str, paper: str) -> None:
    """A 6-week plan is at most 16 pages, a 12-week plan 24 and a 52-week plan 64."""
    assert real_page_count(profile, paper) <= BUDGET[profile]


@pytest.mark.parametrize("profile", SHORT)
def test_rungs_are_numbered_after_the_scheduled_cards(profile: str) -> None:
    """Cards 1, 2, 3... are the exercises the weeks schedule; the rungs they point to come after them all."""
    plan = real_plan(profile)
    scheduled = {i.exercise.id for w in plan.weeks for d in w.days for s in d.sessions for i in s.items}
    flags = [e.id in scheduled for e in library_cards(plan)]
    assert flags == sorted(flags, reverse=True)
    assert sum(flags) == len(scheduled)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", ["manage-6-lateral", "prevent-12"])
def test_large_print_budget_is_double(profile: str, paper: str) -> None:
    """In large print a 6-week plan is at most 32 pages and a 12-week plan 48: twice the budget."""
    assert real_page_count(profile, paper, large_print=True) <= 2 * BUDGET[profile]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_large_print_week_takes_two_pages_at_most(paper: str) -> None:
    """In large print each week of a 12-week plan takes one or two pages, never three."""
    marks = real_outline("prevent-12", paper, large_print=True)
    weeks = [page for depth, title, page in marks if depth == 1 and title.startswith("Week ")]
    library = next(page for _, title, page in marks if title == "Exercise library")
    assert {b - a for a, b in zip(weeks, [*weeks[1:], library], strict=True)} <= {1, 2}


def test_a_year_has_four_front_pages_at_most() -> None:
    """The front matter of a 52-week plan fits four pages: alike weeks share a row of the overview."""
    weeks, _, _ = _parts("manage-52", "a4")
    assert weeks[0] <= 4


def test_alike_weeks_share_an_overview_row_with_their_pages() -> None:
    """In a long plan, up to eight alike weeks in a row share a row naming their weeks and their pages."""
    plan = make_plan(weeks=20)
    data = pdf_bytes(plan)
    marks = {title: page + 1 for _, title, page in outline(data)}
    overview = reader(data).pages[marks["Overview calendar"] - 1 : marks["Week 1: Settle"] - 1]
    text = " ".join(" ".join(page.extract_text().split()) for page in overview)
    rows = week_rows(plan.weeks)
    assert len(rows) < len(plan.weeks)
    assert all(last.number - first.number < WEEKS_A_ROW for first, last in rows)
    for first, last in rows:
        start, end = marks[week_outline(first)], marks[week_outline(last)]
        assert end - start == last.number - first.number
        cell = f"{first.number}\u2013{last.number}" if last is not first else f"{first.number}"
        pages = f"{start}\u2013{end}" if last is not first else f"{start}"
        assert f"{cell} {short_date(first.days[0].date)} {pages} " in text


def _cards_a_page(profile: str, paper: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many cards start on each page of the library, laid out alone as in the plan."""
    register_fonts()
    styles = make_styles()
    plan = real_plan(profile)
    doc = make_document(plan, paper, styles)
    flow = library_section(plan, styles, Figures(enabled=True, size=styles.figure_size))
    pages: list[int] = []
    draw = Card.drawOn

    def record(self: Card, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        if self.head:
            pages.append(canvas.getPageNumber())
        draw(self, canvas, x, y)

    monkeypatch.setattr(Card, "drawOn", record)
    doc.render(flow)
    return [pages.count(page) for page in sorted(set(pages))]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("profile", sorted(p for p in BUDGET if PROFILES[p]["weeks"] <= 12))
def test_every_library_page_but_the_last_holds_three_cards(
    profile: str, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No library page in the middle of the section is mostly empty: three cards or more start on each."""
    counts = _cards_a_page(profile, paper, monkeypatch)
    assert sum(counts) == len(library_cards(real_plan(profile)))
    assert min(counts[:-1]) >= 3


# Profiles whose large-print weeks run over two pages (a prevent week now fits one).
@pytest.mark.parametrize("profile", ["manage-6-lateral", "manage-8-groin-mi"])
def test_a_large_print_week_over_two_pages_leaves_neither_nearly_empty(profile: str) -> None:
    """A large-print week on two pages breaks between groups of rows, each page a third full or more."""
    register_fonts()
    styles = make_styles(large_print=True)
    plan = real_plan(profile)
    doc = make_document(plan, "a4", styles)
    sheet = WeekSheet(plan, styles, doc.content_width, doc.frame_height)
    thin, cuts = [], 0
    for week in plan.weeks:
        flow = sheet.week(week)
        cut = next((i for i, f in enumerate(flow) if isinstance(f, PageBreak)), None)
        if cut is not None:
            cuts += 1
            pages = (_height(flow[:cut], doc.content_width), _height(flow[cut + 1 :], doc.content_width))
            if min(pages) < doc.frame_height / 3 or max(pages) > doc.frame_height:
                thin.append((week.number, pages))
    assert cuts > 0
    assert thin == []


def test_a_walk_card_has_no_figure_and_a_strength_card_keeps_its() -> None:
    """Walks, rest days, easy jogs, yoga and ice packs print without a figure; other cards keep theirs."""
    register_fonts()
    styles = make_styles()
    walk = exercise("brisk-walk", "Brisk walk", "cardio", "brisk-walk", Dose(sets=1, duration_min=30.0))
    plan = with_exercise(make_plan(), WALK, walk)
    flow = library_section(plan, styles, Figures(enabled=True, size=styles.figure_size))
    cards = [f for f in flow if isinstance(f, Card)]
    figured = {
        e.id: isinstance(card.content[0], FlowAround)
        for e, card in zip(library_cards(plan), cards, strict=True)
    }
    assert figured["brisk-walk"] is False
    assert figured[BRIDGE.id] is True


@pytest.mark.parametrize("paper", PAPERS)
def test_a_next_block_has_four_front_pages_at_most(paper: str) -> None:
    """A review's next block (how the last block went, then the cover...) keeps its front to four pages."""
    lines = (
        "Sessions done: week 1: 12 of 12; week 2: 12 of 12; week 3: 7 of 7; week 4: 7 of 7.",
        "By kind: activation 14 of 14, cross-training 8 of 8, mobility 12 of 12, strength 4 of 4.",
        "Pain: steady (weekly average: week 1: 2, week 2: 2, week 3: 2, week 4: 2).",
        "Strength: move up. Pain stayed at 3 or less in 2 of 2 strength sessions in week 4.",
        "Note: Week 4 is logged up to 2027-03-27; the next block starts the day after.",
    )
    points = tuple(WeekPoint(n, 12, 12, 2.0, 1.0) for n in range(1, 5))
    plan = replace(
        real_plan("manage-6-lateral"), summary=BlockSummary("How your last block went", points, lines)
    )
    marks = outline(pdf_bytes(plan, paper=paper))
    assert next(page for _, title, page in marks if title.startswith("Week 1")) + 1 <= 5
