"""Referral and groin or front-of-hip pain hold the plan (docs/evidence.md 5.2, 5.3, 5.6), for any runner."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from hiprehab.export.plan import plan_to_json
from hiprehab.model.notice import Notice
from testing.engine_inputs import default_inputs
from testing.plans import build, runners, runs, sessions

if TYPE_CHECKING:
    import datetime as dt

    from hiprehab.model.profile import Profile

PROPERTY = settings(max_examples=25, deadline=None)
BONE_SITES = default_inputs()[2].bone_stress_sites


def _doses(profile: Profile, start: dt.date) -> dict[tuple[str, str], set[tuple[str, int, float]]]:
    """Each (session type, family): every dose the plan gives it outside its lighter weeks."""
    out: dict[tuple[str, str], set[tuple[str, int, float]]] = {}
    for week, _, session in sessions(build(profile, start)):
        if session.type in {"strength", "activation"} and not week.deload:
            for item in session.items:
                amount = item.reps or item.hold_s or item.duration_min or 0
                out.setdefault((session.type, item.exercise.family), set()).add(
                    (item.exercise.id, item.sets, amount)
                )
    return out


@PROPERTY
@given(runners(answers="refer"))
def test_referred_plans_schedule_no_running_and_hold_strength(runner: tuple[Profile, dt.date]) -> None:
    """Until cleared, a referred plan has no runs, its doses never change, and its first notice says so."""
    plan = build(*runner)
    assert plan.screening.outcome == "refer"
    assert runs(plan) == []
    assert all(not item.change for _, _, s in sessions(plan) for item in s.items)
    assert all(len(doses) == 1 for doses in _doses(*runner).values())
    assert plan.notices[0] == Notice.of("referred_hold")


@PROPERTY
@given(runners(answers="refer", goals=("prevent",), min_run_days=1))
def test_referred_run_days_become_walking_or_cross_training(runner: tuple[Profile, dt.date]) -> None:
    """A referred prevent plan walks or cross-trains on run days instead of running."""
    profile, start = runner
    plan = build(profile, start)
    for week in plan.weeks:
        held = [d for d in week.days if any(s.type == "cross_training" for s in d.sessions)]
        assert held, week.number
        assert all(d.weekday in profile.run_days for d in held) or not set(profile.run_days) - set(
            profile.strength_days
        )


@PROPERTY
@given(runners(sites=BONE_SITES, answers="any"), st.data())
def test_groin_or_front_pain_holds_running_until_cleared(
    runner: tuple[Profile, dt.date], data: st.DataObject
) -> None:
    """Groin or front-of-hip pain: no run until a clinician has checked, and a notice says why."""
    profile, start = runner
    if not profile.pain_sites:
        profile = profile.model_copy(update={"pain_sites": (data.draw(st.sampled_from(BONE_SITES)),)})
    flags = tuple(f for f in profile.red_flags or () if f != "low_energy")  # that pair stops
    profile = profile.model_copy(update={"cleared_by_clinician": False, "red_flags": flags})
    plan = build(profile, start)
    assert plan.screening.outcome in {"proceed", "refer"}
    assert runs(plan) == []
    sites = ",".join(s for s in profile.pain_sites if s in BONE_SITES)
    assert Notice.of("running_waits_for_check", sites=sites) in plan.notices[:2]


@PROPERTY
@given(runners(sites=BONE_SITES), st.sampled_from(BONE_SITES))
def test_low_energy_with_groin_or_front_pain_stops(runner: tuple[Profile, dt.date], site: str) -> None:
    """Signs of low energy with groin or front-of-hip pain stop any plan, cleared or not."""
    profile, start = runner
    flags = tuple(dict.fromkeys((*(profile.red_flags or ()), "low_energy")))
    sites = tuple(dict.fromkeys((*profile.pain_sites, site)))
    plan = build(profile.model_copy(update={"red_flags": flags, "pain_sites": sites}), start)
    assert plan.screening.outcome == "stop"
    assert plan.weeks == ()


@PROPERTY
@given(runners(goals=("manage",)), st.integers(6, 10))
def test_pain_of_six_refers_and_seven_or_more_stops(runner: tuple[Profile, dt.date], pain: int) -> None:
    """Pain of 6/10 refers (unless cleared, or something stops it); 7/10 or more always stops."""
    profile, start = runner
    plan = build(profile.model_copy(update={"pain": pain}), start)
    if pain >= 7:
        assert plan.screening.outcome == "stop"
    elif not profile.cleared_by_clinician:
        assert plan.screening.outcome == "refer"


@PROPERTY
@given(runners())
def test_every_pain_site_is_named_in_the_plan(runner: tuple[Profile, dt.date]) -> None:
    """Each pain site of the profile is in the plan's exclusions (the cover) and in its JSON."""
    profile, start = runner
    plan = build(profile, start)
    assert set(profile.pain_sites) <= set(plan.avoided)
    assert json.loads(plan_to_json(plan))["profile"]["pain_sites"] == list(profile.pain_sites)
