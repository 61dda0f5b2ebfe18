"""Shared building blocks of the validated models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, StrictStr, StringConstraints

T = TypeVar("T")

# Plans start inside this range, so every date of a 52-week plan can be written.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2999, 12, 31)

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


def none_alone(values: tuple[str, ...]) -> tuple[str, ...]:
    """Reject ``none`` listed together with real equipment."""
    if "none" in values and len(values) > 1:
        msg = "expected [none] alone or a list of equipment, found 'none' with other items"
        raise ValueError(msg)
    return values


def plan_date(value: dt.date) -> dt.date:
    """Reject a start date outside ``FIRST_DATE`` .. ``LAST_DATE``."""
    if not FIRST_DATE <= value <= LAST_DATE:
        msg = f"expected a date from {FIRST_DATE} to {LAST_DATE}, found {value}"
        raise ValueError(msg)
    return value


class Strict(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)
