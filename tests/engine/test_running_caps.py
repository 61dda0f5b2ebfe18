"""Running caps (docs/evidence.md 2.3, 3, 5.6) hold for any runner the prevent goal takes."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from hiprehab.engine.running import floor_to
from testing.plans import EPSILON, build, length, runners, runs

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan, Run, Week
    from hiprehab.model.profile import Profile

PROPERTY = settings(max_examples=25, deadline=None)
RUNNING = runners(goals=("prevent",), answers="proceed", min_run_days=1)
GT_WORDS = {"lateral", "tendinopathy", "bursitis"}  # the prevent template's hold_long_run_for


def _weeks(plan: Plan) -> list[tuple[Week, list[tuple[dt.date, Run]]]]:
    """Each week with its runs, in order."""
    return [
        (week, [(d.date, s.run) for d in week.days for s in d.sessions if s.run is not None])
        for week in plan.weeks
    ]


def _total(week_runs: list[tuple[dt.date, Run]]) -> float:
    return sum(length(r) for _, r in week_runs)


@PROPERTY
@given(RUNNING)
def test_no_run_beyond_110_percent_of_the_longest_before_its_week(runner: tuple[Profile, dt.date]) -> None:
    """Every run is at most 110% of the longest run of the 30 days before its week's first run."""
    profile, start = runner
    history = [(start - dt.timedelta(days=1), profile.longest_run)]
    for _, week_runs in _weeks(build(profile, start)):
        if not week_runs:
            continue
        first = week_runs[0][0]
        before = [n for day, n in history if first - dt.timedelta(days=30) <= day < first]
        cap = 1.1 * max(before, default=profile.longest_run)
        for day, run in week_runs:
            assert length(run) <= cap + EPSILON, (day, length(run), cap)
        history += [(day, length(run)) for day, run in week_runs]


@PROPERTY
@given(RUNNING)
def test_long_run_grows_to_at_most_one_and_a_half_times_the_longest(runner: tuple[Profile, dt.date]) -> None:
    """No run passes 1.5x the runner's longest run; with lateral pain or tendinopathy, not the longest."""
    profile, start = runner
    held = bool(profile.avoid_words & GT_WORDS)
    ceiling = profile.longest_run * (1.0 if held else 1.5)
    for _, day, run in runs(build(profile, start)):
        assert length(run) <= ceiling + EPSILON, (day, length(run), ceiling)


@PROPERTY
@given(RUNNING)
def test_long_run_is_the_longest_of_its_week(runner: tuple[Profile, dt.date]) -> None:
    """A run labelled the long run is at least as long as every other run of its week."""
    for week, week_runs in _weeks(build(*runner)):
        longs = [length(r) for _, r in week_runs if r.long_run]
        for long_run in longs:
            assert all(length(r) <= long_run + EPSILON for _, r in week_runs), week.number


@PROPERTY
@given(RUNNING)
def test_lighter_week_long_run_is_no_longer_than_the_week_before(runner: tuple[Profile, dt.date]) -> None:
    """The longest run of a lighter week is no longer than the longest run of the week before it."""
    weeks = _weeks(build(*runner))
    for (_, before), (week, after) in itertools.pairwise(weeks):
        if week.deload and before and after:
            assert max(length(r) for _, r in after) <= max(length(r) for _, r in before) + EPSILON


@PROPERTY
@given(RUNNING)
def test_week_after_a_lighter_week_returns_at_most_to_the_last_full_week(
    runner: tuple[Profile, dt.date],
) -> None:
    """After a lighter week, the next week is no bigger than the last full week; no week jumps 40%."""
    profile, start = runner
    weeks = _weeks(build(profile, start))
    last_full = profile.weekly_volume
    previous, previous_deload = profile.weekly_volume, False
    for week, week_runs in weeks:
        total = _total(week_runs)
        if previous_deload:
            assert total <= last_full + EPSILON, (week.number, total, last_full)
        if previous > 0:  # plus a rounding step of 0.1 (or a minute) per run, for tiny volumes
            step = 1.0 if profile.units == "min" else 0.1
            allowance = step * max(1, len(week_runs))
            assert total <= 1.4 * previous + allowance + EPSILON, (week.number, total, previous)
        if not week.deload and total > 0:
            last_full = total
        previous, previous_deload = total, week.deload


@PROPERTY
@given(RUNNING)
def test_foundation_holds_the_current_volume(runner: tuple[Profile, dt.date]) -> None:
    """No foundation week runs more than the runner's current weekly volume."""
    profile, start = runner
    for week, week_runs in _weeks(build(profile, start)):
        if week.phase.id == "foundation":
            assert _total(week_runs) <= profile.weekly_volume + EPSILON, week.number


@PROPERTY
@given(RUNNING, st.integers(1, 3))
def test_any_pain_holds_the_volume_for_the_whole_plan(runner: tuple[Profile, dt.date], pain: int) -> None:
    """With pain of 1-3/10 no week runs more than the current volume, and the plan says so."""
    profile, start = runner
    plan = build(profile.model_copy(update={"pain": pain}), start)
    for week, week_runs in _weeks(plan):
        assert _total(week_runs) <= profile.weekly_volume + EPSILON, week.number
    if runs(plan):
        assert "running_held_for_pain" in {n.code for n in plan.notices}


@PROPERTY
@given(runners(goals=("prevent",), answers="proceed"), st.sampled_from(("mon", "wed", "sat", "sun")))
def test_one_run_day_never_goes_past_the_cap_and_says_so(runner: tuple[Profile, dt.date], day: str) -> None:
    """With one run day the run stays within the caps; a week short of the volume gets a notice."""
    profile, start = runner
    profile = profile.model_copy(update={"run_days": (day,)})
    plan = build(profile, start)
    for _, when, run in runs(plan):
        assert length(run) <= 1.5 * profile.longest_run + EPSILON, when
    first = _weeks(plan)[0][1]
    step = 1.0 if profile.units == "min" else 0.1  # what rounding down may cost the one run
    # The week's target is the volume rounded down to a step (0.75 km plans 0.7) before
    # the run may lose one more step to rounding.
    if first and _total(first) < floor_to(profile.weekly_volume, step) - step:
        assert "runs_below_volume" in {n.code for n in plan.notices}
