"""The plan's own words: each said once, and only what holds for this runner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from hiprehab.engine import build_plan
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.profile import Profile
from hiprehab.render import pdf_bytes
from hiprehab.render.words import has_running
from hiprehab.resources import data_dir
from hiprehab.wording import notice_text
from testing.render_fixtures import REAL_START, RUNNING, page_texts, pages_through, rules, template

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan


def _plan(**values: Any) -> Plan:
    catalogue = load_catalogue([data_dir("exercises")])
    profile = Profile(name="", **{"red_flags": (), **values})
    return build_plan(catalogue, template(values["goal"]), rules(), profile, REAL_START)


def _front(plan: Plan) -> str:
    """The cover and how-to pages' text (the how-to may end on the warning signs' first page)."""
    data = pdf_bytes(plan)
    texts = [" ".join(t.split()) for t in page_texts(data)]
    return " ".join(texts[i] for i in pages_through(data, "Cover", "Stop and see a doctor if..."))


RUNNING_WORDS = ("warm up before every run", "grow your running", "10 percent", "repeat last week's running")


def test_a_referred_plan_says_plainly_that_it_holds_no_running() -> None:
    """A plan held for a clinician's check promises no running on its cover or how-to pages."""
    plan = _plan(goal="prevent", weeks=2, red_flags=("previous_injury",), **RUNNING)
    assert not has_running(plan)
    front = _front(plan)
    assert "No running in this plan until a physiotherapist or doctor has checked your hip" in front
    assert [w for w in RUNNING_WORDS if w in front.lower()] == []


def test_a_plan_with_no_run_days_prints_no_running_rules() -> None:
    """With no run days the cover says there is no running, and no running rule or advice prints."""
    plan = _plan(goal="prevent", weeks=2, run_days=())
    front = _front(plan)
    assert "Running No running in this plan; the notes below say why." in front
    assert [w for w in RUNNING_WORDS if w in front.lower()] == []


@pytest.fixture(scope="module")
def running_text() -> str:
    """The whole text of a two-week prevent plan with three run days."""
    data = pdf_bytes(_plan(goal="prevent", weeks=2, **RUNNING))
    return " ".join(" ".join(t.split()) for t in page_texts(data))


def test_a_short_plan_before_running_starts_says_so() -> None:
    """Two weeks of the manage goal hold no running and no note about it: the cover says why itself."""
    plan = _plan(goal="manage", weeks=2, pain=3, run_days=())
    assert "No running in this plan: you gave no days to run on." in _front(plan)


def test_a_plan_with_runs_keeps_its_running_rules_and_advice(running_text: str) -> None:
    """A plan that holds runs prints the running summary, growth caps and running advice."""
    text = running_text
    assert "No running in this plan" not in text
    assert [w for w in RUNNING_WORDS if w not in text.lower()] == []


def test_week_footer_names_each_run_once(running_text: str) -> None:
    """The week sheet's run notes read "Easy run: 6 km", not "Run: Easy run: 6 km"."""
    text = running_text
    assert "Easy run:" in text
    assert "Long run:" in text
    assert "Run: Easy run" not in text
    assert "Run: Long run" not in text


def test_a_plan_too_small_to_grow_says_so_beside_its_growth_words() -> None:
    """Running rounding holds prints its notice on the cover, and the summary and week focus agree."""
    plan = _plan(
        goal="prevent", weeks=2, units="min", run_days=("tue", "sat"), weekly_volume=5.0, longest_run=2.0
    )
    notice = next(n for n in plan.notices if n.code == "running_too_small_to_grow")
    data = pdf_bytes(plan)
    texts = [" ".join(t.split()) for t in page_texts(data)]
    cover = texts[pages_through(data, "Cover", "Cover")[0]]
    assert " ".join(notice_text(notice).split()) in cover
    assert "grow your running gradually within safe caps. From week 2 your running stays where it is" in cover
    week_two = next(t for t in texts if "Week 2 of 2" in t)
    held = "Your running stays where it is in these weeks instead of growing: the notes on the cover"
    assert held in week_two
    assert "let your running grow" not in week_two


def test_a_plan_pain_holds_says_so_beside_its_growth_words() -> None:
    """Running held for pain keeps the summary and a growth week's focus from promising growth."""
    plan = _plan(
        goal="prevent", weeks=2, pain=2, run_days=("tue", "sat"), weekly_volume=20.0, longest_run=8.0
    )
    assert any(n.code == "running_held_for_pain" for n in plan.notices)
    data = pdf_bytes(plan)
    texts = [" ".join(t.split()) for t in page_texts(data)]
    cover = texts[pages_through(data, "Cover", "Cover")[0]]
    assert "safe caps. For this whole plan your running stays where it is instead of growing" in cover
    grows = [w.number for w in plan.weeks if w.phase.grow_running and w.running_target is not None]
    assert grows
    page = next(t for t in texts if f"Week {grows[0]} of 2" in t)
    assert "Your running stays where it is in these weeks instead of growing: the notes on the cover" in page
    assert "let your running grow" not in page


def test_a_plan_whose_running_grows_never_says_it_stays() -> None:
    """Without pain or tiny volumes, no page says running stays where it is."""
    plan = _plan(goal="prevent", weeks=2, run_days=("tue", "sat"), weekly_volume=20.0, longest_run=8.0)
    texts = " ".join(" ".join(t.split()) for t in page_texts(pdf_bytes(plan)))
    assert "your running stays where it is" not in texts


def test_a_running_week_without_a_run_never_speaks_of_its_runs() -> None:
    """With no run days, a running phase's weeks say they have no run instead of promising growth."""
    plan = _plan(goal="prevent", weeks=2, run_days=(), weekly_volume=20.0, longest_run=8.0)
    for text in page_texts(pdf_bytes(plan)):
        flat = " ".join(text.split())
        if "Focus:" in flat:
            assert "This week has no run: the notes on the cover say why." in flat
            assert "warm-up before every run" not in flat
            assert "let your running grow" not in flat
