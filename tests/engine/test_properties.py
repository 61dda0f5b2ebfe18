"""Property tests of the plan engine: every rule of docs/evidence.md 5.1 holds for any runner.

Each test draws random valid profiles (both goals, 2 to 52 weeks, any days,
conditions, pain, equipment, refer answers, units and running volume) and checks
one scheduling rule on the plan the engine builds for them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import TYPE_CHECKING

from hypothesis import given, settings

from hiprehab.engine.select import HOUSEHOLD
from hiprehab.export.plan import plan_to_json
from hiprehab.model.plan import Item
from testing.engine_inputs import default_inputs
from testing.plans import EPSILON, build, days_of, length, runners, runs, sessions

if TYPE_CHECKING:
    from hiprehab.model.exercise import Exercise
    from hiprehab.model.plan import Plan, Week
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import DoseRanges, Range

PROPERTY = settings(max_examples=30, deadline=None)  # modest: the whole CI stays fast

_inputs = default_inputs
_build = build
_days_of = days_of
_sessions = sessions
_length = length
_runs = runs


def _printed(item: Item) -> list[Exercise]:
    """The exercise of an item and the easier and harder rungs printed beside it."""
    return [e for e in (item.exercise, item.easier, item.harder) if e is not None]


def _ranges(item: Item, dose: DoseRanges) -> tuple[Range, Range, str]:
    """The (sets range, amount range, amount field) docs/evidence.md 5.1 gives an item."""
    kind = item.exercise.kind
    if kind == "stretch":
        return dose.stretch_reps, dose.stretch_hold_s, "hold_s"
    if kind == "cardio":  # one continuous bout: only its minutes have a range
        return dose.sets, dose.cardio_min, "duration_min"
    if item.hold_s is not None:
        return (dose.holds if kind == "isometric" else dose.sets), dose.hold_s, "hold_s"
    return dose.sets, (dose.reps_per_side if item.per_side else dose.reps), "reps"


def _amount(item: Item) -> float:
    return item.reps or item.hold_s or item.duration_min or 0


FamilyDose = tuple[str, int, float]
"""An exercise id, its sets and its amount (reps, hold seconds or minutes)."""


def _block_doses(plan: Plan, session_type: str) -> list[tuple[Week, dict[str, FamilyDose]]]:
    """For each week with this session type: family -> the dose of its first session."""
    out = []
    for week in plan.weeks:
        sessions = [s for d in week.days for s in d.sessions if s.type == session_type]
        if sessions:
            doses = {i.exercise.family: (i.exercise.id, i.sets, _amount(i)) for i in sessions[0].items}
            out.append((week, doses))
    return out


# -- exercise choice --------------------------------------------------------------------


@PROPERTY
@given(runners())
def test_no_printed_exercise_is_contraindicated(runner: tuple[Profile, dt.date]) -> None:
    """No item nor its easier or harder rung is ruled out by a condition, the pain site or its rules."""
    profile, start = runner
    plan = _build(profile, start)
    avoid: set[str] = set(profile.conditions)
    for site in profile.pain_sites:  # every site's exclusions apply
        avoid |= {site, *plan.template.site_rules.get(site, ())}
    for _, day, session in _sessions(plan):
        for item in session.items:
            for exercise in _printed(item):
                assert not avoid & set(exercise.avoid_if), (day.date, exercise.id)


@PROPERTY
@given(runners())
def test_no_printed_exercise_needs_missing_equipment(runner: tuple[Profile, dt.date]) -> None:
    """Every item and its rungs need only the runner's equipment or household things."""
    profile, start = runner
    plan = _build(profile, start)
    have = HOUSEHOLD | {"none", *profile.equipment}
    for _, day, session in _sessions(plan):
        for item in session.items:
            for exercise in _printed(item):
                assert set(exercise.equipment) <= have, (day.date, exercise.id)


@PROPERTY
@given(runners())
def test_strength_sessions_have_four_to_six_exercises(runner: tuple[Profile, dt.date]) -> None:
    """Every loaded strength session holds 4 to 6 exercises (docs/evidence.md 5.1)."""
    plan = _build(*runner)
    for _, day, session in _sessions(plan):
        if session.type == "strength":
            assert 4 <= len(session.items) <= 6, (day.date, len(session.items))


# -- days -------------------------------------------------------------------------------


@PROPERTY
@given(runners())
def test_every_date_appears_once_in_order_with_a_session(runner: tuple[Profile, dt.date]) -> None:
    """The plan lists each date from start to end once, in order, and no day is empty."""
    profile, start = runner
    plan = _build(profile, start)
    weeks = profile.weeks or 0
    assert [d.date for d in _days_of(plan)] == [start + dt.timedelta(days=i) for i in range(7 * weeks)]
    assert [w.number for w in plan.weeks] == list(range(1, weeks + 1))
    assert plan.end == start + dt.timedelta(days=7 * weeks - 1)
    assert all(day.sessions for day in _days_of(plan))


@PROPERTY
@given(runners())
def test_rest_session_stands_alone(runner: tuple[Profile, dt.date]) -> None:
    """A day with a ``rest`` session has nothing else planned."""
    plan = _build(*runner)
    for day in _days_of(plan):
        types = [s.type for s in day.sessions]
        assert "rest" not in types or types == ["rest"], (day.date, types)


@PROPERTY
@given(runners())
def test_loaded_strength_never_on_consecutive_days(runner: tuple[Profile, dt.date]) -> None:
    """Loaded strength sessions are at least 48 h apart, across week boundaries too."""
    plan = _build(*runner)
    dates = [day.date for _, day, s in _sessions(plan) if s.type == "strength"]
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(dates)), dates


@PROPERTY
@given(runners())
def test_stretching_on_two_days_in_weeks_with_mobility(runner: tuple[Profile, dt.date]) -> None:
    """A week whose phase asks for 2+ mobility sessions has stretching on at least 2 days."""
    plan = _build(*runner)
    for week in plan.weeks:
        if week.phase.mobility.sessions >= 2:
            days = [d for d in week.days if any(s.type == "mobility" and s.items for s in d.sessions)]
            assert len(days) >= 2, week.number


@PROPERTY
@given(runners())
def test_every_run_has_warmup_before_and_cooldown_after(runner: tuple[Profile, dt.date]) -> None:
    """A run session starts with warm-up items and ends with cool-down items, nothing between."""
    plan = _build(*runner)
    for _, day, session in _sessions(plan):
        if session.type == "run":
            parts = [i.part for i in session.items]
            warmups = parts.count("warmup")
            assert warmups >= 1, day.date
            assert parts.count("cooldown") >= 1, day.date
            assert parts == ["warmup"] * warmups + ["cooldown"] * (len(parts) - warmups), day.date


# -- running ----------------------------------------------------------------------------


@PROPERTY
@given(runners())
def test_every_run_has_a_length(runner: tuple[Profile, dt.date]) -> None:
    """No run is planned with zero minutes or zero distance."""
    plan = _build(*runner)
    for _, day, session in _sessions(plan):
        if session.run is not None:
            assert _length(session.run) > 0, (day.date, session.run.note)


@PROPERTY
@given(runners(goals=("manage",)))
def test_walk_run_weeks_have_at_most_four_runs(runner: tuple[Profile, dt.date]) -> None:
    """A walk-run week plans at most 4 runs (docs/evidence.md 5.1)."""
    plan = _build(*runner)
    for week in plan.weeks:
        if week.phase.running == "walk_run":
            runs = [s for d in week.days for s in d.sessions if s.run is not None]
            assert len(runs) <= 4, week.number


@PROPERTY
@given(runners(goals=("manage",)))
def test_walk_runs_have_a_rest_day_between(runner: tuple[Profile, dt.date]) -> None:
    """Walk-run sessions have at least one day without a run between them, across weeks too."""
    plan = _build(*runner)
    dates = [when for _, when, _ in _runs(plan, "walk_run")]
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(dates)), dates


@PROPERTY
@given(runners(goals=("manage",)))
def test_walk_run_stages_are_each_done_twice(runner: tuple[Profile, dt.date]) -> None:
    """The ladder starts at stage 1, climbs one stage at a time, each done twice before the next."""
    plan = _build(*runner)
    stages = [run.stage for _, _, run in _runs(plan, "walk_run")]
    if not stages:
        return
    assert stages[0] == 1
    for before, after in itertools.pairwise(stages):
        assert before is not None
        assert after in {before, before + 1}, stages
        if after == before + 1:
            assert stages.count(before) >= 2, stages


def _volumes(plan: Plan) -> list[float]:
    """Weekly running volume: three lead-in weeks at the profile's volume, then each plan week."""
    base = plan.profile.weekly_volume
    weekly = [sum(_length(s.run) for d in w.days for s in d.sessions if s.run) for w in plan.weeks]
    return [base, base, base, *weekly]


@PROPERTY
@given(runners(goals=("prevent",)))
def test_build_weeks_grow_at_most_ten_percent(runner: tuple[Profile, dt.date]) -> None:
    """A build week runs at most 110% of the higher of the two weeks before it."""
    plan = _build(*runner)
    volumes = _volumes(plan)
    for index, week in enumerate(plan.weeks, start=3):
        if week.phase.running == "build":
            cap = 1.1 * max(volumes[index - 1], volumes[index - 2])
            assert volumes[index] <= cap + EPSILON, (week.number, volumes)


def _ran(plan: Plan) -> list[bool]:
    """Whether each week runs: the lead-in (the runner's running now), then each plan week."""
    profile = plan.profile
    now = profile.weekly_volume > 0 and profile.longest_run > 0
    return [now, *(any(s.run for d in w.days for s in d.sessions) for w in plan.weeks)]


@PROPERTY
@given(runners())
def test_build_weeks_never_restart_dropped_running(runner: tuple[Profile, dt.date]) -> None:
    """A build week with runs follows a week with runs: running is never dropped, then restarted."""
    plan = _build(*runner)
    ran = _ran(plan)
    for index, week in enumerate(plan.weeks, start=1):
        if week.phase.running == "build" and ran[index]:
            assert ran[index - 1], (week.number, ran)


@PROPERTY
@given(runners(goals=("prevent",), answers="proceed", min_run_days=1, max_weeks=10, volume_steps=5))
def test_tiny_running_is_kept_every_week_within_the_caps(runner: tuple[Profile, dt.date]) -> None:
    """A few of the shortest runs a week (km, mi, min) run every week, each within 110% of the two before."""
    plan = _build(*runner)
    volumes = _volumes(plan)
    if plan.profile.longest_run > 0:  # with no longest run given, no run is planned
        assert all(_ran(plan)), volumes
    for index in range(3, len(volumes)):
        cap = 1.1 * max(volumes[index - 1], volumes[index - 2])
        assert volumes[index] <= cap + EPSILON, (index - 2, volumes)


@PROPERTY
@given(runners(goals=("prevent",)))
def test_build_weeks_grow_at_most_thirty_percent_over_two_weeks(runner: tuple[Profile, dt.date]) -> None:
    """A build week runs at most 130% of the higher of the two weeks before the previous two."""
    plan = _build(*runner)
    volumes = _volumes(plan)
    for index, week in enumerate(plan.weeks, start=3):
        if week.phase.running == "build":
            cap = 1.3 * max(volumes[max(0, index - 4) : index - 2])
            assert volumes[index] <= cap + EPSILON, (week.number, volumes)


@PROPERTY
@given(runners(goals=("prevent",)))
def test_no_run_beyond_110_percent_of_the_longest_in_30_days(runner: tuple[Profile, dt.date]) -> None:
    """Each run is at most 110% of the longest run of the 30 days before it."""
    profile, start = runner
    plan = _build(profile, start)
    history = [(start - dt.timedelta(days=1), profile.longest_run)]
    for _, when, run in _runs(plan, "build"):
        recent = [length for day, length in history if when - dt.timedelta(days=30) <= day < when]
        assert recent, when
        assert _length(run) <= 1.1 * max(recent) + EPSILON, (when, _length(run), history)
        history.append((when, _length(run)))


# -- doses and progression --------------------------------------------------------------


@PROPERTY
@given(runners())
def test_doses_stay_inside_the_phase_ranges(runner: tuple[Profile, dt.date]) -> None:
    """Strength, hold, stretch and cardio doses lie inside the ranges of the week's phase."""
    plan = _build(*runner)
    for week, day, session in _sessions(plan):
        if session.type not in {"strength", "activation", "mobility", "cross_training"}:
            continue
        for item in session.items:
            sets, amount, field = _ranges(item, week.phase.dose)
            value = getattr(item, field)
            assert value is not None, (day.date, item.exercise.id, field)
            assert amount.min <= value <= amount.max, (day.date, item.exercise.id, field, value)
            if item.exercise.kind != "cardio":
                assert sets.min <= item.sets <= sets.max, (day.date, item.exercise.id, item.sets)


@PROPERTY
@given(runners(goals=("manage",), min_weeks=6))
def test_manage_plans_progress(runner: tuple[Profile, dt.date]) -> None:
    """A manage plan of six weeks or more moves at least one exercise up; a referred one holds."""
    plan = _build(*runner)
    changes = [i.change for _, _, s in _sessions(plan) for i in s.items if i.change]
    if plan.screening.outcome == "refer":
        assert changes == []  # no step up until a clinician has seen the runner
    else:
        assert changes


def _probe(exercise_id: str) -> Item:
    """An item at the exercise's catalogue dose, to ask which ranges apply to it."""
    exercise = _inputs()[0].get(exercise_id)
    assert exercise is not None
    d = exercise.dose
    return Item(exercise, d.sets, d.reps, d.hold_s, d.duration_min, d.per_side, None, None, None)


def _lighter(dose: FamilyDose, week: Week) -> FamilyDose:
    """The dose as a lighter week shows it: one set fewer, never below the phase's range."""
    sets, _, _ = _ranges(_probe(dose[0]), week.phase.dose)
    return (dose[0], max(sets.min, dose[1] - 1), dose[2])


def _one_change(before: FamilyDose, after: FamilyDose, week: Week, *, lighter: bool) -> bool:
    """Tell whether ``after`` is one step from ``before``: amount, sets, or a new rung restarted."""
    probe = _probe(after[0])
    sets, amount, _ = _ranges(probe, week.phase.dose)
    if before[0] != after[0]:
        # A new rung restarts at its catalogue dose, moved inside the phase's ranges.
        restart = (after[0], sets.clamp(probe.sets), amount.clamp(int(_amount(probe))))
        return after == (_lighter(restart, week) if lighter else restart)
    if before[1] == after[1] or before[2] == after[2]:
        return True
    # One more set keeps the work of the sets before, never below the range (2 x 12 -> 3 x 8);
    # next to a lighter week the sets shown are one fewer than the sets the work came from.
    kept = {amount.clamp(math.ceil(before[2] * n / (n + 1))) for n in {before[1], before[1] + lighter}}
    return after[1] == before[1] + 1 and after[2] in kept


@PROPERTY
@given(runners())
def test_one_change_at_a_time(runner: tuple[Profile, dt.date]) -> None:
    """From one week to the next, each family changes its amount, its sets or its rung, never two."""
    plan = _build(*runner)
    for session_type in ("strength", "activation"):
        weeks = _block_doses(plan, session_type)
        for (first, before), (week, after) in itertools.pairwise(weeks):
            # Next to a lighter week, compare both weeks as a lighter week would show them.
            lighter = first.deload or week.deload
            for family in before.keys() & after.keys():
                old = _lighter(before[family], first) if lighter and not first.deload else before[family]
                new = _lighter(after[family], week) if lighter and not week.deload else after[family]
                assert _one_change(old, new, week, lighter=lighter), (week.number, family, old, new)


# -- screening outcomes and determinism --------------------------------------------------


@PROPERTY
@given(runners(answers="refer"))
def test_referred_plans_stay_in_the_first_phase(runner: tuple[Profile, dt.date]) -> None:
    """A refer answer without clearance keeps every week in the template's first phase."""
    plan = _build(*runner)
    assert plan.screening.outcome == "refer"
    assert {w.phase.id for w in plan.weeks} == {plan.template.phases[0].id}


@PROPERTY
@given(runners())
def test_stress_fracture_stops_any_plan(runner: tuple[Profile, dt.date]) -> None:
    """A known or suspected stress fracture stops the plan whatever else the profile says."""
    profile, start = runner
    fractured = profile.model_copy(update={"conditions": (*profile.conditions, "stress_fracture")})
    plan = _build(fractured, start)
    assert plan.screening.outcome == "stop"
    assert plan.weeks == ()
    assert plan.screening.reasons[0] == _inputs()[2].stress_fracture_reason


@PROPERTY
@given(runners())
def test_building_twice_gives_identical_json(runner: tuple[Profile, dt.date]) -> None:
    """The same inputs give byte-identical plan JSON."""
    assert plan_to_json(_build(*runner)) == plan_to_json(_build(*runner))
