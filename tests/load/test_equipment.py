"""Every thing an exercise's steps name or its figure draws is in its ``equipment`` list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import yaml

from hiprehab.engine.select import HOUSEHOLD, Selector
from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.equipment import check_equipment, missing_equipment
from hiprehab.model.catalogue import Catalogue
from hiprehab.model.exercise import Exercise
from hiprehab.resources import data_dir
from testing.catalogue import exercise as valid_exercise

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import WriteCatalogue


def exercise(**changes: Any) -> dict[str, Any]:
    """A valid exercise entry that needs a mat, with ``changes`` applied."""
    return valid_exercise("move", "move", **{"name": "A move", **changes})


def _missing(**changes: Any) -> list[str]:
    """What one exercise uses but does not list, as 'words <- the words that need them'."""
    entry = Exercise.model_validate(exercise(**changes))
    return [" or ".join(n.words) + f" <- {n.text}" for n in missing_equipment(entry)]


def _steps(*more: str) -> list[str]:
    """Two plain steps, then ``more``."""
    return ["Lie on your back.", "Lift your hips.", *more]


def _problems(tmp_path: Path, write_catalogue: WriteCatalogue, **changes: Any) -> tuple[str, list[str]]:
    """Where the ``equipment`` list starts in a catalogue of one exercise, and the problems of loading it."""
    text = yaml.safe_dump({"exercises": [exercise(**changes)]}, sort_keys=False, default_flow_style=None)
    path = write_catalogue(tmp_path, "exercises/move.yaml", text)
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([path.parent])
    line, row = next((n, row) for n, row in enumerate(text.splitlines(), 1) if "equipment: [" in row)
    return f"exercises/move.yaml:{line}:{row.index('[') + 1}", [str(p) for p in caught.value.problems]


def test_a_step_naming_a_thing_needs_its_word(
    tmp_path: Path, write_catalogue: WriteCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that names a wall, with equipment [none], is a problem at ``equipment`` naming both."""
    monkeypatch.chdir(tmp_path)
    where, problems = _problems(
        tmp_path, write_catalogue, equipment=["none"], steps=_steps("Stand side-on to a wall.")
    )
    assert problems == [
        f"{where}: exercises[0].equipment: expected 'wall' (step 3 names 'wall'), found [none]"
    ]


def test_a_prop_in_the_figure_needs_its_word(
    tmp_path: Path, write_catalogue: WriteCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A figure that draws a chair, with equipment [mat], is a problem naming the chair."""
    monkeypatch.chdir(tmp_path)
    figure = {"pose": {"position": "seated", "props": ["chair"]}}
    where, problems = _problems(tmp_path, write_catalogue, illustration=figure)
    assert problems == [
        f"{where}: exercises[0].equipment: expected 'chair' (the figure draws a chair), found [mat]"
    ]


def test_alternatives_ask_for_any_one_of_them(
    tmp_path: Path, write_catalogue: WriteCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'A wall or a chair' asks for either word, and quotes the words of the step."""
    monkeypatch.chdir(tmp_path)
    where, problems = _problems(
        tmp_path, write_catalogue, equipment=["none"], steps=_steps("Rest a hand on a wall or a chair.")
    )
    assert problems == [
        (
            f"{where}: exercises[0].equipment: "
            "expected 'wall' or 'chair' (step 3 names 'wall or a chair'), found [none]"
        )
    ]
    assert _missing(equipment=["chair"], steps=_steps("Rest a hand on a wall or a chair.")) == []


def test_each_missing_word_is_reported_once() -> None:
    """Two steps naming a band give one problem, at the first of them."""
    steps = _steps("Loop a band round your knees.", "Keep the band tight.")
    assert _missing(steps=steps) == ["band <- band"]


def test_an_alternative_needing_nothing_covers_the_thing() -> None:
    """'A dumbbell or a water bottle' needs no weights: every home has a bottle."""
    assert _missing(steps=_steps("Hold a dumbbell or a water bottle in each hand.")) == []


def test_an_optional_thing_is_not_required_and_may_be_drawn() -> None:
    """'If you have a band' needs no band, and the figure may still show one."""
    figure = {"pose": {"position": "hook_lying", "props": ["mat", "band"]}}
    steps = _steps("If you have a band, loop it round your knees; if not, press your hands on them.")
    assert _missing(steps=steps, illustration=figure) == []


def test_a_drawn_ice_pack_is_named_with_its_article() -> None:
    """The message reads as a sentence: 'the figure draws an ice pack'."""
    figure = {"pose": {"position": "supine", "props": ["ice_pack"]}}
    entry = Exercise.model_validate(exercise(equipment=["none"], illustration=figure))
    problems = check_equipment(entry, lambda field, message: Problem("f.yaml", 1, 1, field, message))
    assert [str(p) for p in problems] == [
        "f.yaml:1:1: equipment: expected 'ice_pack' (the figure draws an ice pack), found [none]"
    ]


def test_a_drawn_thing_the_steps_do_not_name_is_still_needed() -> None:
    """A band in the figure needs 'band' even when the steps never say so."""
    figure = {"pose": {"position": "hook_lying", "props": ["mat", "band"]}}
    assert _missing(illustration=figure) == ["band <- band"]


def test_a_chair_as_a_measure_is_not_needed() -> None:
    """'Bend to chair height' and 'level with a chair seat' do not send a runner to fetch a chair."""
    steps = _steps("Bend your knees to chair height.", "Stop with your thighs level with a chair seat.")
    assert _missing(steps=steps) == []


def test_walking_words_are_not_a_step_to_stand_on() -> None:
    """'Step sideways' and 'a long step forward' need no step; 'the bottom stair' does."""
    assert _missing(steps=_steps("Step sideways.", "Take a long step forward.")) == []
    assert _missing(steps=_steps("Rest your heel on the bottom stair.")) == ["step <- bottom stair"]


def test_the_built_in_catalogue_lists_what_it_uses() -> None:
    """No built-in card says 'nothing' (or too little) when its steps or figure use something."""
    shipped = load_catalogue([data_dir("exercises")])
    missing = {e.id: [n.text for n in missing_equipment(e)] for e in shipped.exercises}
    assert {k: v for k, v in missing.items() if v} == {}


def test_the_ice_pack_card_needs_an_ice_pack() -> None:
    """The ice pack card says what it uses: an ice pack and a cloth to wrap it in."""
    shipped = load_catalogue([data_dir("exercises")])
    ice = shipped.get("ice-pack")
    assert ice is not None
    assert {"ice_pack", "towel"} <= set(ice.equipment)


@pytest.mark.parametrize("word", sorted(HOUSEHOLD))
def test_household_things_never_leave_an_exercise_out(word: str) -> None:
    """A runner with no equipment still gets an exercise that needs only a household thing."""
    entry = Exercise.model_validate(exercise(equipment=[word]))
    assert Selector(Catalogue((entry,)), "manage", frozenset(), HOUSEHOLD).allowed(entry)


def test_an_ice_pack_a_towel_and_a_pillow_are_household() -> None:
    """An ice pack (or frozen peas), a heat pack, a towel and a pillow are in every home."""
    assert {"ice_pack", "heat_pack", "towel", "pillow", "mat", "chair", "wall", "step"} <= HOUSEHOLD
