"""Plans and scripted logs for the review's tests: a plan record, and entries filled in by a rule."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hiprehab.engine import build_plan
from hiprehab.export.plan import plan_to_dict
from hiprehab.load.profile import build_profile
from hiprehab.review.entries import Entry
from hiprehab.review.record import PlannedSession, PlanRecord, plan_record
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)
RUNNER: dict[str, Any] = {
    "goal": "manage",
    "weeks": 6,
    "weekly_volume": 20.0,
    "longest_run": 8.0,
    "pain": 3,
    "red_flags": [],
}

Fill = Callable[[PlannedSession], tuple[bool | None, int | None, int | None, str]]


@functools.cache
def first_plan(goal: str = "manage", weeks: int = 6) -> Plan:
    """The runner's first plan (built once per goal and length)."""
    catalogue, templates, rules = default_inputs()
    profile = build_profile(None, {**RUNNER, "goal": goal, "weeks": weeks})
    return build_plan(catalogue, templates[goal], rules, profile, START)


@functools.cache
def record(goal: str = "manage", weeks: int = 6) -> PlanRecord:
    """The first plan as the review reads it from its PDF."""
    return plan_record(plan_to_dict(first_plan(goal, weeks)), "plan.pdf")


def fill(rec: PlanRecord, rule: Fill, *, until: dt.date | None = None) -> tuple[Entry, ...]:
    """Entries for every session up to ``until`` (default: the plan's end), each as ``rule`` says."""
    last = until or rec.end
    out = []
    for number, session in enumerate(rec.sessions, start=2):
        if session.date <= last:
            done, during, morning, note = rule(session)
            out.append(Entry(session, done, during, morning, note, number))
    return tuple(out)


def steady(during: int, morning: int) -> Fill:
    """Every session done, with the same pain scores."""
    return lambda _: (True, during, morning, "")
