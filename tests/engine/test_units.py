"""Unit tests of the plan engine's parts: phases, day picking, running caps, progression, rungs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiprehab.engine import build_plan, progress
from hiprehab.engine.build import allocate_phases
from hiprehab.engine.running import VolumeBuilder, WalkRunLadder
from hiprehab.engine.schedule import _apart, _spread
from hiprehab.engine.select import HOUSEHOLD, Selector
from hiprehab.model.catalogue import Catalogue
from hiprehab.model.notice import Notice
from hiprehab.model.plan import Interval
from hiprehab.model.profile import Profile
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.exercise import Exercise
    from hiprehab.model.template import Build, Template

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2027, 1, 4)
WEEK = [MONDAY + dt.timedelta(days=i) for i in range(7)]
MON, TUE, WED, THU, FRI, SAT, SUN = WEEK
NO_RUNS = Notice.of("no_weekly_volume")
NO_LONGEST_RUN = Notice.of("no_longest_run")


_inputs = default_inputs


def _template(goal: str) -> Template:
    return _inputs()[1][goal]


def _exercise(exercise_id: str) -> Exercise:
    exercise = _inputs()[0].get(exercise_id)
    assert exercise is not None
    return exercise


def _selector(goal: str, **fields: object) -> Selector:
    profile = Profile.model_validate({"goal": goal, "red_flags": (), **fields})
    return Selector.for_runner(_inputs()[0], _template(goal), profile)


def _phases(goal: str, weeks: int, *, first_only: bool = False) -> list[str]:
    return [p.id for p in allocate_phases(_template(goal), weeks, first_only=first_only)]


# -- allocate_phases ----------------------------------------------------------------------


def test_manage_six_weeks_follow_the_shares() -> None:
    """Six manage weeks split 25/50/25: two settle, three load, one return."""
    assert _phases("manage", 6) == ["settle", "settle", "load", "load", "load", "return"]


def test_manage_fifty_two_weeks_keep_settle_and_load_short() -> None:
    """Fifty-two manage weeks settle for two weeks and load for six; the return takes the rest."""
    phases = _phases("manage", 52)
    assert (phases.count("settle"), phases.count("load"), phases.count("return")) == (2, 6, 44)


def test_prevent_eight_weeks_split_in_half() -> None:
    """Eight prevent weeks are four foundation weeks, then four build weeks."""
    assert _phases("prevent", 8) == ["foundation"] * 4 + ["build"] * 4


def test_two_week_manage_plan_is_all_settle() -> None:
    """Settle needs its two weeks (min_weeks) before loading, so a two-week plan is all settle."""
    assert _phases("manage", 2) == ["settle", "settle"]


def test_short_manage_plans_never_rush_into_running() -> None:
    """Up to five manage weeks keep settle's two weeks and load's three, and leave out the return."""
    assert _phases("manage", 3) == ["settle", "settle", "load"]
    assert _phases("manage", 4) == ["settle", "settle", "load", "load"]
    assert _phases("manage", 5) == ["settle", "settle", "load", "load", "load"]


def test_two_week_prevent_plan_has_both_phases() -> None:
    """A two-week prevent plan has one foundation week and one build week."""
    assert _phases("prevent", 2) == ["foundation", "build"]


def test_first_phase_gets_a_week_even_with_a_tiny_share() -> None:
    """A first phase whose share rounds to no week still gets one week."""
    template = _template("prevent")
    first, second = template.phases
    phases = (first.model_copy(update={"share": 0.05}), second.model_copy(update={"share": 0.95}))
    tiny = template.model_copy(update={"phases": phases})
    assert [p.id for p in allocate_phases(tiny, 2, first_only=False)] == ["foundation", "build"]


def test_referred_plan_stays_in_the_first_phase() -> None:
    """first_only keeps every week in the first phase."""
    assert _phases("manage", 6, first_only=True) == ["settle"] * 6


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["manage", "prevent"]), st.integers(2, 52))
def test_phases_cover_every_week_in_template_order(goal: str, weeks: int) -> None:
    """Every week gets a phase, phases keep the template's order, the first has at least a week."""
    order = [p.id for p in _template(goal).phases]
    phases = _phases(goal, weeks)
    assert len(phases) == weeks
    assert phases[0] == order[0]
    assert [order.index(p) for p in phases] == sorted(order.index(p) for p in phases)


# -- _spread and _apart -------------------------------------------------------------------


def test_spread_two_of_seven_days() -> None:
    """Two sessions in a full week fall on Monday and Thursday."""
    assert _spread(WEEK, 2) == [MON, THU]


def test_spread_three_of_seven_days() -> None:
    """Three sessions in a full week fall on Monday, Wednesday and Friday."""
    assert _spread(WEEK, 3) == [MON, WED, FRI]


def test_spread_more_than_the_candidates_gives_them_all() -> None:
    """Asking for more days than there are gives every candidate."""
    assert _spread([TUE, SAT], 3) == [TUE, SAT]


def test_spread_none_gives_no_days() -> None:
    """Asking for no days gives none."""
    assert _spread(WEEK, 0) == []


def test_apart_keeps_a_day_between() -> None:
    """With a two-day gap, every day of the week gives Monday, Wednesday, Friday."""
    assert _apart(WEEK, 3, None, 2) == [MON, WED, FRI]


def test_apart_skips_an_adjacent_day() -> None:
    """Adjacent candidates Saturday and Sunday give only Saturday with a two-day gap."""
    assert _apart([SAT, SUN], 3, None, 2) == [SAT]


def test_apart_counts_the_last_day_of_the_week_before() -> None:
    """A session on the Sunday before rules out Monday."""
    assert _apart([MON, TUE, THU], 3, MON - dt.timedelta(days=1), 2) == [TUE, THU]


def test_apart_stops_at_the_count() -> None:
    """No more dates than asked for are picked."""
    assert _apart(WEEK, 1, None, 2) == [MON]


# -- VolumeBuilder ------------------------------------------------------------------------


def _builder(weekly: float = 20.0, longest: float = 8.0, units: str = "km") -> VolumeBuilder:
    rules = _template("prevent").build
    assert rules is not None
    profile = Profile.model_validate(
        {"goal": "prevent", "weekly_volume": weekly, "longest_run": longest, "units": units, "red_flags": ()}
    )
    return VolumeBuilder(rules, profile, MONDAY)


def test_prevent_build_rules_are_the_evidence_caps() -> None:
    """The prevent template caps +10% a week, +30% over two weeks, runs at 110%."""
    rules: Build | None = _template("prevent").build
    assert rules is not None
    assert (rules.weekly_increase_max, rules.two_week_increase_max, rules.single_run_cap) == (0.1, 0.3, 1.1)


def test_first_week_keeps_the_current_volume() -> None:
    """The first week plans the runner's current weekly volume."""
    assert _builder().week_target(deload=False, deload_volume=0.8) == 20.0


def test_weekly_target_capped_at_ten_percent() -> None:
    """A week grows at most 10% over the last full week."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 20.0, 20.0, 20.0]
    builder.full = [20.0, 20.0, 20.0, 20.0, 20.0]
    assert builder.week_target(deload=False, deload_volume=0.8) == 22.0


def test_a_lighter_week_is_followed_by_the_last_full_week() -> None:
    """After a lighter week the next week returns to the last full week, no higher."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 20.0, 22.0, 17.6]
    builder.full = [20.0, 20.0, 20.0, 22.0]
    builder.after_lighter = True
    assert builder.week_target(deload=False, deload_volume=0.8) == 22.0


def test_growth_resumes_the_week_after_the_return() -> None:
    """Two weeks after a lighter week, growth of 10% over the last full week resumes."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 20.0, 22.0, 17.6, 22.0]
    builder.full = [20.0, 20.0, 20.0, 22.0, 22.0]
    assert builder.week_target(deload=False, deload_volume=0.8) == 24.2


def test_two_week_target_capped_at_thirty_percent() -> None:
    """The 30% cap counts from the full week before the last full week."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 22.0, 24.2]
    builder.full = [20.0, 20.0, 22.0, 24.2]
    builder.rules = builder.rules.model_copy(update={"two_week_increase_max": 0.15})
    # 10% over 24.2 would be 26.62; 15% over the 22 of the week before allows only 25.3.
    assert builder.week_target(deload=False, deload_volume=0.8) == 25.3


def test_lighter_week_target() -> None:
    """A lighter week plans the deload share of the last full week."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 20.0, 20.0]
    assert builder.week_target(deload=True, deload_volume=0.8) == 16.0


def test_target_rounds_down_to_a_tenth() -> None:
    """Distances round down to 0.1, so rounding never breaks a cap."""
    assert _builder(weekly=21.37).week_target(deload=False, deload_volume=0.8) == 21.3


def test_minutes_round_down_to_whole_minutes() -> None:
    """Volumes in minutes round down to whole minutes."""
    builder = _builder(weekly=95.0, longest=40.0, units="min")
    builder.weeks = [95.0, 95.0, 95.0, 95.0]
    assert builder.week_target(deload=False, deload_volume=0.8) == 104.0


def test_single_run_cap_from_the_profile() -> None:
    """Before any planned run, a run may be 110% of the profile's longest run."""
    assert _builder().cap_on(MONDAY) == 8.8


def test_single_run_cap_follows_the_longest_of_thirty_days() -> None:
    """A longer run raises the cap for exactly 30 days after it."""
    builder = _builder()
    builder.history.append((WED, 10.0))
    assert builder.cap_on(WED + dt.timedelta(days=30)) == 11.0
    assert builder.cap_on(WED + dt.timedelta(days=31)) == 8.8


def test_plan_week_puts_the_long_run_last() -> None:
    """A 20 km week over three days is 6, 6 and a long run of 8 (40%, under the 8.8 cap)."""
    builder = _builder()
    runs = builder.plan_week([TUE, THU, SUN], 20.0, deload=False)
    assert [(r.distance, r.long_run) for r in runs] == [(6.0, False), (6.0, False), (8.0, True)]
    assert builder.weeks[-1] == 20.0
    assert builder.last_full == 20.0
    assert builder.longest[-1] == 8.0


def test_plan_week_caps_the_long_run() -> None:
    """A long run that the share would make longer than 110% of the longest is cut to the cap."""
    builder = _builder(weekly=40.0, longest=8.0)
    runs = builder.plan_week([SUN], 40.0, deload=False)
    assert [r.distance for r in runs] == [8.8]


def test_plan_week_in_miles_gives_kilometres_too() -> None:
    """Runs planned in miles carry the distance in kilometres as well."""
    runs = _builder(weekly=10.0, longest=5.0, units="mi").plan_week([SUN], 5.0, deload=False)
    assert [(r.distance, r.distance_km, r.units) for r in runs] == [(5.0, 8.05, "mi")]


def test_plan_week_without_volume_plans_no_runs() -> None:
    """A target of nothing plans no runs and records an empty week."""
    builder = _builder()
    assert builder.plan_week([TUE, THU], 0.0, deload=False) == []
    assert builder.weeks[-1] == 0.0


def test_weekly_volume_without_a_longest_run_plans_no_empty_runs() -> None:
    """Regression: a weekly volume with no longest run planned runs of "0 km"; now none, with a notice."""
    catalogue, templates, rules = _inputs()
    profile = Profile.model_validate({"goal": "prevent", "weekly_volume": 20.0, "red_flags": ()})
    plan = build_plan(catalogue, templates["prevent"], rules, profile, MONDAY)
    assert [s for w in plan.weeks for d in w.days for s in d.sessions if s.run is not None] == []
    assert plan.notices == (NO_LONGEST_RUN,)


# -- WalkRunLadder ------------------------------------------------------------------------


def _ladder() -> WalkRunLadder:
    rules = _template("manage").walk_run
    assert rules is not None
    return WalkRunLadder(rules)


def test_ladder_repeats_each_stage_twice() -> None:
    """The six stages come two runs each, then the last stage repeats."""
    ladder = _ladder()
    stages = [ladder.next_run().stage for _ in range(14)]
    assert stages == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 6]


def test_ladder_first_run_is_one_minute_run_four_walk() -> None:
    """Stage 1 runs 1 minute and walks 4, four times: 20 minutes."""
    run = _ladder().next_run()
    assert run.intervals == (Interval(1.0, 4.0, 4),)
    assert run.total_min == 20.0
    assert run.note == "Stage 1: run 1 min, walk 4 min, 4 times"


def test_ladder_last_stage_runs_without_walking() -> None:
    """The last stage is 20 minutes of running with no walk breaks."""
    ladder = _ladder()
    run = [ladder.next_run() for _ in range(11)][-1]
    assert run.intervals is None
    assert run.note == "Stage 6: run 20 min without walking"


# -- progress -----------------------------------------------------------------------------


Step = tuple[progress.Track, str | None]


def _advance(track: progress.Track, goal: str, phase: int, max_level: int) -> Step:
    dose = _template(goal).phases[phase].dose
    return progress.advance(track, dose, _selector(goal), ("strength",), max_level)


def test_advance_adds_reps_then_a_set_then_a_rung() -> None:
    """Reps rise to the top, then one set more keeping the work (2 x 12 -> 3 x 8), then a rung."""
    dose = _template("prevent").phases[0].dose
    track = progress.start(_exercise("double-leg-bridge"), dose)
    steps: list[tuple[str, int, int, str | None]] = [(track.exercise.id, track.sets, track.amount, None)]
    for _ in range(6):
        track, change = _advance(track, "prevent", 0, 3)
        steps.append((track.exercise.id, track.sets, track.amount, change))
    assert steps == [
        ("double-leg-bridge", 2, 10, None),
        ("double-leg-bridge", 2, 12, "+2 reps"),
        ("double-leg-bridge", 3, 8, "one more set, 8 reps each"),
        ("double-leg-bridge", 3, 10, "+2 reps"),
        ("double-leg-bridge", 3, 12, "+2 reps"),
        ("marching-bridge", 2, 8, "next rung: Marching bridge"),
        ("marching-bridge", 2, 10, "+2 reps"),
    ]


def test_advance_holds_at_the_top() -> None:
    """At the top of reps, sets and the phase's ceiling the track stays as it is, with no change."""
    top = progress.Track(_exercise("double-leg-bridge"), 3, 12)  # foundation: 1-3 sets of 8-12
    assert _advance(top, "prevent", 0, 1) == (top, None)


def test_advance_lengthens_a_hold() -> None:
    """An isometric hold grows by the phase's hold step."""
    dose = _template("manage").phases[0].dose
    track = progress.start(_exercise("supine-isometric-abduction"), dose)
    moved, change = progress.advance(track, dose, _selector("manage"), ("isometric",), 1)
    assert (moved.sets, moved.amount, change) == (5, 15, "+5 seconds")


def test_start_moves_the_catalogue_dose_into_the_phase() -> None:
    """A catalogue dose outside the phase's range starts at the nearest end of it."""
    settle = _template("manage").phases[0].dose  # reps 5-10, holds of 5-15 s
    reps = progress.start(_exercise("double-leg-calf-raise"), settle)  # catalogue: 2 x 12
    hold = progress.start(_exercise("side-plank"), settle)  # catalogue: 2 x 20 s
    assert ((reps.sets, reps.amount), (hold.sets, hold.amount)) == ((2, 10), (2, 15))


def test_lighter_drops_one_set_never_below_the_range() -> None:
    """A lighter week takes one set off, but never goes under the phase's minimum."""
    dose = _template("prevent").phases[1].dose
    assert progress.lighter(progress.Track(_exercise("double-leg-bridge"), 3, 10), dose, 1).sets == 2
    assert progress.lighter(progress.Track(_exercise("double-leg-bridge"), 1, 10), dose, 1).sets == 1


# -- Selector.rung ------------------------------------------------------------------------


def test_rung_without_a_band_falls_back_to_the_nearest_easier() -> None:
    """Without a band the lateral walk at level 3 is the plain side-step."""
    assert _selector("prevent").rung("lateral-walk", 3, ("strength",), 6) == _exercise("side-step")


def test_rung_with_a_band_takes_the_asked_level() -> None:
    """With a band the lateral walk at level 3 is the band at the ankles."""
    selector = _selector("prevent", equipment=("band",))
    assert selector.rung("lateral-walk", 3, ("strength",), 6) == _exercise("band-side-step-ankles")


def test_rung_prefers_the_easier_of_two_equally_near() -> None:
    """When the asked rung needs missing equipment, the easier of two equally near rungs wins."""
    ladder = [_exercise(i) for i in ("side-step", "band-side-step-knees", "band-side-step-ankles")]
    free = ladder[2].model_copy(update={"equipment": ("none",)})
    selector = Selector(Catalogue((*ladder[:2], free)), "prevent", frozenset(), HOUSEHOLD)
    assert selector.rung("lateral-walk", 2, ("strength",), 6) == ladder[0]
    assert selector.rung("lateral-walk", 3, ("strength",), 6) == free


def test_rung_never_above_the_ceiling() -> None:
    """The chosen rung is never above the phase's highest level."""
    pick = _selector("prevent").rung("squat", 6, ("strength",), 2)
    assert pick == _exercise("double-leg-squat")


def test_rung_skips_a_contraindicated_rung() -> None:
    """With FAI the single-leg squat to a chair is out, so level 6 falls back to the step-up."""
    pick = _selector("prevent", conditions=("fai",)).rung("squat", 6, ("strength",), 6)
    assert pick == _exercise("lateral-step-up")


def test_rung_none_when_nothing_fits() -> None:
    """A family with no allowed rung gives None."""
    assert _selector("prevent", pain_site="groin").rung("copenhagen", 1, ("strength",), 6) is None


@pytest.mark.parametrize(
    ("pain_site", "harder"),
    [(None, "side-lying-hip-abduction"), ("lateral", None)],
)
def test_harder_rung_skips_contraindicated(pain_site: str | None, harder: str | None) -> None:
    """The printed harder rung of the clamshell is left out when lateral pain rules it out."""
    pick = _selector("prevent", pain_site=pain_site).next_rung(_exercise("clamshell"), (), 20)
    assert (pick.id if pick else None) == harder


def test_referred_prevent_plan_walks_instead_of_running() -> None:
    """A referred runner gets no runs: walking or cross-training on run days, and the notice says so."""
    catalogue, templates, rules = _inputs()
    profile = Profile.model_validate(
        {
            "goal": "prevent",
            "weeks": 12,
            "weekly_volume": 20.0,
            "longest_run": 8.0,
            "red_flags": ("low_energy",),
        }
    )
    plan = build_plan(catalogue, templates["prevent"], rules, profile, MONDAY)
    assert plan.screening.outcome == "refer"
    assert all(w.running_target is None for w in plan.weeks)
    runs = [s.run for w in plan.weeks for d in w.days for s in d.sessions if s.run is not None]
    assert runs == []
    walks = [d.weekday for d in plan.weeks[0].days for s in d.sessions if s.type == "cross_training"]
    assert walks == ["tue", "thu", "sat"]
    assert plan.notices[0] == Notice.of("referred_hold")


def test_volume_stops_at_the_growth_ceiling() -> None:
    """Weekly volume never grows beyond (1 + max_growth) x the current volume."""
    builder = _builder()
    builder.weeks = [20.0, 20.0, 29.0, 29.5, 29.8]
    builder.full = [20.0, 20.0, 29.0, 29.5, 29.8]
    assert builder.week_target(deload=False, deload_volume=0.8) == 30.0


def test_two_run_days_reach_the_weekly_target() -> None:
    """Regression: with two run days the runs were clipped to the long run and the week shrank."""
    builder = _builder(weekly=20.0, longest=12.0)
    runs = builder.plan_week([TUE, SAT], 20.0, deload=False)
    assert [r.distance for r in runs] == [10.0, 10.0]
