"""The runner's profile: who, which goal, which days, running, pain, answers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    AliasChoices,
    BeforeValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from hiprehab.model.base import Slug, Strict, iso_date, no_repeats, none_alone, one_word, plan_date, word_list
from hiprehab.vocab import RUN_STEP, Condition, Equipment, PainSite, RedFlag, Units, Weekday


def _none_is_empty(value: object) -> object:
    """``none`` (alone) for a list of days means no days."""
    return () if value in ("none", ["none"]) else value


def _no_site(value: object) -> object:
    """``none`` (or nothing) for the pain sites means no pain site."""
    return () if value in ("none", ["none"], None) else value


Days = Annotated[
    tuple[Weekday, ...],
    BeforeValidator(_none_is_empty),
    BeforeValidator(word_list),
    AfterValidator(no_repeats),
]


class Profile(Strict):
    """Everything the plan is built for. ``red_flags`` is None until answered."""

    name: Annotated[StrictStr, Field(max_length=80)] = ""
    goal: Annotated[Slug, BeforeValidator(one_word)] = "manage"
    weeks: Annotated[StrictInt, Field(ge=2, le=52)] | None = None
    start: Annotated[dt.date, BeforeValidator(iso_date), AfterValidator(plan_date)] | None = None
    strength_days: Days = ("mon", "wed", "fri")
    run_days: Days = ("tue", "thu", "sat")
    units: Annotated[Units, BeforeValidator(one_word)] = "km"
    weekly_volume: Annotated[StrictFloat, Field(ge=0, le=500)] = 0.0
    longest_run: Annotated[StrictFloat, Field(ge=0, le=300)] = 0.0
    pain: Annotated[StrictInt, Field(ge=0, le=10)] = 0
    pain_sites: Annotated[
        tuple[PainSite, ...],
        BeforeValidator(_no_site),
        BeforeValidator(word_list),
        AfterValidator(no_repeats),
        # ``pain_site`` (one word) is the older key; it still reads, as a list of one.
        Field(validation_alias=AliasChoices("pain_sites", "pain_site")),
    ] = ()
    conditions: Annotated[tuple[Condition, ...], BeforeValidator(word_list), AfterValidator(no_repeats)] = ()
    equipment: Annotated[
        tuple[Equipment, ...],
        BeforeValidator(word_list),
        AfterValidator(no_repeats),
        AfterValidator(none_alone),
    ] = ()
    red_flags: (
        Annotated[tuple[RedFlag, ...], BeforeValidator(word_list), AfterValidator(no_repeats)] | None
    ) = None
    cleared_by_clinician: StrictBool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        # Running below the shortest run a plan sets cannot be planned as it is: rounding
        # it down drops the runner's running, rounding it up breaks the 10% cap
        # (docs/evidence.md 2.3). It is most likely a slip (a unit, a decimal point), so
        # the runner is asked for the figure rather than given a changed plan.
        step = RUN_STEP[self.units]
        for key, value in (("weekly_volume", self.weekly_volume), ("longest_run", self.longest_run)):
            if 0 < value < step:
                msg = (
                    f"{key}: expected 0 (not running now) or at least {step:g} {self.units}, "
                    f"the shortest run a plan sets; found {value:g}"
                )
                raise ValueError(msg)
        if self.longest_run > self.weekly_volume > 0:
            msg = (
                f"longest_run: expected at most the weekly volume ({self.weekly_volume:g}), "
                f"found {self.longest_run:g}"
            )
            raise ValueError(msg)
        return self

    @property
    def avoid_words(self) -> frozenset[str]:
        """Conditions and the pain sites, the words matched against ``avoid_if``."""
        return frozenset((*self.conditions, *self.pain_sites))
