"""Plain-text views of catalogue entries for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.wording import dose_text

if TYPE_CHECKING:
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.exercise import Exercise


def exercise_text(catalogue: Catalogue, exercise: Exercise) -> str:
    """Everything about one exercise, for ``hiprehab exercises show``."""
    easier = catalogue.easier(exercise)
    harder = catalogue.harder(exercise)
    origin = catalogue.origins.get(exercise.id)
    lines = [
        f"{exercise.name} ({exercise.id})",
        exercise.summary,
        "",
        f"Kind: {exercise.kind}    Family: {exercise.family}, level {exercise.level}"
        + (f"    Role: {exercise.role}" if exercise.role else ""),
        f"Position: {exercise.position.replace('_', '-')}    Equipment: {', '.join(exercise.equipment)}",
        f"Targets: {', '.join(t.replace('_', ' ') for t in exercise.targets)}",
        f"Goals: {', '.join(exercise.goals)}",
        f"Dose: {dose_text(exercise.dose)}",
        "",
        "Steps:",
        *(f"  {i}. {step}" for i, step in enumerate(exercise.steps, 1)),
        "Cues:",
        *(f"  - {cue}" for cue in exercise.cues),
        "Mistakes to avoid:",
        *(f"  - {m}" for m in exercise.mistakes),
    ]
    if exercise.avoid_if:
        lines += [
            "",
            f"Never given for: {', '.join(exercise.avoid_if)}. {exercise.avoid_note or ''}".rstrip(),
        ]
    lines += [
        "",
        f"Easier: {easier.name} ({easier.id})" if easier else "Easier: none (first rung)",
        f"Harder: {harder.name} ({harder.id})" if harder else "Harder: none (top rung)",
        "Sources:",
        *(f"  - {s}" for s in exercise.sources),
    ]
    if origin is not None:
        lines.append(f"Defined in {origin.path}:{origin.line}")
    return "\n".join(lines)
