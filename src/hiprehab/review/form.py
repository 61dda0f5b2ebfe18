"""The log filled in a PDF viewer: the week sheets' form fields, read back as entries.

Each field is named by week, day of the week and session
(``w3.d2.day.pain_during``). A day's own log (``day``) holds for every session
of that day; an exercise's tick box in a session's rows (``strength.2``) marks
that session done.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.review.entries import Entry
from hiprehab.review.quiet import quiet_pypdf

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.review.record import PlannedSession, PlanRecord

FIELD = re.compile(r"w(\d+)\.d(\d+)\.([a-z_-]+)(?:\.(\d+))?\.(done|pain_during|pain_next_morning)")
DAY_LOG = "day"


@dataclass(frozen=True, order=True)
class FieldProblem(Problem):
    """A value of a PDF form field that cannot be read, named by its place in the plan.

    A PDF has no lines to point at: ``field`` says which week, day and box
    (``week 2, day 3 (2027-01-13), pain during (field w2.d3.day.pain_during)``).
    """

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


PAIN_MAX = 10
_OFF = {"", "/Off", "Off", "/off"}


def form_values(data: bytes) -> dict[str, str]:
    """The filled-in values of a PDF's form fields, by field name (empty when it has no form)."""
    from pypdf import PdfReader  # noqa: PLC0415 - pypdf loads only when a PDF is read

    with quiet_pypdf():
        fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    values: dict[str, str] = {}
    for name, field in fields.items():
        value = field.get("/V")
        values[name] = "" if value is None else str(value)
    return values


def _score(path: Path, where: str, text: str, problems: list[Problem]) -> int | None:
    word = text.strip()
    if not word:
        return None
    if word.isdigit() and 0 <= int(word) <= PAIN_MAX:
        return int(word)
    message = f"expected a whole number from 0 to {PAIN_MAX}, found '{text}'"
    problems.append(FieldProblem(str(path), 0, 0, where, message))
    return None


def _where(record: PlanRecord, name: str, week: int, day: int, field: str) -> str:
    """``week 2, day 3 (2027-01-13), pain during (field w2.d3.day.pain_during)``."""
    date = record.start + dt.timedelta(days=7 * (week - 1) + day - 1)
    return f"week {week}, day {day} ({date.isoformat()}), {field.replace('_', ' ')} (field {name})"


def form_entries(path: Path, data: bytes, record: PlanRecord) -> tuple[Entry, ...] | None:
    """Entries from the form fields of a filled-in plan PDF; None when the PDF has no form.

    Raises :class:`~hiprehab.errors.InvalidInputError` listing every field whose value is
    not a score from 0 to 10, each by week, day, date and field.
    """
    values = form_values(data)
    if not any(FIELD.fullmatch(name) for name in values):
        return None
    by_day: dict[tuple[int, int], list[PlannedSession]] = {}
    for session in record.sessions:
        by_day.setdefault((session.week, (session.date - record.start).days % 7 + 1), []).append(session)
    done: dict[PlannedSession, bool] = {}
    pain: dict[tuple[PlannedSession, str], int] = {}
    problems: list[Problem] = []
    for name, value in sorted(values.items()):
        match = FIELD.fullmatch(name)
        if match is None:
            continue
        week, day, kind, field = int(match[1]), int(match[2]), match[3], match[5]
        label = kind.replace("_", "-")
        sessions = [s for s in by_day.get((week, day), []) if kind == DAY_LOG or s.label == label]
        if field == "done":
            done.update((s, True) for s in sessions if value not in _OFF)
            continue
        score = _score(path, _where(record, name, week, day, field), value, problems)
        if score is not None:
            pain.update(((s, field), max(score, pain.get((s, field), 0))) for s in sessions)
    if problems:
        raise InvalidInputError(problems)
    return tuple(
        Entry(
            s,
            done.get(s),
            pain.get((s, "pain_during")),
            pain.get((s, "pain_next_morning")),
        )
        for s in record.sessions
    )
