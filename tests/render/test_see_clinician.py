"""The printed "When to see a physiotherapist" states the rules `review` applies, from the template."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from hiprehab.fonts import register_fonts
from hiprehab.render.flowables import Para
from hiprehab.render.howto import howto_section
from hiprehab.render.styles import make_styles
from hiprehab.review.decide import review_log
from testing.render_fixtures import real_plan
from testing.review_inputs import fill, record

if TYPE_CHECKING:
    from collections.abc import Mapping


def _printed(changes: Mapping[str, object]) -> str:
    """The how-to pages' text of the 6-week manage plan, its template's review settings changed."""
    register_fonts()
    plan = real_plan("manage-6-lateral")
    review = plan.template.review.model_validate({**plan.template.review.model_dump(), **changes})
    changed = dataclasses.replace(plan, template=plan.template.model_copy(update={"review": review}))
    flow = howto_section(changed, make_styles(), 170.0)
    return " ".join(f.getPlainText() for f in flow if isinstance(f, Para))


def test_the_paper_states_the_shipped_review_rules() -> None:
    """With the shipped template: a score of 6, two weeks rising by a point, three red days."""
    text = _printed({})
    assert (
        "See a physiotherapist if a score reaches 6, a week's average pain rises two weeks running "
        "(1 point or more in all) or 3 days of one week are red."
    ) in text
    assert "three times in two weeks" not in text


def test_the_paper_follows_the_templates_review_values() -> None:
    """A coach's review settings change the printed rule, and review refers by the same score."""
    changes = {"refer_pain_score": 5, "rising_weeks": 3, "rising_by": 2.0, "red_days_per_week": 2}
    text = _printed(changes)
    assert "a score reaches 5," in text
    assert "rises three weeks running (2 points or more in all)" in text
    assert "or 2 days of one week are red." in text
    template = real_plan("manage-6-lateral").template
    template = template.model_copy(
        update={"review": template.review.model_validate({**template.review.model_dump(), **changes})}
    )
    rec = record()
    five = rec.sessions[3]
    result = review_log(rec, fill(rec, lambda s: (True, 5 if s == five else 1, 1, "")), template)
    assert result.referral[0].startswith("pain reached 5/10")
