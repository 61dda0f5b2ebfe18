"""Properties of the next block for any log: the caps of a fresh plan, and no progress after red."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hiprehab.engine import build_plan, progress
from hiprehab.errors import InvalidValueError
from hiprehab.load.profile import build_profile
from hiprehab.review.carry import carry_from, next_profile
from hiprehab.review.decide import review_log
from hiprehab.review.entries import Entry
from testing.engine_inputs import default_inputs
from testing.plans import EPSILON, length
from testing.review_inputs import record

if TYPE_CHECKING:
    from hiprehab.model.carry import Carry
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.plan import Plan
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import Template
    from hiprehab.review.decide import Review

# Pain above 5 always ends in a referral (tested apart), so the logs here stay at 5 or less.
SCORES = st.one_of(st.none(), st.integers(0, 5))
ROW = st.tuples(st.sampled_from([True, True, True, False, None]), SCORES, SCORES)


def assert_fresh_caps(nxt: Plan, template: Template) -> None:
    """Each dose inside its phase's ranges, each rung at most the phase's, runs per week capped."""
    for week in nxt.weeks:
        runs = [s for d in week.days for s in d.sessions if s.run is not None]
        if template.walk_run is not None and week.phase.running == "walk_run":
            assert len(runs) <= template.walk_run.runs_per_week_max
        items = [
            i for d in week.days for s in d.sessions if s.type in {"strength", "activation"} for i in s.items
        ]
        for item in items:
            sets, amount = progress._ranges(item.exercise, week.phase.dose)
            assert item.sets <= sets.max
            assert (item.reps or item.hold_s or item.duration_min or 0) <= amount.max
            assert item.exercise.level <= week.phase.max_level


def assert_no_progress_after_red(review: Review, carry: Carry, nxt: Plan, catalogue: Catalogue) -> None:
    """A group with a red session in the last week starts the block no harder than it ended."""
    last = review.weeks[-1].week

    def red(kind: str) -> bool:
        return any(
            x.session.type == kind and x.session.week == last and x.done and x.zone == "red"
            for x in review.logged
        )

    for group in ("strength", "activation"):
        first = next((s for w in nxt.weeks for d in w.days for s in d.sessions if s.type == group), None)
        if not red(group) or first is None:
            continue
        before = {t.family: t for t in carry.tracks if t.block == group}
        for item in first.items:
            track = before.get(item.exercise.family)
            old = catalogue.get(track.exercise) if track is not None else None
            if track is None or old is None:
                continue
            assert item.exercise.level <= old.level
            if item.exercise.id == old.id:
                assert item.sets <= track.sets
                assert (item.reps or item.hold_s or item.duration_min or 0) <= track.amount
    runs = [s.run for w in nxt.weeks for d in w.days for s in d.sessions if s.run is not None]
    if red("run") and runs and runs[0].stage is not None and carry.walk_run_stage is not None:
        assert runs[0].stage <= carry.walk_run_stage


def assert_running_caps(review: Review, nxt: Plan, template: Template, profile: Profile) -> None:
    """A runner building volume starts within the weekly and single-run caps of what they ran.

    After a red run in the last week, the first week runs no more than the runner ran.
    Walk-run stages (set by minutes) are the ladder's own, checked above.
    """
    if template.build is None or not nxt.weeks:
        return
    first = [
        s.run for d in nxt.weeks[0].days for s in d.sessions if s.run is not None and s.run.stage is None
    ]
    total = sum(length(r) for r in first)
    assert total <= profile.weekly_volume * (1 + template.build.weekly_increase_max) + EPSILON
    for run in first:
        assert length(run) <= profile.longest_run * template.build.single_run_cap + EPSILON
    last = review.weeks[-1].week
    if any(
        x.session.type == "run" and x.session.week == last and x.done and x.zone == "red"
        for x in review.logged
    ):
        assert total <= profile.weekly_volume + EPSILON


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(data=st.data())
def test_the_next_block_keeps_the_caps_and_never_progresses_after_red(data: st.DataObject) -> None:
    """For any log of either goal: doses, rungs and running within a fresh plan's caps; red never moves up."""
    catalogue, templates, rules = default_inputs()
    goal = data.draw(st.sampled_from(["manage", "prevent"]), label="goal")
    template = templates[goal]
    rec = record(goal)
    count = data.draw(st.integers(1, len(rec.sessions)), label="sessions logged")
    rows = data.draw(st.lists(ROW, min_size=count, max_size=count), label="rows")
    entries = tuple(Entry(s, *row) for s, row in zip(rec.sessions, rows, strict=False))
    assume(any(e.filled for e in entries))
    review = review_log(rec, entries, template)
    assume(not review.referral)
    carry = carry_from(rec, review, catalogue)
    profile = build_profile(None, next_profile(rec, review, None))
    start = review.last_day + dt.timedelta(days=1)
    if template.entry_pain_max is not None and profile.pain > template.entry_pain_max:
        # The log's pain is above what the goal is for: no block of this goal, as for a fresh plan.
        with pytest.raises(InvalidValueError, match="is for runners whose pain is at most"):
            build_plan(catalogue, template, rules, profile, start, carry)
        return
    nxt = build_plan(catalogue, template, rules, profile, start, carry)
    assert nxt.start == start
    assert_fresh_caps(nxt, template)
    assert_no_progress_after_red(review, carry, nxt, catalogue)
    assert_running_caps(review, nxt, template, profile)


def test_a_red_run_in_the_last_week_does_not_grow_the_running() -> None:
    """A prevent runner whose run of the last week was worse the next morning runs no more next block."""
    catalogue, templates, rules = default_inputs()
    template = templates["prevent"]
    rec = record("prevent")
    last = rec.sessions[-1].week
    red = next(s for s in rec.sessions if s.week == last and s.type == "run")
    entries = tuple(
        Entry(s, done=True, pain_during=1, pain_next_morning=3 if s == red else 1) for s in rec.sessions
    )
    review = review_log(rec, entries, template)
    assert review.referral == ()
    assert next(d.move for d in review.decisions if d.group == "run") == "back"
    profile = build_profile(None, next_profile(rec, review, None))
    nxt = build_plan(
        catalogue,
        template,
        rules,
        profile,
        review.last_day + dt.timedelta(days=1),
        carry_from(rec, review, catalogue),
    )
    assert_running_caps(review, nxt, template, profile)
    first = [s.run for d in nxt.weeks[0].days for s in d.sessions if s.run is not None]
    assert first
    assert sum(length(r) for r in first) <= profile.weekly_volume + EPSILON
