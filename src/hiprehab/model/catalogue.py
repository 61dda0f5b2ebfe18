"""The loaded catalogue: every exercise by id, its ladders, and where each came from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from hiprehab.model.exercise import Exercise


@dataclass(frozen=True)
class Origin:
    """Where an exercise was defined."""

    path: str
    line: int
    column: int
    folder: Path
    index: int = field(default=0, compare=False)
    """Its place in the file's ``exercises`` list."""
    marks: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    """Line and column of some of its fields (``role``, ``family``, ``level``, ``dose``...)."""

    def at(self, key: str) -> tuple[str, int, int, str]:
        """Path, line, column and field path of one of its fields (of the entry, if not marked)."""
        line, column = self.marks.get(key, (self.line, self.column))
        return self.path, line, column, f"exercises[{self.index}].{key}"


@dataclass(frozen=True)
class Replacement:
    """An exercise of an earlier layer replaced by a later one with the same id."""

    id: str
    old: Origin
    new: Origin
    same: bool = field(default=False, compare=False)
    """True when the later exercise is an unchanged copy (the folder ``catalogue init`` made)."""


@dataclass(frozen=True)
class Retirement:
    """An exercise that a folder's ``retired.yaml`` leaves out (its own copy, or an earlier folder's)."""

    id: str
    old: Origin
    by: Origin
    """Where ``retired.yaml`` names it."""
    built_in: bool = False
    """True for an id of the built-in catalogue (retired from the folder's copy or the original)."""
    exercise: Exercise | None = field(default=None, compare=False, repr=False)
    """The exercise left out."""


@dataclass(frozen=True)
class Catalogue:
    """Every exercise loaded, by id, with ladders for progression."""

    exercises: tuple[Exercise, ...]
    origins: dict[str, Origin] = field(default_factory=dict, compare=False, repr=False)
    replacements: tuple[Replacement, ...] = ()
    files: tuple[str, ...] = ()
    added: frozenset[str] = frozenset()
    """Ids the built-in catalogue does not have: the user's own exercises."""
    retired: tuple[Retirement, ...] = ()
    """Exercises left out by a ``retired.yaml``; no plan, card or rung link uses them."""

    @property
    def retired_names(self) -> frozenset[str]:
        """The families and roles of the retired exercises: a template may still name them."""
        gone = [r.exercise for r in self.retired if r.exercise is not None]
        return frozenset(e.family for e in gone) | frozenset(e.role for e in gone if e.role is not None)

    def __post_init__(self) -> None:
        by_id = {e.id: e for e in self.exercises}
        ladders: dict[str, list[Exercise]] = defaultdict(list)
        for exercise in self.exercises:
            ladders[exercise.family].append(exercise)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(
            self, "_ladders", {k: tuple(sorted(v, key=lambda e: e.level)) for k, v in ladders.items()}
        )

    def get(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id, if loaded."""
        by_id: dict[str, Exercise] = getattr(self, "_by_id")  # noqa: B009 - set in __post_init__
        return by_id.get(exercise_id)

    def ladder(self, family: str) -> tuple[Exercise, ...]:
        """The rungs of a family, easiest first."""
        ladders: dict[str, tuple[Exercise, ...]] = getattr(self, "_ladders")  # noqa: B009
        return ladders.get(family, ())

    @property
    def families(self) -> tuple[str, ...]:
        """Every family name, sorted."""
        ladders: dict[str, tuple[Exercise, ...]] = getattr(self, "_ladders")  # noqa: B009
        return tuple(sorted(ladders))

    def easier(self, exercise: Exercise) -> Exercise | None:
        """The rung below, if any."""
        rungs = self.ladder(exercise.family)
        index = rungs.index(exercise)
        return rungs[index - 1] if index > 0 else None

    def harder(self, exercise: Exercise) -> Exercise | None:
        """The rung above, if any."""
        rungs = self.ladder(exercise.family)
        index = rungs.index(exercise)
        return rungs[index + 1] if index + 1 < len(rungs) else None
