"""`catalogue check`: problems against warnings, --strict, replacements summed up, and the warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import hiprehab
from hiprehab.cli import app
from hiprehab.engine import build_plan
from hiprehab.engine.build import allocate_phases
from hiprehab.engine.schedule import slots
from hiprehab.load.check import catalogue_warnings
from hiprehab.load.profile import build_profile
from hiprehab.model.catalogue import Catalogue, Origin
from hiprehab.model.exercise import Exercise
from hiprehab.vocab import KINDS
from testing.catalogue import exercise
from testing.engine_inputs import default_inputs
from testing.plans import OWNED

if TYPE_CHECKING:
    from typer.testing import CliRunner

    from hiprehab.engine.schedule import Slot
    from tests.conftest import WriteCatalogue


def _file(*entries: dict[str, Any]) -> str:
    return yaml.safe_dump({"exercises": list(entries)}, sort_keys=False)


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture
def mine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder is ``tmp_path``; messages name ``mine/...``."""
    monkeypatch.chdir(tmp_path)
    return Path("mine")


def test_an_exercise_with_a_role_no_slot_takes_is_never_planned(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """A role no template slot takes gives a 'never planned' warning at the role; exit 0."""
    path = write_catalogue(mine, "warm.yaml", _file(exercise("warm-towel", "warm-towel", role="heat")))
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"mine/warm.yaml:{_line(path, 'role:')}:3: exercises[0].role: warning: 'warm-towel' is never "
        "planned: no slot of the templates for goal manage takes role 'heat' or family 'warm-towel' "
        "for a strength exercise at level 1; add the role to a slot, or use a family a slot already takes\n"
    )
    assert result.stdout.splitlines()[-1].endswith(": 1 warning, no problems found")


def test_an_exercise_of_a_new_family_without_a_role_is_never_planned(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """A family no slot names, and no role, is warned about at the family."""
    write_catalogue(mine, "new.yaml", _file(exercise("my-lift", "my-lift")))
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 0
    assert "exercises[0].family: warning: 'my-lift' is never planned" in result.stderr
    assert "give it a role a slot takes, or use a family a slot already takes" in result.stderr


def test_a_rung_above_every_ceiling_is_never_planned(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """A rung of a planned family above every phase's max_level is warned about at its level."""
    catalogue, _, _ = default_inputs()
    rungs = len(catalogue.ladder("isometric-bridge-hold"))
    top = exercise(
        "my-bridge-hold", "isometric-bridge-hold", rungs + 1, kind="isometric", dose={"sets": 3, "hold_s": 30}
    )
    write_catalogue(mine, "hold.yaml", _file(top))
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert f"family 'isometric-bridge-hold' for an isometric exercise at level {rungs + 1}" in result.stderr


def test_a_harder_rung_of_a_planned_family_is_planned(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """A rung reached only by progressing up a planned ladder gives no warning."""
    catalogue, _, _ = default_inputs()
    level = len(catalogue.ladder("bridge")) + 1
    write_catalogue(mine, "bridge.yaml", _file(exercise("my-bridge", "bridge", level, goals=["prevent"])))
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_dose_a_template_changes_is_warned_about_once(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """3 x 15 where the phases allow 12 reps at most: one warning naming the goal, phase and range."""
    bridge = exercise("double-leg-bridge", "bridge", role="glute-bridge", dose={"sets": 3, "reps": 15})
    path = write_catalogue(mine, "bridge.yaml", _file(bridge))
    _, templates, _ = default_inputs()
    load = next(p for p in templates["manage"].phases if p.id == "load")
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"mine/bridge.yaml:{_line(path, 'dose:')}:3: ")
    assert (
        f"exercises[0].dose: warning: 'double-leg-bridge' is planned at 3 x {load.dose.reps.max} reps, "
        f"not the 3 x 15 reps written here: phase 'load' of goal 'manage' allows reps from "
        f"{load.dose.reps.min} to {load.dose.reps.max}"
    ) in lines[0]


def test_strict_turns_warnings_into_a_failure(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """--strict exits 1 when there are warnings, with the verdict last on stderr; 0 without any."""
    write_catalogue(mine, "warm.yaml", _file(exercise("warm-towel", "warm-towel", role="heat")))
    result = runner.invoke(app, ["catalogue", "check", "--strict", "mine"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(
        ": 1 warning, no problems found; --strict makes the warnings fail"
    )
    clean = runner.invoke(app, ["catalogue", "check", "--strict"])
    assert (clean.exit_code, clean.stderr) == (0, "")


def test_problems_exit_1_without_warnings(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """A problem is reported and exits 1 even without --strict; no verdict on stdout."""
    write_catalogue(mine, "bad.yaml", _file(exercise("warm-towel", "warm-towel", role="heating")))
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert "warning" not in result.stderr
    assert result.stderr.splitlines()[-1] == "hiprehab: 1 problem found; nothing was written"


def test_replacements_are_summed_up_and_listed_with_verbose(runner: CliRunner, tmp_path: Path) -> None:
    """An init copy gives one replacement line (listed one per line with -v), then the verdict."""
    folder = tmp_path / "mycat"
    runner.invoke(app, ["catalogue", "init", str(folder)])
    catalogue, _, _ = default_inputs()
    count = len(catalogue.exercises)
    result = runner.invoke(app, ["catalogue", "check", str(folder)])
    assert (result.exit_code, result.stderr) == (0, "")
    summary, verdict = result.stdout.splitlines()
    assert summary == (
        f"{count} built-in exercises replaced by {folder / 'exercises'} "
        f"({count} of them unchanged); --verbose lists them"
    )
    assert verdict.endswith(": no problems found")
    verbose = runner.invoke(app, ["catalogue", "check", "-v", str(folder)]).stdout.splitlines()
    assert len(verbose) == count + 2
    assert verbose[1].endswith("(unchanged)")
    assert " replaces '" in verbose[1]
    assert verbose[-1] == verdict


def test_help_documents_strict_and_exit_codes(runner: CliRunner) -> None:
    """`catalogue check --help` names --strict, --verbose and what exits 0 and 1."""
    result = runner.invoke(app, ["catalogue", "check", "--help"])
    text = " ".join(result.stdout.split())
    assert "--strict" in text
    assert "--verbose" in text
    assert "exit 1" in text
    assert "exit 0" in text


# -- a new exercise that fits a slot reaches a plan ------------------------------------------------

DOSES = {"stretch": {"sets": 2, "hold_s": 30}, "cardio": {"sets": 1, "duration_min": 20.0}}


def _open_roles(slot: Slot) -> list[str]:
    """The roles a slot of a phase starting at level 1 offers a new level-1 exercise, for every runner."""
    block = slot.block
    if not slot.progressive:
        return list(block.roles)
    catalogue, _, _ = default_inputs()
    shown = block.families[: block.exercises.max]
    # The family slots a plan fills are open to the user's own exercises of their rungs' roles.
    roles: list[str] = [r.role for f in shown for r in catalogue.ladder(f)[:1] if r.role is not None]
    return roles + (list(block.roles) if len(shown) < block.exercises.max else [])


def _cases() -> list[tuple[str, Slot, str]]:
    _, templates, _ = default_inputs()
    cases = []
    for goal, template in sorted(templates.items()):
        used = allocate_phases(template, template.weeks_default, first_only=False)
        for slot in slots(template):
            # Held running needs a runner held back, a rest day a week with a free day.
            kept = slot.name not in {"rest_day", "held_running"}
            if kept and slot.phase in used and slot.phase.start_level == 1:
                cases += [(goal, slot, role) for role in dict.fromkeys(_open_roles(slot))]
    return cases


@settings(max_examples=6, deadline=None)
@given(case=st.sampled_from(_cases()), data=st.data())
def test_a_new_exercise_with_a_slots_role_appears_in_a_plan(
    case: tuple[str, Slot, str], data: st.DataObject
) -> None:
    """A new level-1 exercise of a role and kind a slot takes, with no exclusions, is planned, not warned."""
    goal, slot, role = case
    kind = data.draw(st.sampled_from(slot.block.kinds or slot.default_kinds or KINDS), label="kind")
    built_in, templates, rules = default_inputs()
    entry = exercise("my-move", "my-move", role=role, kind=kind, goals=[goal], equipment=["none"])
    entry["dose"] = DOSES.get(kind, {"sets": 2, "reps": 10})
    mine = Exercise.model_validate(entry)
    origins = {**built_in.origins, mine.id: Origin("mine.yaml", 2, 3, Path())}
    catalogue = Catalogue((*built_in.exercises, mine), origins, added=frozenset({mine.id}))
    warnings = catalogue_warnings(catalogue, templates, about=lambda i: i == mine.id)
    assert not [w for w in warnings if "never planned" in w.message]
    profile = build_profile(
        None,
        {
            "goal": goal,
            "pain": 2,
            "red_flags": [],
            "equipment": list(OWNED),
            "run_days": ["tue", "sat"],
            "strength_days": ["mon", "thu"],
            "weekly_volume": 15,
            "longest_run": 6,
        },
    )
    plan = build_plan(catalogue, templates[goal], rules, profile, dt.date(2027, 1, 4))
    used = {i.exercise.id for w in plan.weeks for d in w.days for s in d.sessions for i in s.items}
    assert mine.id in used


def test_the_python_api_gives_the_same_warnings(
    runner: CliRunner, mine: Path, write_catalogue: WriteCatalogue
) -> None:
    """`hiprehab.check_catalogue` returns the warnings the command prints, as structured values."""
    write_catalogue(mine, "warm.yaml", _file(exercise("warm-towel", "warm-towel", role="heat")))
    report = hiprehab.check_catalogue([mine])
    assert [(w.path, w.field) for w in report.warnings] == [("mine/warm.yaml", "exercises[0].role")]
    printed = runner.invoke(app, ["catalogue", "check", "mine"]).stderr
    assert printed == "".join(f"{w}\n" for w in report.warnings)
