"""Strength days and progression (docs/evidence.md 1.1, 5.1) hold for any runner."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from hypothesis import given, settings

from hiprehab.engine.schedule import strength_weekdays
from testing.engine_inputs import default_inputs
from testing.plans import build, runners

if TYPE_CHECKING:
    import datetime as dt

    from hiprehab.model.plan import Item, Plan, Week
    from hiprehab.model.profile import Profile

PROPERTY = settings(max_examples=25, deadline=None)
BLOCKS = ("strength", "activation")


def _amount(item: Item) -> float:
    return item.reps or item.hold_s or item.duration_min or 0


def _week_items(plan: Plan, session_type: str) -> list[tuple[Week, int, dict[str, Item]]]:
    """Each week with sessions of this type: how many, and family -> the item of its first session."""
    out = []
    for week in plan.weeks:
        found = [s for d in week.days for s in d.sessions if s.type == session_type]
        if found:
            out.append((week, len(found), {i.exercise.family: i for i in found[0].items}))
    return out


@PROPERTY
@given(runners(answers="proceed"))
def test_strength_weeks_hold_two_sessions_or_say_the_days_moved(runner: tuple[Profile, dt.date]) -> None:
    """A week asking for 2+ strength sessions gets 2+, 48 h apart; moved days are said in a notice."""
    profile, start = runner
    plan = build(profile, start)
    for week in plan.weeks:
        if week.phase.strength.sessions >= 2:
            days = [d.date for d in week.days if any(s.type == "strength" for s in d.sessions)]
            assert len(days) >= 2, (week.number, profile.strength_days)
            assert all((b - a).days >= 2 for a, b in itertools.pairwise(days))
    moved = any(
        d.weekday not in profile.strength_days
        for w in plan.weeks
        for d in w.days
        if any(s.type == "strength" for s in d.sessions)
    )
    assert moved == ("strength_days_moved" in {n.code for n in plan.notices})


@PROPERTY
@given(runners(answers="proceed"))
def test_a_change_follows_two_sessions_at_the_dose_before(runner: tuple[Profile, dt.date]) -> None:
    """2-for-2, counted across weeks: an exercise changes only after two sessions at its dose."""
    plan = build(*runner)
    for session_type in BLOCKS:
        since: dict[str, int] = {}
        for week, count, items in _week_items(plan, session_type):
            for family, item in items.items():
                if item.change:
                    assert since.get(family, 0) >= 2, (week.number, family, item.change)
                    since[family] = 0
                since[family] = since.get(family, 0) + count


@PROPERTY
@given(runners(answers="proceed"))
def test_rung_changes_wait_and_stay_few(runner: tuple[Profile, dt.date]) -> None:
    """No rung change in a lighter week or the week running starts; at most two rung changes a week."""
    plan = build(*runner)
    ran_before = False
    for week in plan.weeks:
        runs = any(s.run is not None for d in week.days for s in d.sessions)
        starts = runs and not ran_before
        ran_before = runs
        rungs = {
            (s.type, i.exercise.family)
            for d in week.days
            for s in d.sessions
            for i in s.items
            if i.change and i.change.startswith("next rung")
        }
        assert len(rungs) <= 2, (week.number, rungs)
        if week.deload or starts:
            assert not rungs, (week.number, rungs)


@PROPERTY
@given(runners(answers="proceed"))
def test_one_dose_per_exercise_per_week(runner: tuple[Profile, dt.date]) -> None:
    """Every session of a week gives a family the same exercise and dose: one change a week at most."""
    plan = build(*runner)
    for week in plan.weeks:
        for session_type in BLOCKS:
            doses: dict[str, set[tuple[str, int, float]]] = {}
            for d in week.days:
                for s in d.sessions:
                    if s.type == session_type:
                        for i in s.items:
                            doses.setdefault(i.exercise.family, set()).add(
                                (i.exercise.id, i.sets, _amount(i))
                            )
            assert all(len(v) == 1 for v in doses.values()), (week.number, doses)


@PROPERTY
@given(runners(answers="proceed"))
def test_adding_a_set_keeps_the_work_and_the_range(runner: tuple[Profile, dt.date]) -> None:
    """When a set is added the reps (or hold) stay in range and the total work does not shrink."""
    plan = build(*runner)
    for session_type in BLOCKS:
        weeks = [(w, items) for w, _, items in _week_items(plan, session_type) if not w.deload]
        for (_, before), (week, after) in itertools.pairwise(weeks):
            for family in before.keys() & after.keys():
                old, new = before[family], after[family]
                if old.exercise.id == new.exercise.id and new.sets == old.sets + 1:
                    dose = week.phase.dose
                    low = (
                        dose.hold_s.min
                        if new.hold_s is not None
                        else (dose.reps_per_side.min if new.per_side else dose.reps.min)
                    )
                    assert _amount(new) >= low, (week.number, family)
                    assert new.sets * _amount(new) >= old.sets * _amount(old) - new.sets, (
                        week.number,
                        family,
                    )


def test_nearest_strength_days_keep_a_day_between() -> None:
    """Days that cannot hold two sessions 48 h apart move to the nearest pair that can."""
    assert strength_weekdays(("mon", "tue"), ("tue", "thu", "sat"), 2) == ("mon", "wed")
    assert strength_weekdays(("sat", "sun"), ("tue", "thu", "sat"), 2) == ("fri", "sun")
    assert strength_weekdays((), ("tue", "thu", "sat"), 2) == ("mon", "wed")
    assert strength_weekdays(("mon", "wed", "fri"), (), 2) == ("mon", "wed", "fri")


def test_return_phase_reps_stay_eight_to_twelve() -> None:
    """The manage return-to-running phase doses 8-12 reps, per side too (docs/evidence.md 5.1)."""
    template = default_inputs()[1]["manage"]
    ret = next(p for p in template.phases if p.running == "walk_run")
    assert (ret.dose.reps.min, ret.dose.reps.max) == (8, 12)
    assert (ret.dose.reps_per_side.min, ret.dose.reps_per_side.max) == (8, 12)
