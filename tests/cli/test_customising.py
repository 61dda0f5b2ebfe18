"""Customising: a coach's own exercises, retired ones and template slots reach the plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import hiprehab

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import WriteCatalogue

START = dt.date(2027, 1, 4)
WALL_SQUAT = """\
exercises:
  - id: wall-squat
    name: Wall squat
    kind: strength
    family: wall-squat
    role: squat
    summary: A squat with your back sliding down a wall.
    targets: [quadriceps, glute_max]
    position: standing
    equipment: [wall]
    dose: {sets: 2, reps: 10}
    goals: [manage, prevent]
    steps: [Stand with your back to a wall., Slide down until your knees bend., Push back up.]
    cues: [Keep your knees over your toes.]
    mistakes: [Letting the knees fall in.]
    sources: ["My physio. https://example.org/"]
"""
PROFILE = {"goal": "manage", "weeks": 6, "pain": 2, "red_flags": []}


def _used(plan: hiprehab.Plan) -> set[str]:
    return {i.exercise.id for w in plan.weeks for d in w.days for s in d.sessions for i in s.items}


def test_an_added_exercise_with_a_role_reaches_the_plan(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """A new exercise whose role a slot takes is planned in place of the built-in one."""
    write_catalogue(tmp_path / "mine", "wall-squat.yaml", WALL_SQUAT)
    plan = hiprehab.make_plan(PROFILE, catalogues=[tmp_path / "mine"], start=START)
    used = _used(plan)
    assert "wall-squat" in used
    assert "sit-to-stand" not in used
