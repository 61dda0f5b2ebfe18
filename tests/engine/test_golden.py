"""Golden plans: the JSON (format hiprehab-plan/1) of three fixed profiles, compared exactly.

The expected files live in tests/golden/. After a deliberate change to the engine,
the catalogue or the templates, regenerate them and review the diff:

    HIPREHAB_UPDATE_GOLDEN=1 PYTHONPATH=src python -m pytest tests/test_engine_golden.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hiprehab.engine import build_plan
from hiprehab.export.plan import plan_to_json
from hiprehab.model.profile import Profile
from testing.engine_inputs import default_inputs

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
START = dt.date(2027, 1, 4)

PROFILES: dict[str, dict[str, object]] = {
    "manage-lateral-band": {
        "goal": "manage",
        "weeks": 6,
        "pain": 3,
        "pain_site": "lateral",
        "equipment": ("band",),
        "red_flags": (),
    },
    "prevent-tue-thu-sun": {
        "goal": "prevent",
        "weeks": 8,
        "run_days": ("tue", "thu", "sun"),
        "weekly_volume": 20.0,
        "longest_run": 8.0,
        "red_flags": (),
    },
    "manage-refer-groin": {
        "goal": "manage",
        "weeks": 4,
        "pain": 3,
        "pain_site": "groin",
        "red_flags": ("previous_injury",),
    },
}

# The keys of each object of the JSON contract, in order.
PLAN_KEYS = [
    "format",
    "goal",
    "goal_title",
    "start",
    "end",
    "screening",
    "profile",
    "notices",
    "weeks",
    "library",
]
SCREENING_KEYS = ["outcome", "reasons", "flags"]
PROFILE_KEYS = [
    "name",
    "goal",
    "weeks",
    "start",
    "strength_days",
    "run_days",
    "units",
    "weekly_volume",
    "longest_run",
    "pain",
    "pain_sites",
    "conditions",
    "equipment",
    "red_flags",
    "cleared_by_clinician",
]
WEEK_KEYS = ["number", "phase", "phase_title", "deload", "running_target", "days"]
DAY_KEYS = ["date", "weekday", "sessions"]
SESSION_KEYS = ["type", "title", "note", "items", "run"]
ITEM_KEYS = [
    "exercise",
    "name",
    "kind",
    "sets",
    "reps",
    "hold_s",
    "duration_min",
    "per_side",
    "rest_s",
    "easier",
    "harder",
    "part",
    "optional",
    "change",
]
RUN_KEYS = ["total_min", "distance_km", "distance", "units", "intervals", "stage", "long_run"]
INTERVAL_KEYS = ["run_min", "walk_min", "repeats"]


_inputs = default_inputs


def _plan(name: str) -> Plan:
    catalogue, templates, rules = _inputs()
    profile = Profile.model_validate(PROFILES[name])
    return build_plan(catalogue, templates[profile.goal], rules, profile, START)


def _json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(plan_to_json(_plan(name)))
    return data


def _json_runs(name: str) -> list[dict[str, Any]]:
    sessions = [s for w in _json(name)["weeks"] for d in w["days"] for s in d["sessions"]]
    return [s["run"] for s in sessions if s["run"] is not None]


def _types(name: str) -> set[str]:
    return {s["type"] for w in _json(name)["weeks"] for d in w["days"] for s in d["sessions"]}


@pytest.mark.parametrize("name", list(PROFILES))
def test_plan_matches_golden_json(name: str) -> None:
    """The plan's JSON equals the golden file byte for byte."""
    text = plan_to_json(_plan(name))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("HIPREHAB_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


def test_manage_and_prevent_schedule_different_sessions() -> None:
    """Manage has gentle holds, cross-training and ice; prevent is strength, runs and stretching."""
    assert _types("manage-lateral-band") == {
        "activation",
        "cross_training",
        "mobility",
        "recovery",
        "rest",
        "run",
        "strength",
    }
    # Saturday, the one day without strength or a run, is the week's rest day, with stretching.
    assert _types("prevent-tue-thu-sun") == {"mobility", "run", "strength"}


def test_manage_and_prevent_use_different_exercises() -> None:
    """Manage's isometric holds and ice, and prevent's lunges, each appear only in their goal."""
    manage = set(_json("manage-lateral-band")["library"])
    prevent = set(_json("prevent-tue-thu-sun")["library"])
    assert {"bridge-hold", "standing-abduction-hold-wall", "ice-pack"} <= manage - prevent
    assert {"reverse-lunge", "forward-lunge"} <= prevent - manage


def test_manage_runs_walk_run_and_prevent_runs_distances() -> None:
    """Manage returns to running with walk-run stages; prevent runs the runner's own distances."""
    manage = _json_runs("manage-lateral-band")
    prevent = _json_runs("prevent-tue-thu-sun")
    assert manage
    assert prevent
    assert all(r["stage"] is not None and r["distance_km"] is None for r in manage)
    assert all(r["stage"] is None and r["distance_km"] > 0 for r in prevent)


def test_json_has_exactly_the_contract_keys() -> None:
    """Every object of the JSON has exactly the keys of format hiprehab-plan/1, in order."""
    for name in PROFILES:
        data = _json(name)
        assert list(data) == PLAN_KEYS
        assert data["format"] == "hiprehab-plan/1"
        assert list(data["screening"]) == SCREENING_KEYS
        assert list(data["profile"]) == PROFILE_KEYS
        for week in data["weeks"]:
            assert list(week) == WEEK_KEYS
            for day in week["days"]:
                assert list(day) == DAY_KEYS
                for session in day["sessions"]:
                    assert list(session) == SESSION_KEYS
                    assert all(list(item) == ITEM_KEYS for item in session["items"])
                    run = session["run"]
                    if run is not None:
                        assert list(run) == RUN_KEYS
                        assert all(list(i) == INTERVAL_KEYS for i in run["intervals"] or ())


def test_stopped_plan_json_has_no_weeks() -> None:
    """A stopped plan's JSON says stop, gives the reason and has "weeks": []."""
    catalogue, templates, rules = _inputs()
    profile = Profile(goal="manage", red_flags=("cannot_bear_weight",))
    data = json.loads(plan_to_json(build_plan(catalogue, templates["manage"], rules, profile, START)))
    assert data["weeks"] == []
    assert data["screening"]["outcome"] == "stop"
    assert data["screening"]["reasons"] == [rules.flag("cannot_bear_weight").reason]
    assert list(data) == PLAN_KEYS
