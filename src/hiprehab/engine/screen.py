"""Red-flag screening: the first thing the engine does (docs/evidence.md 5.2-5.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.errors import InvalidValueError
from hiprehab.model.plan import Screening
from hiprehab.vocab import RED_FLAGS

if TYPE_CHECKING:
    from hiprehab.model.profile import Profile
    from hiprehab.model.screening import ScreeningRules


def screen(profile: Profile, rules: ScreeningRules) -> Screening:
    """Decide whether to proceed, refer to a clinician first, or stop.

    A pain score at or above ``rules.severe_pain_score`` counts as severe pain, and
    a known or suspected stress fracture always stops the plan.
    """
    if profile.red_flags is None:
        raise InvalidValueError("red_flags", "the red-flag questions are unanswered; answer each of them")
    flags = set(profile.red_flags)
    if profile.pain >= rules.severe_pain_score:
        flags.add("severe_pain")
    ordered = [f for f in RED_FLAGS if f in flags]
    stops = [f for f in ordered if rules.flag(f).outcome == "stop"]
    refers = [f for f in ordered if rules.flag(f).outcome == "refer"]
    fracture = "stress_fracture" in profile.conditions
    if stops or fracture:
        reasons = [rules.flag(f).reason for f in stops]
        if fracture:
            reasons.insert(0, rules.stress_fracture_reason)
        reasons += [rules.flag(f).reason for f in refers]
        return Screening("stop", tuple(reasons), tuple(ordered) + (("stress_fracture",) if fracture else ()))
    if refers and not profile.cleared_by_clinician:
        return Screening("refer", tuple(rules.flag(f).reason for f in refers), tuple(ordered))
    return Screening("proceed", (), tuple(ordered))
