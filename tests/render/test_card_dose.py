"""The library card prints the dose the plan uses, not the catalogue's, when a template changes it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
import yaml

import hiprehab
from hiprehab.engine import progress
from hiprehab.render.library import card_dose
from hiprehab.render.week import sheet_dose
from hiprehab.wording import dose_text
from testing.catalogue import exercise

if TYPE_CHECKING:
    from hiprehab.model.exercise import Exercise
    from hiprehab.model.plan import Item, Plan, Week


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """A manage plan whose first bridge is written 3 x 15, above every phase's 12 reps."""
    folder = tmp_path_factory.mktemp("mine")
    bridge = exercise("double-leg-bridge", "bridge", role="glute-bridge", dose={"sets": 3, "reps": 15})
    (folder / "bridge.yaml").write_text(yaml.safe_dump({"exercises": [bridge]}), encoding="utf-8")
    profile = {"goal": "manage", "weeks": 6, "pain": 2, "red_flags": [], "run_days": ["tue", "sat"]}
    return hiprehab.make_plan(profile, catalogues=[folder], start=dt.date(2027, 1, 4), user_folder=False)


def _items(plan: Plan) -> list[tuple[Week, Item]]:
    return [(w, i) for w in plan.weeks for d in w.days for s in d.sessions for i in s.items]


def test_the_card_prints_the_dose_the_plan_starts_at(plan: Plan) -> None:
    """The bridge's card says 3 x 12 reps, as its first week sheet row does, not the catalogue's 3 x 15."""
    week, item = next((w, i) for w, i in _items(plan) if i.exercise.id == "double-leg-bridge")
    assert sheet_dose(item) == "3 x 12 reps"
    assert card_dose(plan, item.exercise) == "3 x 12 reps"
    assert week.phase.dose.reps.max == 12


def test_every_scheduled_card_prints_its_first_dose(plan: Plan) -> None:
    """Each card of an exercise in the weeks prints the dose of its first row, with its tempo and rest."""
    firsts: dict[str, Item] = {}
    for _, item in _items(plan):
        firsts.setdefault(item.exercise.id, item)
    for exercise_id, item in firsts.items():
        assert card_dose(plan, item.exercise).startswith(sheet_dose(item).split(", rest")[0]), exercise_id


def test_a_rung_only_pointed_to_prints_the_dose_it_would_start_at(plan: Plan) -> None:
    """A harder rung not in the weeks gets the dose a step up would give it in that phase."""
    scheduled = {i.exercise.id for _, i in _items(plan)}
    pointed: dict[str, tuple[Week, Exercise]] = {}
    for week, item in _items(plan):
        if item.part == "main" and item.harder is not None and item.harder.id not in scheduled:
            pointed.setdefault(item.harder.id, (week, item.harder))
    assert pointed
    for week, rung in pointed.values():
        expected = progress.start(rung, week.phase.dose).as_dose()
        assert card_dose(plan, rung) == dose_text(expected), rung.id
