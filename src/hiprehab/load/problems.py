"""Turn pydantic's validation errors into problems that point at a line.

Every message has the shape ``path:line:col: field.path: what was expected, what
was found``, so a coach can go straight to the line.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.quote import describe, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pydantic_core import ErrorDetails

    from hiprehab.load.yamlio import Document, PathKey

M = TypeVar("M", bound=BaseModel)


def field_path(loc: Sequence[str | int]) -> str:
    """Render ``('exercises', 2, 'dose')`` as ``exercises[2].dose``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """Peel Annotated and Optional off ``annotation``, gathering the metadata."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            base, *extra = get_args(annotation)
            for item in extra:
                # Field(...) inside Annotated keeps its constraints in its own metadata.
                metadata.extend(item.metadata if isinstance(item, FieldInfo) else [item])
            annotation = base
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def _walk(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[Any, list[Any]]:
    """Find the annotation (and its constraints) that ``loc`` points to inside ``model``."""
    annotation: Any = model
    metadata: list[Any] = []
    for part in loc:
        annotation, _ = _strip(annotation)
        if isinstance(part, int):
            args = get_args(annotation)
            if not args:
                return None, []
            annotation, metadata = _strip(args[0])
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(part)
            if info is None:
                return None, []
            annotation, metadata = _strip(info.annotation)
            metadata = [*info.metadata, *metadata]
        else:
            return None, []
    return annotation, metadata


def _bounds(metadata: Iterable[Any]) -> tuple[Any, Any]:
    low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
    high = next((m.le for m in metadata if isinstance(m, Le)), None)
    return low, high


def _range_text(noun: str, metadata: list[Any]) -> str:
    low, high = _bounds(metadata)
    if low is not None and high is not None:
        return f"{noun} from {low} to {high}"
    if low is not None:
        return f"{noun} of at least {low}"
    return noun


_PATH_PART = re.compile(r"([a-z_]+)((?:\[\d+\])*)")


def _parse_path(text: str) -> tuple[str | int, ...] | None:
    """``flags[3].outcome`` as ``("flags", 3, "outcome")``; None if it is not such a path."""
    parts: list[str | int] = []
    for piece in text.split("."):
        match = _PATH_PART.fullmatch(piece)
        if match is None:
            return None
        parts.append(match.group(1))
        parts.extend(int(i) for i in re.findall(r"\d+", match.group(2)))
    return tuple(parts)


def _allowed_keys(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    annotation, _ = _walk(model, loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


_SLUG_TEXT = "a slug (lowercase letters and digits, words joined by single hyphens)"


def error_message(  # noqa: C901, PLR0911 - a dispatch over pydantic error types
    model: type[BaseModel], error: ErrorDetails
) -> tuple[tuple[str | int, ...], str]:
    """Return the location to report and the message for one pydantic error."""
    loc = tuple(error["loc"])
    kind = error["type"]
    found = describe(error["input"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    _, metadata = _walk(model, loc)
    number_kinds = {"int_type", "int_parsing", "int_from_float", "greater_than_equal", "less_than_equal"}
    if kind == "missing":
        return loc, "expected this field, but it is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed)
        return loc, f"unknown field{hint}; expected one of: {', '.join(allowed)}"
    if kind == "literal_error":
        words = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = did_you_mean(error["input"], words)
        return loc, f"expected one of {', '.join(words)}; found {found}{hint}"
    if kind in number_kinds and not any(isinstance(m, float) for m in metadata):
        annotation, _ = _walk(model, loc)
        noun = "a number" if annotation is float else "a whole number"
        return loc, f"expected {_range_text(noun, metadata)}, found {found}"
    simple = {
        "float_type": "expected a number",
        "float_parsing": "expected a number",
        "string_type": "expected text (put it in quotes if it looks like a number or true/false)",
        "bool_type": "expected true or false",
        "bool_parsing": "expected true or false",
        "model_type": "expected a mapping of fields",
        "model_attributes_type": "expected a mapping of fields",
        "dict_type": "expected a mapping of fields",
        "tuple_type": "expected a list",
        "list_type": "expected a list",
        "string_pattern_mismatch": f"expected {_SLUG_TEXT}",
        "date_from_datetime_parsing": "expected a date written YYYY-MM-DD",
        "date_parsing": "expected a date written YYYY-MM-DD",
        "date_type": "expected a date written YYYY-MM-DD",
    }
    if kind in simple:
        return loc, f"{simple[kind]}, found {found}"
    if kind in {"too_short", "too_long"}:
        low = next((m.min_length for m in metadata if isinstance(m, MinLen)), None)
        high = next((m.max_length for m in metadata if isinstance(m, MaxLen)), None)
        count = len(error["input"]) if isinstance(error["input"], list | tuple) else "?"
        if kind == "too_short":
            return loc, f"expected at least {low} item{'s' if low != 1 else ''}, found {count}"
        return loc, f"expected at most {high} items, found {count}"
    if kind == "string_too_short":
        return loc, "expected text, found an empty value"
    if kind == "string_too_long":
        return loc, f"expected at most {ctx.get('max_length')} characters, found a longer text"
    if kind in {"greater_than_equal", "less_than_equal"}:
        noun = "a number"
        return loc, f"expected {_range_text(noun, metadata)}, found {found}"
    if kind == "value_error":
        text = str(error["msg"]).removeprefix("Value error, ")
        # A model-level check names the field it is about as "field: message",
        # or a path into it such as "flags[3].outcome: message".
        head, sep, rest = text.partition(": ")
        path = _parse_path(head) if sep else None
        if path and path[0] in _allowed_keys(model, loc):
            return (*loc, *path), rest
        return loc, text
    return loc, str(error["msg"])


def problems_of(model: type[BaseModel], err: ValidationError, doc: Document) -> list[Problem]:
    """Turn every error of ``err`` into a :class:`Problem` located in ``doc``."""
    problems = []
    errors = err.errors()
    failed = [tuple(e["loc"]) for e in errors]
    for error in errors:
        loc = tuple(error["loc"])
        # pydantic adds "too short after validation" when every item failed: noise.
        if error["type"] == "too_short" and any(f[: len(loc)] == loc and f != loc for f in failed):
            continue
        loc, message = error_message(model, error)
        key = error["type"] == "extra_forbidden"
        line, col = doc.where(loc, key=key)
        problems.append(Problem(doc.path, line, col, field_path(loc), message))
    return problems


def validate_document(model: type[M], doc: Document, loc: PathKey = ()) -> M:
    """Validate ``doc`` against ``model`` or raise every problem at once."""
    if doc.value is None and not loc:
        top = ", ".join(model.model_fields)
        problem = Problem(doc.path, 1, 1, "", f"expected a mapping with the key(s) {top}, the file is empty")
        raise InvalidInputError([problem])
    try:
        return model.model_validate(doc.value)
    except ValidationError as err:
        raise InvalidInputError(problems_of(model, err, doc)) from None
