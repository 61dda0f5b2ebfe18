"""The exercise catalogue's models: one :class:`Exercise` per entry."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, Field, StrictBool, StrictFloat, StrictInt, model_validator

from hiprehab.model.base import ShortText, Slug, Strict, Text, no_repeats, none_alone
from hiprehab.model.illustration import Illustration
from hiprehab.vocab import MAX_LEVEL, AvoidWord, Equipment, Goal, Kind, Position, Role, Target

# Sanity bounds of the schema. The clinical ranges per goal and phase are named
# settings in the templates (docs/evidence.md 5.1); these only catch typos.
Sets = Annotated[StrictInt, Field(ge=1, le=10)]
Reps = Annotated[StrictInt, Field(ge=1, le=50)]
HoldSeconds = Annotated[StrictInt, Field(ge=1, le=600)]
Minutes = Annotated[StrictFloat, Field(ge=0.5, le=120)]
RestSeconds = Annotated[StrictInt, Field(ge=0, le=600)]


class Dose(Strict):
    """How much of an exercise: sets of reps, holds or minutes."""

    sets: Sets
    reps: Reps | None = None
    hold_s: HoldSeconds | None = None
    duration_min: Minutes | None = None
    per_side: StrictBool = False
    rest_s: RestSeconds | None = None
    tempo: ShortText | None = None

    @model_validator(mode="after")
    def _one_measure(self) -> Self:
        given = [n for n in ("reps", "hold_s", "duration_min") if getattr(self, n) is not None]
        if len(given) != 1:
            found = ", ".join(given) if given else "none"
            msg = f"expected exactly one of reps, hold_s or duration_min, found {found}"
            raise ValueError(msg)
        return self


class Exercise(Strict):
    """One entry of the catalogue."""

    id: Slug
    name: ShortText
    kind: Kind
    family: Slug
    role: Role | None = None
    """The template slot it can fill (docs/template-format.md, "Slots: families and roles")."""
    level: Annotated[StrictInt, Field(ge=1, le=MAX_LEVEL)] = 1
    summary: Text
    targets: Annotated[tuple[Target, ...], Field(min_length=1), AfterValidator(no_repeats)]
    position: Position
    equipment: Annotated[
        tuple[Equipment, ...], Field(min_length=1), AfterValidator(no_repeats), AfterValidator(none_alone)
    ]
    dose: Dose
    goals: Annotated[tuple[Goal, ...], Field(min_length=1), AfterValidator(no_repeats)]
    steps: Annotated[tuple[Text, ...], Field(min_length=3)]
    cues: Annotated[tuple[Text, ...], Field(min_length=1)]
    mistakes: Annotated[tuple[Text, ...], Field(min_length=1)]
    avoid_if: Annotated[tuple[AvoidWord, ...], AfterValidator(no_repeats)] = ()
    avoid_note: Text | None = None
    sources: Annotated[tuple[Text, ...], Field(min_length=1)]
    illustration: Illustration | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.avoid_if and self.avoid_note is None:
            msg = "avoid_note: expected one sentence on why (avoid_if is not empty), it is missing"
            raise ValueError(msg)
        return self

    @property
    def needs(self) -> frozenset[str]:
        """Equipment the runner must have for this exercise."""
        return frozenset(e for e in self.equipment if e != "none")


class CatalogueFile(Strict):
    """The top level of a catalogue file."""

    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]


RETIRED_FILE = "retired.yaml"
"""The file of a catalogue folder that lists built-in (or earlier) exercises to leave out."""


class RetiredFile(Strict):
    """``retired.yaml``: ids of exercises of earlier layers that plans leave out."""

    retire: tuple[Slug, ...] = ()
    """A repeated id is reported where it repeats, with every other problem of the file."""
