"""A phase's aim and checkpoint open the first week of the phase."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hiprehab.render import pdf_bytes
from hiprehab.render.week import checkpoint_text
from testing.render_fixtures import make_plan, page_texts, section_pages

# Worded like the shipped templates: one says "Checkpoint:" itself, one does not.
SETTLE = "Checkpoint: if the pain has not eased after a few days, see a doctor."
RETURN = "Start this phase only when you can walk briskly for 30 minutes."


@pytest.fixture(scope="module")
def weeks() -> dict[int, str]:
    """The text of each week of a four-week plan (two settle weeks, then two load weeks), by number."""
    plan = make_plan(weeks=4)
    first, second = plan.weeks[0].phase, plan.weeks[2].phase
    phases = {
        first.id: first.model_copy(update={"checkpoint": SETTLE}),
        second.id: second.model_copy(update={"checkpoint": RETURN}),
    }
    plan = replace(plan, weeks=tuple(replace(w, phase=phases[w.phase.id]) for w in plan.weeks))
    data = pdf_bytes(plan)
    texts = page_texts(data)
    titles = [f"Week {w.number}: {w.phase.title}" for w in plan.weeks]
    ends = [*titles[1:], "Exercise library"]
    return {
        n: " ".join(texts[i] for i in section_pages(data, title, end))
        for n, (title, end) in enumerate(zip(titles, ends, strict=True), 1)
    }


def test_a_checkpoint_that_says_checkpoint_says_it_once(weeks: dict[int, str]) -> None:
    """A checkpoint starting "Checkpoint:" prints under the label without repeating it."""
    assert "Checkpoint: if the pain has not eased after a few days, see a doctor." in weeks[1]
    assert weeks[1].count("Checkpoint:") == 1
    assert "Before the next phase" not in weeks[1]


def test_a_checkpoint_gets_the_label(weeks: dict[int, str]) -> None:
    """A checkpoint in its own words prints after the "Checkpoint:" label."""
    assert f"Checkpoint: {RETURN}" in weeks[3]


def test_the_checkpoint_follows_the_focus_before_the_days(weeks: dict[int, str]) -> None:
    """In a phase's first week the checkpoint comes after the week's focus and before its days."""
    text = weeks[3]
    assert text.index("Focus:") < text.index("Checkpoint:") < text.index("Mon 18 Jan")


def test_the_checkpoint_is_only_in_a_phase_first_week(weeks: dict[int, str]) -> None:
    """Later weeks of a phase repeat its focus but not its checkpoint."""
    assert [n for n in (2, 4) if "Checkpoint:" in weeks[n]] == []
    assert all("Focus:" in weeks[n] for n in (1, 2, 3, 4))


def test_checkpoint_text_drops_a_leading_label_in_any_case() -> None:
    """A lower-case "checkpoint:" label and the spaces around the text are dropped too."""
    assert checkpoint_text("  checkpoint:  stop if it hurts ") == "stop if it hurts"
