"""The order of the plan's parts, and the document's metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hiprehab.export.plan import plan_to_json
from hiprehab.model.plan import ATTACHMENT
from hiprehab.render.attach import Attachment
from hiprehab.render.cover import PLAN_TITLE, cover_section
from hiprehab.render.document import PlanDocument
from hiprehab.render.howto import howto_section
from hiprehab.render.library import library_section
from hiprehab.render.overview import overview_section
from hiprehab.render.referral import referral_notice, referral_sheet
from hiprehab.render.summary import summary_section
from hiprehab.render.warnings import warnings_section
from hiprehab.render.week import WeekSheet
from hiprehab.render.words import runner_name

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan
    from hiprehab.render.figures import Figures
    from hiprehab.render.styles import Styles


def make_document(plan: Plan, paper: str, styles: Styles, *, form: bool = True) -> PlanDocument:
    """The document template with the plan's header text and metadata.

    Without a name, the header and title name the goal alone rather than a stand-in word.
    The plan's JSON is embedded (compact: programs read it), so the PDF alone is
    enough to review the plan; with ``form`` the log boxes are also form fields a
    PDF viewer can fill in.
    """
    name = runner_name(plan)
    goal = plan.template.title
    if plan.screening.outcome == "stop":
        title = f"{plan.rules.stop_title}: {name}" if name else plan.rules.stop_title
    else:
        title = f"{PLAN_TITLE}: {name}, {goal}" if name else f"{PLAN_TITLE}: {goal}"
    return PlanDocument(
        paper,
        styles=styles,
        header=f"{name} · {goal}" if name else goal,
        disclaimer=plan.rules.disclaimer,
        title=title,
        subject=plan.template.summary,
        keywords=["hip", "running", "exercise plan", plan.template.id, plan.screening.outcome],
        form=form,
        sheet=plan.screening.outcome == "stop",
        attachments=(
            Attachment(
                ATTACHMENT,
                plan_to_json(plan, compact=True).encode(),
                "application/json",
                "This plan as JSON (hiprehab-plan/1), read back by hiprehab review",
            ),
        ),
    )


def plan_story(
    plan: Plan, styles: Styles, width: float, figures: Figures, page_height: float
) -> list[Flowable]:
    """Every part of the plan, in reading order; a stopped plan is the referral sheet alone.

    The front matter (cover, how to use it, warning signs, overview) comes first,
    then one page per week, then the exercise library. A next block made by a
    review opens with how the last block went (a referral sheet ends with it).
    """
    summary = plan.summary
    if plan.screening.outcome == "stop":
        review = summary_section(summary, styles, width, new_page=True) if summary is not None else []
        return referral_sheet(plan, styles, width) + review
    review = summary_section(summary, styles, width, new_page=False) if summary is not None else []
    story: list[Flowable] = [*review]
    refer = plan.screening.outcome == "refer"
    if refer:
        story += referral_notice(plan, styles)
    # After the review's chart and findings the cover runs on (it has its own heading), so a
    # next block's front pages stay four; after a referral notice it starts a page of its own.
    if review and not refer:
        story.append(Spacer(0, 6 * mm))
    story += cover_section(plan, styles, width, new_page=refer)
    story += howto_section(plan, styles, width)
    story += warnings_section(plan.rules, styles, width)
    story += overview_section(plan, styles, width)
    writer = WeekSheet(plan, styles, width, page_height)
    for week in plan.weeks:
        story += writer.week(week)
    story += library_section(plan, styles, figures)
    return story
