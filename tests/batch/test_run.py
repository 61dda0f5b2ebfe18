"""Making a roster's plans: the same bytes as each plan made alone, whole files only, rows independent."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from typing import TYPE_CHECKING, Any

import pytest

from hiprehab.api import make_plan
from hiprehab.batch import run
from hiprehab.batch.run import COLLECT_EVERY, Job, Settings, make_plans
from hiprehab.export.ics import CalendarTime, plan_to_ics
from hiprehab.export.plan import plan_to_json
from hiprehab.model.profile import Profile
from hiprehab.render import pdf_bytes

if TYPE_CHECKING:
    from pathlib import Path

TODAY = dt.date(2027, 1, 1)
PROFILES = {
    "a-runner": Profile(
        name="A. Runner", goal="prevent", weeks=4, weekly_volume=25.0, longest_run=10.0, red_flags=()
    ),
    "b-strider": Profile(
        name="B. Strider", goal="manage", weeks=4, pain=3, pain_sites=("lateral",),
        conditions=("tendinopathy",), equipment=("band",), red_flags=(),
    ),
    "c-pacer": Profile(name="C. Pacer", goal="manage", weeks=3, red_flags=("night_pain",)),
}  # fmt: skip


def jobs() -> list[Job]:
    """One job for each profile above, numbered from 2 as in a CSV roster."""
    return [Job(number, stem, profile) for number, (stem, profile) in enumerate(PROFILES.items(), start=2)]


@pytest.mark.slow
def test_worker_processes_write_the_bytes_of_each_plan_made_alone(tmp_path: Path) -> None:
    """Two workers write, for every row, the PDF, JSON and calendar the library makes for it alone."""
    settings = Settings(out_dir=tmp_path, today=TODAY, json=True, ics=True)
    outcomes = sorted(make_plans(jobs(), settings, workers=2), key=lambda o: o.number)
    assert [(o.number, o.status) for o in outcomes] == [(2, "made"), (3, "made"), (4, "stopped")]
    for stem, profile in PROFILES.items():
        alone = make_plan(profile, today=TODAY)
        assert (tmp_path / f"{stem}.pdf").read_bytes() == pdf_bytes(alone), stem
        assert (tmp_path / f"{stem}.json").read_text(encoding="utf-8") == plan_to_json(alone), stem
        if alone.weeks:
            assert (tmp_path / f"{stem}.ics").read_bytes() == plan_to_ics(
                alone, CalendarTime.parse(None, None)
            )
    # A stopped runner (c-pacer) has a referral sheet and no calendar.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a-runner.ics", "a-runner.json", "a-runner.pdf", "b-strider.ics", "b-strider.json", "b-strider.pdf",
        "c-pacer.json", "c-pacer.pdf",
    ]  # fmt: skip


def test_a_row_the_engine_refuses_is_invalid_and_the_others_are_made(tmp_path: Path) -> None:
    """A value the profile allows but the goal does not (pain 6 for prevent) fails that row alone."""
    bad = Job(3, "too-sore", Profile(goal="prevent", weeks=2, pain=6, red_flags=()))
    good = Job(4, "fine", Profile(goal="manage", weeks=2, red_flags=()))
    outcomes = list(make_plans([bad, good], Settings(out_dir=tmp_path, today=TODAY), workers=1))
    assert [(o.number, o.status, o.field) for o in outcomes] == [(3, "invalid", "pain"), (4, "made", "")]
    assert outcomes[0].message == (
        "the goal 'prevent' is for runners whose pain is at most 3 out of 10, found 6; "
        "use the goal 'manage' instead"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["fine.pdf"]


def test_an_unknown_goal_names_the_goal_field(tmp_path: Path) -> None:
    """A goal with no template is the row's problem, named by its key."""
    job = Job(2, "x", Profile(goal="swim", red_flags=()))
    (outcome,) = make_plans([job], Settings(out_dir=tmp_path, today=TODAY))
    assert (outcome.status, outcome.field, outcome.message) == (
        "invalid",
        "goal",
        "expected one of manage, prevent; found 'swim'",
    )


def test_a_file_that_cannot_be_written_fails_its_row_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A folder where the PDF should go fails that row only; nothing half-written is left."""
    (tmp_path / "blocked.pdf").mkdir()
    blocked = Job(2, "blocked", Profile(goal="manage", weeks=2, red_flags=()))
    fine = Job(3, "fine", Profile(goal="manage", weeks=2, red_flags=()))
    outcomes = list(make_plans([blocked, fine], Settings(out_dir=tmp_path, today=TODAY)))
    assert [o.status for o in outcomes] == ["invalid", "made"]
    assert outcomes[0].message == f"{tmp_path / 'blocked.pdf'}: expected a file name, found a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked.pdf", "fine.pdf"]


def test_one_worker_collects_garbage_less_often_only_while_it_makes_plans(tmp_path: Path) -> None:
    """While rows are made in this process the collector runs rarely; afterwards as before, nothing frozen."""
    before = gc.get_threshold()
    seen = [gc.get_threshold() for _ in make_plans(jobs()[2:], Settings(out_dir=tmp_path, today=TODAY))]
    assert seen == [(COLLECT_EVERY, *before[1:])]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_row_is_made_with_the_collector_off_and_its_cycles_collected_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is off while a row's files are written, and on after it, the row's cycles freed."""
    seen: list[bool] = []
    left: list[weakref.ref[_Cycle]] = []
    write = run.write_outputs  # type: ignore[attr-defined]  # the module's own import, replaced here

    def watched(*args: Any, **kwargs: Any) -> list[Path]:
        seen.append(gc.isenabled())
        left.append(weakref.ref(_Cycle()))
        return write(*args, **kwargs)

    monkeypatch.setattr(run, "write_outputs", watched)
    (outcome,) = make_plans(jobs()[2:], Settings(out_dir=tmp_path, today=TODAY))
    assert (outcome.status, seen, gc.isenabled()) == ("stopped", [False], True)
    assert [ref() for ref in left] == [None]


def test_large_print_without_form_fields_gives_the_bytes_of_each_plan_made_alone(tmp_path: Path) -> None:
    """A batch in large print without fillable boxes writes what the library makes for each plan so."""
    job = jobs()[0]
    settings = Settings(out_dir=tmp_path, today=TODAY, large_print=True, form=False)
    (outcome,) = make_plans([job], settings, workers=1)
    assert outcome.status == "made"
    alone = make_plan(job.profile, today=TODAY)
    made = (tmp_path / f"{job.stem}.pdf").read_bytes()
    assert made == pdf_bytes(alone, large_print=True, form=False)
    assert made != pdf_bytes(alone)
