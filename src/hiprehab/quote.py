"""Show a value the way a user wrote it, and suggest the word they probably meant.

The lowest layer of the package: models, loaders and the command line all word
their messages with these, so a value is quoted the same way everywhere.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from hiprehab.vocab import SYNONYMS

if TYPE_CHECKING:
    from collections.abc import Iterable

_SHOWN = 60  # longest text quoted whole in a message


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for a close match, else an empty string."""
    if not isinstance(word, str):
        return ""
    options = list(candidates)
    synonym = SYNONYMS.get(word.lower())
    if synonym in options:
        return f" (did you mean '{synonym}'?)"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe(value: Any) -> str:  # noqa: PLR0911 - one return per kind of value
    """Say what a YAML value is, the way a user wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= _SHOWN else f"'{value[:57]}...'"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
