"""A runner's profile: a YAML file, values given on top of it (flags), checked once by the model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from hiprehab.errors import InvalidInputError, InvalidValueError
from hiprehab.load.catalogue import display_path
from hiprehab.load.problems import error_message, field_path, problems_of, validate_document
from hiprehab.load.yamlio import Document, read_yaml
from hiprehab.model.profile import Profile

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path


def read_profile(path: Path) -> tuple[dict[str, Any], Document]:
    """Read a profile file and check it on its own, so errors point at its lines."""
    doc = read_yaml(path, display_path(path))
    if doc.value is None:
        return {}, doc
    validate_document(Profile, doc)
    if not isinstance(doc.value, dict):  # pragma: no cover - validation rejects it first
        return {}, doc
    return dict(doc.value), doc


def build_profile(path: Path | None = None, values: Mapping[str, Any] | None = None) -> Profile:
    """The profile from ``path`` (if any) with ``values`` laid over it, checked by the model.

    A problem in the file is an :class:`InvalidInputError` at its line; a problem
    with one of ``values`` is a :class:`InvalidValueError` naming that field, so a
    caller can name it the way the user gave it (the command line shows the flag).
    """
    given: dict[str, Any] = {}
    doc = None
    if path is not None:
        given, doc = read_profile(path)
    overrides = dict(values or {})
    given.update(overrides)
    try:
        return Profile.model_validate(given)
    except ValidationError as err:
        for error in err.errors():
            loc, message = error_message(Profile, error)
            name = str(loc[0]) if loc else ""
            if doc is None or name in overrides:
                raise InvalidValueError(name or field_path(loc), message) from None
        assert doc is not None  # noqa: S101 - every error above was about the file
        raise InvalidInputError(problems_of(Profile, err, doc)) from None
