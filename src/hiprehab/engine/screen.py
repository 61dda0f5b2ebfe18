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

    A pain score at or above ``rules.severe_pain_score`` counts as severe pain and
    stops; one at or above ``rules.refer_pain_score`` refers. A known or suspected
    stress fracture always stops the plan, and so does pain at a bone-stress site
    (groin, front of the hip) together with signs of low energy (docs/evidence.md 5.6).
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
    bone_site = bool(set(profile.pain_sites) & set(rules.bone_stress_sites))
    low_energy_bone = bone_site and "low_energy" in flags
    if stops or fracture or low_energy_bone:
        reasons = [rules.flag(f).reason for f in stops]
        if low_energy_bone:
            reasons.insert(0, rules.bone_stress_low_energy_reason)
            refers.remove("low_energy")  # its reason is the one above
        if fracture:
            reasons.insert(0, rules.stress_fracture_reason)
        reasons += [rules.flag(f).reason for f in refers]
        return Screening("stop", tuple(reasons), tuple(ordered) + (("stress_fracture",) if fracture else ()))
    if profile.cleared_by_clinician:
        return Screening("proceed", (), tuple(ordered))
    reasons = [rules.flag(f).reason for f in refers]
    if profile.pain >= rules.refer_pain_score:
        reasons.insert(0, rules.refer_pain_reason)
    if reasons:
        return Screening("refer", tuple(reasons), tuple(ordered))
    return Screening("proceed", (), tuple(ordered))
