"""Screening outcomes on paper: the referral sheet of a stopped plan, the notice of a referred one."""

from __future__ import annotations

import pytest

from hiprehab.render import pdf_bytes
from testing.render_fixtures import make_plan, outline, page_texts, rules


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def stopped() -> list[str]:
    """The pages of a stopped plan."""
    return page_texts(pdf_bytes(make_plan(weeks=4, outcome="stop")))


def test_stopped_plan_is_one_referral_page(stopped: list[str]) -> None:
    """A stopped plan prints the referral sheet alone, on one page."""
    assert len(stopped) == 1
    assert _flat(rules().stop_title) in stopped[0]
    assert _flat(rules().stop_intro) in stopped[0]


def test_stopped_plan_has_no_exercise_pages(stopped: list[str]) -> None:
    """No week, calendar, how-to or library appears on a referral sheet."""
    for absent in ("Week 1", "Overview calendar", "How to use this plan", "Exercise library", "Done"):
        assert absent not in stopped[0]


def test_referral_sheet_gives_reasons_what_to_tell_and_signs(stopped: list[str]) -> None:
    """The sheet lists the reasons, what to tell the doctor and every warning sign."""
    wanted = [
        "Pain at night needs a doctor's check.",
        "A fall needs checking for a fracture.",
        *rules().tell_doctor,
        *(flag.sign for flag in rules().flags),
    ]
    assert [w for w in wanted if _flat(w) not in stopped[0]] == []


def test_referral_sheet_bookmark() -> None:
    """The only bookmark of a stopped plan is the referral sheet's title."""
    assert outline(pdf_bytes(make_plan(outcome="stop"))) == [(0, rules().stop_title, 0)]


def test_referred_plan_opens_with_the_notice() -> None:
    """A referred plan's first page is the referral notice with its reasons; the cover follows."""
    data = pdf_bytes(make_plan(weeks=2, outcome="refer"))
    first, second = page_texts(data)[:2]
    assert _flat(rules().refer_title) in first
    assert _flat(rules().refer_intro) in first
    assert "Pain at night needs a doctor's check." in first
    assert "Your hip exercise plan" in second
    assert [title for _, title, _ in outline(data)][:2] == [rules().refer_title, "Cover"]


def test_referred_cover_names_the_outcome() -> None:
    """The cover's screening line points a referred runner at the notice."""
    cover = page_texts(pdf_bytes(make_plan(weeks=2, outcome="refer")))[1]
    assert f"Screening {_flat(rules().refer_title)}: read the first page before you start." in cover
