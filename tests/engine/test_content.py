"""Site- and condition-specific content, and a plan that reads right (docs/evidence.md 1.4-1.6, 3, 5.6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from testing.engine_inputs import default_inputs
from testing.plans import build, runners, sessions

if TYPE_CHECKING:
    import datetime as dt

    from hiprehab.model.plan import Item
    from hiprehab.model.profile import Profile

PROPERTY = settings(max_examples=25, deadline=None)
ADDUCTOR = {"adductor", "adductor-squeeze"}
DEEP_FLEXION = {"hamstring-stretch", "knee-to-chest-stretch", "figure-four-stretch"}
HOUR_MIN = 60
SECONDS_PER_REP = 5  # the catalogue's usual tempo, 2-1-2


def _with_site(runner: tuple[Profile, dt.date], site: str) -> tuple[Profile, dt.date]:
    profile, start = runner
    return profile.model_copy(update={"pain_sites": (site,), "cleared_by_clinician": True}), start


@PROPERTY
@given(runners(goals=("manage",)))
def test_groin_plans_load_the_adductors_first(runner: tuple[Profile, dt.date]) -> None:
    """With groin pain every strength and holds session starts with adductor loading."""
    plan = build(*_with_site(runner, "groin"))
    for _, day, session in sessions(plan):
        if session.type in {"strength", "activation"}:
            assert session.items[0].exercise.family in ADDUCTOR, (day.date, session.items[0].exercise.id)


@PROPERTY
@given(runners())
def test_buttock_pain_leaves_out_hamstring_and_deep_flexion_stretches(
    runner: tuple[Profile, dt.date],
) -> None:
    """With buttock pain no hamstring stretch, knee-to-chest or figure-4 stretch is printed."""
    plan = build(*_with_site(runner, "buttock"))
    for _, day, session in sessions(plan):
        for item in session.items:
            printed = [e for e in (item.exercise, item.easier, item.harder) if e is not None]
            assert not {e.family for e in printed} & DEEP_FLEXION, (day.date, item.exercise.id)


@PROPERTY
@given(runners())
def test_lateral_pain_never_lies_on_the_sore_hip(runner: tuple[Profile, dt.date]) -> None:
    """With lateral pain a side-lying exercise is printed only if its steps give a standing alternative."""
    plan = build(*_with_site(runner, "lateral"))
    for _, day, session in sessions(plan):
        for item in session.items:
            exercise = item.exercise
            if exercise.position == "side_lying":
                steps = " ".join(exercise.steps).lower()
                assert "standing" in steps, (day.date, exercise.id)
                assert "do not lie on it" in steps, (day.date, exercise.id)


@PROPERTY
@given(runners(), st.sampled_from(("manage", "prevent")))
def test_osteoarthritis_uses_its_own_pain_zones(runner: tuple[Profile, dt.date], goal: str) -> None:
    """With hip OA the plan's traffic light is green up to 2/10 and its rules say 2, never 3."""
    profile, start = runner
    profile = profile.model_copy(
        update={"goal": goal, "conditions": ("osteoarthritis",), "pain": min(profile.pain, 3)}
    )
    plan = build(profile, start)
    assert plan.template.pain_rules.green.max_score == 2
    rules = " ".join(plan.template.progression)
    assert "2 out of 10" in rules
    assert "3 out of 10" not in rules


@PROPERTY
@given(runners(goals=("manage",), answers="proceed", min_weeks=8, min_run_days=1))
def test_walk_run_warm_up_is_five_to_ten_minutes_and_never_more_running(
    runner: tuple[Profile, dt.date],
) -> None:
    """Before a walk-run the warm-up walks 5-10 minutes and offers no harder option that runs."""
    plan = build(*runner)
    for week, day, session in sessions(plan):
        if session.run is not None and week.phase.running == "walk_run":
            aerobic = [i for i in session.items if i.part == "warmup" and i.duration_min is not None]
            assert aerobic, day.date
            assert all(5 <= (i.duration_min or 0) <= 10 for i in aerobic), day.date
            for item in session.items:
                assert item.harder is None or "jog" not in item.harder.id, (day.date, item.harder.id)


def _minutes(item: Item) -> float:
    """A fair estimate of an item's minutes: work, holds and the rests between sets."""
    if item.duration_min is not None:
        return item.duration_min
    sides = 2 if item.per_side else 1
    work = item.sets * sides * (item.hold_s or (item.reps or 0) * SECONDS_PER_REP)
    return (work + (item.rest_s or 0) * (item.sets - 1)) / 60


@PROPERTY
@given(runners())
def test_a_day_of_home_exercise_stays_under_an_hour(runner: tuple[Profile, dt.date]) -> None:
    """Strength, holds, stretching and cross-training of a day (not the run) add up to under an hour."""
    for week in build(*runner).weeks:
        for day in week.days:
            minutes = sum(
                _minutes(i)
                for s in day.sessions
                if s.type in {"strength", "activation", "mobility", "cross_training"}
                for i in s.items
            )
            assert minutes < HOUR_MIN, (day.date, round(minutes))


@PROPERTY
@given(runners())
def test_every_week_keeps_a_full_rest_day(runner: tuple[Profile, dt.date]) -> None:
    """Each week has a day without strength, running or cross-training."""
    for week in build(*runner).weeks:
        free = [
            d for d in week.days if not {s.type for s in d.sessions} & {"strength", "run", "cross_training"}
        ]
        assert free, week.number


@PROPERTY
@given(runners(answers="proceed"))
def test_daily_holds_change_within_four_weeks(runner: tuple[Profile, dt.date]) -> None:
    """The daily gentle holds never repeat unchanged for five weeks or more."""
    plan = build(*runner)
    doses = []
    for week in plan.weeks:
        found = [s for d in week.days for s in d.sessions if s.type == "activation"]
        if found:
            doses.append(tuple((i.exercise.id, i.sets, i.hold_s) for i in found[0].items))
    for start in range(len(doses) - 4):
        assert len(set(doses[start : start + 5])) > 1, start


def test_the_seed_articles_advice_appears_where_it_applies() -> None:
    """Each topic of the seed article (rest, ice, shoes, hills, warm-up...) is in its goal's advice."""
    templates = default_inputs()[1]
    topics = {
        "manage": ("rest", "ice", "stretch", "strength", "feet land", "shoes", "flat", "hills", "gradual",
                   "warm", "cool", "cycling"),
        "prevent": ("warm up", "strength", "stretch", "10 percent", "feet landing", "shoes", "hills",
                    "swimming", "cool"),
    }  # fmt: skip
    for goal, words in topics.items():
        text = " ".join(f"{a.heading} {a.text}" for a in templates[goal].advice).lower()
        missing = [w for w in words if w not in text]
        assert missing == [], (goal, missing)
