"""Red-flag screening (docs/evidence.md 5.2 and 5.3): stop, refer first, or proceed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hiprehab.engine import build_plan
from hiprehab.engine.screen import screen
from hiprehab.errors import UsageError
from hiprehab.model.profile import Profile
from hiprehab.vocab import RED_FLAGS
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan
    from hiprehab.model.screening import ScreeningRules

ROOT = Path(__file__).resolve().parents[2]
START = dt.date(2027, 1, 4)

# docs/evidence.md 5.3: these send the runner to a clinician first; every other flag is a hard stop (5.2).
REFER = ("persistent_pain", "previous_injury", "low_energy")
STOP = tuple(f for f in RED_FLAGS if f not in REFER)
UNANSWERED = "red_flags: the red-flag questions are unanswered; answer each of them"


_inputs = default_inputs


def _rules() -> ScreeningRules:
    return _inputs()[2]


def _reason(flag: str) -> str:
    reason: str = _rules().flag(flag).reason
    return reason


def _plan(**fields: object) -> Plan:
    catalogue, templates, rules = _inputs()
    profile = Profile.model_validate({"goal": "manage", "weeks": 6, "red_flags": (), **fields})
    return build_plan(catalogue, templates[profile.goal], rules, profile, START)


def test_refer_and_stop_cover_every_red_flag() -> None:
    """Every red flag of the vocabulary is classed here as refer or stop, as screening.yaml says."""
    assert {f.id: f.outcome for f in _rules().flags} == {
        **dict.fromkeys(STOP, "stop"),
        **dict.fromkeys(REFER, "refer"),
    }


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_each_red_flag_stops_or_refers(flag: str) -> None:
    """One red flag gives its outcome and its own reason: stop flags give no weeks at all."""
    plan = _plan(red_flags=(flag,))
    assert plan.screening.outcome == ("refer" if flag in REFER else "stop")
    assert plan.screening.reasons == (_reason(flag),)
    assert plan.screening.flags == (flag,)
    if flag in STOP:
        assert plan.weeks == ()
    else:
        assert len(plan.weeks) == 6


@pytest.mark.parametrize("flag", REFER)
def test_refer_flag_cleared_by_a_clinician_proceeds(flag: str) -> None:
    """A refer flag with cleared_by_clinician gives the full plan, with no reasons."""
    plan = _plan(red_flags=(flag,), cleared_by_clinician=True)
    assert plan.screening.outcome == "proceed"
    assert plan.screening.reasons == ()
    assert [w.phase.id for w in plan.weeks] == ["settle", "settle", "load", "load", "load", "return"]


@pytest.mark.parametrize("flag", STOP)
def test_clearance_does_not_lift_a_stop_flag(flag: str) -> None:
    """cleared_by_clinician never turns a hard stop into a plan."""
    plan = _plan(red_flags=(flag,), cleared_by_clinician=True)
    assert plan.screening.outcome == "stop"
    assert plan.weeks == ()


@pytest.mark.parametrize("goal", ["manage", "prevent"])
def test_stop_gives_no_weeks_for_either_goal(goal: str) -> None:
    """A stop outcome gives a plan with no weeks whatever the goal."""
    plan = _plan(goal=goal, weeks=8, red_flags=("night_pain",))
    assert (plan.screening.outcome, plan.weeks) == ("stop", ())


@pytest.mark.parametrize("pain", [7, 8, 9, 10])
def test_pain_of_seven_or_more_is_severe_pain(pain: int) -> None:
    """A pain score of 7/10 or more counts as the severe_pain flag and stops the plan."""
    plan = _plan(pain=pain)
    assert plan.screening.outcome == "stop"
    assert plan.screening.flags == ("severe_pain",)
    assert plan.screening.reasons == (_reason("severe_pain"),)
    assert plan.weeks == ()


def test_pain_of_six_refers_with_its_reason() -> None:
    """A pain score of 6/10 (above the amber zone, below severe) refers, with the pain reason."""
    plan = _plan(pain=6)
    assert plan.screening.outcome == "refer"
    assert plan.screening.reasons == (_rules().refer_pain_reason,)
    assert _rules().refer_pain_score == 6


def test_pain_of_six_cleared_proceeds() -> None:
    """A clinician's clearance lifts the pain-of-six referral."""
    assert _plan(pain=6, cleared_by_clinician=True).screening.outcome == "proceed"


def test_pain_of_five_proceeds() -> None:
    """A pain score of 5/10 (the top of the amber zone) with no flags proceeds."""
    assert _plan(pain=5).screening.outcome == "proceed"


@pytest.mark.parametrize("sites", [("groin",), ("front",), ("lateral", "groin"), ("front", "buttock")])
@pytest.mark.parametrize("cleared", [False, True])
def test_low_energy_with_groin_or_front_pain_stops(sites: tuple[str, ...], cleared: bool) -> None:
    """Low energy with groin or front-of-hip pain stops like a stress fracture, cleared or not."""
    plan = _plan(pain_sites=sites, red_flags=("low_energy",), cleared_by_clinician=cleared)
    assert plan.screening.outcome == "stop"
    assert plan.screening.reasons == (_rules().bone_stress_low_energy_reason,)
    assert plan.weeks == ()


@pytest.mark.parametrize("sites", [(), ("lateral",), ("buttock",)])
def test_low_energy_elsewhere_still_refers(sites: tuple[str, ...]) -> None:
    """Low energy without groin or front-of-hip pain refers, as before."""
    plan = _plan(pain_sites=sites, red_flags=("low_energy",))
    assert plan.screening.outcome == "refer"
    assert plan.screening.reasons == (_reason("low_energy"),)


def test_refer_pain_score_must_be_below_severe() -> None:
    """A screening file whose refer score is not below its severe score is refused, saying why."""
    data = _rules().model_dump()
    data["refer_pain_score"] = data["severe_pain_score"]
    with pytest.raises(ValueError, match="refer_pain_score: expected less than severe_pain_score"):
        type(_rules()).model_validate(data)


def test_warning_signs_grouped_by_urgency() -> None:
    """Every sign is in one group; the issue's "get help today" signs are, the two others are not."""
    groups = dict(_rules().by_urgency())
    assert [u for u, _ in _rules().by_urgency()] == ["today", "appointment"]
    today = {f.id for f in groups["today"]}
    later = {f.id for f in groups["appointment"]}
    assert today | later == set(RED_FLAGS)
    assert not today & later
    assert {"cannot_bear_weight", "fever_hot_joint", "numbness_tingling", "trauma", "night_pain"} <= today
    assert {"persistent_pain", "previous_injury"} <= later


def test_stress_fracture_stops_with_its_reason_first() -> None:
    """The stress_fracture condition stops the plan, its reason ahead of the flags' reasons."""
    plan = _plan(conditions=("stress_fracture",), red_flags=("previous_injury", "trauma"))
    assert plan.screening.outcome == "stop"
    assert plan.screening.reasons == (
        _rules().stress_fracture_reason,
        _reason("trauma"),
        _reason("previous_injury"),
    )
    assert plan.screening.flags == ("previous_injury", "trauma", "stress_fracture")
    assert plan.weeks == ()


def test_stress_fracture_alone_stops() -> None:
    """The stress_fracture condition stops the plan even with no red flag answered yes."""
    plan = _plan(conditions=("stress_fracture",))
    assert plan.screening.outcome == "stop"
    assert plan.screening.reasons == (_rules().stress_fracture_reason,)


def test_stop_outranks_refer_and_lists_both_reasons() -> None:
    """With a stop flag and a refer flag the plan stops, stop reasons first, then refer reasons."""
    plan = _plan(red_flags=("low_energy", "fever_hot_joint"))
    assert plan.screening.outcome == "stop"
    assert plan.screening.reasons == (_reason("fever_hot_joint"), _reason("low_energy"))


def test_reasons_follow_the_order_of_the_questions() -> None:
    """Several refer flags give their reasons in question order, whatever order they came in."""
    plan = _plan(red_flags=("low_energy", "persistent_pain"))
    assert plan.screening.reasons == (_reason("persistent_pain"), _reason("low_energy"))


def test_no_flags_proceed() -> None:
    """An empty answer (no red flags) proceeds with no reasons."""
    plan = _plan()
    assert (plan.screening.outcome, plan.screening.reasons, plan.screening.flags) == ("proceed", (), ())


def test_unanswered_red_flags_raise_usage_error() -> None:
    """red_flags=None (questions not answered) raises UsageError with the exact message."""
    with pytest.raises(UsageError) as caught:
        _plan(red_flags=None)
    assert str(caught.value) == UNANSWERED


def test_screen_alone_raises_on_unanswered_flags() -> None:
    """screen() itself refuses an unanswered profile, before anything is scheduled."""
    with pytest.raises(UsageError) as caught:
        screen(Profile(goal="manage"), _rules())
    assert str(caught.value) == UNANSWERED
