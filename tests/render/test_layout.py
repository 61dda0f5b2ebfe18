"""Layout: a card goes on over a page turn under its name, headings keep their content, long plans render."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from hiprehab.engine import build_plan
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.plan import card_numbers, library_cards
from hiprehab.model.profile import Profile
from hiprehab.render import pdf_bytes
from hiprehab.resources import data_dir
from testing.render_fixtures import make_plan, outline, page_texts, pages_through, reader, rules, template

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _short(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def real_plan(goal: str, weeks: int) -> Plan:
    """A plan from the real engine, catalogue and templates: long texts, busy days."""
    catalogue = load_catalogue([data_dir("exercises")])
    profile = Profile(
        name="Zoë Ødegård",
        goal=goal,
        weeks=weeks,
        run_days=("tue", "thu", "sat"),
        weekly_volume=20.0,
        longest_run=8.0,
        pain=3,
        pain_sites=("lateral",),
        red_flags=(),
    )
    return build_plan(catalogue, template(goal), rules(), profile, dt.date(2027, 1, 4))


@pytest.fixture(scope="module")
def manage() -> tuple[Plan, bytes]:
    """A real twelve-week plan for hip pain, on A4."""
    plan = real_plan("manage", 12)
    return plan, pdf_bytes(plan)


def test_real_plan_names_every_exercise_and_date(manage: tuple[Plan, bytes]) -> None:
    """A plan from the engine prints every scheduled exercise and every day's date."""
    plan, data = manage
    text = " ".join(page_texts(data))
    names = {i.exercise.name for w in plan.weeks for d in w.days for s in d.sessions for i in s.items}
    assert [n for n in sorted(names) if _flat(n) not in text] == []
    assert [d.date for w in plan.weeks for d in w.days if _short(d.date) not in text] == []


def test_a_card_that_runs_on_goes_on_under_its_number_and_name(manage: tuple[Plan, bytes]) -> None:
    """A card too long for a page's foot goes on at the next page's top, under its number and name."""
    plan, data = manage
    texts = [_flat(text) for text in page_texts(data)]
    numbers = card_numbers(plan)
    ran_on = []
    for exercise in library_cards(plan):
        head = f"{numbers[exercise.id]} {_flat(exercise.name)} "
        page = next(
            i for i, text in enumerate(texts) if head + "You need:" in text or head + "Starting dose:" in text
        )
        last = _flat(exercise.mistakes[-1])
        if last not in texts[page][texts[page].index(head) :]:
            ran_on.append(exercise.id)
            going_on = texts[page + 1]
            label = f"{numbers[exercise.id]} {_flat(exercise.name)} (continued)"
            assert label in going_on
            assert last.split()[-1] in going_on[going_on.index(label) :]
    assert ran_on != []


@pytest.fixture(scope="module")
def year() -> bytes:
    """A 52-week plan on A4."""
    return pdf_bytes(make_plan(weeks=52))


@pytest.mark.slow
def test_a_52_week_plan_renders_every_week(year: bytes) -> None:
    """A year-long plan has a bookmark and a section for each of its 52 weeks."""
    data = year
    weeks = [(title, page) for depth, title, page in outline(data) if depth == 1]
    assert len(weeks) == 52
    title, page = weeks[-1]
    assert title == "Week 52: Load"
    # Only the last week's page is read back: pypdf takes seconds over a whole year.
    assert "Week 52 of 52" in " ".join(reader(data).pages[page].extract_text().split())


@pytest.mark.slow
def test_a_year_overview_fits_one_page_under_its_column_headings(year: bytes) -> None:
    """A year's calendar, alike weeks sharing rows, fits one page under its column headings."""
    data = year
    pages = pages_through(data, "Overview calendar", "Week 1: Settle")[:-1]
    assert len(pages) == 1
    text = " ".join(reader(data).pages[pages[0]].extract_text().split())
    assert "Week Page Phase Mon Tue Wed Thu Fri Sat Sun" in text


def test_real_prevent_plan_renders_on_letter() -> None:
    """A prevention plan from the engine lays out on Letter with a page per part at least."""
    data = pdf_bytes(real_plan("prevent", 8), paper="letter")
    titles = [title for depth, title, _ in outline(data) if depth == 0]
    assert titles == ["Cover", "How to use this plan", "Stop and see a doctor if...", "Overview calendar",
                      "Week by week", "Exercise library"]  # fmt: skip
