"""The computed plan: frozen values the renderers draw and the JSON export writes.

Nothing here decides anything; :func:`hiprehab.engine.schedule_plan` fills it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hiprehab.vocab import WEEKDAYS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from hiprehab.model.exercise import Dose, Exercise
    from hiprehab.model.notice import Notice
    from hiprehab.model.profile import Profile
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.summary import BlockSummary
    from hiprehab.model.template import Phase, Template

SessionType = Literal["strength", "activation", "mobility", "run", "cross_training", "recovery", "rest"]
Part = Literal["main", "warmup", "cooldown"]
Outcome = Literal["proceed", "refer", "stop"]

FORMAT = "hiprehab-plan/1"
ATTACHMENT = "hiprehab-plan.json"
"""The name of the plan's JSON embedded in its PDF, which ``hiprehab review`` reads back."""


@dataclass(frozen=True)
class Item:
    """One exercise in a session, with this session's dose."""

    exercise: Exercise
    sets: int
    reps: int | None
    hold_s: int | None
    duration_min: float | None
    per_side: bool
    rest_s: int | None
    easier: Exercise | None
    harder: Exercise | None
    part: Part = "main"
    optional: bool = False
    change: str | None = None
    """What changed since the last time this exercise was given, in plain words."""


@dataclass(frozen=True)
class Interval:
    """A walk-run block: run, then walk, repeated."""

    run_min: float
    walk_min: float
    repeats: int


@dataclass(frozen=True)
class Run:
    """A run: by time (walk-run stage or minutes) or by distance."""

    total_min: float | None
    distance_km: float | None
    distance: float | None
    units: str
    intervals: tuple[Interval, ...] | None
    stage: int | None
    long_run: bool
    note: str


@dataclass(frozen=True)
class Session:
    """One session of a day."""

    type: SessionType
    title: str
    items: tuple[Item, ...]
    run: Run | None = None
    note: str | None = None


@dataclass(frozen=True)
class Day:
    """A date of the plan and its sessions (a rest day has one ``rest`` session)."""

    date: dt.date
    sessions: tuple[Session, ...]

    @property
    def weekday(self) -> str:
        """``mon`` .. ``sun``."""
        return WEEKDAYS[self.date.weekday()]


@dataclass(frozen=True)
class Week:
    """Seven consecutive days of the plan, all in one phase."""

    number: int
    phase: Phase
    deload: bool
    days: tuple[Day, ...]
    running_target: float | None = None
    """Planned running volume this week, in the profile's units, when it is set."""


@dataclass(frozen=True)
class Screening:
    """The red-flag screening's verdict."""

    outcome: Outcome
    reasons: tuple[str, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """A whole plan, or the refusal to make one."""

    template: Template
    profile: Profile
    rules: ScreeningRules
    start: dt.date
    end: dt.date
    screening: Screening
    weeks: tuple[Week, ...]
    library: tuple[Exercise, ...]
    """Every exercise used in the plan, once, in first-use order."""
    notices: tuple[Notice, ...] = ()
    """Plain-language notes about choices the engine made for this runner."""
    avoided: tuple[str, ...] = ()
    """The conditions and pain site (with the conditions it routes to) that exclusions used."""
    excluded: tuple[Exercise, ...] = ()
    """Exercises of this goal left out because of ``avoided``, in catalogue order."""
    summary: BlockSummary | None = None
    """For a next block made by ``hiprehab review``: how the last block went."""
    card_doses: Mapping[str, Dose] = field(default_factory=dict, compare=False)
    """The dose each card of the library prints: the first the plan gives the exercise or,
    for an easier or harder rung it only points to, the dose it would start that rung at."""


def rungs(plan: Plan) -> dict[str, tuple[Exercise | None, Exercise | None]]:
    """Easier and harder rung of each exercise, as the plan gave them where first used."""
    found: dict[str, tuple[Exercise | None, Exercise | None]] = {}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for item in session.items:
                    found.setdefault(item.exercise.id, (item.easier, item.harder))
    return found


def library_cards(plan: Plan) -> list[Exercise]:
    """Every card of the printed library in order: the one numbering the PDF, JSON and calendar share.

    Cards 1, 2, 3... are the exercises the weeks schedule, in order of first use:
    day order, then session order within a day, then item order within a session.
    After them come the easier and harder rungs no week schedules, in the order
    the cards first point to them, so "Easier: card 31" always leads to a card.
    """
    cards: list[Exercise] = []
    known: set[str] = set()
    for week in plan.weeks:
        for day in sorted(week.days, key=lambda d: d.date):
            for session in day.sessions:
                for item in session.items:
                    if item.exercise.id not in known:
                        cards.append(item.exercise)
                        known.add(item.exercise.id)
    for easier, harder in rungs(plan).values():
        for rung in (easier, harder):
            if rung is not None and rung.id not in known:
                cards.append(rung)
                known.add(rung.id)
    cards += [e for e in plan.library if e.id not in known]
    return cards


def card_numbers(plan: Plan) -> dict[str, int]:
    """The number of each exercise's card, from 1 without gaps (see :func:`library_cards`)."""
    return {exercise.id: n for n, exercise in enumerate(library_cards(plan), 1)}
