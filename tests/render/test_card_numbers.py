"""One card numbering: the calendar, the plan JSON and the week sheets name the PDF library's cards."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from icalendar import Calendar

from hiprehab.export.ics import plan_to_ics
from hiprehab.export.plan import plan_to_dict
from hiprehab.render.figures import Figures
from hiprehab.render.library import library_section
from hiprehab.render.story import make_document
from hiprehab.render.styles import make_styles
from testing.render_fixtures import page_texts, real_plan

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

PROFILES = ["manage-6-lateral", "prevent-12"]


def _exercises(plan: Plan) -> dict[str, str]:
    """Name by id of every exercise the plan schedules or points to as a rung."""
    found: dict[str, str] = {}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for item in session.items:
                    for used in (item.exercise, item.easier, item.harder):
                        if used is not None:
                            found[used.id] = used.name
    return found


def _printed_numbers(profile: str) -> dict[str, int]:
    """The card number the PDF's exercise library prints before each exercise's name."""
    plan = real_plan(profile)
    styles = make_styles()
    doc = make_document(plan, "a4", styles)
    # The library pages alone, without figures: the same cards and numbers, rendered quickly.
    flow = library_section(plan, styles, Figures(enabled=False, size=styles.figure_size))
    library = " ".join(" ".join(text.split()) for text in page_texts(doc.render(flow)))
    numbers = {}
    for exercise_id, name in _exercises(plan).items():
        found = re.findall(rf"(\d+) {re.escape(name)} (?:You need|Starting dose):", library)
        assert len(found) == 1, name
        numbers[exercise_id] = int(found[0])
    return numbers


@pytest.mark.parametrize("profile", PROFILES)
def test_calendar_and_json_use_the_printed_card_numbers(profile: str) -> None:
    """Every calendar event's card numbers, and the JSON library's order, equal the PDF library's."""
    plan = real_plan(profile)
    printed = _printed_numbers(profile)
    by_name = {name: printed[i] for i, name in _exercises(plan).items()}
    calendar = Calendar.from_ical(plan_to_ics(plan))
    lines = [
        line
        for event in calendar.walk("VEVENT")
        for line in str(event["DESCRIPTION"]).splitlines()
        if "(card " in line
    ]
    assert lines
    for line in lines:
        name = next(n for n in sorted(by_name, key=len, reverse=True) if line.startswith(f"- {n}"))
        assert line.endswith(f"(card {by_name[name]})"), line
    library = plan_to_dict(plan)["library"]
    assert {i: library.index(i) + 1 for i in printed} == printed
