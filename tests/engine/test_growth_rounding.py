"""Running too small for a 10% step stays where it is, and the plan says so (docs/evidence.md 5.6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings

from hiprehab.model.profile import Profile
from hiprehab.wording import notice_text
from testing.plans import EPSILON, build, length, runners

if TYPE_CHECKING:
    from hiprehab.model.notice import Notice
    from hiprehab.model.plan import Plan

PROPERTY = settings(max_examples=15, deadline=None)
CODE = "running_too_small_to_grow"
START = dt.date(2026, 12, 7)


def _plan(volume: float, units: str, *, weeks: int = 6, run_days: tuple[str, ...] = ("tue", "sat")) -> Plan:
    profile = Profile(
        name="",
        goal="prevent",
        weeks=weeks,
        strength_days=("mon", "thu"),
        run_days=run_days,
        weekly_volume=volume,
        longest_run=volume / len(run_days),
        units=units,
        pain=0,
        red_flags=(),
    )
    return build(profile, START)


def _totals(plan: Plan) -> list[float]:
    return [sum(length(s.run) for d in w.days for s in d.sessions if s.run is not None) for w in plan.weeks]


def _notice(plan: Plan) -> Notice | None:
    return next((n for n in plan.notices if n.code == CODE), None)


def _growth_weeks(plan: Plan) -> list[int]:
    """Weeks meant to grow: a growing build phase, neither lighter nor just after a lighter week."""
    weeks = plan.weeks
    return [
        w.number
        for i, w in enumerate(weeks)
        if w.phase.running == "build"
        and w.phase.grow_running
        and not w.deload
        and i > 0
        and not weeks[i - 1].deload
        and weeks[i - 1].phase.running == "build"
    ]


@pytest.mark.parametrize(
    ("volume", "units", "stays"), [(5.0, "min", 2.0), (0.6, "km", 0.4), (0.9, "mi", 0.8)]
)
def test_running_below_ten_steps_stays_and_the_plan_says_so(volume: float, units: str, stays: float) -> None:
    """5 min, 0.6 km or 0.9 mi a week never grows in the build weeks, and the notice names where it stays."""
    plan = _plan(volume, units)
    notice = _notice(plan)
    assert notice is not None
    totals = _totals(plan)
    assert notice["volume"] == pytest.approx(stays)
    assert totals[int(notice["week"]) - 1] == pytest.approx(stays)
    assert max(totals[int(notice["week"]) - 1 :]) <= stays + EPSILON
    text = notice_text(notice)
    assert f"it stays at {stays:g} {units} a week" in text
    assert "less than " + {"min": "one minute", "km": "0.1 km", "mi": "0.1 mi"}[units] in text


def test_running_that_grows_has_no_such_notice() -> None:
    """30 min a week grows in the build weeks, and the plan says nothing about rounding."""
    plan = _plan(30.0, "min")
    totals = _totals(plan)
    assert max(totals) > 30.0
    assert _notice(plan) is None


@PROPERTY
@given(
    runners(goals=("prevent",), answers="proceed", min_run_days=1, min_weeks=4, max_weeks=10, volume_steps=9)
)
def test_a_plan_whose_growth_weeks_never_grow_says_so(runner: tuple[Profile, dt.date]) -> None:
    """Below ten steps of running, a plan with a growth week carries the notice, held from its week on."""
    profile, start = runner
    plan = build(profile.model_copy(update={"pain": 0}), start)
    totals = _totals(plan)
    growth = [n for n in _growth_weeks(plan) if totals[n - 1] > 0]
    notice = _notice(plan)
    if not growth:
        assert notice is None
        return
    assert notice is not None, totals
    week = int(notice["week"])
    assert week in growth
    assert max(totals[week - 1 :]) <= float(notice["volume"]) + EPSILON


@PROPERTY
@given(runners(goals=("prevent",), answers="proceed", min_run_days=1, min_weeks=4, max_weeks=10))
def test_the_notice_only_where_running_stops_growing(runner: tuple[Profile, dt.date]) -> None:
    """Any plan with the notice runs no more than its volume from its week on, in a week meant to grow."""
    profile, start = runner
    plan = build(profile.model_copy(update={"pain": 0}), start)
    notice = _notice(plan)
    if notice is not None:
        totals = _totals(plan)
        week = int(notice["week"])
        assert week in _growth_weeks(plan)
        assert max(totals[week - 1 :]) <= float(notice["volume"]) + EPSILON
