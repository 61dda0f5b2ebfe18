"""Template slots chosen by role: the built-in data has roles, and a slot picks by role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.engine.select import Selector
from hiprehab.model.catalogue import Catalogue
from hiprehab.model.profile import Profile
from hiprehab.model.template import Block, Range
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.exercise import Exercise


def _selector(catalogue: Catalogue, goal: str = "manage", **fields: object) -> Selector:
    profile = Profile.model_validate({"goal": goal, "red_flags": (), **fields})
    return Selector.for_runner(catalogue, default_inputs()[1][goal], profile)


def _copy(exercise_id: str, **changes: object) -> Exercise:
    exercise = default_inputs()[0].get(exercise_id)
    assert exercise is not None
    return exercise.model_copy(update=changes)


def test_every_built_in_exercise_has_a_role() -> None:
    """Each shipped exercise says which slot it fills."""
    catalogue = default_inputs()[0]
    assert [e.id for e in catalogue.exercises if e.role is None] == []


def test_every_built_in_block_names_roles() -> None:
    """Each block of the shipped templates that schedules something names its slots."""
    for template in default_inputs()[1].values():
        blocks = [template.warmup, template.cooldown, template.rest_day]
        blocks += [
            b for p in template.phases for b in (p.strength, p.activation, p.mobility, p.cross_training)
        ]
        for block in blocks:
            if block.sessions or block.exercises.max:
                assert block.roles or block.families, (template.id, block)


def test_a_role_slot_takes_the_nearest_allowed_rung() -> None:
    """A squat slot at level 2 takes the level-2 squat."""
    picks = _selector(default_inputs()[0]).block(Block(roles=("squat",)), 2, 5)
    assert [e.id for e in picks] == ["double-leg-squat"]


def test_an_added_exercise_wins_a_tie_with_a_built_in_one() -> None:
    """A user's own level-1 squat fills the squat slot before the built-in sit-to-stand."""
    shipped = default_inputs()[0]
    mine = _copy("sit-to-stand", id="wall-squat", family="wall-squat")
    catalogue = Catalogue((*shipped.exercises, mine), added=frozenset({"wall-squat"}))
    picks = _selector(catalogue).block(Block(roles=("squat",)), 1, 5)
    assert [e.id for e in picks] == ["wall-squat"]


def test_a_role_repeated_fills_two_families() -> None:
    """Two core slots take two different core families."""
    picks = _selector(default_inputs()[0]).block(Block(roles=("core", "core")), 1, 5)
    assert len({e.family for e in picks}) == 2


def test_a_retired_rung_leaves_the_slot_to_the_next_allowed_choice() -> None:
    """Without sit-to-stand, the squat slot at level 1 takes the next squat rung."""
    shipped = default_inputs()[0]
    catalogue = Catalogue(tuple(e for e in shipped.exercises if e.id != "sit-to-stand"))
    picks = _selector(catalogue).block(Block(roles=("squat",)), 1, 5)
    assert [e.id for e in picks] == ["double-leg-squat"]


def test_kinds_limit_a_role_slot() -> None:
    """A glute-bridge slot limited to isometric holds takes the bridge hold, not the bridge."""
    picks = _selector(default_inputs()[0]).block(Block(roles=("glute-bridge",), kinds=("isometric",)), 1, 5)
    assert [e.id for e in picks] == ["bridge-hold"]


def test_a_pool_by_role_keeps_catalogue_order() -> None:
    """A cardio pool by role lists the cross-training the runner has, in catalogue order."""
    block = Block(roles=("cardio",), exercises=Range(min=1, max=1))
    pool = _selector(default_inputs()[0], equipment=("bike",)).pool(block, ("cardio",))
    assert [e.id for e in pool] == ["brisk-walk", "stationary-cycling", "gentle-yoga"]


def test_a_block_with_families_and_roles_takes_families_first() -> None:
    """Families fill their slots first; a role slot then skips the families already taken."""
    block = Block(families=("front-plank",), roles=("core",))
    picks = _selector(default_inputs()[0]).block(block, 1, 5)
    assert [(e.family == "front-plank", e.role) for e in picks] == [(True, "core"), (False, "core")]


def test_a_family_slot_is_open_to_an_added_exercise_of_its_role() -> None:
    """A slot naming the squat family takes the user's own level-1 squat first."""
    shipped = default_inputs()[0]
    mine = _copy("sit-to-stand", id="wall-squat", family="wall-squat")
    catalogue = Catalogue((*shipped.exercises, mine), added=frozenset({"wall-squat"}))
    picks = _selector(catalogue).block(Block(families=("squat", "bridge")), 1, 5)
    assert [e.id for e in picks] == ["wall-squat", "double-leg-bridge"]
