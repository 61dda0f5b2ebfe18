"""Customising: a coach's own exercises, retired ones and template slots reach the plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import hiprehab
from hiprehab.cli import app
from hiprehab.quote import did_you_mean
from hiprehab.vocab import EQUIPMENT

if TYPE_CHECKING:
    from pathlib import Path

    from typer.testing import CliRunner

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


def test_a_folder_made_by_init_is_checked_whole(tmp_path: Path, runner: CliRunner) -> None:
    """`catalogue check DIR` on an init folder reads its exercises/ and templates/."""
    folder = tmp_path / "mycat"
    assert runner.invoke(app, ["catalogue", "init", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["catalogue", "check", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().endswith("no problems found")


def test_an_init_folder_brings_its_templates_to_the_plan(tmp_path: Path, runner: CliRunner) -> None:
    """A broken template in an init folder stops `plan --catalogue DIR` with its line."""
    folder = tmp_path / "mycat"
    runner.invoke(app, ["catalogue", "init", str(folder)])
    manage = folder / "templates" / "manage.yaml"
    manage.write_text(manage.read_text(encoding="utf-8").replace("weeks_default: 6", "weeks_default: six"))
    out = tmp_path / "plan.pdf"
    result = runner.invoke(
        app, ["plan", "--catalogue", str(folder), "--goal", "manage", "--no-red-flags", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "manage.yaml" in result.stderr
    assert "weeks_default" in result.stderr


def test_stairs_suggests_step() -> None:
    """A person's word for a vocabulary word is suggested in the error."""
    assert did_you_mean("stairs", EQUIPMENT) == " (did you mean 'step'?)"
    assert did_you_mean("Resistance band", EQUIPMENT) == " (did you mean 'band'?)"
    assert did_you_mean("dumbbell", EQUIPMENT) == " (did you mean 'weights'?)"
