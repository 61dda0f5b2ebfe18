"""Catalogue validation, layering and ladders, and the shipped catalogue's doses."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.catalogue import Catalogue, Origin, Replacement
from hiprehab.resources import data_dir
from testing.catalogue import exercise

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.conftest import WriteCatalogue

    Copy = Callable[[str], Path]
    Problems = Callable[[list[Path]], list[str]]

BUILT_IN = data_dir("exercises")


def catalogue_text(*entries: dict[str, Any]) -> str:
    """A catalogue file holding ``entries``."""
    return yaml.safe_dump({"exercises": list(entries)}, sort_keys=False)


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    """The built-in catalogue."""
    return load_catalogue([BUILT_IN])


# One test per broken fixture: the exact message of each kind of problem.


def test_unknown_field_suggests_the_known_one(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A misspelt field name gets a did-you-mean and the list of allowed fields."""
    assert catalogue_problems([copy_broken("unknown-field.yaml")]) == [
        (
            "exercises/unknown-field.yaml:7:5: exercises[0].levle: unknown field (did you mean 'level'?); "
            "expected one of: id, name, kind, family, role, level, summary, targets, position, equipment, "
            "dose, goals, steps, cues, mistakes, avoid_if, avoid_note, sources, illustration"
        )
    ]


def test_word_where_number_expected_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """``sets: three`` asks for a whole number in the allowed range."""
    assert catalogue_problems([copy_broken("wrong-type.yaml")]) == [
        (
            "exercises/wrong-type.yaml:12:18: exercises[0].dose.sets: "
            "expected a whole number from 1 to 10, found 'three'"
        )
    ]


def test_numbers_out_of_range_state_the_range(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """``sets: 0`` and ``reps: 99`` are both reported, each with its allowed range."""
    assert catalogue_problems([copy_broken("out-of-range.yaml")]) == [
        (
            "exercises/out-of-range.yaml:12:18: exercises[0].dose.sets: "
            "expected a whole number from 1 to 10, found 0"
        ),
        (
            "exercises/out-of-range.yaml:12:27: exercises[0].dose.reps: "
            "expected a whole number from 1 to 50, found 99"
        ),
    ]


def test_unknown_vocabulary_word_suggests_the_known_one(
    copy_broken: Copy, catalogue_problems: Problems
) -> None:
    """``kind: strenght`` lists the kinds and suggests ``strength``."""
    assert catalogue_problems([copy_broken("unknown-word.yaml")]) == [
        (
            "exercises/unknown-word.yaml:5:11: exercises[0].kind: expected one of strength, isometric, "
            "stretch, mobility, warmup, cooldown, cardio, balance, recovery; "
            "found 'strenght' (did you mean 'strength'?)"
        )
    ]


def test_id_that_is_not_a_slug_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """An id with capitals and an underscore says what a slug is."""
    assert catalogue_problems([copy_broken("bad-slug.yaml")]) == [
        (
            "exercises/bad-slug.yaml:3:9: exercises[0].id: expected a slug (lowercase letters and digits, "
            "words joined by single hyphens), found 'Fixture_Slug'"
        )
    ]


def test_missing_required_field_is_named(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A left-out ``summary`` is reported at the exercise that lacks it."""
    assert catalogue_problems([copy_broken("missing-field.yaml")]) == [
        "exercises/missing-field.yaml:3:5: exercises[0].summary: expected this field, but it is missing"
    ]


def test_fewer_than_three_steps_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """Two steps are too few; at least three are needed."""
    assert catalogue_problems([copy_broken("too-few-steps.yaml")]) == [
        "exercises/too-few-steps.yaml:14:12: exercises[0].steps: expected at least 3 items, found 2"
    ]


def test_dose_without_a_measure_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A dose with sets only names the three measures it needs one of."""
    assert catalogue_problems([copy_broken("dose-no-measure.yaml")]) == [
        (
            "exercises/dose-no-measure.yaml:12:11: exercises[0].dose: "
            "expected exactly one of reps, hold_s or duration_min, found none"
        )
    ]


def test_dose_with_two_measures_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A dose with both reps and hold_s names the two it found."""
    assert catalogue_problems([copy_broken("dose-two-measures.yaml")]) == [
        (
            "exercises/dose-two-measures.yaml:12:11: exercises[0].dose: "
            "expected exactly one of reps, hold_s or duration_min, found reps, hold_s"
        )
    ]


def test_none_with_other_equipment_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """``[none, mat]`` contradicts itself."""
    assert catalogue_problems([copy_broken("none-with-equipment.yaml")]) == [
        (
            "exercises/none-with-equipment.yaml:11:16: exercises[0].equipment: "
            "expected [none] alone or a list of equipment, found 'none' with other items"
        )
    ]


def test_avoid_if_without_avoid_note_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """An avoid rule needs the sentence that explains it."""
    assert catalogue_problems([copy_broken("avoid-if-without-note.yaml")]) == [
        (
            "exercises/avoid-if-without-note.yaml:3:5: exercises[0].avoid_note: "
            "expected one sentence on why (avoid_if is not empty), it is missing"
        )
    ]


def test_duplicate_id_in_one_file_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """The second use of an id in a file names the line of the first."""
    assert catalogue_problems([copy_broken("duplicate-id.yaml")]) == [
        (
            "exercises/duplicate-id.yaml:19:9: exercises[1].id: "
            "expected a unique id, found 'fixture-twice' again (first on line 3)"
        )
    ]


def test_same_id_in_two_files_of_one_folder_is_rejected(
    copy_broken: Copy, catalogue_problems: Problems
) -> None:
    """Two files of one folder may not define the same id; the later names the earlier."""
    assert catalogue_problems([copy_broken("same-id-two-files")]) == [
        (
            "exercises/b.yaml:3:9: exercises[0].id: expected a unique id in this folder, "
            "found 'fixture-shared' also in exercises/a.yaml:3"
        )
    ]


def test_ladder_with_a_gap_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """Levels 1 and 3 of one family: the rung above the gap is reported."""
    assert catalogue_problems([copy_broken("ladder-gap.yaml")]) == [
        (
            "exercises/ladder-gap.yaml:23:12: exercises[1].level: expected the levels of family "
            "'fixture-gap' to run 1 to 2 with no gap or repeat, found 1, 3 (level 3 is a gap below it)"
        )
    ]


def test_ladder_with_a_repeated_level_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """Two rungs at level 1: the second is reported as the repeat."""
    assert catalogue_problems([copy_broken("ladder-repeat.yaml")]) == [
        (
            "exercises/ladder-repeat.yaml:23:12: exercises[1].level: expected the levels of family "
            "'fixture-repeat' to run 1 to 2 with no gap or repeat, found 1, 1 (level 1 is a repeat)"
        )
    ]


def test_folder_without_yaml_files_is_rejected(tmp_path: Path, catalogue_problems: Problems) -> None:
    """An empty catalogue folder is a problem, not an empty catalogue."""
    assert catalogue_problems([tmp_path]) == [f"{tmp_path}:1:1: expected YAML files (*.yaml), found none"]


def test_problems_of_several_files_are_reported_at_once(
    copy_broken: Copy, catalogue_problems: Problems
) -> None:
    """Every problem of every file of a folder is gathered into one error, sorted by file."""
    for name in ("wrong-type.yaml", "duplicate-key.yaml", "too-few-steps.yaml", "ladder-gap.yaml"):
        folder = copy_broken(name)
    assert catalogue_problems([folder]) == [
        "exercises/duplicate-key.yaml:6:5: duplicate key 'name' (first given on line 4)",
        (
            "exercises/ladder-gap.yaml:23:12: exercises[1].level: expected the levels of family "
            "'fixture-gap' to run 1 to 2 with no gap or repeat, found 1, 3 (level 3 is a gap below it)"
        ),
        "exercises/too-few-steps.yaml:14:12: exercises[0].steps: expected at least 3 items, found 2",
        (
            "exercises/wrong-type.yaml:12:18: exercises[0].dose.sets: "
            "expected a whole number from 1 to 10, found 'three'"
        ),
    ]


def test_problems_of_several_layers_are_reported_at_once(
    tmp_path: Path, write_catalogue: WriteCatalogue, catalogue_problems: Problems
) -> None:
    """A problem in one layer does not hide the problem in the next: both are reported."""
    first, second = tmp_path / "first", tmp_path / "second"
    write_catalogue(first, "a.yaml", catalogue_text(exercise("fixture-a", "fixture-a", kind="strenght")))
    write_catalogue(second, "b.yaml", catalogue_text(exercise("Fixture-B", "fixture-b")))
    assert catalogue_problems([first, second]) == [
        (
            f"{first}/a.yaml:4:9: exercises[0].kind: expected one of strength, isometric, stretch, "
            "mobility, warmup, cooldown, cardio, balance, recovery; "
            "found 'strenght' (did you mean 'strength'?)"
        ),
        (
            f"{second}/b.yaml:2:7: exercises[0].id: expected a slug (lowercase letters and digits, "
            "words joined by single hyphens), found 'Fixture-B'"
        ),
    ]


# The shipped catalogue.


def test_shipped_catalogue_loads_with_at_least_45_exercises(shipped: Catalogue) -> None:
    """The built-in catalogue has no problems and at least 45 exercises."""
    assert len(shipped.exercises) >= 45


def test_shipped_ladders_run_from_one_without_gaps(shipped: Catalogue) -> None:
    """Every family's levels are exactly 1, 2, ... n."""
    levels = {family: [e.level for e in shipped.ladder(family)] for family in shipped.families}
    assert {f: rungs for f, rungs in levels.items() if rungs != list(range(1, len(rungs) + 1))} == {}


def test_shipped_strength_sets_are_one_to_three(shipped: Catalogue) -> None:
    """Strength exercises prescribe 1-3 sets (docs/evidence.md 5.1)."""
    outside = [e.id for e in shipped.exercises if e.kind == "strength" and not 1 <= e.dose.sets <= 3]
    assert outside == []


def test_shipped_strength_reps_are_five_to_fifteen(shipped: Catalogue) -> None:
    """Strength exercises dosed in reps prescribe 5-15 (docs/evidence.md 5.1)."""
    outside = [
        e.id
        for e in shipped.exercises
        if e.kind == "strength" and e.dose.reps is not None and not 5 <= e.dose.reps <= 15
    ]
    assert outside == []


def test_shipped_isometric_holds_are_five_to_forty_five_seconds(shipped: Catalogue) -> None:
    """Holds of isometric and strength exercises (planks too) last 5-45 s (docs/evidence.md 5.1)."""
    holds = [e for e in shipped.exercises if e.kind in {"isometric", "strength"} and e.dose.hold_s]
    assert holds
    assert [e.id for e in holds if not 5 <= (e.dose.hold_s or 0) <= 45] == []


def test_shipped_stretch_holds_are_ten_to_thirty_seconds(shipped: Catalogue) -> None:
    """Every stretch is a hold of 10-30 s (docs/evidence.md 5.1)."""
    stretches = [e for e in shipped.exercises if e.kind == "stretch"]
    assert stretches
    assert [e.id for e in stretches if e.dose.hold_s is None or not 10 <= e.dose.hold_s <= 30] == []


def test_shipped_ice_is_at_most_twenty_minutes(shipped: Catalogue) -> None:
    """Icing lasts at most 20 minutes (docs/evidence.md 5.1)."""
    ice = shipped.ladder("ice")
    assert ice
    assert [(e.id, e.dose.duration_min) for e in ice if (e.dose.duration_min or 0) > 20] == []


def test_shipped_lateral_compressive_exercises_avoid_lateral_pain(shipped: Catalogue) -> None:
    """Exercises that compress the outer hip (ITB, figure-four, side-lying...) avoid lateral pain."""
    markers = ("itb", "figure-four", "knee-across", "side-lying-hip-abduction", "side-plank")
    compressive = [e for e in shipped.exercises if any(m in e.id for m in markers)]
    assert len(compressive) >= len(markers)
    assert [e.id for e in compressive if "lateral" not in e.avoid_if] == []


# Layers and ladders.


def test_user_folder_replaces_built_in_exercise_by_id(
    tmp_path: Path, write_catalogue: WriteCatalogue, shipped: Catalogue
) -> None:
    """A later layer's exercise with a built-in id takes its place; the count stays the same."""
    mine = exercise("double-leg-bridge", "bridge", name="My bridge")
    write_catalogue(tmp_path, "mine.yaml", catalogue_text(mine))
    layered = load_catalogue([BUILT_IN, tmp_path])
    replaced = layered.get("double-leg-bridge")
    assert (replaced.name if replaced else None, len(layered.exercises)) == (
        "My bridge",
        len(shipped.exercises),
    )


def test_replacement_reports_both_origins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_catalogue: WriteCatalogue
) -> None:
    """``Catalogue.replacements`` names the built-in origin and the user's origin of the id."""
    monkeypatch.chdir(tmp_path)
    write_catalogue(Path("mine"), "bridge.yaml", catalogue_text(exercise("double-leg-bridge", "bridge")))
    layered = load_catalogue([BUILT_IN, Path("mine")])
    strength = BUILT_IN / "strength.yaml"
    assert layered.replacements == (
        Replacement(
            "double-leg-bridge",
            old=Origin(str(strength), line_of(strength, "- id: double-leg-bridge"), 5, BUILT_IN),
            new=Origin("mine/bridge.yaml", 2, 3, Path("mine")),
        ),
    )


def test_layer_without_shared_ids_reports_no_replacement(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """Adding exercises with new ids replaces nothing."""
    write_catalogue(tmp_path, "new.yaml", catalogue_text(exercise("fixture-new", "fixture-new")))
    assert load_catalogue([BUILT_IN, tmp_path]).replacements == ()


def test_user_layer_can_add_a_rung_to_a_built_in_ladder(
    tmp_path: Path, write_catalogue: WriteCatalogue, shipped: Catalogue
) -> None:
    """Ladders are checked over all layers: the next level of a built-in family is accepted."""
    top = len(shipped.ladder("bridge"))
    write_catalogue(tmp_path, "more.yaml", catalogue_text(exercise("fixture-top", "bridge", top + 1)))
    layered = load_catalogue([BUILT_IN, tmp_path])
    assert layered.ladder("bridge")[-1].id == "fixture-top"


def test_easier_and_harder_follow_levels_not_file_order(
    tmp_path: Path, write_catalogue: WriteCatalogue
) -> None:
    """Rungs written as levels 3, 1, 2 (over two files) give easier and harder by level."""
    write_catalogue(
        tmp_path,
        "a.yaml",
        catalogue_text(exercise("rung-three", "rungs", 3), exercise("rung-one", "rungs", 1)),
    )
    write_catalogue(tmp_path, "b.yaml", catalogue_text(exercise("rung-two", "rungs", 2)))
    cat = load_catalogue([tmp_path])
    middle = cat.get("rung-two")
    assert middle is not None
    neighbours = (cat.easier(middle), cat.harder(middle))
    assert tuple(e.id if e else None for e in neighbours) == ("rung-one", "rung-three")


def test_bottom_and_top_rungs_have_no_easier_or_harder(shipped: Catalogue) -> None:
    """The first rung has no easier exercise and the last has no harder one."""
    bridge = shipped.ladder("bridge")
    assert (shipped.easier(bridge[0]), shipped.harder(bridge[-1])) == (None, None)


def test_shipped_bridge_ladder_is_in_level_order(shipped: Catalogue) -> None:
    """The built-in bridge ladder runs from the double-leg bridge to the hip thrust."""
    assert [e.id for e in shipped.ladder("bridge")] == [
        "double-leg-bridge",
        "marching-bridge",
        "offset-bridge",
        "single-leg-bridge",
        "hip-thrust",
    ]


def test_copied_built_in_folder_replaces_every_exercise(tmp_path: Path, shipped: Catalogue) -> None:
    """Loading the built-in folder twice as two layers reports one replacement per exercise."""
    shutil.copytree(BUILT_IN, tmp_path / "copy")
    layered = load_catalogue([BUILT_IN, tmp_path / "copy"])
    assert sorted(r.id for r in layered.replacements) == sorted(e.id for e in shipped.exercises)
