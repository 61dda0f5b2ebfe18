"""The log as a CSV file: a blank sheet to fill in from paper, and reading a filled one back.

Columns: ``date, session, done, pain_during, pain_next_morning, note``; one row per
planned session. Every problem names its line and column, and all are reported
at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.review.entries import Entry, LogError

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.review.record import PlannedSession, PlanRecord

COLUMNS = ("date", "session", "done", "pain_during", "pain_next_morning", "note")
YES = frozenset({"yes", "y", "x", "done", "1", "true", "\N{CHECK MARK}", "\N{HEAVY CHECK MARK}"})
NO = frozenset({"no", "n", "0", "false", "-"})
PAIN_MAX = 10


def log_sheet_text(record: PlanRecord) -> str:
    """A blank log: the header, then one dated row per planned session."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for session in record.sessions:
        writer.writerow([session.date.isoformat(), session.label, "", "", "", ""])
    return out.getvalue()


def _columns(line: str) -> list[int]:
    """The 1-based column where each field of a CSV line starts (quotes respected)."""
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 2)
    return starts


def _done(text: str) -> bool | None:
    word = text.strip().lower()
    if not word:
        return None
    if word in YES:
        return True
    if word in NO:
        return False
    raise ValueError(f"expected yes or no (or x for done, or leave it blank), found '{text}'")


def _pain(text: str) -> int | None:
    word = text.strip()
    if not word:
        return None
    try:
        value = int(word)
    except ValueError:
        value = -1
    if not 0 <= value <= PAIN_MAX:
        raise ValueError(f"expected a whole number from 0 to {PAIN_MAX}, found '{text}'")
    return value


class _Reader:
    """Reads rows, gathering every problem with its line and column."""

    def __init__(self, path: Path, record: PlanRecord) -> None:
        self.path = path
        self.record = record
        self.problems: list[Problem] = []
        self.planned = {(s.date, s.label): s for s in record.sessions}
        self.by_date: dict[dt.date, list[str]] = {}
        for session in record.sessions:
            self.by_date.setdefault(session.date, []).append(session.label)
        self.outside: list[dt.date] = []

    def problem(self, line: int, column: int, field: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), line, column, field, message))

    def row(self, number: int, fields: list[str], starts: list[int]) -> Entry | None:
        values = dict(zip(COLUMNS, [*fields, *[""] * (len(COLUMNS) - len(fields))], strict=False))
        col = dict(zip(COLUMNS, [*starts, *[starts[-1]] * len(COLUMNS)], strict=False))
        if len(fields) > len(COLUMNS):
            self.problem(
                number, starts[len(COLUMNS)], "", f"expected {len(COLUMNS)} columns, found {len(fields)}"
            )
        session = self._session(number, values, col)
        entry: dict[str, object] = {}
        for name, parse in (("done", _done), ("pain_during", _pain), ("pain_next_morning", _pain)):
            try:
                entry[name] = parse(values[name])
            except ValueError as err:
                self.problem(number, col[name], name, str(err))
        if session is None or len(entry) < 3:  # noqa: PLR2004 - the three parsed columns
            return None
        return Entry(
            session,
            entry["done"],  # type: ignore[arg-type]
            entry["pain_during"],  # type: ignore[arg-type]
            entry["pain_next_morning"],  # type: ignore[arg-type]
            values["note"].strip(),
            number,
        )

    def _session(self, number: int, values: dict[str, str], col: dict[str, int]) -> PlannedSession | None:
        text = values["date"].strip()
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            self.problem(number, col["date"], "date", f"expected a date written YYYY-MM-DD, found '{text}'")
            return None
        if not self.record.start <= date <= self.record.end:
            self.outside.append(date)
            self.problem(
                number,
                col["date"],
                "date",
                f"expected a date of the plan ({self.record.start} to {self.record.end}), found {date}",
            )
            return None
        label = values["session"].strip().lower().replace("_", "-")
        session = self.planned.get((date, label))
        if session is None:
            planned = ", ".join(self.by_date.get(date, [])) or "none: it is a rest day"
            self.problem(
                number,
                col["session"],
                "session",
                f"expected a session planned on {date} ({planned}), found '{values['session'].strip()}'",
            )
        return session


def read_log(path: Path, record: PlanRecord) -> tuple[Entry, ...]:
    """The filled-in rows of a log CSV for ``record``, checked against the plan.

    Raises :class:`~hiprehab.errors.InvalidInputError` listing every problem, or
    :class:`LogError` when no row falls within the plan (a log for another plan).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise LogError(f"{path}: expected a CSV file saved as UTF-8 text") from None
    except OSError as err:
        raise LogError(f"{path}: cannot read: {err.strerror}") from None
    lines = text.splitlines()
    reader = _Reader(path, record)
    header = next(csv.reader(lines[:1]), [])
    if [h.strip().lower() for h in header] != list(COLUMNS):
        raise InvalidInputError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "",
                    f"expected the columns {', '.join(COLUMNS)}; found {', '.join(header)}",
                )
            ]
        )
    entries: list[Entry] = []
    seen: dict[tuple[dt.date, str], int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip(",; \t"):
            continue
        fields = next(csv.reader([line]))
        entry = reader.row(number, fields, _columns(line))
        if entry is None:
            continue
        key = (entry.session.date, entry.session.label)
        if key in seen:
            reader.problem(
                number,
                1,
                "",
                f"expected one row per session; {key[0]} {key[1]} is already on line {seen[key]}",
            )
            continue
        seen[key] = number
        entries.append(entry)
    rows = len([line for line in lines[1:] if line.strip(",; \t")])
    if rows and len(reader.outside) == rows:
        first, last = min(reader.outside), max(reader.outside)
        raise LogError(
            f"{path}: this log is for another plan: its dates run from {first} to {last}, and the plan "
            f"({record.source}) runs from {record.start} to {record.end}"
        )
    if reader.problems:
        raise InvalidInputError(reader.problems)
    return tuple(sorted(entries, key=lambda e: (e.session.date, e.line)))
