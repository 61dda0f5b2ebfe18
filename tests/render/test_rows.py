"""The rows that stand for an exercise after its first card: plain where one line does, wrapped where not."""

from __future__ import annotations

from hiprehab.fonts import register_fonts
from hiprehab.model.exercise import Dose
from hiprehab.render import pdf_bytes
from hiprehab.render.figures import Figures
from hiprehab.render.styles import MARGIN, PAPER_SIZES, make_styles
from hiprehab.render.week import WeekWriter
from testing.render_fixtures import (
    BRIDGE,
    CLAM,
    exercise,
    item,
    make_plan,
    page_texts,
    section_pages,
    with_exercise,
)

LONG = exercise(
    "long-name",
    "Standing banded hip abduction hold against a wall with a towel",
    "strength",
    "abduction",
    Dose(sets=2, reps=10),
)


def test_markup_in_a_repeated_exercise_name_prints_literally() -> None:
    """A name holding "<b>&" prints as those characters in its card and in each later row."""
    odd = CLAM.model_copy(update={"name": "Clam <b>& band</b>"})
    data = pdf_bytes(with_exercise(make_plan(weeks=2), CLAM, odd))
    weeks = " ".join(page_texts(data)[i] for i in section_pages(data, "Week by week", "Exercise library"))
    assert weeks.count("Clam <b>& band</b> 2 x 12 reps, tempo 2-1-2, rest 60 s between sets card 2") == 1 + 3


def test_a_name_too_long_for_its_column_wraps_within_its_row() -> None:
    """A row whose name is wider than its column grows a line rather than running into the dose."""
    register_fonts()
    plan = make_plan(weeks=2)
    width = PAPER_SIZES["a4"][0] - 2 * MARGIN
    styles = make_styles()
    writer = WeekWriter(plan, styles, width, Figures(enabled=False))
    _, short = writer._rows([item(BRIDGE)]).wrap(width, 1000)
    _, long = writer._rows([item(LONG)]).wrap(width, 1000)
    assert long == short + styles.cell.leading
