"""Schedule a plan week by week: strength, holds, runs, cross-training, stretching, rest.

Pure: no clock, no files. The same inputs always give the same weeks.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hiprehab.engine import progress
from hiprehab.engine.running import VolumeBuilder, WalkRunLadder
from hiprehab.model.notice import Notice
from hiprehab.model.plan import Day, Item, Part, Session, Week
from hiprehab.vocab import MAX_LEVEL, WEEKDAYS

if TYPE_CHECKING:
    from hiprehab.engine.progress import Track
    from hiprehab.engine.select import Selector
    from hiprehab.model.carry import Carry, Move
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.exercise import Dose, Exercise
    from hiprehab.model.plan import Run
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import Block, Phase, Template

DayPlan = dict[dt.date, list[Session]]

POOL_KINDS: dict[str, tuple[str, ...]] = {
    "warmup": ("warmup",),
    "cooldown": ("cooldown",),
    "cross_training": ("cardio",),
    "held_running": ("cardio",),
    "mobility": ("stretch",),
}
"""The kinds a block that draws from a pool takes when it names no families, roles or kinds."""


@dataclass(frozen=True)
class Slot:
    """One block of a template as a plan uses it: where it is, its ceiling and how it doses.

    ``progressive`` blocks (strength, activation) pick the rung nearest the phase's
    start and climb their ladders up to ``max_level``; the others draw from a pool.
    """

    name: str
    phase: Phase | None
    block: Block
    max_level: int = MAX_LEVEL
    progressive: bool = False

    @property
    def default_kinds(self) -> tuple[str, ...]:
        """The kinds it takes when it names none (see :data:`POOL_KINDS`)."""
        return POOL_KINDS.get(self.name, ())

    def dose(self, exercise: Exercise, template: Template) -> Track | None:
        """The first dose a plan gives ``exercise`` here; None where no phase bounds it (cool-down)."""
        if self.name == "warmup":
            return progress.before_run(exercise, template.pre_run_static_max_s)
        if self.phase is None:
            return None
        return progress.start(exercise, self.phase.dose)


def slots(template: Template) -> list[Slot]:
    """Every block of ``template`` that some plan can use, as :class:`Scheduler` uses it.

    A block with no sessions or no exercises of a phase is left out; the warm-up and
    cool-down come with runs, ice with a phase that has it, running held for a
    clinician with a phase that runs. Rest days and ice take the phase's dose ranges.
    """
    found: list[Slot] = []
    for phase in template.phases:
        for name in ("strength", "activation"):
            block: Block = getattr(phase, name)
            if block.sessions > 0 and block.exercises.max > 0:
                found.append(Slot(name, phase, block, phase.max_level, progressive=True))
        for name in ("cross_training", "mobility"):
            block = getattr(phase, name)
            if block.sessions > 0:
                found.append(Slot(name, phase, block))
        if phase.running != "none":
            found += [Slot("warmup", phase, template.warmup), Slot("cooldown", None, template.cooldown)]
            if template.held_running.sessions > 0:
                found.append(Slot("held_running", phase, template.held_running))
        if phase.ice:
            found.append(Slot("ice", phase, template.ice))
        found.append(Slot("rest_day", phase, template.rest_day))
    return found


def _spread(candidates: list[dt.date], count: int) -> list[dt.date]:
    """Pick ``count`` of ``candidates`` spread evenly through the week."""
    if count >= len(candidates):
        return candidates
    if count <= 0:
        return []
    step = len(candidates) / count
    return [candidates[math.floor(i * step)] for i in range(count)]


def _apart(candidates: list[dt.date], count: int, last: dt.date | None, gap: int) -> list[dt.date]:
    """Pick up to ``count`` dates in order, each at least ``gap`` days after the one before."""
    chosen: list[dt.date] = []
    for day in candidates:
        if len(chosen) >= count:
            break
        previous = chosen[-1] if chosen else last
        if previous is None or (day - previous).days >= gap:
            chosen.append(day)
    return chosen


def _holds(days: tuple[int, ...], gap: int) -> bool:
    """True when these weekdays, repeated every week, are each ``gap`` days or more apart."""
    ordered = sorted(days)
    return all((b - a) % 7 >= gap for a, b in zip(ordered, ordered[1:] + ordered[:1], strict=True)) or (
        len(ordered) == 1 and gap <= 7  # noqa: PLR2004 - a week has seven days
    )


def strength_weekdays(given: tuple[str, ...], run_days: tuple[str, ...], gap: int) -> tuple[str, ...]:
    """The strength days to use: ``given`` when they hold two sessions ``gap`` days apart every week.

    Otherwise the nearest pair that does (ACSM: at least two sessions a week, 48 hours
    apart, docs/evidence.md 1.1): each chosen day as close as possible to a given day,
    then as few run days as possible, then the earliest in the week.
    """
    wanted = 2
    index = [WEEKDAYS.index(d) for d in given]
    if any(_holds(c, gap) for c in itertools.combinations(index, wanted)):
        return given

    def cost(days: tuple[int, ...]) -> tuple[int, int, tuple[int, ...]]:
        near = sum(min(min((x - d) % 7, (d - x) % 7) for d in index) for x in days) if index else 0
        return near, sum(WEEKDAYS[x] in run_days for x in days), days

    pairs = [c for c in itertools.combinations(range(7), wanted) if _holds(c, gap)]
    return tuple(WEEKDAYS[x] for x in min(pairs, key=cost))


@dataclass
class Scheduler:
    """Lays out a plan week by week and remembers what carries over: rungs, doses, last sessions."""

    catalogue: Catalogue
    template: Template
    profile: Profile
    start: dt.date
    selector: Selector
    tracks: dict[tuple[str, str], Track] = field(default_factory=dict)
    sessions_since_change: dict[tuple[str, str], int] = field(default_factory=dict)
    last_strength: dt.date | None = None
    last_run: dt.date | None = None
    rotation: dict[str, int] = field(default_factory=dict)
    library: dict[str, Exercise] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    ladder: WalkRunLadder | None = None
    volume: VolumeBuilder | None = None
    referred: bool = False
    running_held: bool = False
    """No running until a clinician has seen the runner: walking or cross-training instead."""
    rung_changes: int = 0
    """Exercises moved up a rung in the week being laid out."""
    running_starts: bool = False
    """True in a week with runs after a week without: no rung changes then."""
    ran_last_week: bool = False
    strength_weekdays: tuple[str, ...] = ()
    carry: Carry | None = None
    moves: dict[tuple[str, str], Move] = field(default_factory=dict)
    """Decisions carried over from the last block, applied the first time each family is used."""
    phase: Phase | None = None
    """The phase of the week being laid out."""
    first_doses: dict[str, Dose] = field(default_factory=dict)
    """The first dose each scheduled exercise gets."""
    rung_doses: dict[str, Dose] = field(default_factory=dict)
    """The dose an easier or harder rung would start at, where an item first points to it."""

    def __post_init__(self) -> None:
        running = self.carry.running if self.carry is not None else "hold"
        if self.template.walk_run is not None:
            self.ladder = WalkRunLadder(self.template.walk_run)
            if self.carry is not None and self.carry.walk_run_stage is not None:
                self.ladder.resume(self.carry.walk_run_stage, self.carry.walk_run_repeats, running)
        if self.template.build is not None and self.template.walk_run is None:
            self.volume = self._builder(seed=None, start=self.start, first_move=running)
        for carried in self.carry.tracks if self.carry is not None else ():
            exercise = self.catalogue.get(carried.exercise)
            if exercise is None or not self.selector.allowed(exercise):
                continue  # gone from the catalogue, or not for this runner: the block starts it afresh
            key = (carried.block, carried.family)
            self.tracks[key] = progress.Track(exercise, carried.sets, carried.amount)
            # Up is due at once; hold and back wait the usual sessions at their dose.
            due = carried.move == "up"
            self.sessions_since_change[key] = self.template.progress_after_sessions if due else 0
            self.moves[key] = carried.move

    # -- items -------------------------------------------------------------------
    def _item(
        self,
        track: Track,
        part: Part = "main",
        *,
        optional: bool = False,
        change: str | None = None,
        block: Block | None = None,
        ceiling: int = MAX_LEVEL,
    ) -> Item:
        exercise = track.exercise
        how = progress.measure(exercise)
        easier = self.selector.easier(exercise)
        # The printed step up stays inside the phase's ceiling and the block's kinds.
        harder = self.selector.next_rung(exercise, block.kinds if block else (), ceiling)
        for used in (exercise, easier, harder):
            if used is not None:
                self.library.setdefault(used.id, used)
        if exercise.id not in self.first_doses:  # the first scheduled dose is the card's
            self.first_doses[exercise.id] = track.as_dose()
        for rung in (easier, harder):
            if rung is not None and rung.id not in self.rung_doses:
                self.rung_doses[rung.id] = self._rung_dose(rung, part).as_dose()
        return Item(
            exercise=exercise,
            sets=track.sets,
            reps=track.amount if how == "reps" else None,
            hold_s=track.amount if how == "hold_s" else None,
            duration_min=float(track.amount) if how == "duration_min" else None,
            per_side=exercise.dose.per_side,
            rest_s=exercise.dose.rest_s,
            easier=easier,
            harder=harder,
            part=part,
            optional=optional,
            change=change,
        )

    def _rung_dose(self, rung: Exercise, part: Part) -> Track:
        """The dose a plan would give ``rung`` where an item of ``part`` points to it."""
        if part == "warmup":
            return progress.before_run(rung, self.template.pre_run_static_max_s)
        if part == "cooldown" or self.phase is None:
            return progress.as_given(rung)
        return progress.start(rung, self.phase.dose)

    @property
    def card_doses(self) -> dict[str, Dose]:
        """The dose each card prints: the first scheduled one, else the one a rung would start at."""
        return {**self.rung_doses, **self.first_doses}

    def _rotate(self, key: str, pool: list[Exercise], count: int) -> list[Exercise]:
        """Take ``count`` of ``pool`` in turn, so sessions vary from week to week."""
        if not pool or count <= 0:
            return []
        offset = self.rotation.get(key, 0)
        self.rotation[key] = offset + count
        return [pool[(offset + i) % len(pool)] for i in range(min(count, len(pool)))]

    # -- progressive blocks (strength, activation) --------------------------------
    def _site_first(self, block: Block) -> Block:
        """The block with the pain sites' own families first (e.g. adductor loading for groin pain)."""
        first = [f for site in self.profile.pain_sites for f in self.template.site_first.get(site, ())]
        lead = [f for f in dict.fromkeys(first) if f in block.families]
        if not lead:
            return block
        return block.model_copy(update={"families": (*lead, *(f for f in block.families if f not in lead))})

    def _progressive(
        self, name: str, block: Block, phase: Phase, deload: bool
    ) -> list[tuple[Track, str | None]]:
        block = self._site_first(block)
        picks = self.selector.block(block, phase.start_level, phase.max_level)[: block.exercises.max]
        if len(picks) < block.exercises.min:
            self._notice(Notice.of("few_exercises", count=len(picks), block=name, aim=block.exercises.min))
        result: list[tuple[Track, str | None]] = []
        for pick in picks:
            key = (name, pick.family)
            track = self.tracks.get(key)
            change: str | None = None
            if track is None:
                track = progress.start(pick, phase.dose)
                self.sessions_since_change[key] = 0
            elif track.exercise.level < pick.level and self._may_change(key, phase, deload, rung=True):
                # A new phase starts higher up the ladder: a rung change like any other.
                track = progress.start(pick, phase.dose)
                change = f"next rung: {pick.name}"
            else:
                track = progress.fit(track, phase.dose)
                if self.moves.pop(key, None) == "back":
                    track, change = progress.step_back(track, phase.dose, self.selector)
                elif self._may_change(key, phase, deload, rung=False):
                    moved, change = progress.advance(
                        track, phase.dose, self.selector, block.kinds, phase.max_level
                    )
                    if moved.exercise.id != track.exercise.id and not self._may_change(
                        key, phase, deload, rung=True
                    ):
                        change = None  # enough rungs move this week; this one waits
                    else:
                        track = moved
            if change is not None:
                self.sessions_since_change[key] = 0
                if change.startswith("next rung"):
                    self.rung_changes += 1
            self.tracks[key] = track
            lighter = progress.lighter(track, phase.dose, self.template.deload_sets_drop)
            result.append((lighter if deload else track, change))
        return result

    def _may_change(self, key: tuple[str, str], phase: Phase, deload: bool, *, rung: bool) -> bool:
        """Whether a family may change this week (docs/evidence.md 1.1, 5.1).

        Only after ``progress_after_sessions`` sessions at its dose (2-for-2, counted
        across weeks), never in a lighter week nor for a referred runner; a new rung
        also waits in the week running starts again, and at most
        ``rung_changes_per_week_max`` exercises move up a rung in one week.
        """
        due = self.sessions_since_change.get(key, 0) >= self.template.progress_after_sessions
        if not (phase.progress and due and not deload and not self.referred):
            return False
        return not rung or (
            not self.running_starts and self.rung_changes < self.template.rung_changes_per_week_max
        )

    def _count(self, name: str, tracks: list[tuple[Track, str | None]], sessions: int) -> None:
        for track, _ in tracks:
            key = (name, track.exercise.family)
            self.sessions_since_change[key] = self.sessions_since_change.get(key, 0) + sessions

    def _notice(self, notice: Notice) -> None:
        if notice not in self.notices:
            self.notices.append(notice)

    # -- runs -----------------------------------------------------------------------
    def _warmup(self, phase: Phase) -> list[Item]:
        pool = self.selector.pool(self.template.warmup, POOL_KINDS["warmup"])
        aerobic = [e for e in pool if e.dose.duration_min is not None]
        drills = [e for e in pool if e.dose.duration_min is None]
        chosen: list[Exercise] = []
        if aerobic:
            # Walk-run days start with a brisk walk; volume days with the easiest jog allowed.
            chosen.append(aerobic[0] if phase.running == "walk_run" else max(aerobic, key=lambda e: e.level))
        chosen += drills[: self.template.warmup.exercises.max - len(chosen)]
        items = []
        for exercise in chosen:
            track = progress.before_run(exercise, self.template.pre_run_static_max_s)
            # Before a walk-run, no "harder" option means more running than the stage itself.
            ceiling = exercise.level if phase.running == "walk_run" else MAX_LEVEL
            items.append(self._item(track, "warmup", ceiling=ceiling))
        return items

    def _cooldown(self) -> list[Item]:
        pool = self.selector.pool(self.template.cooldown, POOL_KINDS["cooldown"])
        chosen = pool[: self.template.cooldown.exercises.max]
        return [self._item(progress.as_given(e), "cooldown", optional=True) for e in chosen]

    def _run_session(self, run: Run, phase: Phase) -> Session:
        items = (*self._warmup(phase), *self._cooldown())
        title = "Walk-run" if run.intervals else ("Long run" if run.long_run else "Run")
        return Session("run", title, items, run=run, note=run.note)

    def _run_days(
        self, phase: Phase, dates: list[dt.date], deload: bool, strength: list[dt.date]
    ) -> list[tuple[dt.date, Run]]:
        if self.running_held:
            return []
        wanted = [d for d in dates if WEEKDAYS[d.weekday()] in self.profile.run_days]
        if len(set(wanted) | set(strength)) == len(dates):
            # Every week keeps a day with no strength, run or cross-training: the first
            # run day that is not a strength day becomes a rest day.
            spare = next(d for d in wanted if d not in strength)
            wanted.remove(spare)
            self._notice(Notice.of("rest_day_kept", weekday=WEEKDAYS[spare.weekday()]))
        if phase.running == "walk_run" and self.ladder is not None:
            rules = self.ladder.rules
            gap = rules.rest_days_between_runs_min + 1
            days = _apart(wanted, rules.runs_per_week_max, self.last_run, gap)
            return [(d, self.ladder.next_run()) for d in days]
        if (
            phase.running == "build"
            and self.volume is None
            and self.ladder is not None
            and self.ladder.finished
        ):
            self.volume = self._volume_after_ladder(dates[0])
        if phase.running == "build" and self.volume is not None:
            days = wanted[: self.volume.rules.runs_per_week_max]
            if len(wanted) > len(days):
                self._notice(Notice.of("run_days_capped", most=self.volume.rules.runs_per_week_max))
            target = self.volume.week_target(deload, self.template.deload_volume, grow=phase.grow_running)
            runs = self.volume.plan_week(days, target, deload)
            if not runs:
                return []
            # A run capped to nothing (no longest run given, or a tiny volume) is no run at all.
            return [(d, r) for d, r in zip(days, runs, strict=True) if r.distance or r.total_min]
        return []

    def _volume_after_ladder(self, start: dt.date) -> VolumeBuilder | None:
        """Grow continuous running from where the walk-run ladder ended, in minutes."""
        if self.template.build is None or self.ladder is None:
            return None
        longest = self.ladder.last_stage_min
        runs = max(1, min(len(self.profile.run_days), self.ladder.rules.runs_per_week_max))
        return self._builder(seed=(longest * runs, longest, "min"), start=start)

    def _builder(
        self, seed: tuple[float, float, str] | None, start: dt.date, first_move: Move = "hold"
    ) -> VolumeBuilder:
        build = self.template.build
        assert build is not None  # noqa: S101 - callers check it
        return VolumeBuilder(
            build,
            self.profile,
            start,
            hold=self.profile.pain > build.grow_pain_max,
            hold_long=bool(self.profile.avoid_words & set(build.hold_long_run_for)),
            seed=seed,
            first_move=first_move,
        )

    # -- a week ---------------------------------------------------------------------
    def _strength_dates(self, phase: Phase, dates: list[dt.date]) -> list[dt.date]:
        """This week's strength days, 48 h apart (docs/evidence.md 1.1), across weeks too."""
        if phase.strength.sessions <= 0:
            return []
        if not self.strength_weekdays:
            gap = self.template.strength_gap_days
            self.strength_weekdays = strength_weekdays(self.profile.strength_days, self.profile.run_days, gap)
            if self.strength_weekdays != self.profile.strength_days:
                given = ",".join(self.profile.strength_days) or "none"
                self._notice(
                    Notice.of("strength_days_moved", given=given, used=",".join(self.strength_weekdays))
                )
        wanted = [d for d in dates if WEEKDAYS[d.weekday()] in self.strength_weekdays]
        days = _apart(wanted, phase.strength.sessions, self.last_strength, self.template.strength_gap_days)
        if days:
            self.last_strength = days[-1]
        return days

    def _strength(self, phase: Phase, days: list[dt.date], deload: bool, plan: DayPlan) -> list[dt.date]:
        if days:
            tracks = self._progressive("strength", phase.strength, phase, deload)
            self._count("strength", tracks, len(days))
            for day in days:
                items = tuple(
                    self._item(t, change=c, block=phase.strength, ceiling=phase.max_level) for t, c in tracks
                )
                plan[day].append(Session("strength", "Strength", items))
        return days

    def _activation(
        self, phase: Phase, dates: list[dt.date], strength: list[dt.date], deload: bool, plan: DayPlan
    ) -> None:
        if phase.activation.sessions >= len(dates):
            days = dates  # low-load holds may be daily (LEAP)
        else:
            days = _spread([d for d in dates if d not in strength] or dates, phase.activation.sessions)
        if not days:
            return
        tracks = self._progressive("activation", phase.activation, phase, deload)
        self._count("activation", tracks, len(days))
        for day in days:
            items = tuple(
                self._item(t, change=c, block=phase.activation, ceiling=phase.max_level) for t, c in tracks
            )
            plan[day].insert(0, Session("activation", "Gentle holds", items))

    def _cross_training(self, phase: Phase, free: list[dt.date], plan: DayPlan) -> None:
        # At least one free day stays a rest day: no strength, running or cross-training.
        days = _spread(free[:-1], phase.cross_training.sessions)
        pool = self.selector.pool(phase.cross_training, POOL_KINDS["cross_training"])
        if days and not pool:
            causes = self.selector.why_empty(phase.cross_training, POOL_KINDS["cross_training"])
            self._notice(Notice.of("no_cross_training", causes=",".join(causes)))
        for day in days:
            for exercise in self._rotate("cardio", pool, 1):
                track = progress.start(exercise, phase.dose)
                plan[day].append(Session("cross_training", "Cross-training", (self._item(track),)))

    def _held_running(
        self, phase: Phase, dates: list[dt.date], strength: list[dt.date], plan: DayPlan
    ) -> list[dt.date]:
        """Walking or cross-training on the run days while running waits for a clinician."""
        if not self.running_held or phase.running == "none":
            return []
        wanted = [d for d in dates if WEEKDAYS[d.weekday()] in self.profile.run_days]
        candidates = [d for d in wanted if d not in strength] or [d for d in dates if d not in strength]
        block = self.template.held_running
        days = _spread(candidates, block.sessions)
        pool = self.selector.pool(block, POOL_KINDS["held_running"])
        for day in days:
            for exercise in self._rotate("cardio", pool, 1):
                track = progress.start(exercise, phase.dose)
                plan[day].append(
                    Session("cross_training", "Walk or cross-train, no running yet", (self._item(track),))
                )
        return days

    def _mobility(
        self, phase: Phase, dates: list[dt.date], free: list[dt.date], strength: list[dt.date], plan: DayPlan
    ) -> None:
        # Stretching goes on free days first, then run days: a strength day is long enough already.
        days = _spread(free, phase.mobility.sessions)
        if len(days) < phase.mobility.sessions:
            days = _spread([d for d in dates if d not in strength], phase.mobility.sessions)
        if len(days) < phase.mobility.sessions:
            days = _spread(dates, phase.mobility.sessions)
        stretches = self.selector.pool(phase.mobility, POOL_KINDS["mobility"])
        for day in days:
            chosen = self._rotate("mobility", stretches, phase.mobility.exercises.max)
            items = tuple(self._item(progress.start(e, phase.dose)) for e in chosen)
            if items:
                plan[day].append(Session("mobility", "Stretch and mobility", items))

    def _ice(self, phase: Phase, dates: list[dt.date], plan: DayPlan) -> None:
        ice = self.selector.block(self.template.ice, 1, MAX_LEVEL)[:1] if phase.ice else []
        for day in dates:
            if ice and any(s.type in {"run", "cross_training"} for s in plan[day]):
                item = self._item(progress.start(ice[0], phase.dose), optional=True)
                plan[day].append(Session("recovery", "Ice if it helps (optional)", (item,)))

    def week(self, number: int, phase: Phase, deload: bool) -> Week:
        """Lay out one week: strength, holds, runs, cross-training, stretching, ice, rest."""
        self.phase = phase
        dates = [self.start + dt.timedelta(days=7 * (number - 1) + i) for i in range(7)]
        plan: DayPlan = {d: [] for d in dates}
        strength = self._strength_dates(phase, dates)
        runs = self._run_days(phase, dates, deload, strength)
        if runs:
            self.last_run = runs[-1][0]
        self.rung_changes = 0
        self.running_starts = bool(runs) and not self.ran_last_week
        self.ran_last_week = bool(runs)
        self._strength(phase, strength, deload, plan)
        self._activation(phase, dates, strength, deload, plan)
        for day, run in runs:
            plan[day].append(self._run_session(run, phase))
        held = self._held_running(phase, dates, strength, plan)
        busy = set(strength) | {d for d, _ in runs} | set(held)
        free = [d for d in dates if d not in busy]
        self._cross_training(phase, free, plan)
        self._mobility(phase, dates, free, strength, plan)
        self._ice(phase, dates, plan)
        rest = self.selector.block(self.template.rest_day, 1, MAX_LEVEL)[:1]
        days = []
        for day in dates:
            sessions = plan[day]
            if not sessions:
                items = tuple(self._item(progress.start(e, phase.dose)) for e in rest)
                sessions = [Session("rest", "Rest day", items)]
            days.append(Day(day, tuple(sessions)))
        target = (
            self.volume.weeks[-1] if runs and self.volume is not None and phase.running == "build" else None
        )
        return Week(number, phase, deload, tuple(days), running_target=target)
