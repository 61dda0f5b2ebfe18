"""Check command-line values, with messages that say what was expected and found."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hiprehab.errors import UsageError
from hiprehab.model.base import FIRST_DATE, LAST_DATE
from hiprehab.validate import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


def words(flag: str, values: Iterable[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """Split comma lists, check each word against ``allowed`` and reject repeats."""
    out: list[str] = []
    for value in values:
        for raw in value.split(","):
            word = raw.strip().lower()
            if not word:
                continue
            if word not in allowed:
                hint = did_you_mean(word, allowed)
                raise UsageError(f"{flag}: expected one of {', '.join(allowed)}; found '{word}'{hint}")
            if word in out:
                raise UsageError(f"{flag}: expected each word once, found '{word}' twice")
            out.append(word)
    return tuple(out)


def day_list(flag: str, text: str) -> tuple[str, ...]:
    """``mon,wed,fri`` as weekday words, in the order given; ``none`` for no days."""
    if text.strip().lower() in {"none", ""}:
        return ()
    from hiprehab.vocab import WEEKDAYS  # noqa: PLC0415 - keep imports of --help light

    return words(flag, [text], WEEKDAYS)


def date(flag: str, text: str) -> dt.date:
    """A real calendar date written YYYY-MM-DD."""
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag}: expected a real date written YYYY-MM-DD, found '{text}'") from None
    if not FIRST_DATE <= value <= LAST_DATE:
        raise UsageError(f"{flag}: expected a date from {FIRST_DATE} to {LAST_DATE}, found '{text}'")
    return value


def equipment(flag: str, text: str) -> tuple[str, ...]:
    """Equipment words; ``none`` stands alone."""
    from hiprehab.vocab import EQUIPMENT  # noqa: PLC0415 - keep imports of --help light

    chosen = words(flag, [text], EQUIPMENT)
    if "none" in chosen and len(chosen) > 1:
        raise UsageError(f"{flag}: expected 'none' alone or a list of equipment, found '{text}'")
    return () if chosen == ("none",) else chosen


def whole(flag: str, value: int, low: int, high: int) -> int:
    """A whole number inside ``low..high``."""
    if not low <= value <= high:
        raise UsageError(f"{flag}: expected a whole number from {low} to {high}, found {value}")
    return value


def amount(flag: str, value: float, high: float) -> float:
    """A non-negative amount no bigger than ``high``."""
    if not 0 <= value <= high:
        raise UsageError(f"{flag}: expected a number from 0 to {high:g}, found {value:g}")
    return value


def coming_monday(today: dt.date) -> dt.date:
    """The default start: today if it is a Monday, else the next Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)
