"""The runner's profile: who, which goal, which days, running, pain, answers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from hiprehab.model.base import Slug, Strict, iso_date, no_repeats, none_alone, one_word, plan_date, word_list
from hiprehab.vocab import Condition, Equipment, PainSite, RedFlag, Units, Weekday


def _none_is_empty(value: object) -> object:
    """``none`` (alone) for a list of days means no days."""
    return () if value in ("none", ["none"]) else value


def _none_is_null(value: object) -> object:
    """``none`` for the pain site means no pain site."""
    return None if value == "none" else value


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
    pain_site: Annotated[PainSite | None, BeforeValidator(_none_is_null), BeforeValidator(one_word)] = None
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
        if self.longest_run > self.weekly_volume > 0:
            msg = (
                f"longest_run: expected at most the weekly volume ({self.weekly_volume:g}), "
                f"found {self.longest_run:g}"
            )
            raise ValueError(msg)
        return self

    @property
    def avoid_words(self) -> frozenset[str]:
        """Conditions and the pain site, the words matched against ``avoid_if``."""
        words: set[str] = set(self.conditions)
        if self.pain_site is not None:
            words.add(self.pain_site)
        return frozenset(words)
