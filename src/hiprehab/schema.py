"""JSON Schemas (draft-07, which editors' YAML plugins understand) for every file format.

The shipped files in ``schema/`` are generated from the models; a test checks they
match. Regenerate them with ``python -m hiprehab.schema``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, get_args

from hiprehab.model.exercise import CatalogueFile
from hiprehab.model.plan import FORMAT, Outcome, Part, SessionType
from hiprehab.model.profile import Profile
from hiprehab.model.screening import ScreeningRules
from hiprehab.model.template import Template
from hiprehab.resources import data_dir
from hiprehab.vocab import UNITS, WEEKDAYS

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic import BaseModel

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _draft07(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    out: dict[str, Any] = {"$schema": DRAFT_07, **schema, "title": title}
    if definitions:
        out["definitions"] = definitions
    return out


_NUMBER_OR_NULL = {"type": ["number", "null"]}
_INT_OR_NULL = {"type": ["integer", "null"]}
_STR_OR_NULL = {"type": ["string", "null"]}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

PLAN_SCHEMA: dict[str, Any] = {
    "$schema": DRAFT_07,
    "title": f"hiprehab plan ({FORMAT})",
    "type": "object",
    "required": ["format", "goal", "start", "end", "screening", "profile", "weeks"],
    "properties": {
        "format": {"const": FORMAT},
        "goal": {"type": "string"},
        "goal_title": {"type": "string"},
        "start": _DATE,
        "end": _DATE,
        "screening": {
            "type": "object",
            "required": ["outcome", "reasons"],
            "properties": {
                "outcome": {"enum": list(get_args(Outcome))},
                "reasons": {"type": "array", "items": {"type": "string"}},
                "flags": {"type": "array", "items": {"type": "string"}},
            },
        },
        "profile": {"type": "object"},
        "notices": {"type": "array", "items": {"type": "string"}},
        "library": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Exercise ids in the order of the PDF's exercise library: card n is item n.",
        },
        "weeks": {"type": "array", "items": {"$ref": "#/definitions/week"}},
    },
    "definitions": {
        "week": {
            "type": "object",
            "required": ["number", "phase", "deload", "days"],
            "properties": {
                "number": {"type": "integer", "minimum": 1},
                "phase": {"type": "string"},
                "phase_title": {"type": "string"},
                "deload": {"type": "boolean"},
                "running_target": _NUMBER_OR_NULL,
                "days": {
                    "type": "array",
                    "minItems": 7,
                    "maxItems": 7,
                    "items": {"$ref": "#/definitions/day"},
                },
            },
        },
        "day": {
            "type": "object",
            "required": ["date", "weekday", "sessions"],
            "properties": {
                "date": _DATE,
                "weekday": {"enum": list(WEEKDAYS)},
                "sessions": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/session"}},
            },
        },
        "session": {
            "type": "object",
            "required": ["type", "title", "items", "run"],
            "properties": {
                "type": {"enum": list(get_args(SessionType))},
                "title": {"type": "string"},
                "note": _STR_OR_NULL,
                "items": {"type": "array", "items": {"$ref": "#/definitions/item"}},
                "run": {"oneOf": [{"type": "null"}, {"$ref": "#/definitions/run"}]},
            },
        },
        "item": {
            "type": "object",
            "required": [
                "exercise",
                "kind",
                "sets",
                "reps",
                "hold_s",
                "duration_min",
                "per_side",
                "rest_s",
                "easier",
                "harder",
            ],
            "properties": {
                "exercise": {"type": "string"},
                "name": {"type": "string"},
                "kind": {"type": "string"},
                "sets": {"type": "integer", "minimum": 1},
                "reps": _INT_OR_NULL,
                "hold_s": _INT_OR_NULL,
                "duration_min": _NUMBER_OR_NULL,
                "per_side": {"type": "boolean"},
                "rest_s": _INT_OR_NULL,
                "easier": _STR_OR_NULL,
                "harder": _STR_OR_NULL,
                "part": {"enum": list(get_args(Part))},
                "optional": {"type": "boolean"},
                "change": _STR_OR_NULL,
            },
        },
        "run": {
            "type": "object",
            "required": ["total_min", "distance_km", "intervals"],
            "properties": {
                "total_min": {
                    "type": ["number", "null"],
                    "description": "Minutes, for runs set by time; null for runs set by distance.",
                },
                "distance_km": _NUMBER_OR_NULL,
                "distance": _NUMBER_OR_NULL,
                "units": {"enum": list(UNITS)},
                "stage": _INT_OR_NULL,
                "long_run": {"type": "boolean"},
                "intervals": {
                    "oneOf": [
                        {"type": "null"},
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["run_min", "walk_min", "repeats"],
                                "properties": {
                                    "run_min": {"type": "number"},
                                    "walk_min": {"type": "number"},
                                    "repeats": {"type": "integer", "minimum": 1},
                                },
                            },
                        },
                    ]
                },
            },
        },
    },
}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by file name."""
    return {
        "catalogue.schema.json": _draft07(CatalogueFile, "hiprehab exercise catalogue file"),
        "template.schema.json": _draft07(Template, "hiprehab goal template"),
        "screening.schema.json": _draft07(ScreeningRules, "hiprehab red-flag screening rules"),
        "profile.schema.json": _draft07(Profile, "hiprehab runner profile"),
        "plan.schema.json": PLAN_SCHEMA,
    }


def schema_text(schema: dict[str, Any]) -> str:
    """Stable JSON text for a schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for written_path in write_schemas(data_dir("schema")):
        print(written_path)  # noqa: T201
