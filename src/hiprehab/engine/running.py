"""Running: the walk-run ladder and capped growth of a runner's own volume (docs/evidence.md 2)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hiprehab.model.plan import Interval, Run

if TYPE_CHECKING:
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import Build, WalkRun

KM_PER_MILE = 1.609344
LEAD_IN_WEEKS = 3  # weeks before the plan, taken to run at the profile's current volume


def floor_to(value: float, step: float) -> float:
    """Round down to a multiple of ``step``, so rounding never breaks a cap."""
    return round(math.floor(value / step + 1e-9) * step, 6)


@dataclass
class WalkRunLadder:
    """Walks a runner up the stages, each done at least ``repeats_per_stage_min`` times."""

    rules: WalkRun
    stage: int = 0
    done_at_stage: int = 0

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
    """Grows weekly volume within the caps of a :class:`Build` (docs/evidence.md 2.3).

    Weekly volume rises by at most ``weekly_increase_max`` over the higher of the
    two previous weeks, and by at most ``two_week_increase_max`` over the higher of
    the two weeks before those, so a lighter week does not reset the base. No
    single run is longer than ``single_run_cap`` times the longest run of the
    previous 30 days. With ``hold`` (a runner waiting for a clinician) nothing grows:
    no week above the current volume and no run longer than the longest so far.
    """

    rules: Build
    profile: Profile
    start: dt.date
    hold: bool = False
    history: list[tuple[dt.date, float]] = field(default_factory=list)
    weeks: list[float] = field(default_factory=list)
    last_full: float = 0.0

    def __post_init__(self) -> None:
        base = self.profile.weekly_volume
        self.weeks = [base] * LEAD_IN_WEEKS  # the weeks before the plan ran at the current volume
        self.last_full = base
        if self.profile.longest_run > 0:
            self.history.append((self.start - dt.timedelta(days=1), self.profile.longest_run))

    @property
    def step(self) -> float:
        """Rounding step in the profile's units."""
        return 1.0 if self.profile.units == "min" else 0.1

    @property
    def is_first_week(self) -> bool:
        """True before any week of the plan has been laid out."""
        return len(self.weeks) == LEAD_IN_WEEKS

    def week_target(self, deload: bool, deload_volume: float) -> float:
        """This week's planned volume: never above the caps, nor above the growth ceiling."""
        if self.is_first_week:
            target = self.last_full
        elif deload:
            target = self.last_full * deload_volume
        else:
            target = self.last_full * (1 + self.rules.weekly_increase_max)
        ceiling = self.profile.weekly_volume * (1 + self.rules.max_growth)
        target = min(target, self.profile.weekly_volume if self.hold else ceiling)
        one = (1 + self.rules.weekly_increase_max) * max(self.weeks[-1], self.weeks[-2])
        # The two weeks before the previous two; before week 1 only one lead-in week is that old.
        two = (1 + self.rules.two_week_increase_max) * max(self.weeks[-4:-2])
        return floor_to(min(target, one, two), self.step)

    def cap_on(self, day: dt.date) -> float:
        """The longest run allowed on ``day``."""
        since = day - dt.timedelta(days=self.rules.lookback_days)
        recent = [length for when, length in self.history if when >= since]
        longest = max(recent) if recent else self.profile.longest_run
        factor = 1.0 if self.hold else self.rules.single_run_cap
        return floor_to(longest * factor, self.step)

    def plan_week(self, days: list[dt.date], target: float, deload: bool) -> list[Run]:
        """Split the week's target over its run days; the last run is the long run."""
        if not days or target <= 0:
            self.weeks.append(0.0)
            return []
        count = len(days)
        # The long run takes its share, but never less than an even split, so the
        # other runs never need to be longer than it and the week reaches its target.
        long_wanted = max(target * self.rules.long_run_share, target / count)
        long_len = floor_to(min(long_wanted, self.cap_on(days[-1])), self.step)
        rest = floor_to((target - long_len) / (count - 1), self.step) if count > 1 else 0.0
        lengths = [rest] * (count - 1) + [long_len]
        runs = []
        for day, wanted in zip(days, lengths, strict=True):
            length = min(wanted, self.cap_on(day))
            self.history.append((day, length))
            runs.append(self._run(length, long_run=day == days[-1] and count > 1))
        total = round(sum(r.distance or r.total_min or 0 for r in runs), 6)
        self.weeks.append(total)
        if not deload and total > 0:
            self.last_full = total
        return runs

    def _run(self, length: float, *, long_run: bool) -> Run:
        units = self.profile.units
        label = "Long run" if long_run else "Easy run"
        if units == "min":
            return Run(
                length, None, None, "min", None, None, long_run, f"{label}: {length:g} min at an easy pace"
            )
        km = length if units == "km" else round(length * KM_PER_MILE, 2)
        return Run(
            None, km, length, units, None, None, long_run, f"{label}: {length:g} {units} at an easy pace"
        )
