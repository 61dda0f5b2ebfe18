"""What one process keeps between plans (styles, parsed text, line breaks, figures) never changes a byte."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from hiprehab.api import make_plan
from hiprehab.render import clear_caches, flowables, pdf_bytes

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)


def plan(**values: object) -> Plan:
    """A plan from the built-in catalogue for these profile values (red flags answered: none)."""
    return make_plan({"red_flags": [], **values}, start=START, user_folder=False)


@pytest.mark.slow
def test_a_plan_drawn_after_others_has_the_bytes_of_a_plan_drawn_first() -> None:
    """Drawn after two other plans, and drawn in a process with nothing kept, a plan has the same bytes."""
    first = plan(name="A. Runner", goal="prevent", weeks=4, weekly_volume=25.0, longest_run=10.0)
    second = plan(
        name="B. Strider", goal="manage", weeks=6, pain=3, pain_sites=["lateral"], equipment=["band"]
    )
    third = plan(name="C. Pacer", goal="manage", weeks=3, pain=2)
    clear_caches()
    alone = pdf_bytes(third)
    clear_caches()
    pdf_bytes(first)
    pdf_bytes(second, paper="letter")
    assert pdf_bytes(third) == alone
    clear_caches()
    large_alone = pdf_bytes(second, large_print=True)
    pdf_bytes(first, large_print=True)
    assert pdf_bytes(second, large_print=True) == large_alone


def test_shared_line_breaks_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan whose repeated texts share their line breaks has the bytes of one that breaks each afresh."""
    sample = plan(name="D. Hurdler", goal="manage", weeks=4, pain=3, pain_sites=["buttock"])
    clear_caches()
    shared = pdf_bytes(sample)
    monkeypatch.setattr(flowables, "SHARE_LINES", False)
    clear_caches()
    assert pdf_bytes(sample) == shared
