"""Turn pydantic's validation errors into problems that point at a line.

Every message has the shape ``path:line:col: field.path: what was expected, what
was found``, so a coach can go straight to the line.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from hiprehab.errors import MAX_PROBLEMS_PER_FILE, InvalidInputError, Problem, more_problems
from hiprehab.quote import describe, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

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


def _is_noise(error: ErrorDetails, failed: set[tuple[str | int, ...]]) -> bool:
    """True for the "too short" error pydantic adds when every item of a list failed (noise)."""
    if error["type"] != "too_short":
        return False
    loc = tuple(error["loc"])
    return any(f[: len(loc)] == loc and f != loc for f in failed)


def _problems(
    model: type[BaseModel], errors: Sequence[ErrorDetails], doc: Document, prefix: PathKey = ()
) -> list[Problem]:
    """Word up to one more than a file shows of ``errors``, then one line counting the rest."""
    failed = {tuple(e["loc"]) for e in errors}
    problems: list[Problem] = []
    for done, error in enumerate(errors):
        if _is_noise(error, failed):
            continue
        if len(problems) > MAX_PROBLEMS_PER_FILE:
            rest = sum(not _is_noise(e, failed) for e in errors[done:])
            last = problems[-1]
            problems.append(more_problems(doc.path, last.line, last.column, rest))
            break
        loc, message = error_message(model, {**error, "loc": (*prefix, *error["loc"])})
        key = error["type"] == "extra_forbidden"
        line, col = doc.where(loc, key=key)
        problems.append(Problem(doc.path, line, col, field_path(loc), message))
    return problems


def problems_of(model: type[BaseModel], err: ValidationError, doc: Document) -> list[Problem]:
    """Turn the errors of ``err`` into :class:`Problem` s located in ``doc`` (a file's worth of them)."""
    return _problems(model, err.errors(include_url=False), doc)


def _item_models(model: type[BaseModel]) -> Iterator[tuple[str, type[BaseModel]]]:
    """The top-level fields of ``model`` that hold a list of models, with that model."""
    for name, info in model.model_fields.items():
        annotation, _ = _strip(info.annotation)
        if get_origin(annotation) in (tuple, list):
            item, _ = _strip(get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                yield name, item


def _check_items(model: type[BaseModel], doc: Document) -> None:
    """Check a long list one item at a time, and stop once a file's worth of problems is found.

    A file of a hundred thousand empty entries then costs a few items' checking,
    not millions of messages nobody reads.
    """
    if not isinstance(doc.value, dict):
        return
    for name, item_model in _item_models(model):
        items = doc.value.get(name)
        if not isinstance(items, list) or len(items) <= MAX_PROBLEMS_PER_FILE:
            continue
        adapter: TypeAdapter[Any] = TypeAdapter(item_model)
        problems: list[Problem] = []
        for index, item in enumerate(items):
            try:
                adapter.validate_python(item)
            except ValidationError as err:
                problems.extend(_problems(model, err.errors(include_url=False), doc, (name, index)))
            if len(problems) > MAX_PROBLEMS_PER_FILE and index < len(items) - 1:
                last = problems[-1]
                raise InvalidInputError([*problems, more_problems(doc.path, last.line, last.column, None)])


def validate_document(model: type[M], doc: Document, loc: PathKey = ()) -> M:
    """Validate ``doc`` against ``model`` or raise every problem at once (a file's worth)."""
    if doc.value is None and not loc:
        top = ", ".join(model.model_fields)
        problem = Problem(doc.path, 1, 1, "", f"expected a mapping with the key(s) {top}, the file is empty")
        raise InvalidInputError([problem])
    _check_items(model, doc)
    try:
        return model.model_validate(doc.value)
    except ValidationError as err:
        raise InvalidInputError(problems_of(model, err, doc)) from None
