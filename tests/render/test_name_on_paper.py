"""Names the PDF cannot print faithfully: a clear stand-in, never reversed letters or empty boxes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hiprehab.fonts import NAME_FALLBACK, NameOnPaper, name_on_paper
from hiprehab.render import pdf_bytes
from testing.render_fixtures import page_texts, real_plan


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zoë Łukasz-Ødegård", NameOnPaper("Zoë Łukasz-Ødegård")),
        ("李娜", NameOnPaper(NAME_FALLBACK, missing="李娜")),
        ("Zoë 李", NameOnPaper(NAME_FALLBACK, missing="李")),
        ("سارة", NameOnPaper(NAME_FALLBACK, right_to_left="سارة")),
        ("דנה", NameOnPaper(NAME_FALLBACK, right_to_left="דנה")),
        ("Sam 🏃", NameOnPaper("Sam", dropped="🏃")),
        ("🏃", NameOnPaper("", dropped="🏃")),
    ],
)
def test_name_on_paper(name: str, expected: NameOnPaper) -> None:
    """Latin, Greek and Cyrillic print as typed; missing or right-to-left letters get the stand-in."""
    assert name_on_paper(name) == expected


def test_the_pdf_prints_the_stand_in_not_reversed_letters() -> None:
    """A plan for an Arabic name shows the stand-in on its cover, and no Arabic letter at all."""
    plan = real_plan("prevent-5-four-runs")
    plan = replace(plan, profile=plan.profile.model_copy(update={"name": "سارة"}))
    first = " ".join(page_texts(pdf_bytes(plan))[0].split())
    assert NAME_FALLBACK in first
    assert "س" not in first
