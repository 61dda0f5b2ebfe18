"""Manage phases follow the evidence, not the plan's length (docs/evidence.md 2.1, 2.2, 5.1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings

from testing.engine_inputs import default_inputs
from testing.plans import build, runners, runs

if TYPE_CHECKING:
    import datetime as dt

    from hiprehab.model.profile import Profile

PROPERTY = settings(max_examples=25, deadline=None)
MANAGE = runners(goals=("manage",), answers="proceed")


def _weeks_of(phases: list[str], phase: str) -> int:
    return phases.count(phase)


@PROPERTY
@given(MANAGE)
def test_settle_is_two_weeks_and_load_three_to_six(runner: tuple[Profile, dt.date]) -> None:
    """Settle lasts two weeks and load three to six, whatever the plan's length (shorter plans stop early)."""
    profile, start = runner
    phases = [w.phase.id for w in build(profile, start).weeks]
    weeks = profile.weeks or 0
    assert _weeks_of(phases, "settle") == 2
    if "return" in phases or "keep-running" in phases:
        assert 3 <= _weeks_of(phases, "load") <= 6
    else:
        assert _weeks_of(phases, "load") == weeks - 2


@PROPERTY
@given(runners(goals=("manage",), answers="proceed", min_weeks=12, min_run_days=1))
def test_after_the_ladder_running_continues_and_grows_within_caps(runner: tuple[Profile, dt.date]) -> None:
    """Once the walk-run ladder is done, runs are continuous and grow at most 10% a week from it."""
    profile, start = runner
    plan = build(profile, start)
    ladder = [r for _, _, r in runs(plan, "walk_run")]
    after = [(w, r) for w, _, r in runs(plan, "build")]
    if after:
        assert ladder[-1].stage == len(default_inputs()[1]["manage"].walk_run.stages)  # type: ignore[union-attr]
        assert all(r.intervals is None for _, r in after)
        longest = max(r.total_min or 0 for r in ladder)
        assert all((r.total_min or 0) <= 1.5 * longest + 1e-6 for _, r in after)
    phases = [w.phase.id for w in plan.weeks]
    if "keep-running" in phases:
        first = phases.index("keep-running")
        assert set(phases[first:]) == {"keep-running"}


@PROPERTY
@given(runners(goals=("manage",), answers="proceed", min_weeks=6))
def test_return_test_uses_trained_allowed_movements(runner: tuple[Profile, dt.date]) -> None:
    """Every family the return-to-running test uses is trained in strength sessions before the first run."""
    profile, start = runner
    plan = build(profile, start)
    template = plan.template
    assert template.walk_run is not None
    trained: set[str] = set()
    for week in plan.weeks:
        if week.phase.running != "none":
            break
        trained |= {
            i.exercise.family for d in week.days for s in d.sessions if s.type == "strength" for i in s.items
        }
    if any(w.phase.running == "walk_run" for w in plan.weeks):
        assert set(template.walk_run.entry_test_families) <= trained


def test_return_checkpoint_says_what_to_do_when_not_passed() -> None:
    """The return phase's checkpoint tells the runner to repeat the last load week and check again."""
    template = default_inputs()[1]["manage"]
    ret = next(p for p in template.phases if p.running == "walk_run")
    assert ret.checkpoint is not None
    assert "repeat the last load week" in ret.checkpoint
    assert "single-leg squat" not in " ".join(template.walk_run.entry_criteria)  # type: ignore[union-attr]
