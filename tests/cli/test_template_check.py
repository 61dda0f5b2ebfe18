"""Templates are checked as templates, and every family, role and goal they name must exist."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hiprehab.cli import app
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from typer.testing import CliRunner

    from tests.conftest import WriteCatalogue

TEMPLATES = data_dir("templates")
PLAN = ["plan", "--goal", "prevent", "--weeks", "2", "--no-red-flags", "--no-figures", "--json", "-"]
KNEES_APART_BRIDGE = """\
exercises:
  - id: knees-apart-bridge
    name: Knees-apart bridge
    kind: strength
    family: knees-apart-bridge
    role: glute-bridge
    level: 1
    summary: A bridge with your knees pressed apart.
    targets: [glute_max, glute_med]
    position: supine
    equipment: [mat]
    dose: {sets: 2, reps: 10}
    goals: [manage, prevent]
    steps: [Lie on your back, knees bent., Lift your hips., Lower slowly.]
    cues: [Keep your knees apart.]
    mistakes: [Arching the lower back.]
    sources: ["My physio. https://example.org/"]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in ``tmp_path``, so messages name files as typed."""
    monkeypatch.chdir(tmp_path)


def _copy_templates(folder: str = "templates") -> Path:
    shutil.copytree(TEMPLATES, folder)
    return Path(folder)


def _edit(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace the first ``old`` in ``path`` by ``new``; return the line and column where it was."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text[:at].count("\n") + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _word(path: Path, line: int, col: int) -> str:
    """The flow-list word at ``line``:``col`` of ``path`` (1-based)."""
    text = path.read_text(encoding="utf-8").splitlines()[line - 1][col - 1 :]
    return text.split(",")[0].split("]")[0].strip()


def _misspell_first_bridge(path: Path) -> tuple[int, int]:
    """Misspell the first ``bridge`` of a flow list of families; return its line and column."""
    line, col = _edit(path, "families: [bridge,", "families: [brigde,")
    return line, col + len("families: [")


def test_a_folder_of_templates_is_checked_as_templates(runner: CliRunner) -> None:
    """`catalogue check templates` reads goal templates and screening rules, with no false errors."""
    _copy_templates()
    result = runner.invoke(app, ["catalogue", "check", "templates"])
    assert (result.exit_code, result.stderr) == (0, "")
    # The built-in folder's three files, then the copy's three.
    assert result.stdout.endswith("screening rules in 6 files: no problems found\n")


def test_a_folder_of_template_files_under_any_name_is_checked_as_templates(runner: CliRunner) -> None:
    """A folder whose files are all templates (``phases:`` at the top) is a template folder."""
    goals = Path("goals")
    goals.mkdir()
    shutil.copyfile(TEMPLATES / "prevent.yaml", goals / "squad.yaml")
    _edit(goals / "squad.yaml", "id: prevent", "id: squad")
    _edit(goals / "squad.yaml", "weeks_default: 8", "weeks_default: eight")
    result = runner.invoke(app, ["catalogue", "check", "goals"])
    assert result.exit_code == 1
    lines = (goals / "squad.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("weeks_default: eight") + 1
    assert result.stderr.splitlines()[0].startswith(
        f"goals/squad.yaml:{line}:16: weeks_default: expected a whole"
    )
    assert "exercises" not in result.stderr


def test_one_template_file_is_checked_as_a_template(runner: CliRunner) -> None:
    """A single template file given to `catalogue check` is read as a template, not as exercises."""
    shutil.copyfile(TEMPLATES / "manage.yaml", "manage.yaml")
    result = runner.invoke(app, ["catalogue", "check", "manage.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_screening_file_of_an_init_folder_is_checked(runner: CliRunner) -> None:
    """A mistake in the screening rules of a folder `catalogue init` made is reported at its line."""
    runner.invoke(app, ["catalogue", "init", "mycat"])
    line, col = _edit(Path("mycat/templates/screening.yaml"), "severe_pain_score: 7", "severe_pain_score: 11")
    result = runner.invoke(app, ["catalogue", "check", "mycat"])
    assert result.exit_code == 1
    at = f"mycat/templates/screening.yaml:{line}:{col + len('severe_pain_score: ')}"
    assert result.stderr.splitlines() == [
        f"{at}: severe_pain_score: expected a whole number from 1 to 10, found 11",
        "hiprehab: 1 problem found; nothing was written",
    ]


def test_a_screening_file_beside_the_exercises_folder_is_used(runner: CliRunner) -> None:
    """A `screening.yaml` at the top of a catalogue folder is read (and checked) as the screening rules."""
    Path("mycat/exercises").mkdir(parents=True)
    Path("mycat/exercises/bridge.yaml").write_text(KNEES_APART_BRIDGE, encoding="utf-8")
    shutil.copyfile(TEMPLATES / "screening.yaml", "mycat/screening.yaml")
    _edit(Path("mycat/screening.yaml"), "refer_pain_score: 6", "refer_pain_score: 9")
    result = runner.invoke(app, ["catalogue", "check", "mycat"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "mycat/screening.yaml:13:19: refer_pain_score: expected less than severe_pain_score (7), found 9"
    )


def test_a_misspelt_family_in_a_copied_template_stops_check_and_plan(runner: CliRunner) -> None:
    """A copied template with a misspelt family is an error at its line, in `check` and in `plan` alike."""
    folder = _copy_templates("mine")
    line, col = _misspell_first_bridge(folder / "prevent.yaml")
    expected = (
        f"mine/prevent.yaml:{line}:{col}: phases[0].strength.families[0]: "
        "expected a family of the catalogue, found 'brigde' (did you mean 'bridge'?)"
    )
    checked = runner.invoke(app, ["catalogue", "check", "mine"])
    assert (checked.exit_code, checked.stdout) == (1, "")
    assert checked.stderr.splitlines() == [expected, "hiprehab: 1 problem found; nothing was written"]
    planned = runner.invoke(app, [*PLAN, "--templates", "mine"])
    assert (planned.exit_code, planned.stdout) == (1, "")
    assert planned.stderr.splitlines() == [expected, "hiprehab: 1 problem found; nothing was written"]


def test_a_family_the_catalogue_gains_may_be_named(
    runner: CliRunner, write_catalogue: WriteCatalogue
) -> None:
    """Families are checked against the catalogue the plan uses: one the coach adds may fill a slot."""
    write_catalogue(Path("mycat/exercises"), "bridge.yaml", KNEES_APART_BRIDGE)
    folder = _copy_templates("mycat/templates")
    line, col = _edit(folder / "prevent.yaml", "families: [bridge,", "families: [knees-apart-bridge, bridge,")
    assert runner.invoke(app, ["catalogue", "check", "mycat"]).exit_code == 0
    planned = runner.invoke(app, [*PLAN, "--catalogue", "mycat"])
    assert planned.exit_code == 0, planned.stderr
    assert '"exercise": "knees-apart-bridge"' in planned.stdout
    without = runner.invoke(app, [*PLAN, "--templates", "mycat/templates"])
    assert without.exit_code == 1
    assert f"mycat/templates/prevent.yaml:{line}:{col + len('families: [')}: " in without.stderr


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "  groin: [adductor-squeeze, adductor]",
            "  groin: [adductor-squeez, adductor]",
            "site_first.groin[0]",
            "expected a family of the catalogue, found 'adductor-squeez' (did you mean 'adductor-squeeze'?)",
        ),
        (
            "entry_test_families: [single-leg-balance,",
            "entry_test_families: [single-leg-balanse,",
            "walk_run.entry_test_families[0]",
            (
                "expected a family of the catalogue, found 'single-leg-balanse' "
                "(did you mean 'single-leg-balance'?)"
            ),
        ),
        (
            "entry_pain_goal: manage",
            "entry_pain_goal: manag",
            "entry_pain_goal",
            "expected the id of a goal template (manage, prevent), found 'manag' (did you mean 'manage'?)",
        ),
    ],
)
def test_every_name_a_template_gives_is_checked(
    runner: CliRunner, old: str, new: str, field: str, message: str
) -> None:
    """Families put first for a pain site, the walk-run test's families and the goal to send to all exist."""
    folder = _copy_templates("mine")
    name = "prevent.yaml" if "entry_pain_goal" in old else "manage.yaml"
    line, col = _edit(folder / name, old, new)
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 1
    problem = result.stderr.splitlines()[0]
    assert problem.startswith(f"mine/{name}:{line}:")
    assert problem.endswith(f": {field}: {message}")
    assert int(problem.split(":")[2]) > col


def test_a_family_with_nothing_for_the_goal_is_an_error(runner: CliRunner) -> None:
    """A slot whose family has no exercise of the goal and kinds could never be filled: it is an error."""
    folder = _copy_templates("mine")
    line, col = _misspell_first_bridge(folder / "prevent.yaml")
    _edit(folder / "prevent.yaml", "brigde", "hip-flexor-stretch")
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"mine/prevent.yaml:{line}:{col}: phases[0].strength.families[0]: expected a family with an "
        "exercise for goal 'prevent' and kind strength or balance, found 'hip-flexor-stretch', "
        "none of whose exercises is"
    )


def test_a_role_nothing_has_is_an_error(runner: CliRunner) -> None:
    """A slot by a role no exercise of the goal and kinds has could never be filled: it is an error."""
    folder = _copy_templates("mine")
    line, col = _edit(
        folder / "prevent.yaml",
        "      kinds: [strength, balance]",
        "      roles: [heat]\n      kinds: [strength, balance]",
    )
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"mine/prevent.yaml:{line}:{col + len('      roles: [')}: phases[0].strength.roles[0]: "
        "expected a role that an exercise for goal 'prevent' and kind strength or balance has, "
        "found 'heat', which none has"
    )


def test_the_built_in_folder_given_again_is_not_a_duplicate(runner: CliRunner) -> None:
    """Checking the built-in templates folder itself reads it once: no template clashes with itself."""
    result = runner.invoke(app, ["catalogue", "check", str(TEMPLATES)])
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_empty_templates_folder_is_a_problem(runner: CliRunner) -> None:
    """A templates folder with no files in it is reported, not checked as if all were well."""
    Path("templates").mkdir()
    result = runner.invoke(app, ["catalogue", "check", "templates"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[0] == "templates:1:1: expected YAML files (*.yaml), found none"


def test_a_bad_exercise_file_does_not_hide_a_templates_misspelt_family(runner: CliRunner) -> None:
    """One run lists the exercise file's problem and the copied template's misspelt family, and says how."""
    folder = Path("mine")
    (folder / "exercises").mkdir(parents=True)
    (folder / "exercises" / "own.yaml").write_text(
        KNEES_APART_BRIDGE.replace("equipment: [mat]", "equipment: [stairs]"), encoding="utf-8"
    )
    _copy_templates(str(folder / "templates"))
    (folder / "templates" / "screening.yaml").unlink()
    shutil.move(folder / "templates" / "prevent.yaml", folder / "templates" / "squad.yaml")
    _edit(folder / "templates" / "squad.yaml", "id: prevent", "id: squad")
    line, col = _misspell_first_bridge(folder / "templates" / "squad.yaml")
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(x.startswith("mine/exercises/own.yaml:") and "'stairs'" in x for x in lines)
    assert [x for x in lines if x.startswith(f"mine/templates/squad.yaml:{line}:{col}:")] == [
        (
            f"mine/templates/squad.yaml:{line}:{col}: phases[0].strength.families[0]: "
            "expected a family of the catalogue, found 'brigde' (did you mean 'bridge'?) "
            "(checked against the exercises that loaded: fix the exercise problems too)"
        )
    ]


def test_a_repeated_retired_id_does_not_hide_a_misspelt_one(
    runner: CliRunner, write_catalogue: WriteCatalogue
) -> None:
    """retired.yaml with a misspelt id and a repeated one: both are reported, each where it is."""
    write_catalogue(Path("gone"), "retired.yaml", "retire: [clamshell, sit-to-stnd, clamshell]\n")
    result = runner.invoke(app, ["catalogue", "check", "gone"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        (
            "gone/retired.yaml:1:21: retire[1]: expected the id of an exercise to leave out, "
            "found 'sit-to-stnd' (did you mean 'sit-to-stand'?)"
        ),
        (
            "gone/retired.yaml:1:34: retire[2]: expected an exercise still in use, found 'clamshell', "
            "already retired at gone/retired.yaml:1"
        ),
    ]
