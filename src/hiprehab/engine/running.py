"""Running: the walk-run ladder and capped growth of a runner's own volume (docs/evidence.md 2)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hiprehab.model.plan import Interval, Run
from hiprehab.vocab import RUN_STEP

if TYPE_CHECKING:
    from hiprehab.model.carry import Move
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import Build, WalkRun

KM_PER_MILE = 1.609344
LEAD_IN_WEEKS = 3  # weeks before the plan, taken to run at the profile's current volume
TOLERANCE = 1e-9  # volumes equal within float error


def floor_to(value: float, step: float) -> float:
    """Round down to a multiple of ``step``, so rounding never breaks a cap."""
    return round(math.floor(value / step + 1e-9) * step, 6)


@dataclass
class WalkRunLadder:
    """Walks a runner up the stages, each done at least ``repeats_per_stage_min`` times."""

    rules: WalkRun
    stage: int = 0
    done_at_stage: int = 0

    @property
    def finished(self) -> bool:
        """True once the last stage has been run ``repeats_per_stage_min`` times."""
        last = len(self.rules.stages) - 1
        return self.stage == last and self.done_at_stage >= self.rules.repeats_per_stage_min

    @property
    def last_stage_min(self) -> float:
        """Running minutes of the ladder's last stage (its continuous run)."""
        stage = self.rules.stages[-1]
        return stage.run_min * stage.repeats

    def resume(self, stage: int, repeats: int, move: Move) -> None:
        """Carry on from ``stage`` (from 1), the last one run, ``repeats`` times.

        ``up`` goes on as the ladder would (the next stage once this one has had
        its repeats); ``hold`` runs the stage again from its first repeat; ``back``
        goes one stage down.
        """
        last = len(self.rules.stages) - 1
        self.stage = max(0, min(stage - 1 if move != "back" else stage - 2, last))
        self.done_at_stage = 0
        if move == "up" and stage - 1 == self.stage:
            self.done_at_stage = repeats
            if repeats >= self.rules.repeats_per_stage_min and self.stage < last:
                self.stage += 1
                self.done_at_stage = 0

    def next_run(self) -> Run:
        """The next run of the ladder; advances the stage after enough repeats."""
        stage = self.rules.stages[self.stage]
        total = (stage.run_min + stage.walk_min) * stage.repeats
        intervals = (Interval(stage.run_min, stage.walk_min, stage.repeats),) if stage.walk_min else None
        if intervals:
            note = (
                f"Stage {self.stage + 1}: run {stage.run_min:g} min, "
                f"walk {stage.walk_min:g} min, {stage.repeats} times"
            )
        else:
            note = f"Stage {self.stage + 1}: run {stage.run_min:g} min without walking"
        run = Run(total, None, None, "min", intervals, self.stage + 1, long_run=False, note=note)
        self.done_at_stage += 1
        last = len(self.rules.stages) - 1
        if self.done_at_stage >= self.rules.repeats_per_stage_min and self.stage < last:
            self.stage += 1
            self.done_at_stage = 0
        return run


@dataclass
class VolumeBuilder:
    """Grows weekly volume within the caps of a :class:`Build` (docs/evidence.md 2.3, 5.6).

    Weekly volume rises by at most ``weekly_increase_max`` over the last full (not
    lighter) week and by at most ``two_week_increase_max`` over the full week before
    that; the week after a lighter week returns at most to the last full week, and
    growth resumes the week after. Volume stops at (1 + ``max_growth``) x the current
    volume, or at the current volume in a week that holds (``grow`` false, or
    ``hold`` for the whole plan).

    No run is longer than ``single_run_cap`` x the longest run of the
    ``lookback_days`` before the week's first run (never chained within a week). The
    long run is the longest of its week, grows to at most (1 + ``max_growth``) x the
    runner's longest run (held at it with ``hold_long``), and is no longer in a
    lighter week than the week before.
    """

    rules: Build
    profile: Profile
    start: dt.date
    hold: bool = False
    """Hold the weekly volume at the current volume for the whole plan."""
    hold_long: bool = False
    """Hold the long run at the runner's longest run (lateral hip pain or gluteal tendinopathy)."""
    first_move: Move = "hold"
    """A next block's carried decision for running: its first week holds, steps down, or grows once."""
    history: list[tuple[dt.date, float]] = field(default_factory=list)
    weeks: list[float] = field(default_factory=list)
    """Weekly totals: the lead-in weeks, then each planned week."""
    full: list[float] = field(default_factory=list)
    """Totals of the full (not lighter) weeks, lead-in weeks included."""
    longest: list[float] = field(default_factory=list)
    """The longest run of each planned week."""
    after_lighter: bool = False
    seed: tuple[float, float, str] | None = None
    """(weekly volume, longest run, units) to grow from instead of the profile's (after a ladder)."""
    short_weeks: list[tuple[int, float, float, int]] = field(default_factory=list)
    """Weeks that could not reach their target: (week index, target, reached, run days)."""
    stalled: list[tuple[int, float]] = field(default_factory=list)
    """Weeks meant to grow that rounding held at the last full week: (week index, volume).

    Below about ten steps (10 min, 1 km, 1 mile) a week, or a run, 10% more is less
    than one step, so rounding down gives the last full week back; nothing changes
    the next week, so running stays there for the rest of the plan.
    """
    growing: bool = False
    """True while the week being laid out is meant to grow, below the (unrounded) ceiling."""
    rounded_back: bool = False
    """True while 10% more, for the week or for a run, rounds back to what it was."""

    def __post_init__(self) -> None:
        base = self.base_volume
        self.weeks = [base] * LEAD_IN_WEEKS  # the weeks before the plan ran at the current volume
        self.full = [base] * LEAD_IN_WEEKS
        if self.base_longest > 0:
            self.history.append((self.start - dt.timedelta(days=1), self.base_longest))

    @property
    def base_volume(self) -> float:
        """The weekly volume growth starts from."""
        return self.seed[0] if self.seed else self.profile.weekly_volume

    @property
    def base_longest(self) -> float:
        """The longest recent run growth starts from."""
        return self.seed[1] if self.seed else self.profile.longest_run

    @property
    def units(self) -> str:
        """``km``, ``mi`` or ``min``."""
        return self.seed[2] if self.seed else self.profile.units

    @property
    def step(self) -> float:
        """Rounding step in the profile's units, and the shortest run."""
        return RUN_STEP[self.units]

    @property
    def is_first_week(self) -> bool:
        """True before any week of the plan has been laid out."""
        return len(self.weeks) == LEAD_IN_WEEKS

    @property
    def last_full(self) -> float:
        """The volume of the last full week."""
        return self.full[-1]

    def week_target(self, deload: bool, deload_volume: float, *, grow: bool = True) -> float:
        """This week's planned volume: never above the caps, nor above the growth ceiling."""
        base = self.base_volume
        if deload or (self.is_first_week and self.first_move == "back"):
            # A lighter week is lighter, but keeps at least one shortest run: rounded to
            # nothing, it would drop the running for a week and restart it the next.
            target = max(self.last_full * deload_volume, min(self.step, self.last_full))
        elif (self.is_first_week and self.first_move != "up") or self.after_lighter:
            target = self.last_full  # back to the last full week; growth resumes next week
        else:
            target = self.last_full * (1 + self.rules.weekly_increase_max)
        held = self.hold or not grow
        ceiling = base if held else base * (1 + self.rules.max_growth)
        self.growing = target > self.last_full > 0 and not held and ceiling > self.last_full
        self.rounded_back = floor_to(target, self.step) <= self.last_full
        one = (1 + self.rules.weekly_increase_max) * self.full[-1]
        two = (1 + self.rules.two_week_increase_max) * self.full[-2]
        jump = (1 + self.rules.week_jump_max) * self.weeks[-1] if self.weeks[-1] > 0 else target
        return floor_to(min(target, ceiling, one, two, jump), self.step)

    def recent_longest(self, day: dt.date) -> float:
        """The longest run of the ``lookback_days`` before ``day``."""
        since = day - dt.timedelta(days=self.rules.lookback_days)
        recent = [length for when, length in self.history if since <= when < day]
        return max(recent) if recent else self.base_longest

    def cap_on(self, day: dt.date) -> float:
        """The longest run allowed in a week whose first run is on ``day``."""
        return floor_to(self.recent_longest(day) * self.rules.single_run_cap, self.step)

    def long_cap(self, day: dt.date, deload: bool) -> float:
        """The longest the week's long run may be."""
        growth = 0.0 if self.hold_long else self.rules.max_growth
        cap = min(self.cap_on(day), self.base_longest * (1 + growth))
        if deload and self.longest and self.longest[-1] > 0:
            cap = min(cap, self.longest[-1])  # a lighter week's long run is no longer than last week's
        return floor_to(cap, self.step)

    def plan_week(self, days: list[dt.date], target: float, deload: bool) -> list[Run]:
        """Split the week's target over its run days; the last run is the long run."""
        if not days or target <= 0:
            self._close(target, 0.0, [], deload, 0)
            return []
        all_days = days
        most = max(1, math.floor(target / self.step + 1e-9))
        if len(days) > most:  # too little to share over every day: fewer, longer runs (none on the others)
            days = [*days[: most - 1], days[-1]]
        count = len(days)
        run_cap = self.cap_on(days[0])
        if not self.hold_long and run_cap <= floor_to(self.recent_longest(days[0]), self.step):
            self.rounded_back = True  # no run may grow a step: 10% of the longest is less than one
        long_cap = self.long_cap(days[0], deload)
        # The long run takes its share, but never less than an even split, so the
        # other runs never need to be longer than it and the week reaches its target.
        long_wanted = max(target * self.rules.long_run_share, target / count)
        long_len = floor_to(min(long_wanted, long_cap), self.step)
        other_cap = min(run_cap, long_len)  # the long run is the longest of its week
        rest = floor_to(min((target - long_len) / (count - 1), other_cap), self.step) if count > 1 else 0.0
        lengths = [rest] * (count - 1) + [long_len]
        # What rounding down left over goes to the other runs, a step at a time, within the caps.
        for index in range(count - 1):
            if sum(lengths) + self.step <= target + 1e-9 and lengths[index] + self.step <= other_cap + 1e-9:
                lengths[index] = round(lengths[index] + self.step, 6)
        planned = dict(zip(days, lengths, strict=True))
        runs = []
        for day in all_days:
            length = planned.get(day, 0.0)
            if length > 0:
                self.history.append((day, length))
            runs.append(self._run(length, long_run=day == days[-1] and count > 1))
        self._close(target, sum(lengths), lengths, deload, count)
        return runs

    def _close(self, target: float, total: float, lengths: list[float], deload: bool, count: int) -> None:
        total = round(total, 6)
        if self.growing and self.rounded_back and not deload and abs(total - self.last_full) < TOLERANCE:
            self.stalled.append((len(self.weeks) - LEAD_IN_WEEKS + 1, total))
        self.growing = self.rounded_back = False
        if count and not deload and total < target - count * self.step:  # more than rounding
            self.short_weeks.append((len(self.weeks) - LEAD_IN_WEEKS + 1, target, total, count))
        self.weeks.append(total)
        self.longest.append(max(lengths, default=0.0))
        if not deload and total > 0:
            self.full.append(total)
        self.after_lighter = deload

    def _run(self, length: float, *, long_run: bool) -> Run:
        units = self.units
        label = "Long run" if long_run else "Easy run"
        if units == "min":
            return Run(
                length, None, None, "min", None, None, long_run, f"{label}: {length:g} min at an easy pace"
            )
        km = length if units == "km" else round(length * KM_PER_MILE, 2)
        return Run(
            None, km, length, units, None, None, long_run, f"{label}: {length:g} {units} at an easy pace"
        )
