"""Goal templates: phases, session blueprints, dose ranges, rules and advice.

Every number with a clinical meaning lives in a template file, named and with its
source, so a coach can read and change it without touching code; docs/evidence.md
gives the clinical basis of each.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, StrictBool, StrictFloat, StrictInt, model_validator

from hiprehab.model.base import ShortText, Slug, Strict, Text
from hiprehab.vocab import MAX_LEVEL, PAIN_SITES, AvoidWord, Condition, Goal, Kind, PainSite, Role

Count = Annotated[StrictInt, Field(ge=0, le=14)]


class Range(Strict):
    """An inclusive whole-number range."""

    min: Annotated[StrictInt, Field(ge=0, le=600)]
    max: Annotated[StrictInt, Field(ge=0, le=600)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min > self.max:
            msg = f"max: expected at least min ({self.min}), found {self.max}"
            raise ValueError(msg)
        return self

    def clamp(self, value: int) -> int:
        """``value`` moved inside the range."""
        return max(self.min, min(self.max, value))


class DoseRanges(Strict):
    """Dose ranges of a phase (ACSM 2009 progression models; LEAP for tendon holds)."""

    sets: Range
    reps: Range
    reps_per_side: Range
    hold_s: Range
    holds: Range
    """How many holds an isometric exercise gets (its sets), e.g. LEAP's 3-5 holds."""
    reps_step: Annotated[StrictInt, Field(ge=1, le=10)] = 2
    hold_step_s: Annotated[StrictInt, Field(ge=1, le=30)] = 5
    cardio_step_min: Annotated[StrictInt, Field(ge=1, le=30)] = 5
    stretch_hold_s: Range
    stretch_reps: Range
    cardio_min: Range


class Block(Strict):
    """How many sessions of one type a week, and what goes in them.

    Its slots are its ``families`` (each one ladder), then its ``roles`` (each any
    exercise of that role); ``kinds`` limits what may fill them. A block with
    neither families nor roles takes every exercise of its kinds.
    """

    sessions: Count = 0
    exercises: Range = Range.model_construct(min=0, max=0)
    families: tuple[Slug, ...] = ()
    roles: tuple[Role, ...] = ()
    kinds: tuple[Kind, ...] = ()


class WalkRunStage(Strict):
    """One stage of the walk-run ladder."""

    run_min: Annotated[StrictFloat, Field(gt=0, le=120)]
    walk_min: Annotated[StrictFloat, Field(ge=0, le=30)]
    repeats: Annotated[StrictInt, Field(ge=1, le=20)]


class WalkRun(Strict):
    """The return-to-running ladder (published walk-run tables, consensus level)."""

    runs_per_week_max: Annotated[StrictInt, Field(ge=1, le=7)]
    rest_days_between_runs_min: Annotated[StrictInt, Field(ge=0, le=3)]
    repeats_per_stage_min: Annotated[StrictInt, Field(ge=1, le=6)]
    stages: Annotated[tuple[WalkRunStage, ...], Field(min_length=1)]
    entry_test_families: tuple[Slug, ...] = ()
    """The families whose movements the entry test uses: each is trained before the ladder starts."""
    entry_criteria: Annotated[tuple[Text, ...], Field(min_length=1)]
    source: Text


class Build(Strict):
    """Rules for growing a runner's own volume (Nielsen 2014; Frandsen/Nielsen 2025)."""

    weekly_increase_max: Annotated[StrictFloat, Field(ge=0, le=1)]
    two_week_increase_max: Annotated[StrictFloat, Field(ge=0, le=1)]
    single_run_cap: Annotated[StrictFloat, Field(ge=1, le=2)]
    long_run_share: Annotated[StrictFloat, Field(gt=0, le=1)]
    runs_per_week_max: Annotated[StrictInt, Field(ge=1, le=7)]
    lookback_days: Annotated[StrictInt, Field(ge=7, le=90)] = 30
    """The single-run cap compares with the longest run of this many days (Frandsen/Nielsen 2025)."""
    max_growth: Annotated[StrictFloat, Field(ge=0, le=2)] = 0.5
    """Weekly volume and the long run stop growing at (1 + max_growth) x the runner's current values."""
    week_jump_max: Annotated[StrictFloat, Field(ge=0, le=1)] = 0.4
    """No week runs more than (1 + week_jump_max) x the week before it, lighter weeks included."""
    grow_pain_max: Annotated[StrictInt, Field(ge=0, le=10)] = 0
    """Volume grows only with pain at most this; above it the current volume is held for the plan."""
    hold_long_run_for: tuple[AvoidWord, ...] = ()
    """Pain sites and conditions whose long run is held at the runner's longest, not grown."""
    source: Text


class Phase(Strict):
    """A stretch of weeks with one purpose and one session blueprint."""

    id: Slug
    title: ShortText
    share: Annotated[StrictFloat, Field(ge=0, le=1)]
    min_weeks: Annotated[StrictInt, Field(ge=0, le=52)] = 0
    """Weeks this phase needs before the next one starts; a short plan drops later phases."""
    max_weeks: Annotated[StrictInt, Field(ge=1, le=52)] | None = None
    """Most weeks this phase lasts, whatever the plan's length; the next phase takes the rest."""
    after_ladder: StrictBool = False
    """Starts when the walk-run ladder is done, in place of the walk-run phase; it has no share."""
    intent: Text
    intent_without_running: Text | None = None
    """The focus printed instead of ``intent`` in a week of this phase that holds no run."""
    intent_held_running: Text | None = None
    """The focus printed instead of ``intent`` where the plan holds running that this phase would grow."""
    checkpoint: Text | None = None
    start_level: Annotated[StrictInt, Field(ge=1, le=MAX_LEVEL)] = 1
    max_level: Annotated[StrictInt, Field(ge=1, le=MAX_LEVEL)] = MAX_LEVEL
    progress: StrictBool = True
    strength: Block = Block.model_construct()
    activation: Block = Block.model_construct()
    mobility: Block = Block.model_construct()
    cross_training: Block = Block.model_construct()
    running: Literal["none", "walk_run", "build"] = "none"
    grow_running: StrictBool = True
    """False: the weekly volume stays at the runner's current volume in this phase."""
    ice: StrictBool = False
    dose: DoseRanges


class PainZone(Strict):
    """A band of the pain-monitoring traffic light."""

    label: ShortText
    max_score: Annotated[StrictInt, Field(ge=0, le=10)]
    action: Text


class PainRules(Strict):
    """The pain-monitoring model (Silbernagel 2007)."""

    green: PainZone
    amber: PainZone
    red: Text
    next_morning: Text
    source: Text


class ReviewRules(Strict):
    """How ``hiprehab review`` reads a filled-in log.

    The traffic-light zones themselves are ``pain_rules``; these say when a pain
    pattern needs a clinician rather than another block, and when a dose may move up.
    """

    refer_pain_score: Annotated[StrictInt, Field(ge=1, le=10)] | None = None
    """A logged pain score at or above this ends the review in a referral; unset: above the amber zone."""
    rising_weeks: Annotated[StrictInt, Field(ge=2, le=8)] = 2
    """Weekly average pain rising this many weeks in a row needs a clinician..."""
    rising_by: Annotated[StrictFloat, Field(gt=0, le=10)] = 1.0
    """...when it rose by at least this much over those weeks."""
    red_days_per_week: Annotated[StrictInt, Field(ge=1, le=14)] = 3
    """Days in one week with a session in the red zone that need a clinician rather than another step back."""
    done_share_min: Annotated[StrictFloat, Field(gt=0, le=1)] = 0.5
    """A dose moves up only when at least this share of the week's sessions of its kind were done."""

    def refer_score(self, rules: PainRules) -> int:
        """The pain score from which a log needs a clinician, under the pain zones ``rules``."""
        return self.refer_pain_score if self.refer_pain_score is not None else rules.amber.max_score + 1


class ConditionRules(Strict):
    """What a condition changes in the printed rules: its own pain zones and progression."""

    pain_rules: PainRules
    progression: tuple[Text, ...] | None = None
    """Replaces the template's progression list, when given."""


class Advice(Strict):
    """A heading and its paragraphs, printed on the how-to page."""

    heading: ShortText
    text: Text
    running: StrictBool = False
    """Advice about running itself: left out of a plan that holds no running."""


class Template(Strict):
    """A goal: its phases, rules and the advice the plan prints."""

    id: Slug
    title: ShortText
    exercise_goal: Goal
    """Which catalogue goal (``goals`` of an exercise) this template draws from."""
    summary: Text
    summary_without_running: Text | None = None
    """Printed instead of ``summary`` when the plan holds no running (held until a clinician's check,
    or no run days)."""
    weeks_default: Annotated[StrictInt, Field(ge=2, le=52)]
    weeks_min: Annotated[StrictInt, Field(ge=2, le=52)] = 2
    weeks_max: Annotated[StrictInt, Field(ge=2, le=52)] = 52
    deload_every: Annotated[StrictInt, Field(ge=0, le=12)] = 0
    deload_volume: Annotated[StrictFloat, Field(gt=0, le=1)] = 1.0
    deload_sets_drop: Annotated[StrictInt, Field(ge=0, le=3)] = 1
    """Sets taken off each strength exercise in a lighter week."""
    progress_after_sessions: Annotated[StrictInt, Field(ge=1, le=6)] = 2
    """Sessions at a dose before it moves up (ACSM's "2-for-2" rule)."""
    strength_gap_days: Annotated[StrictInt, Field(ge=1, le=3)] = 2
    """Days between loaded strength sessions: 2 means at least 48 hours (ACSM)."""
    rung_changes_per_week_max: Annotated[StrictInt, Field(ge=1, le=10)] = 2
    """How many exercises may move up a rung in the same week."""
    entry_pain_max: Annotated[StrictInt, Field(ge=0, le=10)] | None = None
    """Highest pain score this goal is for; above it the runner is sent to another goal."""
    entry_pain_goal: Slug | None = None
    """The goal to suggest when the pain is above ``entry_pain_max``."""
    condition_rules: dict[Condition, ConditionRules] = Field(default_factory=dict)
    """Pain zones (and progression) a condition uses instead of the template's, e.g. hip OA's NEMEX zones."""
    condition_notes: dict[Condition, Text] = Field(default_factory=dict)
    """Advice printed for runners with a condition, e.g. the stricter pain zones in hip OA."""
    pain_rules: PainRules
    # The review's thresholds rest on the pain-monitoring model and the refer-first
    # signs of the screening (docs/evidence.md 1.4, 5.3, 5.6).
    review: ReviewRules = ReviewRules()
    """When ``hiprehab review`` refers a runner on, and when a logged dose moves up."""
    progression: Annotated[tuple[Text, ...], Field(min_length=1)]
    step_back: Annotated[tuple[Text, ...], Field(min_length=1)]
    running_progression: tuple[Text, ...] = ()
    """How running grows, printed after ``progression`` only when the plan holds running."""
    running_step_back: tuple[Text, ...] = ()
    """When to run less, printed after ``step_back`` only when the plan holds running."""
    site_rules: dict[PainSite, tuple[AvoidWord, ...]]
    """The conditions each pain site is routed to; every site must be given."""
    site_first: dict[PainSite, tuple[Slug, ...]] = Field(default_factory=dict)
    """Families that come first in every block that lists them, for runners with pain at the site."""
    phases: Annotated[tuple[Phase, ...], Field(min_length=1)]
    warmup: Block
    cooldown: Block
    ice: Block = Block.model_construct()
    """Where the optional ice comes from, on phases with ``ice: true`` (at most 20 minutes)."""
    rest_day: Block = Block.model_construct()
    """What a rest day suggests (easy walking, sleep)."""
    held_running: Block = Block()
    """Walking or cross-training in place of running while it waits for a clinician."""
    pre_run_static_max_s: Annotated[StrictInt, Field(ge=0, le=120)]
    """Longest total still stretch per exercise before a run (Behm 2016: under 60 s)."""
    walk_run: WalkRun | None = None
    build: Build | None = None
    advice: Annotated[tuple[Advice, ...], Field(min_length=1)]
    sources: Annotated[tuple[Text, ...], Field(min_length=1)]

    def for_conditions(self, conditions: tuple[Condition, ...]) -> Template:
        """This template with the pain zones and progression of the first condition that has its own."""
        rules = next((self.condition_rules[c] for c in conditions if c in self.condition_rules), None)
        if rules is None:
            return self
        update: dict[str, object] = {"pain_rules": rules.pain_rules}
        if rules.progression is not None:
            update["progression"] = rules.progression
        return self.model_copy(update=update)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.weeks_min <= self.weeks_default <= self.weeks_max:
            msg = (
                f"weeks_default: expected a value from weeks_min ({self.weeks_min}) "
                f"to weeks_max ({self.weeks_max}), found {self.weeks_default}"
            )
            raise ValueError(msg)
        missing = [site for site in PAIN_SITES if site not in self.site_rules]
        if missing:
            msg = f"site_rules: expected a rule for every pain site, missing {', '.join(missing)}"
            raise ValueError(msg)
        total = sum(p.share for p in self.phases)
        if abs(total - 1) > 1e-6:  # noqa: PLR2004 - a rounding tolerance, not a clinical number
            msg = f"phases: expected shares that add up to 1, found {total:g}"
            raise ValueError(msg)
        refer = self.review.refer_pain_score
        zones = [("pain_rules", self.pain_rules)] + [
            (f"condition_rules.{c}.pain_rules", r.pain_rules) for c, r in self.condition_rules.items()
        ]
        for where, rules in zones:
            if refer is not None and refer <= rules.green.max_score:
                msg = (
                    f"review.refer_pain_score: expected more than {where}.green.max_score "
                    f"({rules.green.max_score}), found {refer}"
                )
                raise ValueError(msg)
        modes = {p.running for p in self.phases}
        if "walk_run" in modes and self.walk_run is None:
            msg = "walk_run: expected the walk-run ladder, because a phase uses running: walk_run"
            raise ValueError(msg)
        if "build" in modes and self.build is None:
            msg = "build: expected the volume rules, because a phase uses running: build"
            raise ValueError(msg)
        return self
