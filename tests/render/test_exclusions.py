"""What the plan left out for this runner: the how-to section and the cover's "Planned around" row."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest

from hiprehab.model.exercise import Dose
from hiprehab.render import pdf_bytes
from hiprehab.render.words import planned_around, planned_around_text, possible_causes
from hiprehab.vocab import AVOID_WORDS
from hiprehab.wording import AVOID_LABELS
from testing.render_fixtures import ABDUCTION, ABDUCTION_NOTE, exercise, make_plan, page_texts, section_pages

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

AROUND = ("bursitis", "lateral", "tendinopathy")  # as the engine gives them: sorted
HIKE_NOTE = "Hitching the hip squeezes the tendons against the bone."
HIKE = exercise(
    "hip-hike",
    "Standing hip hike",
    "strength",
    "hike",
    Dose(sets=2, reps=10, per_side=True),
    avoid_if=("lateral",),
    avoid_note=HIKE_NOTE,
)


def _howto(data: bytes) -> str:
    texts = page_texts(data)
    pages = section_pages(data, "How to use this plan", "Stop and see a doctor if...")
    return " ".join(texts[i] for i in pages)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """A plan for lateral pain that left two exercises out."""
    return pdf_bytes(make_plan(avoided=AROUND, excluded=(ABDUCTION, HIKE)))


def test_howto_says_what_the_plan_was_planned_around(pdf: bytes) -> None:
    """The how-to pages name the pain site and conditions in plain words, site first."""
    expected = (
        "Left out for you, and why Planned around: pain on the outside of the hip, "
        "gluteal tendinopathy and bursitis. These exercises are left out of your plan:"
    )
    assert expected in _howto(pdf)


def test_howto_lists_each_left_out_exercise_with_its_reason(pdf: bytes) -> None:
    """Each excluded exercise is one row, its name then its avoid note, in the plan's order."""
    assert f"• Side-lying hip abduction: {ABDUCTION_NOTE} • Standing hip hike: {HIKE_NOTE}" in _howto(pdf)


def test_no_left_out_section_when_nothing_was_left_out() -> None:
    """A plan that excluded nothing has no "Left out for you" section, even with a pain site."""
    data = pdf_bytes(make_plan(avoided=("buttock",)))
    assert "Left out for you" not in _howto(data)


def test_markup_in_an_avoid_note_prints_literally() -> None:
    """An avoid note holding "<b>" and "&" is printed as those characters."""
    odd = exercise(
        "odd",
        "Odd move",
        "strength",
        "odd",
        Dose(sets=1, reps=5),
        avoid_if=("lateral",),
        avoid_note="Presses <b>hard</b> on the tendon & bursa.",
    )
    data = pdf_bytes(make_plan(avoided=("lateral",), excluded=(odd,)))
    assert "Odd move: Presses <b>hard</b> on the tendon & bursa." in _howto(data)


def test_cover_says_what_the_plan_was_planned_around(pdf: bytes) -> None:
    """The cover's summary has a "Planned around" row with the same plain words."""
    cover = page_texts(pdf)[0]
    assert "Planned around pain on the outside of the hip, gluteal tendinopathy and bursitis Starts" in cover


def test_cover_has_no_planned_around_row_when_nothing_was_avoided() -> None:
    """A plan built around no pain site or condition has no "Planned around" row."""
    assert "Planned around" not in page_texts(pdf_bytes(make_plan()))[0]


def test_every_avoid_word_has_plain_words() -> None:
    """Each word an exclusion can use has its plain-language wording."""
    assert sorted(AVOID_LABELS) == sorted(AVOID_WORDS)


def test_planned_around_puts_the_pain_site_before_conditions() -> None:
    """Groin pain's routed conditions follow the site, in the vocabulary's order."""
    plan = make_plan(avoided=("fai", "groin", "labral_tear", "muscle_strain"))
    assert planned_around(plan) == "groin pain, a muscle strain, a labral tear and hip impingement (FAI)"


def _for(plan: Plan, **profile: object) -> Plan:
    return dataclasses.replace(plan, profile=plan.profile.model_copy(update=profile))


def test_planned_around_names_a_sites_routed_conditions_only_as_possible_causes() -> None:
    """Groin pain alone: the cover names groin pain as the runner's, and the conditions as possible causes."""
    plan = _for(make_plan(avoided=("fai", "groin", "labral_tear", "muscle_strain")), pain_sites=("groin",))
    assert planned_around_text(plan) == (
        "groin pain. Because groin pain can come from a muscle strain, a labral tear or hip impingement "
        "(FAI), the plan also avoids exercises that could aggravate them (a precaution, not a diagnosis)."
    )
    cover = " ".join(page_texts(pdf_bytes(plan))[0].split())
    assert "Planned around groin pain. Because groin pain can come from" in cover


def test_a_condition_the_runner_gave_stays_theirs() -> None:
    """A routed condition the runner named is listed as theirs; only the others are possible causes."""
    plan = _for(make_plan(avoided=AROUND), pain_sites=("lateral",), conditions=("tendinopathy",))
    assert planned_around_text(plan) == (
        "pain on the outside of the hip and gluteal tendinopathy. Because pain on the outside of the hip "
        "can come from bursitis, the plan also avoids exercises that could aggravate it (a precaution, "
        "not a diagnosis)."
    )


def test_every_sites_possible_causes_are_worded_as_possible() -> None:
    """For each pain site of the shipped template, no routed condition is printed as the runner's."""
    base = make_plan()
    for site, words in base.template.site_rules.items():
        plan = _for(make_plan(avoided=(site, *words)), pain_sites=(site,))
        assert planned_around(plan) == AVOID_LABELS[site]
        assert all(AVOID_LABELS[w] in possible_causes(plan) for w in words)
