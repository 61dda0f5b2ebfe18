"""What the plan prints: exercises, dates, logs, rules, warning signs, library, calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hiprehab.render import pdf_bytes
from testing.render_fixtures import (
    AVOID_NOTE,
    SCHEDULED,
    make_plan,
    page_texts,
    rules,
    section_pages,
    template,
)

if TYPE_CHECKING:
    import datetime as dt

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


def test_every_date_of_the_plan_is_printed(texts: list[str]) -> None:
    """Each day of the plan has its date written out in full."""
    plan = make_plan(weeks=2)
    everything = " ".join(texts)
    days = [d.date for w in plan.weeks for d in w.days]
    assert len(days) == 14
    assert [_long(d) for d in days if _long(d) not in everything] == []


def test_one_log_box_per_session(pdf: bytes, texts: list[str]) -> None:
    """Week pages have one "Pain next morning" log per session; rest days get none."""
    plan = make_plan(weeks=2)
    sessions = sum(1 for w in plan.weeks for d in w.days for s in d.sessions if s.type != "rest")
    weeks = " ".join(texts[i] for i in section_pages(pdf, "Week by week", "Exercise library"))
    assert weeks.count("Done Pain during /10 Pain next morning /10 Notes") == sessions == 14


def test_full_card_once_then_rows_naming_the_card(pdf: bytes, texts: list[str]) -> None:
    """An exercise's steps print once in the weeks; its three later uses are rows naming its card."""
    weeks = " ".join(texts[i] for i in section_pages(pdf, "Week by week", "Exercise library"))
    assert weeks.count("Get into the start position for clamshell.") == 1
    assert weeks.count("Clamshell 2 x 12 reps, tempo 2-1-2, rest 60 s between sets card 2") == 1 + 3


def test_walk_run_prints_its_intervals(texts: list[str]) -> None:
    """A walk-run session shows its stage, total time, note and interval."""
    everything = " ".join(texts)
    assert "Your run: Walk-run stage 1 · 15 min in all Flat ground only." in everything
    assert "Run 1 min, walk 2 min, 5 times:" in everything


def test_change_since_last_time_is_printed(texts: list[str]) -> None:
    """An item's change note appears with it."""
    assert "One more set than last week." in " ".join(texts)


def test_notices_on_the_how_to_page(pdf: bytes, texts: list[str]) -> None:
    """The plan's notices are printed on the how-to pages."""
    howto = " ".join(
        texts[i] for i in section_pages(pdf, "How to use this plan", "Stop and see a doctor if...")
    )
    assert "About your plan • Exercises that press on the outside of the hip are left out." in howto


def test_how_to_prints_traffic_light_and_rules(pdf: bytes, texts: list[str]) -> None:
    """Pain zones with words and symbols, progression, step-back rules and advice appear."""
    howto = " ".join(
        texts[i] for i in section_pages(pdf, "How to use this plan", "Stop and see a doctor if...")
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
    page = " ".join(texts[i] for i in section_pages(pdf, "Stop and see a doctor if...", "Overview calendar"))
    assert [f.sign for f in rules().flags if " ".join(f.sign.split()) not in page] == []


def test_library_prints_avoid_rule(pdf: bytes, texts: list[str]) -> None:
    """The library gives an exercise's avoid rule in words, with its note."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    expected = (
        "Avoid rule: Left out of plans for runners with pain on the outside of the hip, bursitis. "
        + AVOID_NOTE
    )
    assert expected in library


def test_library_lists_every_exercise_once_numbered(pdf: bytes, texts: list[str]) -> None:
    """Each library exercise has one numbered card, in first-use order."""
    library = " ".join(texts[i] for i in section_pages(pdf, "Exercise library", None))
    plan = make_plan(weeks=2)
    positions = [library.index(f"{n}. {e.name} What ") for n, e in enumerate(plan.library, 1)]
    assert positions == sorted(positions)


def test_cover_summarises_the_plan(texts: list[str]) -> None:
    """The cover gives weeks, sessions a week, equipment and the screening outcome."""
    cover = texts[0]
    assert "Length 2 weeks" in cover
    assert "Sessions Strength: 2 a week Run: 3 a week Cross-training: 2 a week" in cover
    assert "You need exercise mat, resistance band" in cover
    assert "Screening No warning signs were reported." in cover


def test_overview_has_a_row_per_week_and_a_key(pdf: bytes, texts: list[str]) -> None:
    """The calendar lists each week with its phase and codes, and explains the codes."""
    page = " ".join(texts[i] for i in section_pages(pdf, "Overview calendar", "Week by week"))
    assert f"Key: S strength session · WR walk-run · LR long run · X cross-training · {DASH} rest day" in page
    days = "4 Jan S 5 Jan WR 6 Jan X 7 Jan WR 8 Jan S X 9 Jan LR 10 Jan"
    week_one = f"Week 1 4 Jan {DASH} 10 Jan Settle {days} {DASH}"
    assert week_one in page
    assert f"Week 2 11 Jan {DASH} 17 Jan Load" in page


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_twelve_week_overview_fits_one_page(paper: str) -> None:
    """Up to twelve weeks, the overview calendar is a single page."""
    data = pdf_bytes(make_plan(weeks=12), paper=paper)
    assert len(section_pages(data, "Overview calendar", "Week by week")) == 1
