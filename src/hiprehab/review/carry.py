"""From a reviewed log to where the next block starts: the carried state, and its profile.

Pure: the record, the review and the catalogue in; a :class:`Carry` and profile values out.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Literal

from hiprehab.model.carry import CarriedTrack, Carry
from hiprehab.model.template import Build

if TYPE_CHECKING:
    from hiprehab.model.carry import Move
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.template import Template
    from hiprehab.review.decide import Logged, Review
    from hiprehab.review.record import PlanRecord

# The longest run of this many days caps the next (docs/evidence.md 2.3), for a goal without ``build``.
LOOKBACK_DAYS: int = Build.model_fields["lookback_days"].default


def _move(review: Review, group: str) -> Move:
    return next((d.move for d in review.decisions if d.group == group), "hold")


def _last_of(review: Review, kind: str) -> Logged | None:
    """The last done session of ``kind``, else the last planned one up to the last logged day."""
    mine = [x for x in review.logged if x.session.type == kind]
    done = [x for x in mine if x.done]
    chosen = done or mine
    return chosen[-1] if chosen else None


def carry_from(record: PlanRecord, review: Review, catalogue: Catalogue) -> Carry:
    """Where the runner stands: the phase of the last reviewed week, the rungs and doses last done."""
    last_week = review.weeks[-1].week
    tracks: list[CarriedTrack] = []
    blocks: tuple[Literal["strength", "activation"], ...] = ("strength", "activation")
    for block in blocks:
        last = _last_of(review, block)
        if last is None:
            continue
        move = _move(review, block)
        for item in last.session.items:
            exercise = catalogue.get(item.exercise)
            if item.part != "main" or exercise is None:
                continue
            tracks.append(
                CarriedTrack(block, exercise.family, exercise.id, item.sets, round(item.amount), move)
            )
    runs = [x for x in review.logged if x.session.run_stage is not None]
    done_runs = [x for x in runs if x.done]
    stage = repeats = None
    if done_runs:
        stage = done_runs[-1].session.run_stage
        repeats = sum(x.session.run_stage == stage for x in done_runs)
    elif runs:
        stage, repeats = runs[-1].session.run_stage, 0
    return Carry(
        record.phases[last_week - 1],
        tuple(tracks),
        walk_run_stage=stage,
        walk_run_repeats=repeats or 0,
        running=_move(review, "run"),
    )


def lookback_days(template: Template) -> int:
    """How many days back the longest run caps the next: the goal's ``build.lookback_days``."""
    return template.build.lookback_days if template.build is not None else LOOKBACK_DAYS


def logged_pain(review: Review) -> int | None:
    """The pain the next block starts from: the last week with scores, its typical pain.

    That is the higher of the week's average pain during and average pain next
    morning (the figure the trend and the chart show), rounded to a whole score,
    halves up; None when no week has a score.
    """
    scored = [pain for week in review.weeks if (pain := week.pain) is not None]
    return math.floor(scored[-1] + 0.5) if scored else None


def next_profile(
    record: PlanRecord, review: Review, weeks: int | None, lookback: int = LOOKBACK_DAYS
) -> dict[str, Any]:
    """The profile of the next block: the plan's, from the day after the last logged day.

    The pain is the log's (see :func:`logged_pain`), not the old plan's. A runner
    who was building their own running continues from what they did:
    the weekly volume of their last full week with runs done, and their longest
    run of the last ``lookback`` days (the goal's ``build.lookback_days``).
    """
    profile = dict(record.data["profile"])
    profile["start"] = (review.last_day + dt.timedelta(days=1)).isoformat()
    profile["weeks"] = weeks
    pain = logged_pain(review)
    if pain is not None:
        profile["pain"] = pain
    volume_runs = [
        x for x in review.logged if x.done and x.session.run_stage is None and x.session.run_amount
    ]
    if volume_runs:
        by_week: dict[int, float] = {}
        for x in volume_runs:
            by_week[x.session.week] = by_week.get(x.session.week, 0.0) + (x.session.run_amount or 0.0)
        full = [w.week for w in review.weeks if w.complete and w.week in by_week]
        week = full[-1] if full else max(by_week)
        since = review.last_day - dt.timedelta(days=lookback)
        recent = [x.session.run_amount or 0.0 for x in volume_runs if x.session.date > since]
        profile["weekly_volume"] = round(by_week[week], 1)
        profile["longest_run"] = min(max(recent, default=profile["longest_run"]), profile["weekly_volume"])
    return profile
