"""Doses and week-to-week progression: one change at a time (docs/evidence.md 1.1, 5.1).

The order of changes is: more reps (or a longer hold) within the phase's range,
then one more set, then the next rung of the family's ladder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from hiprehab.model.exercise import Dose
from hiprehab.model.template import Range

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hiprehab.engine.select import Selector
    from hiprehab.model.exercise import Exercise
    from hiprehab.model.template import DoseRanges


_ONE = Range.model_construct(min=1, max=1)  # cardio is one continuous bout
_ANY = Range.model_construct(min=1, max=600)  # mobility drills keep their catalogue dose


@dataclass(frozen=True)
class Track:
    """Where one family stands: its rung and this week's dose."""

    exercise: Exercise
    sets: int
    amount: int
    """Reps, or hold seconds, or minutes, depending on the exercise's dose."""

    def as_dose(self) -> Dose:
        """This dose as a catalogue dose: its sets and amount, the exercise's side, rest and tempo."""
        how = measure(self.exercise)
        given = self.exercise.dose
        return Dose(
            sets=self.sets,
            reps=self.amount if how == "reps" else None,
            hold_s=self.amount if how == "hold_s" else None,
            duration_min=float(self.amount) if how == "duration_min" else None,
            per_side=given.per_side,
            rest_s=given.rest_s,
            tempo=given.tempo,
        )


def measure(exercise: Exercise) -> str:
    """``reps``, ``hold_s`` or ``duration_min``: what the dose counts."""
    if exercise.dose.reps is not None:
        return "reps"
    if exercise.dose.hold_s is not None:
        return "hold_s"
    return "duration_min"


def range_fields(exercise: Exercise) -> tuple[str | None, str | None]:
    """The phase's dose ranges (fields of ``dose``) that bound an exercise's sets and amount.

    None where nothing in the template bounds it: cardio is one continuous bout, and
    mobility drills keep their catalogue count.
    """
    kind = exercise.kind
    how = measure(exercise)
    if kind == "stretch":
        return "stretch_reps", "stretch_hold_s"
    if kind == "cardio":
        return None, "cardio_min"
    if how == "hold_s":
        return ("holds" if kind == "isometric" else "sets"), "hold_s"
    if how == "reps":
        return "sets", ("reps_per_side" if exercise.dose.per_side else "reps")
    return "sets", None


def _ranges(exercise: Exercise, dose: DoseRanges) -> tuple[Range, Range]:
    """(sets range, amount range) of an exercise in a phase."""
    sets_field, amount_field = range_fields(exercise)
    sets: Range = getattr(dose, sets_field) if sets_field else _ONE
    amount: Range = getattr(dose, amount_field) if amount_field else _ANY
    return sets, amount


def _default_amount(exercise: Exercise) -> int:
    dose = exercise.dose
    return int(dose.reps or dose.hold_s or round(dose.duration_min or 1))


def as_given(exercise: Exercise) -> Track:
    """The exercise at its catalogue dose, for parts the template does not bound (warm-up, cool-down)."""
    return Track(exercise, exercise.dose.sets, _default_amount(exercise))


def before_run(exercise: Exercise, static_max_s: int) -> Track:
    """A warm-up's dose: its catalogue dose, still holds kept under ``static_max_s`` in all (Behm 2016)."""
    if exercise.dose.hold_s is None:
        return as_given(exercise)
    hold = min(exercise.dose.hold_s, static_max_s)
    sets = max(1, min(exercise.dose.sets, static_max_s // max(hold, 1)))
    return Track(exercise, sets, hold)


def start(exercise: Exercise, dose: DoseRanges) -> Track:
    """The first dose of an exercise: its catalogue dose moved inside the phase's ranges."""
    sets_range, amount_range = _ranges(exercise, dose)
    return Track(
        exercise, sets_range.clamp(exercise.dose.sets), amount_range.clamp(_default_amount(exercise))
    )


def fit(track: Track, dose: DoseRanges) -> Track:
    """Keep a track's dose inside a (new) phase's ranges."""
    sets_range, amount_range = _ranges(track.exercise, dose)
    return replace(track, sets=sets_range.clamp(track.sets), amount=amount_range.clamp(track.amount))


def advance(
    track: Track, dose: DoseRanges, selector: Selector, kinds: Sequence[str], max_level: int
) -> tuple[Track, str | None]:
    """Make one change to a track, and say what it was (None when it holds)."""
    sets_range, amount_range = _ranges(track.exercise, dose)
    how = measure(track.exercise)
    step = {"reps": dose.reps_step, "hold_s": dose.hold_step_s, "duration_min": dose.cardio_step_min}[how]
    unit = {"reps": "reps", "hold_s": "seconds", "duration_min": "minutes"}[how]
    if track.amount < amount_range.max:
        amount = min(amount_range.max, track.amount + step)
        added = amount - track.amount
        return replace(track, amount=added + track.amount), f"+{added} {unit[:-1] if added == 1 else unit}"
    if track.sets < sets_range.max:
        # Keep the work of the sets before (2 x 12 becomes 3 x 8), never below the range.
        amount = amount_range.clamp(math.ceil(track.amount * track.sets / (track.sets + 1)))
        return replace(track, sets=track.sets + 1, amount=amount), f"one more set, {amount} {unit} each"
    harder = selector.next_rung(track.exercise, kinds, max_level)
    if harder is None:
        return track, None
    moved = start(harder, dose)
    return moved, f"next rung: {harder.name}"


def step_back(track: Track, dose: DoseRanges, selector: Selector) -> tuple[Track, str]:
    """One step down after a red week: a set fewer, else the easier rung, else the fewest reps or seconds."""
    sets_range, amount_range = _ranges(track.exercise, dose)
    if track.sets > sets_range.min:
        return replace(track, sets=track.sets - 1), "one set fewer after a painful week"
    easier = selector.easier(track.exercise)
    if easier is not None:
        moved = start(easier, dose)
        # Never more sets, nor more of the same measure, than the harder rung had.
        same = measure(easier) == measure(track.exercise)
        amount = min(moved.amount, track.amount) if same else moved.amount
        return replace(moved, sets=min(moved.sets, track.sets), amount=amount), (
            f"back to an easier rung: {easier.name}"
        )
    amount = amount_range.min
    return replace(track, amount=amount), "back to the lightest dose after a painful week"


def lighter(track: Track, dose: DoseRanges, drop: int) -> Track:
    """A lighter week's dose: ``drop`` sets fewer, never below the range."""
    sets_range, _ = _ranges(track.exercise, dose)
    return replace(track, sets=max(sets_range.min, track.sets - drop))
