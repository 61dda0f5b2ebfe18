"""The red-flag questions, what each means, and what to tell a doctor."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, StrictInt, model_validator

from hiprehab.model.base import ShortText, Strict, Text
from hiprehab.vocab import HARD_STOP_FLAGS, RED_FLAGS, RedFlag


class FlagText(Strict):
    """One red flag: the question asked, the sign listed, the reason given."""

    id: RedFlag
    outcome: Literal["stop", "refer"]
    question: Text
    sign: Text
    reason: Text


class ScreeningRules(Strict):
    """The screening file (``templates/screening.yaml``)."""

    severe_pain_score: Annotated[StrictInt, Field(ge=1, le=10)]
    stress_fracture_reason: Text
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
