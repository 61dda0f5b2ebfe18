"""The cover: who, which goal, when, a summary of what the plan asks for, and every notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hiprehab.render.flowables import Grid, Heading, Para, SectionStart
from hiprehab.render.styles import LIGHT_RULE, RULE, SHADE, table_style
from hiprehab.render.words import (
    PLANNED_AROUND,
    esc,
    has_running,
    long_date,
    planned_around_text,
    plural,
    runner_name,
)
from hiprehab.wording import (
    EQUIPMENT_LABELS,
    SESSION_LABELS,
    no_running_text,
    not_growing_text,
    notice_text,
    stops_growing_week,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan
    from hiprehab.render.styles import Styles

COVER_TITLE = "Cover"
PLAN_TITLE = "Your hip exercise plan"
NOTICES_TITLE = "About your plan"


def sessions_per_week(plan: Plan) -> list[str]:
    """``Strength: 3 a week``, ``Run: 2 to 3 a week``: counted from the plan, per kind."""
    counts: dict[str, list[int]] = {}
    for week in plan.weeks:
        in_week: dict[str, int] = {}
        for day in week.days:
            for session in day.sessions:
                if session.type != "rest":
                    in_week[session.type] = in_week.get(session.type, 0) + 1
        for kind in SESSION_LABELS:
            counts.setdefault(kind, []).append(in_week.get(kind, 0))
    lines = []
    for kind, numbers in counts.items():
        low, high = min(numbers), max(numbers)
        if high == 0:
            continue
        amount = f"{high}" if low == high else f"up to {high}" if low == 0 else f"{low} to {high}"
        lines.append(f"{SESSION_LABELS[kind]}: {amount} a week")
    return lines


def equipment_needed(plan: Plan) -> list[str]:
    """Everything the scheduled exercises need, in the catalogue's equipment order."""
    needed = {
        need
        for week in plan.weeks
        for day in week.days
        for session in day.sessions
        for item in session.items
        for need in item.exercise.needs
    }
    return [label for key, label in EQUIPMENT_LABELS.items() if key in needed]


def screening_text(plan: Plan) -> str:
    """The screening outcome in a sentence."""
    screening = plan.screening
    if screening.outcome == "proceed":
        return "No warning signs were reported. Keep checking the list of warning signs in this plan."
    if screening.outcome == "refer":
        return f"{plan.rules.refer_title}: read the first page before you start."
    return plan.rules.stop_title


def cover_section(plan: Plan, styles: Styles, width: float, *, new_page: bool) -> list[Flowable]:
    """The cover page."""
    s = styles
    template = plan.template
    equipment = equipment_needed(plan)
    name = runner_name(plan)
    around = planned_around_text(plan)
    running = has_running(plan) or not plan.weeks
    no_running = no_running_text(plan.notices, run_days=bool(plan.profile.run_days))
    summary = template.summary if running else template.summary_without_running or template.summary
    stops = stops_growing_week(plan.notices)
    if running and stops is not None:  # the summary's growth does not happen: say so beside it
        summary = f"{summary} {not_growing_text(stops, on_cover=True)}"
    facts = [
        *([("Runner", esc(name))] if name else []),
        ("Goal", esc(template.title)),
        *([(PLANNED_AROUND, esc(around))] if around else []),
        ("Starts", esc(long_date(plan.start))),
        ("Ends", esc(long_date(plan.end))),
        ("Length", plural(len(plan.weeks), "week")),
        ("Sessions", "; ".join(esc(x) for x in sessions_per_week(plan)) or "none"),
        *([] if running else [("Running", f"<b>{esc(no_running)}</b>")]),
        ("You need", esc(", ".join(equipment)) if equipment else "no equipment"),
        ("Screening", esc(screening_text(plan))),
    ]
    rows = [[Para(f"<b>{k}</b>", s.cell), Para(v, s.cell)] for k, v in facts]
    label_width = 38 * mm  # "Planned around" on one line
    table = Grid(rows, colWidths=[label_width, width - label_width])
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT_RULE),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    disclaimer = Grid([[Para(f"<b>Please read:</b> {esc(plan.rules.disclaimer)}", s.body)]], [width])
    disclaimer.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 1.2, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        )
    )
    notices = [Para(esc(notice_text(n)), s.bullet, bulletText="•") for n in plan.notices]
    return [
        SectionStart(COVER_TITLE, new_page=new_page),
        Heading(PLAN_TITLE, s.title, ((COVER_TITLE, 0),), "cover"),
        *([Para(f"for <b>{esc(name)}</b>", s.subtitle)] if name else [Spacer(0, 6)]),
        Para(esc(template.title), s.h2),
        Para(esc(summary), s.body),
        Spacer(0, 6),
        table,
        *([Para(NOTICES_TITLE, s.h2), *notices] if notices else []),
        Spacer(0, 10),
        disclaimer,
    ]
