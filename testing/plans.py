"""Random runners for the engine's property tests, and helpers that walk a built plan.

``runners()`` draws valid profiles over the whole input space the plan accepts: both
goals, 2 to 52 weeks, any strength and run days, km, mi or minutes, 0 or from the
shortest run a plan sets to 150 a week (tiny volumes often), any pain sites (several
at once), conditions and equipment, and refer answers.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from hiprehab.engine import build_plan
from hiprehab.model.profile import Profile
from hiprehab.vocab import CONDITIONS, EQUIPMENT, PAIN_SITES, RUN_STEP, UNITS, WEEKDAYS
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from collections.abc import Iterator

    from hiprehab.model.plan import Day, Plan, Run, Session, Week

OWNED = tuple(e for e in EQUIPMENT if e != "none")  # "none" may only stand alone
REFER_FLAGS = ("persistent_pain", "previous_injury", "low_energy")
NON_STOPPING = tuple(c for c in CONDITIONS if c != "stress_fracture")  # a stress fracture stops the plan
EPSILON = 1e-6  # run lengths are floats rounded to 0.1; compare caps with a rounding margin


def build(profile: Profile, start: dt.date) -> Plan:
    """The plan the engine builds for ``profile`` with the shipped catalogue and templates."""
    catalogue, templates, rules = default_inputs()
    return build_plan(catalogue, templates[profile.goal], rules, profile, start)


def _days(draw: st.DrawFn, min_size: int = 0) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(WEEKDAYS), unique=True, min_size=min_size)))


@st.composite
def volumes(draw: st.DrawFn, units: str, most: float = 150.0) -> tuple[float, float]:
    """A valid (weekly volume, longest run) in ``units``: 0, or from the shortest run up to ``most``.

    Tiny volumes, a few of the shortest runs, are drawn as often as whole numbers and
    any others: rounding to the plan's step matters most there.
    """
    step = RUN_STEP[units]
    choices = [st.just(0.0), st.floats(step, most), st.floats(step, min(most, 4 * step))]
    if most >= 1:
        choices.append(st.integers(math.ceil(step), math.floor(most)).map(float))
    weekly = draw(st.one_of(choices))
    share = draw(st.floats(0, 1))
    # 0 (no recent run), or from the shortest run up to the weekly volume.
    longest = 0.0 if weekly == 0 or share == 0 else min(weekly, max(step, weekly * share))
    return weekly, longest


@st.composite
def runners(
    draw: st.DrawFn,
    goals: tuple[str, ...] = ("manage", "prevent"),
    min_weeks: int = 2,
    answers: str = "any",
    sites: tuple[str, ...] = PAIN_SITES,
    min_run_days: int = 0,
    max_weeks: int = 52,
    volume_steps: int | None = None,
) -> tuple[Profile, dt.date]:
    """A valid profile that screening lets through (or refers), and a start date.

    ``answers`` is ``any`` (no flags, or refer flags cleared or not), ``refer`` (refer
    flags, not cleared) or ``proceed`` (nothing that refers or holds running: no refer
    flag or pain site left uncleared). ``sites`` are the pain sites to draw from.
    ``volume_steps`` keeps the weekly volume within that many of the shortest runs.
    """
    _, _, rules = default_inputs()
    goal = draw(st.sampled_from(goals))
    pain_sites = tuple(draw(st.lists(st.sampled_from(sites), unique=True, max_size=2)))
    bone = bool(set(pain_sites) & set(rules.bone_stress_sites))
    # Low energy with groin or front-of-hip pain stops the plan; leave that to its own tests.
    refer_flags = tuple(f for f in REFER_FLAGS if not (bone and f == "low_energy"))
    flags: tuple[str, ...] = ()
    cleared = False
    if answers == "refer":
        flags = tuple(draw(st.lists(st.sampled_from(refer_flags), min_size=1, unique=True)))
    elif draw(st.booleans()):
        flags = tuple(draw(st.lists(st.sampled_from(refer_flags), min_size=1, unique=True)))
        cleared = answers == "proceed" or draw(st.booleans())
    if answers == "proceed" and bone:
        cleared = True
    # The prevent goal is for pain of 3/10 or less (its entry_pain_max); manage takes up to 6.
    pain_max = 3 if goal == "prevent" else 6
    if answers == "proceed" and not cleared:
        pain_max = min(pain_max, rules.refer_pain_score - 1)
    units = draw(st.sampled_from(UNITS))
    most = 150.0 if volume_steps is None else volume_steps * RUN_STEP[units]
    weekly, longest = draw(volumes(units, most))
    profile = Profile.model_validate(
        {
            "goal": goal,
            "weeks": draw(st.integers(min_weeks, max_weeks)),
            "strength_days": _days(draw),
            "run_days": _days(draw, min_run_days),
            "units": units,
            "weekly_volume": weekly,
            "longest_run": longest,
            "pain": draw(st.integers(0, pain_max)),
            "pain_sites": pain_sites,
            "conditions": tuple(draw(st.lists(st.sampled_from(NON_STOPPING), unique=True))),
            "equipment": tuple(draw(st.lists(st.sampled_from(OWNED), unique=True))),
            "red_flags": flags,
            "cleared_by_clinician": cleared,
        }
    )
    start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2035, 12, 31)))
    return profile, start


def days_of(plan: Plan) -> list[Day]:
    """Every day of the plan, in order."""
    return [day for week in plan.weeks for day in week.days]


def sessions(plan: Plan) -> Iterator[tuple[Week, Day, Session]]:
    """Every session of the plan with its week and day, in order."""
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                yield week, day, session


def length(run: Run) -> float:
    """A run's length in the profile's units (distance, or minutes)."""
    return run.distance if run.distance is not None else (run.total_min or 0.0)


def runs(plan: Plan, running: str | None = None) -> list[tuple[Week, dt.date, Run]]:
    """Every run of the plan (of weeks whose phase runs in ``running`` mode, if given), in date order."""
    return [
        (week, day.date, session.run)
        for week, day, session in sessions(plan)
        if session.run is not None and (running is None or week.phase.running == running)
    ]
