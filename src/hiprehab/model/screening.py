"""The red-flag questions, what each means, and what to tell a doctor."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, StrictInt, model_validator

from hiprehab.model.base import ShortText, Strict, Text
from hiprehab.vocab import HARD_STOP_FLAGS, RED_FLAGS, PainSite, RedFlag

Urgency = Literal["today", "appointment"]
URGENCIES: tuple[Urgency, ...] = ("today", "appointment")


class FlagText(Strict):
    """One red flag: the question asked, the sign listed, the reason given."""

    id: RedFlag
    outcome: Literal["stop", "refer"]
    urgency: Urgency = "today"
    """How soon to get help when the sign appears: the same day, or at a booked appointment."""
    question: Text
    sign: Text
    reason: Text


class ScreeningRules(Strict):
    """The screening file (``templates/screening.yaml``)."""

    severe_pain_score: Annotated[StrictInt, Field(ge=1, le=10)]
    """A pain score at or above this is severe pain, a hard stop."""
    refer_pain_score: Annotated[StrictInt, Field(ge=1, le=10)]
    """A pain score at or above this (and below the severe score) sends the runner to a clinician first."""
    refer_pain_reason: Text
    stress_fracture_reason: Text
    bone_stress_sites: tuple[PainSite, ...] = ()
    """Pain sites where a hip stress fracture can hide: no running until a clinician has checked."""
    bone_stress_low_energy_reason: Text
    """Why pain at a bone-stress site together with signs of low energy stops the plan."""
    stop_title: ShortText
    stop_intro: Text
    refer_title: ShortText
    refer_intro: Text
    tell_doctor: Annotated[tuple[Text, ...], Field(min_length=1)]
    disclaimer: Text
    flags: Annotated[tuple[FlagText, ...], Field(min_length=1)]
    sources: Annotated[tuple[Text, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _every_flag_once(self) -> Self:
        if self.refer_pain_score >= self.severe_pain_score:
            msg = (
                f"refer_pain_score: expected less than severe_pain_score ({self.severe_pain_score}), "
                f"found {self.refer_pain_score}"
            )
            raise ValueError(msg)
        given = [f.id for f in self.flags]
        missing = [f for f in RED_FLAGS if f not in given]
        if missing:
            msg = f"flags: expected every red flag once, missing {', '.join(missing)}"
            raise ValueError(msg)
        for index, flag in enumerate(self.flags):
            if flag.id in HARD_STOP_FLAGS and flag.outcome != "stop":
                msg = (
                    f"flags[{index}].outcome: expected stop for {flag.id} "
                    "(a warning sign that always needs a doctor), found refer"
                )
                raise ValueError(msg)
        repeated = sorted({f for f in given if given.count(f) > 1})
        if repeated:
            msg = f"flags: expected every red flag once, found {', '.join(repeated)} more than once"
            raise ValueError(msg)
        return self

    def flag(self, flag_id: str) -> FlagText:
        """The text of one flag."""
        return next(f for f in self.flags if f.id == flag_id)

    def by_urgency(self) -> list[tuple[Urgency, tuple[FlagText, ...]]]:
        """The flags grouped by how soon to get help, most urgent first; empty groups left out."""
        groups = [(u, tuple(f for f in self.flags if f.urgency == u)) for u in URGENCIES]
        return [(u, flags) for u, flags in groups if flags]
