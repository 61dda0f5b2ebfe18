"""What the plan prints: exercises, dates, logs, rules, warning signs, library, calendar."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hiprehab import api
from hiprehab.model.plan import library_cards
from hiprehab.render import pdf_bytes
from hiprehab.render.week import run_label, week_groups
from testing.render_fixtures import (
    AVOID_NOTE,
    SCHEDULED,
    make_plan,
    page_texts,
    pages_through,
    rules,
    section_pages,
    template,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DASH = "\N{EN DASH}"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """A two-week plan on A4."""
    return pdf_bytes(make_plan(weeks=2))


@pytest.fixture(scope="module")
def texts(pdf: bytes) -> list[str]:
    """The text of each page."""
    return page_texts(pdf)


def _long(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def test_every_scheduled_exercise_is_named_in_the_week_pages(pdf: bytes, texts: list[str]) -> None:
    """Each exercise of every session appears in the week section."""
    weeks = " ".join(texts[i] for i in section_pages(pdf, "Week by week", "Exercise library"))
    assert [e.name for e in SCHEDULED if e.name not in weeks] == []


def test_every_date_of_the_plan_heads_its_column(pdf: bytes, texts: list[str]) -> None:
    """Each week sheet's columns are its seven days, named and dated in order."""
    plan = make_plan(weeks=2)
    for week, page in zip(plan.weeks, section_pages(pdf, "Week 1: Settle", "Exercise library"), strict=True):
        days = " ".join(f"{WEEKDAYS[d.date.weekday()][:3]} {d.date.day} Jan" for d in week.days)
        assert f"Card · exercise · dose {days}" in texts[page]


def test_one_day_log_per_day(pdf: bytes, texts: list[str]) -> None:
    """Each week sheet ends with a Done box and the two pain scores for every day, once."""
    for page in section_pages(pdf, "Week by week", "Exercise library"):
        scores = " ".join(["/10"] * 7)
        log = f"Done today Pain during (0 to 10) {scores} Pain next morning (0 to 10) {scores}"
        assert texts[page].count(log) == 1


def test_no_step_is_printed_in_the_weeks(pdf: bytes, texts: list[str]) -> None:
    """The week sheets name exercises by card; their steps are only in the library."""
    weeks = " ".join(texts[i] for i in section_pages(pdf, "Week by week", "Exercise library"))
    assert "Get into the start position" not in weeks
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    assert library.count("Get into the start position for clamshell.") == 1


def test_each_exercise_is_one_row_with_card_and_dose(pdf: bytes, texts: list[str]) -> None:
    """An exercise planned on several days is one row: its card number, name and the week's dose."""
    week = texts[section_pages(pdf, "Week 1: Settle", "Week 2: Load")[0]]
    assert week.count("Clamshell") == 1
    assert "2 Clamshell · 2 x 12 reps 3 Side plank (optional) · 3 x 20 s hold per side" in week


def test_walk_run_prints_its_targets_in_its_days(texts: list[str]) -> None:
    """The run row explains its cells, then gives each run's time and blocks in its day's column."""
    everything = " ".join(texts)
    legend = "Your runs: minutes or km; 1/2 x5 = run 1 min, walk 2 min, 5 times"
    assert f"{legend} 15 min 1/2 x5 15 min 1/2 x5 15 min long" in everything
    assert "Run: Flat ground only." in everything


def test_change_since_last_time_is_printed_at_the_top_of_its_week(pdf: bytes, texts: list[str]) -> None:
    """An item's change note heads its week, with the card it applies to."""
    week = texts[section_pages(pdf, "Week 2: Load", "Exercise library")[0]]
    assert "What changes this week: One more set than last week (card 1)." in week


def test_notices_on_the_cover(texts: list[str]) -> None:
    """The plan's notices are printed on the cover."""
    assert "About your plan • Exercises that press on the outside of the hip are left out." in texts[0]


def test_how_to_prints_traffic_light_and_rules(pdf: bytes, texts: list[str]) -> None:
    """Pain zones with words and symbols, progression, step-back rules and advice appear."""
    howto = " ".join(
        texts[i] for i in pages_through(pdf, "How to use this plan", "Stop and see a doctor if...")
    )
    pain = template().pain_rules
    assert (
        f"✓ GREEN Pain 0 to {pain.green.max_score} out of 10 {' '.join(pain.green.action.split())}" in howto
    )
    assert f"‖ AMBER Pain {pain.green.max_score + 1} to {pain.amber.max_score} out of 10" in howto
    assert f"↓ RED Step back Pain above {pain.amber.max_score} out of 10, or worse the next morning" in howto
    texts_needed = [*template().progression, *template().step_back, *(a.heading for a in template().advice)]
    assert [t for t in texts_needed if " ".join(t.split()) not in howto] == []


def test_every_warning_sign_on_the_warnings_page(pdf: bytes, texts: list[str]) -> None:
    """Each red flag's sign is listed under "Stop and see a doctor if..."."""
    page = " ".join(texts[i] for i in pages_through(pdf, "Stop and see a doctor if...", "Overview calendar"))
    assert [f.sign for f in rules().flags if " ".join(f.sign.split()) not in page] == []


def test_library_prints_avoid_rule(pdf: bytes, texts: list[str]) -> None:
    """The library gives an exercise's avoid rule in words; its reason is for those it is left out for."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    expected = "Not for: pain on the outside of the hip and bursitis."
    assert expected in library
    assert AVOID_NOTE not in library


def test_library_lists_every_exercise_once_numbered(pdf: bytes, texts: list[str]) -> None:
    """Each library exercise has one card, numbered 1, 2, 3... in first-use order."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    plan = make_plan(weeks=2)
    heads = [
        re.findall(rf"\b(\d+) {re.escape(e.name)} (?:You need|Starting dose):", library) for e in plan.library
    ]
    assert heads == [[str(n)] for n in range(1, len(plan.library) + 1)]
    positions = [library.index(f"{n} {e.name} ") for n, e in enumerate(plan.library, 1)]
    assert positions == sorted(positions)


def test_only_a_card_the_weeks_do_not_use_gives_a_dose(pdf: bytes, texts: list[str]) -> None:
    """A card the weeks use gives no dose (their sheets do); an easier or harder one gives a starting dose."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    plan = make_plan(weeks=2)
    scheduled = {i.exercise.id for w in plan.weeks for d in w.days for s in d.sessions for i in s.items}
    cards = library_cards(plan)
    assert any(e.id not in scheduled for e in cards)
    for number, exercise in enumerate(cards, 1):
        label = "You need:" if exercise.id in scheduled else "Starting dose:"
        assert f"{number} {exercise.name} {label}" in library


def test_harder_names_its_card_number(pdf: bytes, texts: list[str]) -> None:
    """A card's harder rung is named by its own card number in the library."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    assert "Harder: card 8 (Marching bridge)" in library
    assert "8 Marching bridge Starting dose: 2 x 8 reps per side." in library


def test_cover_summarises_the_plan(texts: list[str]) -> None:
    """The cover gives weeks, sessions a week, equipment and the screening outcome."""
    cover = texts[0]
    assert "Length 2 weeks" in cover
    assert "Sessions Strength: 2 a week; Run: 3 a week; Cross-training: 2 a week" in cover
    assert "You need exercise mat, resistance band" in cover
    assert "Screening No warning signs were reported." in cover


def test_overview_has_a_row_per_week_and_a_key(pdf: bytes, texts: list[str]) -> None:
    """The calendar lists each week with its phase and codes, and explains the codes."""
    page = " ".join(texts[i] for i in pages_through(pdf, "Overview calendar", "Week 1: Settle")[:-1])
    assert f"Key: S strength session · WR walk-run · LR long run · X cross-training · {DASH} rest day" in page
    first = section_pages(pdf, "Week 1: Settle", None)[0] + 1
    assert f"1 4 Jan {first} Settle S WR X WR S X LR {DASH}" in page
    assert f"2 11 Jan {first + 1} Load S WR X WR S X LR" in page


def test_overview_gives_each_week_its_page(pdf: bytes, texts: list[str]) -> None:
    """The page number beside each week in the calendar is the page of that week's sheet."""
    page = " ".join(texts[i] for i in pages_through(pdf, "Overview calendar", "Week 1: Settle")[:-1])
    for week in (1, 2):
        sheet = section_pages(pdf, f"Week {week}: {'Settle' if week == 1 else 'Load'}", None)[0]
        assert f"{week} {4 + 7 * (week - 1)} Jan {sheet + 1} " in page


def test_a_running_target_is_counted_in_the_units_of_its_runs() -> None:
    """After the walk-run ladder the runs are set by minutes, and so is the week's total; by distance, km."""
    runner = {"weekly_volume": 20.0, "longest_run": 8.0, "pain": 3, "red_flags": []}
    start = dt.date(2027, 1, 4)
    for goal, weeks, unit in (("manage", 14, "minutes"), ("prevent", 6, "km")):
        plan = api.make_plan({**runner, "goal": goal, "weeks": weeks}, start=start, user_folder=False)
        week = next(w for w in reversed(plan.weeks) if w.running_target is not None)
        group = next(g for g in week_groups(week) if g.runs)
        label = run_label(group, plan.profile.units, week)
        assert f"; {week.running_target:g} {unit} this week in all" in label, (goal, label)
