"""Show a value the way a user wrote it, and suggest the word they probably meant.

The lowest layer of the package: models, loaders and the command line all word
their messages with these, so a value is quoted the same way everywhere.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import TYPE_CHECKING, Any

from hiprehab.vocab import SYNONYMS

if TYPE_CHECKING:
    from collections.abc import Iterable

_SHOWN = 60  # longest text quoted whole in a message
# Control characters (escape sequences start with one), format characters such as
# the right-to-left override, and line or paragraph separators: any of them in a
# value would let a file rewrite the user's terminal or hide part of a message.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    r"""``text`` with every control or format character written as an escape (``\x1b``, ``\u202e``).

    Everything else, letters of any script included, is kept as it is.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if unicodedata.category(char) not in _UNSAFE:
            out.append(char)
        elif char in _NAMED:
            out.append(_NAMED[char])
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for a close match, else an empty string."""
    if not isinstance(word, str):
        return ""
    options = list(candidates)
    # "Resistance band", "resistance-band" and "resistance_band" are one word to a person.
    synonym = SYNONYMS.get(word.lower().replace(" ", "_").replace("-", "_"))
    if synonym in options:
        return f" (did you mean '{printable(synonym)}'?)"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{printable(close[0])}'?)" if close else ""


def describe(value: Any) -> str:  # noqa: PLR0911 - one return per kind of value
    """Say what a YAML value is, the way a user wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{printable(value)}'" if len(value) <= _SHOWN else f"'{printable(value[:57])}...'"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
