"""What a printed plan asked for, read back from the JSON it carries: the sessions to log.

Only the plan's own JSON (format hiprehab-plan/1) is trusted: a PDF without it
was not written by ``hiprehab plan``, and the review says so rather than guess.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hiprehab.errors import HiprehabError
from hiprehab.model.plan import ATTACHMENT, FORMAT

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


def read_plan_pdf(path: Path) -> PlanRecord:
    """The plan a PDF written by ``hiprehab plan`` carries (its embedded ``hiprehab-plan.json``)."""
    from pypdf import PdfReader  # noqa: PLC0415 - pypdf loads only when a PDF is read
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        data = path.read_bytes()
    except OSError as err:
        raise PlanFileError(f"{path}: cannot read: {err.strerror}") from None
    if not data.startswith(b"%PDF-"):
        raise PlanFileError(f"{path}: expected a PDF written by hiprehab plan; this file is not a PDF")
    try:
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
