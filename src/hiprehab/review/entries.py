"""A logged session: what the runner wrote for one planned session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.errors import HiprehabError

if TYPE_CHECKING:
    from hiprehab.review.record import PlannedSession


class LogError(HiprehabError):
    """A log that cannot be reviewed as a whole: for another plan, unreadable, empty."""


@dataclass(frozen=True)
class Entry:
    """The row of one planned session: Done, pain during, pain next morning (0-10), a note."""

    session: PlannedSession
    done: bool | None
    pain_during: int | None
    pain_next_morning: int | None
    note: str = ""
    line: int = 0
    """Where the entry was read (a CSV line); 0 for a PDF form."""

    @property
    def filled(self) -> bool:
        """True when anything at all was written for the session."""
        return (
            self.done is not None
            or self.pain_during is not None
            or self.pain_next_morning is not None
            or bool(self.note)
        )

    @property
    def scores(self) -> tuple[int, ...]:
        """The pain scores given."""
        return tuple(p for p in (self.pain_during, self.pain_next_morning) if p is not None)
