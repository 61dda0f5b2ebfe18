"""Retiring exercises: ``retired.yaml`` leaves built-in exercises out of every plan, card and link."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

import hiprehab
from hiprehab.cli import app
from hiprehab.errors import InvalidInputError
from hiprehab.load.catalogue import load_catalogue
from hiprehab.resources import data_dir
from hiprehab.wording import notice_text

if TYPE_CHECKING:
    from pathlib import Path

    from typer.testing import CliRunner

    from hiprehab.model.notice import Notice
    from tests.conftest import WriteCatalogue

BUILT_IN = data_dir("exercises")
PROFILE = {"goal": "manage", "weeks": 6, "pain": 2, "red_flags": [], "run_days": ["tue", "sat"]}


def _ids_in(plan: hiprehab.Plan) -> set[str]:
    """Every id a plan mentions: items, their easier and harder rungs, and the library."""
    found = {e.id for e in plan.library}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for item in session.items:
                    found |= {e.id for e in (item.exercise, item.easier, item.harder) if e is not None}
    return found | set(plan.card_doses)


def test_a_retired_exercise_is_in_no_plan_card_or_link(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """Retiring the first bridge and a middle rung: the plan takes the next rung; nothing points at them."""
    write_catalogue(tmp_path / "mine", "retired.yaml", "retire: [double-leg-bridge, offset-bridge]\n")
    plan = hiprehab.make_plan(PROFILE, catalogues=[tmp_path / "mine"], start=dt.date(2027, 1, 4))
    ids = _ids_in(plan)
    assert "double-leg-bridge" not in ids
    assert "offset-bridge" not in ids
    assert "marching-bridge" in ids  # the next rung of the ladder fills the bridge's slot


def test_a_retired_rungs_neighbours_link_past_it(tmp_path: Path, write_catalogue: WriteCatalogue) -> None:
    """With the second bridge retired, the first's harder rung is the third: the ladder closes up."""
    write_catalogue(tmp_path, "retired.yaml", "retire: [marching-bridge]\n")
    catalogue = load_catalogue([BUILT_IN, tmp_path])
    first, third = catalogue.get("double-leg-bridge"), catalogue.get("offset-bridge")
    assert first is not None
    assert third is not None
    assert catalogue.get("marching-bridge") is None
    assert (catalogue.harder(first), catalogue.easier(third)) == (third, first)
    assert [r.id for r in catalogue.retired] == ["marching-bridge"]


def test_an_unknown_id_is_a_problem_with_a_suggestion(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """A misspelt id names the file, line, column and list item, and suggests the id meant."""
    write_catalogue(tmp_path, "retired.yaml", "retire:\n  - heat-pack\n  - marching-brige\n")
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([BUILT_IN, tmp_path])
    assert [str(p) for p in caught.value.problems] == [
        (
            f"{tmp_path / 'retired.yaml'}:3:5: retire[1]: expected the id of an exercise to leave out, "
            "found 'marching-brige' (did you mean 'marching-bridge'?)"
        )
    ]


def test_retiring_twice_is_a_problem(tmp_path: Path, write_catalogue: WriteCatalogue) -> None:
    """A later folder retiring what an earlier one retired is told where it already was."""
    write_catalogue(tmp_path / "a", "retired.yaml", "retire: [heat-pack]\n")
    write_catalogue(tmp_path / "b", "retired.yaml", "retire: [heat-pack]\n")
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([BUILT_IN, tmp_path / "a", tmp_path / "b"])
    assert "already retired at " in str(caught.value)


def test_a_later_folder_brings_a_retired_exercise_back(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """An exercise retired by one folder and defined again by a later one is in use again."""
    write_catalogue(tmp_path / "a", "retired.yaml", "retire: [double-leg-bridge]\n")
    strength = (BUILT_IN / "strength.yaml").read_text(encoding="utf-8")
    write_catalogue(tmp_path / "b", "strength.yaml", strength)
    catalogue = load_catalogue([BUILT_IN, tmp_path / "a", tmp_path / "b"])
    assert catalogue.get("double-leg-bridge") is not None
    assert catalogue.retired == ()


def test_init_writes_an_example_that_retires_nothing_until_edited(tmp_path: Path, runner: CliRunner) -> None:
    """The init folder's retired.yaml is valid as written; listing ids in it retires them, summed up."""
    folder = tmp_path / "mycat"
    runner.invoke(app, ["catalogue", "init", str(folder)])
    retired = folder / "exercises" / "retired.yaml"
    assert "retire: []" in retired.read_text(encoding="utf-8")
    assert load_catalogue([BUILT_IN, folder / "exercises"]).retired == ()
    retired.write_text("retire: [heat-pack, sit-to-stand]\n", encoding="utf-8")
    result = runner.invoke(app, ["catalogue", "check", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert f"2 built-in exercises retired by {retired}; --verbose lists them" in result.stdout.splitlines()
    verbose = runner.invoke(app, ["catalogue", "check", "-v", str(folder)]).stdout
    assert f"{retired}:1:10: leaves out 'heat-pack' of " in verbose


def test_retiring_a_whole_family_a_template_names_leaves_its_slot_empty(
    tmp_path: Path, write_catalogue: WriteCatalogue, runner: CliRunner
) -> None:
    """Every rung of a family a slot names retired: the check passes and no plan uses the family."""
    catalogue = load_catalogue([BUILT_IN])
    rungs = [e.id for e in catalogue.ladder("adductor-squeeze")]
    write_catalogue(tmp_path / "mine", "retired.yaml", f"retire: [{', '.join(rungs)}]\n")
    result = runner.invoke(app, ["catalogue", "check", str(tmp_path / "mine")])
    assert result.exit_code == 0, result.stderr
    profile = {**PROFILE, "pain_sites": ["groin"], "cleared_by_clinician": True}
    plan = hiprehab.make_plan(profile, catalogues=[tmp_path / "mine"], start=dt.date(2027, 1, 4))
    assert not _ids_in(plan) & set(rungs)
    assert plan.weeks


CROSS_TRAINING = (
    "brisk-walk", "gentle-yoga", "stationary-cycling", "swimming-front-crawl", "deep-water-running",
    "elliptical-trainer",
)  # fmt: skip


def _cross_training_notice(plan: hiprehab.Plan) -> Notice:
    (notice,) = [n for n in plan.notices if n.code == "no_cross_training"]
    return notice


def test_retiring_every_cross_training_exercise_names_retirement_and_promises_no_walk(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """With all cross-training retired, the notice says they are retired and holds no walk the plan lacks."""
    write_catalogue(tmp_path, "retired.yaml", f"retire: [{', '.join(CROSS_TRAINING)}]\n")
    profile = {**PROFILE, "run_days": [], "weeks": 2}
    plan = hiprehab.make_plan(profile, catalogues=[tmp_path], start=dt.date(2027, 1, 4))
    notice = _cross_training_notice(plan)
    assert notice["causes"] == "retired"
    text = notice_text(notice)
    assert "every cross-training exercise is retired from your catalogue" in text
    assert "equipment" not in text
    assert "walk briskly" not in text
    assert not [s for w in plan.weeks for d in w.days for s in d.sessions if s.type == "cross_training"]


def test_cross_training_left_for_equipment_names_both_causes(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """Retiring the walk and the yoga, a runner with no equipment hears both causes: retired and equipment."""
    write_catalogue(tmp_path, "retired.yaml", "retire: [brisk-walk, gentle-yoga]\n")
    profile = {**PROFILE, "run_days": [], "weeks": 2, "equipment": ["none"]}
    plan = hiprehab.make_plan(profile, catalogues=[tmp_path], start=dt.date(2027, 1, 4))
    assert _cross_training_notice(plan)["causes"] == "retired,equipment"
