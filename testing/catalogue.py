"""Catalogue entries for tests: one valid exercise, changed only where a test says."""

from __future__ import annotations

from typing import Any


def exercise(exercise_id: str, family: str, level: int = 1, **changes: Any) -> dict[str, Any]:
    """A valid exercise entry, with ``changes`` applied."""
    entry: dict[str, Any] = {
        "id": exercise_id,
        "name": f"Exercise {exercise_id}",
        "kind": "strength",
        "family": family,
        "level": level,
        "summary": "Lifts the hips off the floor.",
        "targets": ["glute_max"],
        "position": "supine",
        "equipment": ["mat"],
        "dose": {"sets": 2, "reps": 10},
        "goals": ["manage"],
        "steps": ["Lie on your back.", "Lift your hips.", "Lower them slowly."],
        "cues": ["Squeeze your buttocks."],
        "mistakes": ["Arching your back."],
        "sources": ["Fixture source. https://example.org/"],
    }
    return entry | changes
