"""The plan as JSON: the contract other tools and the PDF share (format hiprehab-plan/1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from hiprehab.model.plan import FORMAT, library_cards
from hiprehab.wording import notice_text

if TYPE_CHECKING:
    from hiprehab.model.plan import Item, Plan, Run, Session


def _item(item: Item) -> dict[str, Any]:
    return {
        "exercise": item.exercise.id,
        "name": item.exercise.name,
        "kind": item.exercise.kind,
        "sets": item.sets,
        "reps": item.reps,
        "hold_s": item.hold_s,
        "duration_min": item.duration_min,
        "per_side": item.per_side,
        "rest_s": item.rest_s,
        "easier": item.easier.id if item.easier else None,
        "harder": item.harder.id if item.harder else None,
        "part": item.part,
        "optional": item.optional,
        "change": item.change,
    }


def _run(run: Run | None) -> dict[str, Any] | None:
    if run is None:
        return None
    intervals = None
    if run.intervals is not None:
        intervals = [
            {"run_min": i.run_min, "walk_min": i.walk_min, "repeats": i.repeats} for i in run.intervals
        ]
    return {
        "total_min": run.total_min,
        "distance_km": run.distance_km,
        "distance": run.distance,
        "units": run.units,
        "intervals": intervals,
        "stage": run.stage,
        "long_run": run.long_run,
    }


def _session(session: Session) -> dict[str, Any]:
    return {
        "type": session.type,
        "title": session.title,
        "note": session.note,
        "items": [_item(i) for i in session.items],
        "run": _run(session.run),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-ready values (see schema/plan.schema.json)."""
    return {
        "format": FORMAT,
        "goal": plan.template.id,
        "goal_title": plan.template.title,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "screening": {
            "outcome": plan.screening.outcome,
            "reasons": list(plan.screening.reasons),
            "flags": list(plan.screening.flags),
        },
        "profile": plan.profile.model_dump(mode="json"),
        "notices": [notice_text(n) for n in plan.notices],
        "weeks": [
            {
                "number": week.number,
                "phase": week.phase.id,
                "phase_title": week.phase.title,
                "deload": week.deload,
                "running_target": week.running_target,
                "days": [
                    {
                        "date": day.date.isoformat(),
                        "weekday": day.weekday,
                        "sessions": [_session(s) for s in day.sessions],
                    }
                    for day in week.days
                ],
            }
            for week in plan.weeks
        ],
        "library": [e.id for e in library_cards(plan)],  # card n of the printed library is library[n - 1]
    }


def plan_to_json(plan: Plan, *, compact: bool = False) -> str:
    """The plan as JSON text, stable byte for byte.

    Indented for people to read, or ``compact``: one line without spaces, the
    same values, written by Python's C encoder several times faster (the copy
    embedded in the PDF, which programs read).
    """
    if compact:
        return json.dumps(plan_to_dict(plan), ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
