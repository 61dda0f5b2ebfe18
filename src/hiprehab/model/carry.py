"""Where a runner stands at the end of a block, for the next block to start from.

``hiprehab review`` fills it in from the log; the engine starts the next block
from it instead of from the catalogue's first rungs and doses. Each ``move`` is
the decision the plan's pain rules gave for that group: ``up`` makes one
change at the start, ``hold`` keeps the dose, ``back`` takes one step down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Move = Literal["up", "hold", "back"]


@dataclass(frozen=True)
class CarriedTrack:
    """One exercise family of a progressive block (strength, activation) as last done."""

    block: Literal["strength", "activation"]
    family: str
    exercise: str
    """The exercise id of the rung reached."""
    sets: int
    amount: int
    """Reps, hold seconds or minutes, whichever the exercise's dose counts."""
    move: Move = "hold"


@dataclass(frozen=True)
class Carry:
    """The start of a next block: phase, rungs and doses, running stage, and the decisions."""

    phase: str
    """The id of the phase the last block ended in; the next block starts there."""
    tracks: tuple[CarriedTrack, ...] = ()
    walk_run_stage: int | None = None
    """The walk-run stage (from 1) of the last run done, when the runner was on the ladder."""
    walk_run_repeats: int = 1
    """How many runs at that stage were done."""
    running: Move = "hold"
