"""Shared building blocks of the validated models."""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, StrictStr, StringConstraints

T = TypeVar("T")

SLUG_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Slug = Annotated[StrictStr, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=60)]


def no_repeats(values: tuple[T, ...]) -> tuple[T, ...]:
    """Reject a list that names the same word twice."""
    seen: set[T] = set()
    for value in values:
        if value in seen:
            msg = f"expected each word once, found '{value}' twice"
            raise ValueError(msg)
        seen.add(value)
    return values


class Strict(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)
