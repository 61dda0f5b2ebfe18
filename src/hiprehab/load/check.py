"""What a catalogue check says beyond problems: warnings about exercises a plan does not use as written.

- *never planned*: no slot of any loaded template can ever pick the exercise, nor
  reach it as an easier or harder rung of one it picks;
- *dose changed*: a phase's dose ranges start the exercise at another dose than
  its catalogue's (the plan prints the template's).

Both follow the engine's own selection and dose rules (:mod:`hiprehab.engine.select`,
:func:`hiprehab.engine.schedule.slots`), for a runner with every piece of equipment
and nothing to avoid: a warning means no runner at all gets the exercise as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.engine.progress import Track, range_fields
from hiprehab.engine.schedule import slots
from hiprehab.engine.select import Selector
from hiprehab.errors import InputWarning
from hiprehab.vocab import EQUIPMENT, MAX_LEVEL
from hiprehab.wording import dose_text

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from hiprehab.engine.schedule import Slot
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.exercise import Dose, Exercise
    from hiprehab.model.template import Template


@dataclass(frozen=True)
class _DoseChange:
    template: Template
    slot: Slot
    track: Track


def _open_selector(catalogue: Catalogue, template: Template) -> Selector:
    """A selector for a runner who has everything and needs to avoid nothing."""
    return Selector(catalogue, template.exercise_goal, frozenset(), frozenset(EQUIPMENT))


def _reached(selector: Selector, exercise: Exercise, slot: Slot) -> list[Exercise]:
    """``exercise`` and the rungs a plan reaches from it: every easier one, the harder ones it climbs to."""
    found = [exercise]
    kinds, ceiling = (slot.block.kinds, slot.max_level) if slot.progressive else ((), MAX_LEVEL)
    for step in (selector.easier, lambda e: selector.next_rung(e, kinds, ceiling)):
        rung = step(exercise)
        while rung is not None:
            found.append(rung)
            rung = step(rung)
    return found


def _as_dose(track: Track) -> Dose:
    """The sets and amount of ``track``, as the warning words them (no rest or tempo)."""
    return track.as_dose().model_copy(update={"rest_s": None, "tempo": None})


def _written(exercise: Exercise) -> Track:
    """The dose written in the catalogue, as a track."""
    dose = exercise.dose
    return Track(exercise, dose.sets, int(dose.reps or dose.hold_s or round(dose.duration_min or 1)))


def _changed(track: Track) -> bool:
    return (track.sets, track.amount) != (track.exercise.dose.sets, _written(track.exercise).amount)


def _survey(
    catalogue: Catalogue, templates: Mapping[str, Template]
) -> tuple[set[str], dict[str, list[_DoseChange]]]:
    """The ids some slot plans, and the phases that start each at another dose than its own."""
    planned: set[str] = set()
    changes: dict[str, list[_DoseChange]] = {}
    for template in templates.values():
        selector = _open_selector(catalogue, template)
        for slot in slots(template):
            filled = (
                e
                for e in catalogue.exercises
                if selector.could_fill(slot.block, e, slot.max_level, slot.default_kinds)
            )
            for rung in (r for e in filled for r in _reached(selector, e, slot)):
                planned.add(rung.id)
                track = slot.dose(rung, template)
                if track is None or not _changed(track):
                    continue
                found = changes.setdefault(rung.id, [])
                if not any(c.template is template and c.slot.phase is slot.phase for c in found):
                    found.append(_DoseChange(template, slot, track))
    return planned, changes


def catalogue_warnings(
    catalogue: Catalogue, templates: Mapping[str, Template], *, about: Callable[[str], bool] = lambda _: True
) -> list[InputWarning]:
    """The warnings of ``catalogue`` against every template, for the exercises ``about`` selects."""
    planned, changes = _survey(catalogue, templates)
    warnings: list[InputWarning] = []
    for exercise in catalogue.exercises:
        if not about(exercise.id):
            continue
        if exercise.id not in planned:
            warnings.append(_never_planned(catalogue, exercise))
        elif exercise.id in changes:
            warnings.append(_dose_changed(catalogue, exercise, changes[exercise.id]))
    return warnings


def _never_planned(catalogue: Catalogue, exercise: Exercise) -> InputWarning:
    origin = catalogue.origins[exercise.id]
    role = f"role '{exercise.role}' or " if exercise.role else ""
    article = "an" if exercise.kind[0] in "aeiou" else "a"
    fix = "add the role to a slot" if exercise.role else "give it a role a slot takes"
    message = (
        f"'{exercise.id}' is never planned: no slot of the templates for goal {' or '.join(exercise.goals)} "
        f"takes {role}family '{exercise.family}' for {article} {exercise.kind} exercise "
        f"at level {exercise.level}; "
        f"{fix}, or use a family a slot already takes"
    )
    return InputWarning(*origin.at("role" if exercise.role else "family"), message)


def _dose_changed(catalogue: Catalogue, exercise: Exercise, changes: list[_DoseChange]) -> InputWarning:
    origin = catalogue.origins[exercise.id]
    first = changes[0]
    phase = first.slot.phase
    written = _written(exercise)
    where = (f"phase '{phase.id}' of " if phase is not None else "") + f"goal '{first.template.id}'"
    sets_field, amount_field = range_fields(exercise)
    bounds = [
        f"{name} from {getattr(phase.dose, name).min} to {getattr(phase.dose, name).max}"
        for name, differs in (
            (sets_field, first.track.sets != written.sets),
            (amount_field, first.track.amount != written.amount),
        )
        if phase is not None and name is not None and differs
    ]
    rule = (
        f"allows {' and '.join(bounds)}"
        if first.slot.name != "warmup"
        else f"keeps still holds before a run under {first.template.pre_run_static_max_s} s in all"
    )
    more = len(changes) - 1
    others = f" ({more} more phase{'s' if more != 1 else ''} change it too)" if more else ""
    message = (
        f"'{exercise.id}' is planned at {dose_text(_as_dose(first.track))}, not the "
        f"{dose_text(_as_dose(written))} written here: {where} {rule}{others}; "
        "change the dose here or that range in the template"
    )
    return InputWarning(*origin.at("dose"), message)
