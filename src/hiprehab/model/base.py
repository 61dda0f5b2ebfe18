"""Shared building blocks of the validated models."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, StrictStr, StringConstraints

from hiprehab.quote import describe

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


def word_list(value: Any) -> Any:
    """Let a list be written as one comma-separated text: ``mon,wed,fri``.

    Words are trimmed and lowercased; an empty word (``mon,,wed`` or ``,``) is refused
    rather than skipped, so a slip of the keyboard is never read as something else.
    """
    if not isinstance(value, str):
        return value
    words = [word.strip().lower() for word in value.split(",")]
    if any(not word for word in words):
        msg = f"expected words separated by commas, found an empty word in {describe(value)}"
        raise ValueError(msg)
    return words


def one_word(value: Any) -> Any:
    """A single word, trimmed and lowercased; a comma list is not one word."""
    if isinstance(value, str):
        if "," in value:
            msg = f"expected one word, found the list {describe(value)}"
            raise ValueError(msg)
        return value.strip().lower()
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: Any) -> Any:
    """A date written YYYY-MM-DD (or a date already): never a number of seconds or days."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    msg = f"expected a real date written YYYY-MM-DD, found {describe(value)}"
    raise ValueError(msg)


def plan_date(value: dt.date) -> dt.date:
    """Reject a start date outside ``FIRST_DATE`` .. ``LAST_DATE``."""
    if not FIRST_DATE <= value <= LAST_DATE:
        msg = f"expected a date from {FIRST_DATE} to {LAST_DATE}, found {value}"
        raise ValueError(msg)
    return value


class Strict(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
