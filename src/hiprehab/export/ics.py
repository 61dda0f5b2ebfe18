"""The plan as a calendar (RFC 5545): one event per training day.

Re-importing a re-made plan must update the runner's calendar, not fill it
twice, so every event's UID is derived from the plan's identity (its goal and
the runner's name) and the day's date, never drawn at random. DTSTAMP is the
plan's first day, not the clock, so the same plan gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from hiprehab.errors import InvalidValueError
from hiprehab.model.plan import card_numbers
from hiprehab.version import __version__
from hiprehab.wording import SESSION_LABELS, item_dose_text

if TYPE_CHECKING:
    from hiprehab.model.plan import Day, Item, Plan, Run, Session

PRODID = f"-//hiprehab//hiprehab {__version__}//EN"
UNIT_WORDS = {"km": "km", "mi": "mi", "min": "min"}

# A rough slot for a timed event, so a calendar blocks enough time: each rep
# takes about 4 s (a controlled 2 s up, 2 s down), and a run given only by
# distance goes at an easy 7 min per km or 11 min per mile. The slot is rounded
# up to the next 5 minutes; it is a reminder, not a prescription.
SECONDS_PER_REP = 4
EASY_PACE_MIN = {"km": 7.0, "mi": 11.0}
SLOT_STEP_MIN = 5

_TIME = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class CalendarTime:
    """When the sessions start: all day (no time), or a time of day, in a zone or floating."""

    time: dt.time | None = None
    zone: zoneinfo.ZoneInfo | None = None

    @classmethod
    def parse(cls, session_time: str | None, timezone: str | None) -> CalendarTime:
        """Check ``HH:MM`` and an IANA zone name (``Europe/Berlin``); both may be absent.

        Raises :class:`~hiprehab.errors.InvalidValueError` naming ``session_time`` or ``timezone``.
        """
        time = None
        if session_time is not None:
            match = _TIME.fullmatch(session_time.strip())
            hour, minute = (int(match[1]), int(match[2])) if match else (-1, -1)
            if not (0 <= hour <= 23 and 0 <= minute <= 59):  # noqa: PLR2004 - the hours and minutes of a clock
                raise InvalidValueError(
                    "session_time", f"expected a time of day as HH:MM, e.g. 07:30; found '{session_time}'"
                )
            time = dt.time(hour, minute)
        zone = None
        if timezone is not None:
            if time is None:
                raise InvalidValueError(
                    "timezone", "a time zone only matters for timed events: give a session time too"
                )
            zone = _zone(timezone)
        return cls(time, zone)


def _zone(name: str) -> zoneinfo.ZoneInfo:
    text = name.strip()
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidValueError(
            "timezone", f"expected a time zone name such as Europe/Berlin or America/New_York; found '{name}'"
        ) from None


def plan_key(plan: Plan) -> str:
    """The plan's identity in UIDs: its goal and the runner's name, hashed (names stay private)."""
    identity = f"{plan.template.id}\n{plan.profile.name.strip().casefold()}"
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def event_uid(plan: Plan, day: dt.date) -> str:
    """The same UID for the same plan day on every export."""
    return f"{day.isoformat()}-{plan_key(plan)}@hiprehab"


def _run_words(run: Run) -> str:
    if run.stage is not None:
        kind = f"walk-run stage {run.stage}"
    elif run.long_run:
        kind = "long run"
    elif run.intervals:
        kind = "walk-run"
    else:
        kind = "easy run"
    if run.distance is not None:
        return f"{kind} {run.distance:g} {UNIT_WORDS.get(run.units, run.units)}"
    if run.total_min is not None:
        return f"{kind} {run.total_min:g} min"
    return kind


def training_sessions(day: Day) -> tuple[Session, ...]:
    """The day's sessions that are not rest."""
    return tuple(s for s in day.sessions if s.type != "rest")


def summary(week_number: int, day: Day) -> str:
    """``Hip plan wk 3: strength + easy run 25 min``."""
    parts: list[str] = []
    for session in training_sessions(day):
        words = _run_words(session.run) if session.run is not None else SESSION_LABELS[session.type].lower()
        if words not in parts:
            parts.append(words)
    return f"Hip plan wk {week_number}: {' + '.join(parts)}"


def _item_line(item: Item, cards: dict[str, int]) -> str:
    optional = " (optional)" if item.optional else ""
    card = f" (card {cards[item.exercise.id]})" if item.exercise.id in cards else ""
    return f"- {item.exercise.name}{optional}: {item_dose_text(item)}{card}"


def description(day: Day, cards: dict[str, int]) -> str:
    """Each session of the day with its exercises, doses and card numbers in the printed plan."""
    blocks: list[str] = []
    for session in training_sessions(day):
        lines = [session.title]
        if session.run is not None:
            lines.append(f"- {_run_words(session.run).capitalize()}")
            lines += [
                f"  run {b.run_min:g} min, walk {b.walk_min:g} min, {b.repeats} x"
                for b in session.run.intervals or ()
            ]
            if session.run.note:
                lines.append(f"  {session.run.note}")
        lines += [_item_line(item, cards) for item in session.items]
        if session.note:
            lines.append(session.note)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _item_seconds(item: Item) -> float:
    if item.duration_min is not None:
        each = item.duration_min * 60
    elif item.hold_s is not None:
        each = float(item.hold_s)
    else:
        each = float((item.reps or 0) * SECONDS_PER_REP)
    sides = 2 if item.per_side else 1
    return item.sets * each * sides + max(item.sets - 1, 0) * (item.rest_s or 0)


def slot_minutes(day: Day) -> int:
    """A rough length for the day's sessions, rounded up to 5 minutes (at least 5)."""
    seconds = 0.0
    for session in training_sessions(day):
        seconds += sum(_item_seconds(item) for item in session.items if not item.optional)
        run = session.run
        if run is not None:
            if run.total_min is not None:
                seconds += run.total_min * 60
            elif run.distance is not None:
                seconds += run.distance * EASY_PACE_MIN.get(run.units, EASY_PACE_MIN["km"]) * 60
    minutes = max(seconds / 60, 1)
    return math.ceil(minutes / SLOT_STEP_MIN) * SLOT_STEP_MIN


def plan_to_calendar(plan: Plan, when: CalendarTime | None = None) -> Calendar:
    """The calendar: one event per day with a session that is not rest."""
    when = when or CalendarTime()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Hip plan: {plan.template.title}")
    stamp = dt.datetime.combine(plan.start, dt.time(), tzinfo=dt.UTC)
    cards = card_numbers(plan)
    for week in plan.weeks:
        for day in week.days:
            if not training_sessions(day):
                continue
            event = Event()
            event.add("uid", event_uid(plan, day.date))
            event.add("dtstamp", stamp)
            if when.time is None:
                event.add("dtstart", day.date)
                event.add("dtend", day.date + dt.timedelta(days=1))
                event.add("transp", "TRANSPARENT")
            else:
                start = dt.datetime.combine(day.date, when.time, tzinfo=when.zone)
                event.add("dtstart", start)
                event.add("dtend", start + dt.timedelta(minutes=slot_minutes(day)))
            event.add("summary", summary(week.number, day))
            event.add("description", description(day, cards))
            event.add("categories", ["Hip plan"])
            calendar.add_component(event)
    if when.zone is not None:
        # Only the transitions the plan spans, so the file stays small and the same.
        calendar.add_missing_timezones(plan.start - dt.timedelta(days=1), plan.end + dt.timedelta(days=2))
    return calendar


def plan_to_ics(plan: Plan, when: CalendarTime | None = None) -> bytes:
    """The calendar file's bytes (CRLF lines folded at 75 octets, as RFC 5545 asks)."""
    data: bytes = plan_to_calendar(plan, when).to_ical()
    return data
