"""The catalogue commands of the CLI: output, messages and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import hiprehab
from hiprehab.cli import app
from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.exercise import Exercise
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from typer.testing import CliRunner

    from hiprehab.model.catalogue import Catalogue
    from tests.conftest import WriteCatalogue

    Copy = Callable[[str], Path]

BROKEN = Path(__file__).parents[1] / "fixtures" / "broken"
BUILT_IN = data_dir("exercises")
TEMPLATES = sum(p.name != "screening.yaml" for p in data_dir("templates").glob("*.yaml"))
HEADER = "ID                                KIND       FAMILY                       LEVEL  NAME"
MY_BRIDGE = """\
exercises:
  - id: double-leg-bridge
    name: My bridge
    kind: strength
    family: bridge
    summary: Lifts the hips off the floor.
    targets: [glute_max]
    position: supine
    equipment: [mat]
    dose: {sets: 3, reps: 12}
    goals: [manage]
    steps: [Lie on your back., Lift your hips., Lower them slowly.]
    cues: [Squeeze your buttocks.]
    mistakes: [Arching your back.]
    sources: ["My physio. https://example.org/"]
"""


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    """The built-in catalogue, the oracle for counts and ids."""
    return load_catalogue([BUILT_IN])


def listed_ids(stdout: str) -> list[str]:
    """The ids of the rows of ``exercises list`` (between the header and the count line)."""
    return [line.split()[0] for line in stdout.splitlines()[1:-1]]


def problems_of(sources: list[Path]) -> list[Problem]:
    """The problems loading ``sources`` fails with."""
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue(sources)
    return caught.value.problems


def test_version_prints_name_and_version(runner: CliRunner) -> None:
    """``--version`` prints ``hiprehab <version>`` and exits 0."""
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"hiprehab {hiprehab.__version__}\n")


def test_help_lists_the_catalogue_commands(runner: CliRunner) -> None:
    """``--help`` lists the exercises and catalogue command groups with their help."""
    result = runner.invoke(app, ["--help"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert "  exercises  Browse the exercises of the catalogue." in lines
    assert "  catalogue  Check, copy and review exercise catalogues." in lines


def test_exercises_list_prints_header_rows_and_count(runner: CliRunner, shipped: Catalogue) -> None:
    """``exercises list`` prints the header, one row per exercise in order, and the count."""
    result = runner.invoke(app, ["exercises", "list"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert (lines[0], lines[-1]) == (HEADER, f"{len(shipped.exercises)} exercises")
    assert listed_ids(result.stdout) == [e.id for e in shipped.exercises]


def test_exercises_list_row_shows_kind_family_level_and_name(runner: CliRunner) -> None:
    """A row lines up id, kind, family, level and name under the header."""
    result = runner.invoke(app, ["exercises", "list"])
    row = next(line for line in result.stdout.splitlines() if line.startswith("double-leg-bridge "))
    assert row == (
        "double-leg-bridge                 strength   bridge                       1      Double-leg bridge"
    )


def test_exercises_list_kind_filters(runner: CliRunner, shipped: Catalogue) -> None:
    """``--kind stretch`` lists only the stretches."""
    result = runner.invoke(app, ["exercises", "list", "--kind", "stretch"])
    stretches = [e.id for e in shipped.exercises if e.kind == "stretch"]
    assert result.exit_code == 0
    assert listed_ids(result.stdout) == stretches
    assert result.stdout.splitlines()[-1] == f"{len(stretches)} exercises"


def test_exercises_list_goal_filters(runner: CliRunner, shipped: Catalogue) -> None:
    """``--goal prevent`` lists only the exercises that suit prevention."""
    result = runner.invoke(app, ["exercises", "list", "--goal", "prevent"])
    suited = [e.id for e in shipped.exercises if "prevent" in e.goals]
    assert result.exit_code == 0
    assert 0 < len(suited) < len(shipped.exercises)
    assert listed_ids(result.stdout) == suited


def test_exercises_list_json_has_every_model_field(runner: CliRunner, shipped: Catalogue) -> None:
    """``--json`` prints a JSON list whose objects carry every field of the model."""
    result = runner.invoke(app, ["exercises", "list", "--json"])
    listed = json.loads(result.stdout)
    assert [item["id"] for item in listed] == [e.id for e in shipped.exercises]
    assert [sorted(item) for item in listed if set(item) != set(Exercise.model_fields)] == []


def test_exercises_list_unknown_kind_is_a_usage_error(runner: CliRunner) -> None:
    """``--kind strenght`` exits 2 and suggests ``strength``."""
    result = runner.invoke(app, ["exercises", "list", "--kind", "strenght"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        (
            "hiprehab: --kind: expected one of strength, isometric, stretch, mobility, warmup, cooldown, "
            "cardio, balance, recovery, found 'strenght' (did you mean 'strength'?)\n"
        ),
    )


def test_exercises_list_unknown_goal_is_a_usage_error(runner: CliRunner) -> None:
    """``--goal prevnt`` exits 2 and suggests ``prevent``."""
    result = runner.invoke(app, ["exercises", "list", "--goal", "prevnt"])
    assert (result.exit_code, result.stderr) == (
        2,
        "hiprehab: --goal: expected one of manage, prevent, found 'prevnt' (did you mean 'prevent'?)\n",
    )


def test_exercises_list_includes_a_catalogue_option_folder(
    runner: CliRunner, tmp_path: Path, write_catalogue: WriteCatalogue, shipped: Catalogue
) -> None:
    """``--catalogue DIR`` adds the folder's exercises after the built-in ones."""
    text = MY_BRIDGE.replace("double-leg-bridge", "my-bridge").replace("family: bridge", "family: mine")
    write_catalogue(tmp_path, "mine.yaml", text)
    result = runner.invoke(app, ["exercises", "list", "--catalogue", str(tmp_path)])
    assert listed_ids(result.stdout) == [*(e.id for e in shipped.exercises), "my-bridge"]


def test_exercises_list_includes_the_user_folder(
    runner: CliRunner, user_dir: Path, write_catalogue: WriteCatalogue
) -> None:
    """Exercises in ``$HIPREHAB_USER_DIR/exercises`` replace built-in ones of the same id."""
    write_catalogue(user_dir / "exercises", "mine.yaml", MY_BRIDGE)
    result = runner.invoke(app, ["exercises", "list"])
    row = next(line for line in result.stdout.splitlines() if line.startswith("double-leg-bridge "))
    assert row.endswith("  My bridge")


def test_exercises_show_prints_name_dose_and_steps(runner: CliRunner, shipped: Catalogue) -> None:
    """``exercises show`` prints the title, the dose line, numbered steps and the ladder neighbours."""
    bridge = shipped.get("double-leg-bridge")
    assert bridge is not None
    result = runner.invoke(app, ["exercises", "show", "double-leg-bridge"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "Double-leg bridge (double-leg-bridge)"
    assert "Dose: 2 x 10 reps, tempo 2-1-2, rest 60 s between sets" in lines
    assert [f"  {n}. {step}" for n, step in enumerate(bridge.steps, 1)] == [
        line for line in lines if line[:4] in {"  1.", "  2.", "  3.", "  4.", "  5."}
    ]
    assert [line for line in lines if line.startswith(("Easier:", "Harder:"))] == [
        "Easier: none (first rung)",
        "Harder: Marching bridge (marching-bridge)",
    ]


def test_exercises_show_json_is_the_model(runner: CliRunner, shipped: Catalogue) -> None:
    """``exercises show --json`` prints the exercise as the model dumps it."""
    bridge = shipped.get("double-leg-bridge")
    assert bridge is not None
    result = runner.invoke(app, ["exercises", "show", "double-leg-bridge", "--json"])
    assert json.loads(result.stdout) == bridge.model_dump(mode="json")


def test_exercises_show_unknown_id_is_a_usage_error(runner: CliRunner) -> None:
    """An id with no close match exits 2 and points at ``exercises list``."""
    result = runner.invoke(app, ["exercises", "show", "nope"])
    assert (result.exit_code, result.stderr) == (
        2,
        "hiprehab: no exercise with id 'nope'; 'hiprehab exercises list' shows them all\n",
    )


def test_exercises_show_misspelt_id_suggests_the_known_one(runner: CliRunner) -> None:
    """A misspelt id exits 2 with a did-you-mean."""
    result = runner.invoke(app, ["exercises", "show", "doble-leg-bridge"])
    assert (result.exit_code, result.stderr) == (
        2,
        (
            "hiprehab: no exercise with id 'doble-leg-bridge' (did you mean 'double-leg-bridge'?); "
            "'hiprehab exercises list' shows them all\n"
        ),
    )


def test_catalogue_check_prints_the_summary(runner: CliRunner, shipped: Catalogue) -> None:
    """``catalogue check`` on the built-in catalogue exits 0 with the summary line only."""
    result = runner.invoke(app, ["catalogue", "check"])
    summary = (
        f"{len(shipped.exercises)} exercises in {len(shipped.files)} files, "
        f"{TEMPLATES} goal templates and the screening rules in {TEMPLATES + 1} files: no problems found\n"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, summary, "")


def test_catalogue_check_broken_folder_lists_every_problem(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``catalogue check DIR`` prints every problem of every file on stderr, then the count; exit 1."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BROKEN, "broken")
    expected = sorted(p for path in Path("broken").glob("*.yaml") for p in problems_of([BUILT_IN, path]))
    result = runner.invoke(app, ["catalogue", "check", "broken"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        *(str(p) for p in expected),
        f"hiprehab: {len(expected)} problems found; nothing was written",
    ]


def test_catalogue_check_reports_one_problem_in_the_singular(runner: CliRunner, copy_broken: Copy) -> None:
    """A single problem is counted as ``1 problem``."""
    result = runner.invoke(app, ["catalogue", "check", str(copy_broken("bad-slug.yaml"))])
    assert result.stderr.splitlines()[-1] == "hiprehab: 1 problem found; nothing was written"


def test_catalogue_check_reports_a_replaced_built_in_id(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_catalogue: WriteCatalogue,
    shipped: Catalogue,
) -> None:
    """A folder redefining a built-in id is counted; ``--verbose`` adds a line naming both places."""
    monkeypatch.chdir(tmp_path)
    write_catalogue(Path("mine"), "bridge.yaml", MY_BRIDGE)
    old = shipped.origins["double-leg-bridge"]
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert result.stdout.splitlines()[0] == "1 built-in exercise replaced by mine; --verbose lists them"
    result = runner.invoke(app, ["catalogue", "check", "--verbose", "mine"])
    assert (result.exit_code, result.stdout) == (
        0,
        (
            "1 built-in exercise replaced by mine\n"
            f"mine/bridge.yaml:2:5: replaces 'double-leg-bridge' "
            f"from {BUILT_IN / 'strength.yaml'}:{old.line}\n"
            f"{len(shipped.exercises)} exercises in {len(shipped.files) + 1} files, "
            f"{TEMPLATES} goal templates and the screening rules in {TEMPLATES + 1} files: "
            "no problems found\n"
        ),
    )


def expected_init_files() -> list[str]:
    """Every file ``catalogue init`` should copy, relative to the target folder, in write order."""
    copies = [
        f"{name}/{path.name}"
        for name in ("exercises", "templates", "schema")
        for path in sorted(data_dir(name).iterdir())
        if path.is_file()
    ]
    at = copies.index(next(c for c in copies if c.startswith("templates/")))
    return ["README.md", *copies[:at], "exercises/retired.yaml", *copies[at:]]


def test_catalogue_init_copies_exercises_templates_and_schemas(runner: CliRunner, tmp_path: Path) -> None:
    """``catalogue init DIR`` copies every built-in exercise, template and schema file, plus a README."""
    target = tmp_path / "mine"
    result = runner.invoke(app, ["catalogue", "init", str(target)])
    written = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert (result.exit_code, result.stdout) == (0, f"wrote {len(written)} files into {target}\n")
    assert written == sorted(expected_init_files())
    assert "schema/catalogue.schema.json" in written
    assert [
        name
        for name in written
        if name not in {"README.md", "exercises/retired.yaml"}
        and (target / name).read_bytes() != (data_dir(name.split("/")[0]) / Path(name).name).read_bytes()
    ] == []


def test_catalogue_init_readme_explains_check(runner: CliRunner, tmp_path: Path) -> None:
    """The copied folder's README shows how to check it."""
    runner.invoke(app, ["catalogue", "init", str(tmp_path)])
    assert "    hiprehab catalogue check .\n" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_catalogue_init_again_keeps_every_existing_file(runner: CliRunner, tmp_path: Path) -> None:
    """A second ``catalogue init`` overwrites nothing and says which files it kept."""
    runner.invoke(app, ["catalogue", "init", str(tmp_path)])
    edited = tmp_path / "exercises" / "strength.yaml"
    edited.write_text("# my edits\n", encoding="utf-8")
    result = runner.invoke(app, ["catalogue", "init", str(tmp_path)])
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [
            *(f"kept existing {tmp_path / name}" for name in expected_init_files()),
            f"wrote 0 files into {tmp_path}",
        ],
    )
    assert edited.read_text(encoding="utf-8") == "# my edits\n"


def test_catalogue_init_into_a_file_fails(runner: CliRunner, tmp_path: Path) -> None:
    """``catalogue init`` onto an existing file exits 1 without touching it."""
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["catalogue", "init", str(target)])
    assert (result.exit_code, result.stderr) == (1, f"hiprehab: {target}: expected a folder, found a file\n")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_python_dash_m_runs_the_cli() -> None:
    """``python -m hiprehab --help`` runs in a fresh interpreter and prints the usage line."""
    source = str(Path(hiprehab.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "hiprehab", "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (
        0,
        "Usage: hiprehab [OPTIONS] COMMAND [ARGS]...",
        "",
    )


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.iterdir()))
def test_broken_fixture_fails_cleanly(runner: CliRunner, copy_broken: Copy, name: str) -> None:
    """``catalogue check`` on each broken fixture exits 1 with messages, never a traceback."""
    result = runner.invoke(app, ["catalogue", "check", str(copy_broken(name))], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith("found; nothing was written")


def test_oversized_file_fails_cleanly(
    runner: CliRunner, tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """A file over 1 MiB is refused with one message and exit 1."""
    path = write_catalogue(tmp_path, "huge.yaml", "#" * (2 * 1024 * 1024))
    result = runner.invoke(app, ["catalogue", "check", str(path)], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (
        1,
        f"{path}:1:1: file is 2.0 MiB; the limit is 1 MiB\nhiprehab: 1 problem found; nothing was written\n",
    )
