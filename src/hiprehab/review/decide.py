"""Review a log by the plan's own pain rules: adherence, pain trend, and one decision per group.

Pure: entries and rules in, a :class:`Review` out; no files, no clock.

The pain-monitoring model (docs/evidence.md 1.4; Silbernagel 2007) the template
prints is applied as printed: pain during a session up to the green limit and
no worse the next morning lets a dose move up once it has felt that way for the
template's number of sessions in a row; amber holds; above amber, or worse the
next morning than the morning before, steps back. Some patterns need a
clinician rather than a new block, as the screening's warning signs do: pain at
the template's referral score (6/10 with the shipped templates), pain rising
week after week, too many days in the red zone in one week, or a note that names a
warning sign. Every threshold comes from the template (``pain_rules`` and
``review``), so a coach's template sets them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from hiprehab.review.entries import Entry, LogError
from hiprehab.wording import NUMBER_WORDS

if TYPE_CHECKING:
    import datetime as dt

    from hiprehab.model.template import PainRules, ReviewRules, Template
    from hiprehab.review.record import PlannedSession, PlanRecord

Zone = Literal["green", "amber", "red", "unknown"]
Move = Literal["up", "hold", "back"]
GROUPS = {"strength": "strength", "activation": "gentle holds", "run": "running"}
"""The groups a decision is made for (session type: words), in the order they are reported."""

MOVE_WORDS = {"up": "move up", "hold": "hold", "back": "step back"}
WARNING_WORDS = {
    "night": "pain at night",
    "swell": "swelling",
    "swollen": "swelling",
    "bruis": "bruising",
    "numb": "numbness",
    "tingl": "tingling",
    "fever": "a fever",
    "limp": "a limp",
    "hot": "a hot hip",
    "can't bear": "not being able to bear weight",
    "cannot bear": "not being able to bear weight",
    "cant bear": "not being able to bear weight",
    "gave way": "the hip giving way",
    "giving way": "the hip giving way",
    "locking": "the hip locking",
    "fall": "a fall",
    "fell": "a fall",
}
"""Words in a note that name a warning sign of the screening (templates/screening.yaml)."""


@dataclass(frozen=True)
class Logged:
    """A planned session with what was logged for it (``entry`` None when the row was left blank)."""

    session: PlannedSession
    entry: Entry | None
    zone: Zone
    worse_next_morning: bool

    @property
    def done(self) -> bool:
        """Counted as done only when its Done box is ticked."""
        return self.entry is not None and self.entry.done is True


@dataclass(frozen=True)
class WeekSummary:
    """One reviewed week: sessions planned and done, average pain, days in the red zone."""

    week: int
    planned: int
    done: int
    pain_during: float | None
    pain_next_morning: float | None
    red_days: int
    """Days with a session done in the red zone: one next-morning score counts once, however many
    sessions the day held."""
    complete: bool
    """False when the log stops inside this week."""

    @property
    def pain(self) -> float | None:
        """The higher of the week's average pain during and average pain next morning."""
        values = [v for v in (self.pain_during, self.pain_next_morning) if v is not None]
        return max(values) if values else None


@dataclass(frozen=True)
class Decision:
    """What the plan's rules say for one group, and why, in words."""

    group: str
    move: Move
    reason: str


@dataclass(frozen=True)
class Review:
    """Everything the review found."""

    last_day: dt.date
    weeks: tuple[WeekSummary, ...]
    by_type: tuple[tuple[str, int, int], ...]
    """(session word, planned, done) per session type."""
    trend: str
    decisions: tuple[Decision, ...]
    referral: tuple[str, ...]
    """Why the runner should see a clinician; empty when the next block may be made."""
    notes: tuple[str, ...]
    logged: tuple[Logged, ...]


def _zone(entry: Entry | None, rules: PainRules, worse: bool) -> Zone:
    if entry is None or not entry.scores:
        return "red" if worse else "unknown"
    top = max(entry.scores)
    if top > rules.amber.max_score or worse:
        return "red"
    if top > rules.green.max_score:
        return "amber"
    return "green"


def _logged(
    sessions: list[PlannedSession], entries: dict[tuple[object, str], Entry], rules: PainRules
) -> list[Logged]:
    out: list[Logged] = []
    morning: tuple[object, int] | None = None  # (date, pain next morning) of the latest earlier day
    today: list[int] = []
    current = None
    for session in sessions:
        if session.date != current:
            if today:
                morning = (current, max(today))
            today, current = [], session.date
        entry = entries.get((session.date, session.label))
        next_morning = entry.pain_next_morning if entry is not None and entry.done is not False else None
        worse = morning is not None and next_morning is not None and next_morning > morning[1]
        out.append(Logged(session, entry, _zone(entry, rules, worse), worse))
        if next_morning is not None:
            today.append(next_morning)
    return out


def _average(values: list[int]) -> float | None:
    # A sum of whole numbers over a count: exact, as statistics.mean is, without loading it.
    return round(sum(values) / len(values), 1) if values else None


def _weeks(logged: list[Logged], last_day: dt.date, record: PlanRecord) -> list[WeekSummary]:
    weeks: list[WeekSummary] = []
    for number in sorted({x.session.week for x in logged}):
        these = [x for x in logged if x.session.week == number]
        entries = [x.entry for x in these if x.entry is not None and x.done]
        during = [e.pain_during for e in entries if e.pain_during is not None]
        morning = [e.pain_next_morning for e in entries if e.pain_next_morning is not None]
        weeks.append(
            WeekSummary(
                number,
                len(these),
                sum(x.done for x in these),
                _average(during),
                _average(morning),
                len({x.session.date for x in these if x.done and x.zone == "red"}),
                record.week_dates(number)[1] <= last_day,
            )
        )
    return weeks


def _rising(pains: list[float], review: ReviewRules) -> bool:
    """True when the weekly pain rose ``rising_weeks`` weeks in a row, by ``rising_by`` or more in all."""
    span = review.rising_weeks + 1
    for start in range(len(pains) - span + 1):
        run = pains[start : start + span]
        if all(a < b for a, b in itertools.pairwise(run)) and run[-1] - run[0] >= review.rising_by:
            return True
    return False


def _trend(weeks: list[WeekSummary], review: ReviewRules) -> tuple[str, bool]:
    """The pain trend in words, and whether it rose as long and as much as needs a clinician."""
    scored = [(w.week, pain) for w in weeks if (pain := w.pain) is not None]
    if len(scored) < 2:  # noqa: PLR2004 - a trend needs two weeks
        return "too few weeks with pain scores to see a trend", False
    rising = _rising([p for _, p in scored], review)
    first, last = scored[0][1], scored[-1][1]
    words = " \N{RIGHTWARDS ARROW} ".join(f"week {w}: {p:g}" for w, p in scored)
    # A change smaller than the template's rising_by (a point with the shipped ones) is noise.
    if first - last >= review.rising_by:
        direction = "easing"
    elif last - first >= review.rising_by:
        direction = "rising"
    else:
        direction = "steady"
    return f"{direction} (weekly average, the higher of pain during and next morning: {words})", rising


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _decide(  # noqa: PLR0911 - one return per rule, in the order the template prints them
    group: str, logged: list[Logged], rules: PainRules, in_a_row: int, review: ReviewRules
) -> Decision | None:
    mine = [x for x in logged if x.session.type == group]
    # A group the last two weeks no longer have (holds of a phase left behind) gets no decision.
    if not mine or mine[-1].session.week < logged[-1].session.week - 1:
        return None
    week = mine[-1].session.week
    these = [x for x in mine if x.session.week == week]
    done = [x for x in these if x.done]
    words = GROUPS[group]
    of = f"{len(these)} {words} session{'s' if len(these) != 1 else ''} in week {week}"
    if not done:
        return Decision(group, "hold", f"none of the {of} was logged as done: hold")
    worse = [x for x in done if x.worse_next_morning]
    high = [
        x
        for x in done
        if x.entry is not None and x.entry.scores and max(x.entry.scores) > rules.amber.max_score
    ]
    if worse:
        return Decision(group, "back", f"pain next morning was worse after {len(worse)} of {of}: step back")
    if high:
        return Decision(
            group,
            "back",
            f"pain went above {rules.amber.max_score} in {len(high)} of {of}: step back",
        )
    amber = [x for x in done if x.zone == "amber"]
    if amber:
        return Decision(
            group,
            "hold",
            f"pain reached {rules.green.max_score + 1}-{rules.amber.max_score} ({rules.amber.label.lower()}) "
            f"in {len(amber)} of {of}: hold",
        )
    if len(done) < review.done_share_min * len(these):
        return Decision(
            group, "hold", f"only {len(done)} of {of} done: hold until {_enough(review)} are done"
        )
    recent = [x for x in mine if x.done][-in_a_row:]
    if len(recent) < in_a_row or any(x.zone != "green" for x in recent):
        unknown = sum(x.zone == "unknown" for x in done)
        why = f"{_plural(unknown, 'session')} without a pain score" if unknown else "too few sessions done"
        return Decision(
            group, "hold", f"{why} in week {week}: hold until {in_a_row} in a row are scored green"
        )
    return Decision(
        group,
        "up",
        f"pain stayed at {rules.green.max_score} or less during and the next morning in "
        f"{len(done)} of {of}: move up",
    )


def _enough(review: ReviewRules) -> str:
    """How many of a week's sessions must be done before a dose moves up, in words."""
    share = review.done_share_min
    if share == 1:
        return "all"
    return "most" if share == 0.5 else f"at least {share:.0%}"  # noqa: PLR2004 - the shipped share's word


def _warning_signs(logged: list[Logged]) -> list[str]:
    found: list[str] = []
    for x in logged:
        if x.entry is None or not x.entry.note:
            continue
        note = x.entry.note.lower().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
        sign = next((s for w, s in WARNING_WORDS.items() if re.search(rf"\b{re.escape(w)}", note)), None)
        if sign is not None:
            found.append(f'your note on {x.session.date} mentions {sign} ("{x.entry.note}")')
    return found


def review_log(record: PlanRecord, entries: tuple[Entry, ...], template: Template) -> Review:
    """Review ``entries`` against ``record`` by the rules of ``template``.

    ``template`` is the plan's goal with the pain zones of the runner's condition
    (:meth:`Template.for_conditions`): its ``pain_rules`` zones,
    ``progress_after_sessions`` green sessions in a row to move a dose up, and its
    ``review`` thresholds. Raises :class:`LogError` when nothing was logged.
    """
    rules, in_a_row, thresholds = template.pain_rules, template.progress_after_sessions, template.review
    filled = [e for e in entries if e.filled]
    if not filled:
        raise LogError(f"{record.source}: nothing is logged yet: tick Done and write the pain scores first")
    last_day = max(e.session.date for e in filled)
    sessions = [s for s in record.sessions if s.date <= last_day]
    by_key: dict[tuple[object, str], Entry] = {(e.session.date, e.session.label): e for e in filled}
    logged = _logged(sessions, by_key, rules)
    weeks = _weeks(logged, last_day, record)
    types: dict[str, list[int]] = {}
    for x in logged:
        counts = types.setdefault(x.session.label, [0, 0])
        counts[0] += 1
        counts[1] += x.done
    trend, rising = _trend(weeks, thresholds)
    decisions = tuple(d for g in GROUPS if (d := _decide(g, logged, rules, in_a_row, thresholds)) is not None)
    return Review(
        last_day,
        tuple(weeks),
        tuple((label, planned, done) for label, (planned, done) in types.items()),
        trend,
        decisions,
        tuple(_referral(logged, weeks, rules, thresholds, rising=rising)),
        tuple(_notes(logged, weeks, last_day)),
        tuple(logged),
    )


def _notes(logged: list[Logged], weeks: list[WeekSummary], last_day: dt.date) -> list[str]:
    """What the review counted in a way the runner should know: blanks, missing ticks, a partial week."""
    notes: list[str] = []
    for week in weeks:
        blank = [x for x in logged if x.session.week == week.week and x.entry is None]
        if blank and len(blank) < week.planned:
            notes.append(
                f"week {week.week}: {_plural(len(blank), 'session')} of {week.planned} left blank, "
                "counted as not done"
            )
        elif blank:
            notes.append(f"week {week.week}: nothing logged, counted as not done")
    unticked = [x for x in logged if x.entry is not None and x.entry.done is None and x.entry.scores]
    if unticked:
        notes.append(
            f"{_plural(len(unticked), 'session')} with pain scores but no Done mark, counted as not done"
        )
    if not weeks[-1].complete:
        notes.append(f"week {weeks[-1].week} is logged up to {last_day}; the next block starts the day after")
    return notes


def _referral(
    logged: list[Logged], weeks: list[WeekSummary], rules: PainRules, review: ReviewRules, *, rising: bool
) -> list[str]:
    """Why the pattern needs a clinician (empty when it does not)."""
    referral: list[str] = []
    refer = review.refer_score(rules)
    too_high = [x for x in logged if x.entry is not None and x.entry.scores and max(x.entry.scores) >= refer]
    if too_high:
        worst = max(max(x.entry.scores) for x in too_high if x.entry is not None)
        referral.append(
            f"pain reached {worst}/10 ({_plural(len(too_high), 'session')} above {refer - 1}, "
            f"first on {too_high[0].session.date})"
        )
    if rising:
        count = NUMBER_WORDS.get(review.rising_weeks, str(review.rising_weeks))
        referral.append(f"pain rose {count} weeks in a row")
    red_weeks = [f"week {w.week}: {w.red_days}" for w in weeks if w.red_days >= review.red_days_per_week]
    if red_weeks:
        weeks_text = ", ".join(red_weeks)
        referral.append(f"{review.red_days_per_week} or more days in one week in the red zone ({weeks_text})")
    referral += _warning_signs(logged)
    return referral
