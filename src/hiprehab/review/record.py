"""What a printed plan asked for, read back from the JSON it carries: the sessions to log.

Only the plan's own JSON (format hiprehab-plan/1) is trusted: a PDF without it
was not written by ``hiprehab plan``, and the review says so rather than guess.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hiprehab.errors import HiprehabError
from hiprehab.model.plan import ATTACHMENT, FORMAT
from hiprehab.review.quiet import quiet_pypdf

if TYPE_CHECKING:
    from pathlib import Path

LOG_LABELS = {
    "strength": "strength",
    "activation": "activation",
    "mobility": "mobility",
    "run": "run",
    "cross_training": "cross-training",
    "recovery": "recovery",
}
"""The word a log names each session type with (the ``session`` column)."""


class PlanFileError(HiprehabError):
    """A file given as a plan is not a PDF or JSON that ``hiprehab plan`` wrote."""


@dataclass(frozen=True)
class PlannedItem:
    """One exercise of a planned session, with the dose the plan gave."""

    exercise: str
    name: str
    sets: int
    amount: float
    """Reps, hold seconds or minutes: whichever the dose counts."""
    part: str
    optional: bool


@dataclass(frozen=True)
class PlannedSession:
    """A session the runner is asked to log: its date, week, type and what it held."""

    date: dt.date
    week: int
    type: str
    items: tuple[PlannedItem, ...]
    run_stage: int | None = None
    run_amount: float | None = None
    """The run's distance, or its minutes when it is set by time."""
    long_run: bool = False

    @property
    def label(self) -> str:
        """The log's name for the session: ``strength``, ``run``, ``cross-training``..."""
        return LOG_LABELS[self.type]


@dataclass(frozen=True)
class PlanRecord:
    """A plan as its JSON describes it, and the sessions a log has rows for."""

    source: str
    data: dict[str, Any]
    start: dt.date
    end: dt.date
    sessions: tuple[PlannedSession, ...]
    phases: tuple[str, ...]
    """The phase id of each week, in order."""

    @property
    def outcome(self) -> str:
        """The screening's verdict: proceed, refer or stop."""
        return str(self.data["screening"]["outcome"])

    @property
    def goal(self) -> str:
        """The goal template's id."""
        return str(self.data["goal"])

    def week_dates(self, week: int) -> tuple[dt.date, dt.date]:
        """First and last day of week ``week`` (from 1)."""
        first = self.start + dt.timedelta(days=7 * (week - 1))
        return first, first + dt.timedelta(days=6)


def _amount(item: dict[str, Any]) -> float:
    for key in ("reps", "hold_s", "duration_min"):
        if item.get(key) is not None:
            return float(item[key])
    return 0.0


def _logged(session: dict[str, Any]) -> bool:
    """A session has a log row unless it is rest, or all it holds is optional (ice after a run)."""
    if session["type"] == "rest":
        return False
    return session.get("run") is not None or any(not i["optional"] for i in session["items"])


def _session(date: dt.date, week: int, session: dict[str, Any]) -> PlannedSession:
    items = tuple(
        PlannedItem(i["exercise"], i["name"], int(i["sets"]), _amount(i), i["part"], bool(i["optional"]))
        for i in session["items"]
    )
    run = session.get("run")
    if run is None:
        return PlannedSession(date, week, session["type"], items)
    amount = run["distance"] if run.get("distance") is not None else run.get("total_min")
    return PlannedSession(
        date,
        week,
        session["type"],
        items,
        run_stage=run.get("stage"),
        run_amount=None if amount is None else float(amount),
        long_run=bool(run.get("long_run")),
    )


def plan_record(data: dict[str, Any], source: str) -> PlanRecord:
    """The plan's JSON as a record; raises :class:`PlanFileError` when it is not hiprehab's."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise PlanFileError(f"{source}: expected a plan in the format {FORMAT}, found {found!r}")
    try:
        sessions: list[PlannedSession] = []
        phases: list[str] = []
        for week in data["weeks"]:
            phases.append(str(week["phase"]))
            for day in week["days"]:
                date = dt.date.fromisoformat(day["date"])
                sessions += [_session(date, int(week["number"]), s) for s in day["sessions"] if _logged(s)]
        start, end = dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"])
    except (KeyError, TypeError, ValueError) as err:
        raise PlanFileError(f"{source}: the plan inside is damaged ({err!r}); make the plan again") from None
    return PlanRecord(source, data, start, end, tuple(sessions), tuple(phases))


_EMBEDDED = re.compile(rb"/Type\s*/EmbeddedFile\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
_HEAD_MAX = 512  # bytes from "obj" to "stream" in the stream's dictionary as ReportLab writes it


def _stream_at(data: bytes, match: re.Match[bytes]) -> bytes | None:
    """The decoded bytes of the embedded-file stream whose dictionary holds ``match``, if plain."""
    begin = data.rfind(b" obj", max(0, match.start() - _HEAD_MAX), match.start())
    end = data.find(b"stream", match.end(), match.end() + _HEAD_MAX)
    if begin < 0 or end < 0:
        return None
    head = data[begin:end]
    length = _LENGTH.search(head)
    if length is None or length[2] is not None or b"endstream" in head:
        return None
    start = end + len(b"stream")
    start += 2 if data[start : start + 2] == b"\r\n" else 1
    body = data[start : start + int(length[1])]
    filters = re.findall(rb"/(\w+Decode)\b", head)
    if filters == [b"FlateDecode"]:
        try:
            return zlib.decompress(body)
        except zlib.error:
            return None
    return body if not filters else None


def plan_in_bytes(data: bytes) -> dict[str, Any] | None:
    """The plan's JSON read straight from the bytes of a PDF laid out as ReportLab writes it.

    Opening the PDF with pypdf costs more than the rest of reading a log; this
    finds the one embedded file that is a plan without it. Anything unexpected
    (no such file, two of them, a length kept elsewhere, another filter) gives
    None, and the PDF is then read properly.
    """
    found: list[dict[str, Any]] = []
    for match in _EMBEDDED.finditer(data):
        body = _stream_at(data, match)
        if body is None:
            continue
        try:
            parsed = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(parsed, dict) and parsed.get("format") == FORMAT:
            found.append(parsed)
    return found[0] if len(found) == 1 else None


def read_plan_pdf(path: Path) -> PlanRecord:
    """The plan a PDF written by ``hiprehab plan`` carries (its embedded ``hiprehab-plan.json``)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PlanFileError(f"{path}: cannot read: {err.strerror}") from None
    if not data.startswith(b"%PDF-"):
        raise PlanFileError(f"{path}: expected a PDF written by hiprehab plan; this file is not a PDF")
    quick = plan_in_bytes(data)
    if quick is not None:
        return plan_record(quick, str(path))
    from pypdf import PdfReader  # noqa: PLC0415 - pypdf loads only when a PDF is read
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        with quiet_pypdf():
            attachments = PdfReader(io.BytesIO(data)).attachments
            embedded = attachments.get(ATTACHMENT)
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise PlanFileError(f"{path}: this PDF cannot be read ({err})") from None
    if not embedded:
        raise PlanFileError(
            f"{path}: this PDF was not written by hiprehab plan (it carries no {ATTACHMENT}); "
            "give the PDF that hiprehab plan wrote"
        )
    try:
        parsed = json.loads(embedded[0])
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise PlanFileError(f"{path}: the plan inside this PDF is damaged; make the plan again") from None
    return plan_record(parsed, str(path))
