"""Card numbers follow the runner's first meeting with each exercise, day by day."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from hiprehab.model.plan import card_numbers, library_cards
from testing.render_fixtures import make_plan

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

PROPERTY = settings(max_examples=20, deadline=None)
BASE = make_plan(weeks=2)


@st.composite
def shuffled_plans(draw: st.DrawFn) -> Plan:
    """The sample plan with each day's sessions moved to other days and the library in any order."""
    sessions = [d.sessions for w in BASE.weeks for d in w.days]
    order = draw(st.permutations(range(len(sessions))))
    moved = iter([sessions[i] for i in order])
    weeks = tuple(
        replace(w, days=tuple(replace(d, sessions=next(moved)) for d in w.days)) for w in BASE.weeks
    )
    library = tuple(draw(st.permutations(BASE.library)))
    return replace(BASE, weeks=weeks, library=library)


def _first_use(plan: Plan) -> dict[str, tuple[int, int, int]]:
    """Where each scheduled exercise is first used: (day, session, item), days counted from the start."""
    found: dict[str, tuple[int, int, int]] = {}
    for week in plan.weeks:
        for day in week.days:
            for s, session in enumerate(day.sessions):
                for i, item in enumerate(session.items):
                    found.setdefault(item.exercise.id, ((day.date - plan.start).days, s, i))
    return found


@PROPERTY
@given(shuffled_plans())
def test_card_n_is_first_used_no_later_than_card_n_plus_one(plan: Plan) -> None:
    """For any plan, card n's first use comes on or before card n+1's; the unscheduled rungs come last."""
    first = _first_use(plan)
    numbers = card_numbers(plan)
    ordered = [e.id for e in library_cards(plan)]
    assert [numbers[x] for x in ordered] == list(range(1, len(ordered) + 1))
    used = [first[x] for x in ordered if x in first]
    assert used == sorted(used)
    assert ordered[: len(first)] == sorted(first, key=first.__getitem__)
