"""A next block starts from a carried state: phase, rungs, doses, walk-run stage, decisions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from hiprehab.engine import build_plan
from hiprehab.engine.running import WalkRunLadder
from hiprehab.model.carry import CarriedTrack, Carry, Move
from hiprehab.model.profile import Profile
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.plan import Item, Plan

START = dt.date(2027, 3, 1)


def plan_with(carry: Carry | None, **fields: Any) -> Plan:
    """An 6-week manage plan for a runner who can run, from ``carry``."""
    catalogue, templates, rules = default_inputs()
    profile = Profile.model_validate(
        {"goal": "manage", "red_flags": (), "weeks": 6, "weekly_volume": 20.0, "longest_run": 8.0, **fields}
    )
    return build_plan(catalogue, templates[profile.goal], rules, profile, START, carry)


def first(plan: Plan, family: str, session: str = "strength") -> Item:
    """The first main item of ``family`` in a ``session`` of the plan."""
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                for item in s.items:
                    if s.type == session and item.exercise.family == family and item.part == "main":
                        return item
    raise AssertionError(family)


def bridge(move: Move, exercise: str = "double-leg-bridge", sets: int = 3, amount: int = 10) -> Carry:
    """A carry in the load phase with the bridge family at ``exercise``, ``sets`` x ``amount``."""
    return Carry("load", (CarriedTrack("strength", "bridge", exercise, sets, amount, move),))


def test_no_carry_is_the_plan_as_before() -> None:
    """Without a carry the plan starts at its first phase, as a fresh plan does."""
    assert plan_with(None).weeks[0].phase.id == "settle"


def test_the_block_starts_in_the_phase_reached() -> None:
    """A carry in the load phase starts there and shares the weeks among load and return."""
    phases = [w.phase.id for w in plan_with(bridge("hold")).weeks]
    assert phases[0] == "load"
    assert "settle" not in phases
    assert phases[-1] == "return"


def test_hold_keeps_the_dose() -> None:
    """Hold: the family starts at the carried rung and dose, with no change noted."""
    item = first(plan_with(bridge("hold")), "bridge")
    assert (item.exercise.id, item.sets, item.reps, item.change) == ("double-leg-bridge", 3, 10, None)


def test_up_makes_one_change() -> None:
    """Up: one change at the start, the next step the plan's order gives (more reps first)."""
    item = first(plan_with(bridge("up")), "bridge")
    assert (item.exercise.id, item.sets, item.reps) == ("double-leg-bridge", 3, 12)
    assert item.change == "+2 reps"


def test_back_takes_a_set_off() -> None:
    """Back: one set fewer while the set count is above the phase's least."""
    item = first(plan_with(bridge("back")), "bridge")
    assert (item.exercise.id, item.sets, item.reps) == ("double-leg-bridge", 2, 10)
    assert item.change == "one set fewer after a painful week"


def test_back_at_the_fewest_sets_takes_the_easier_rung() -> None:
    """Back at the fewest sets: the easier rung, never with more sets or reps than before."""
    item = first(plan_with(bridge("back", "marching-bridge", 1, 8)), "bridge")
    assert item.exercise.id == "double-leg-bridge"
    assert item.sets == 1
    assert (item.reps or 0) <= 8
    assert item.change == "back to an easier rung: Double-leg bridge"


def test_an_unknown_exercise_starts_afresh() -> None:
    """A carried exercise the catalogue no longer has is started as a fresh plan would."""
    fresh = first(plan_with(Carry("load")), "bridge")
    item = first(plan_with(bridge("up", "no-such-exercise")), "bridge")
    assert (item.exercise.id, item.sets, item.reps) == (fresh.exercise.id, fresh.sets, fresh.reps)


@pytest.mark.parametrize(("move", "stage"), [("up", 3), ("hold", 2), ("back", 1)])
def test_walk_run_resumes_at_the_stage(move: Move, stage: int) -> None:
    """The ladder resumes after stage 2 run twice: up goes on, hold repeats it, back steps down."""
    plan = plan_with(Carry("return", walk_run_stage=2, walk_run_repeats=2, running=move))
    runs = [s.run for w in plan.weeks for d in w.days for s in d.sessions if s.run is not None]
    assert runs[0].stage == stage


def test_up_waits_for_the_stage_repeats() -> None:
    """Up after a stage run only once finishes that stage's repeats before the next."""
    _, templates, _ = default_inputs()
    ladder = templates["manage"].walk_run
    assert ladder is not None
    walk_run = WalkRunLadder(ladder)
    walk_run.resume(2, 1, "up")
    assert [walk_run.next_run().stage for _ in range(3)] == [2, 3, 3]


def test_build_running_back_starts_lighter() -> None:
    """Prevent: after a red week the first week's running is the lighter-week share of the volume."""
    carry = Carry("build", running="back")
    plan = plan_with(carry, goal="prevent", weeks=8)
    hold = plan_with(Carry("build"), goal="prevent", weeks=8)
    assert plan.weeks[0].running_target is not None
    assert hold.weeks[0].running_target == 20.0
    assert plan.weeks[0].running_target < 20.0
