"""The runner's profile: who, which goal, which days, running, pain, answers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StrictBool, StrictFloat, StrictInt, StrictStr, model_validator

from hiprehab.model.base import Slug, Strict, no_repeats, none_alone, plan_date
from hiprehab.vocab import Condition, Equipment, PainSite, RedFlag, Units, Weekday

Days = Annotated[tuple[Weekday, ...], AfterValidator(no_repeats)]


class Profile(Strict):
    """Everything the plan is built for. ``red_flags`` is None until answered."""

    name: Annotated[StrictStr, Field(max_length=80)] = ""
    goal: Slug = "manage"
    weeks: Annotated[StrictInt, Field(ge=2, le=52)] | None = None
    start: Annotated[dt.date, AfterValidator(plan_date)] | None = None
    strength_days: Days = ("mon", "wed", "fri")
    run_days: Days = ("tue", "thu", "sat")
    units: Units = "km"
    weekly_volume: Annotated[StrictFloat, Field(ge=0, le=500)] = 0.0
    longest_run: Annotated[StrictFloat, Field(ge=0, le=300)] = 0.0
    pain: Annotated[StrictInt, Field(ge=0, le=10)] = 0
    pain_site: PainSite | None = None
    conditions: Annotated[tuple[Condition, ...], AfterValidator(no_repeats)] = ()
    equipment: Annotated[tuple[Equipment, ...], AfterValidator(no_repeats), AfterValidator(none_alone)] = ()
    red_flags: Annotated[tuple[RedFlag, ...], AfterValidator(no_repeats)] | None = None
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
