"""The referral sheet of a stopped plan, and the notice that opens a referred plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Spacer

from hiprehab.render.flowables import Heading, Para, SectionStart
from hiprehab.render.warnings import sign_table, tell_doctor
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan
    from hiprehab.render.styles import Styles


def _reasons(plan: Plan, styles: Styles) -> list[Flowable]:
    if not plan.screening.reasons:
        return []
    return [
        Para("Why", styles.h2),
        *(Para(esc(reason), styles.bullet, bulletText="•") for reason in plan.screening.reasons),
    ]


def referral_sheet(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """The whole document of a stopped plan: why, what to tell the doctor, the warning signs."""
    rules = plan.rules
    return [
        SectionStart(rules.stop_title, new_page=False),
        Heading(esc(rules.stop_title), styles.h1, ((rules.stop_title, 0),), "stop"),
        Para(esc(rules.stop_intro), styles.body_bold),
        *_reasons(plan, styles),
        *tell_doctor(rules, styles),
        Para("Warning signs", styles.h2),
        Para("Stop and see a doctor if any of these happens:", styles.body),
        sign_table(rules, styles, width),
    ]


def referral_notice(plan: Plan, styles: Styles) -> list[Flowable]:
    """The first page of a referred plan: see a clinician before starting, why, and what to say."""
    rules = plan.rules
    return [
        SectionStart(rules.refer_title, new_page=False),
        Spacer(0, 10),
        Heading(esc(rules.refer_title), styles.h1, ((rules.refer_title, 0),), "refer"),
        Para(esc(rules.refer_intro), styles.body_bold),
        *_reasons(plan, styles),
        *tell_doctor(rules, styles),
    ]
