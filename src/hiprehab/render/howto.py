"""How to use this plan: notices, what was left out, the pain traffic light, doses, progression, advice.

The traffic light shows each zone three ways (tint, word and symbol), so it
still reads when printed in black and white.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hiprehab.render.flowables import Grid, Heading, Para, SectionStart
from hiprehab.render.styles import AMBER, GREEN, HEADING_SHADE, LIGHT_RULE, RED, RULE, derived, table_style
from hiprehab.render.week import DONE_LABEL, DURING_LABEL, MORNING_LABEL
from hiprehab.render.words import PLANNED_AROUND, esc, has_running, planned_around_text
from hiprehab.wording import see_clinician_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan
    from hiprehab.render.styles import Styles

HOWTO_TITLE = "How to use this plan"
LEFT_OUT_TITLE = "Left out for you, and why"

GREEN_MARK, AMBER_MARK, RED_MARK = "✓", "‖", "↓"

# How the plan writes a dose; the notation is the renderer's, so it explains it.
DOSE_EXAMPLES = (
    ("2 x 10 reps", "Two sets of 10 repetitions, with a short rest between the sets."),
    ("per side", "Do the whole dose on one side, then all of it on the other side."),
    ("3 x 30 s hold", "Hold the position for 30 seconds, three times."),
    ("tempo 2-1-2", "Seconds to lift, to pause at the top, and to lower."),
    ("rest 60 s between sets", "Rest this long before the next set."),
    ("10 min", "Ten minutes of steady, easy effort."),
)


def _bullets(texts: tuple[str, ...], styles: Styles) -> list[Flowable]:
    return [Para(esc(text), styles.bullet, bulletText="•") for text in texts]


def traffic_light(plan: Plan, styles: Styles, width: float) -> Grid:
    """The three pain zones: symbol, zone word and score range, what to do."""
    rules = plan.template.pain_rules
    green, amber = rules.green, rules.amber
    rows = [
        (GREEN_MARK, "GREEN", f"Pain 0 to {green.max_score} out of 10", green.label, green.action),
        (
            AMBER_MARK,
            "AMBER",
            f"Pain {green.max_score + 1} to {amber.max_score} out of 10",
            amber.label,
            amber.action,
        ),
        (
            RED_MARK,
            "RED",
            f"Pain above {amber.max_score} out of 10, or worse the next morning",
            "Step back",
            f"{rules.red} {rules.next_morning}",
        ),
    ]
    data = []
    for mark, word, scores, label, action in rows:
        # The template may name a zone by its colour already ("Green"); say it once.
        name = [Para(f"<b>{word}</b>", styles.cell)]
        if label.strip().lower() != word.lower():
            name.append(Para(f"<i>{esc(label)}</i>", styles.cell))
        name.append(Para(esc(scores), styles.cell))
        data.append([Para(mark, styles.symbol), name, Para(esc(action), styles.cell)])
    first, second = 16 * mm, 52 * mm
    table = Grid(data, colWidths=[first, second, width - first - second])
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, 0), GREEN),
            ("BACKGROUND", (0, 1), (0, 1), AMBER),
            ("BACKGROUND", (0, 2), (0, 2), RED),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return table


def dose_table(styles: Styles, width: float) -> Grid:
    """How to read a dose, by example: two examples a row, so the table stays short."""
    first = 30 * mm
    second = width / 2 - first
    cells = [
        [Para(f"<b>{esc(example)}</b>", styles.cell), Para(esc(meaning), styles.cell)]
        for example, meaning in DOSE_EXAMPLES
    ]
    half = (len(cells) + 1) // 2
    data = [[*cells[i], *(cells[i + half] if i + half < len(cells) else ["", ""])] for i in range(half)]
    table = Grid(data, colWidths=[first, second, first, second])
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT_RULE),
            ("LINEBEFORE", (2, 0), (2, -1), 0.8, RULE),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (0, -1), HEADING_SHADE),
            ("BACKGROUND", (2, 0), (2, -1), HEADING_SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


def left_out(plan: Plan, styles: Styles) -> list[Flowable]:
    """What the plan was built around, then each exercise left out and why; nothing if none was."""
    if not plan.excluded:
        return []
    s = styles
    around = planned_around_text(plan)
    intro = f"<b>{PLANNED_AROUND}:</b> {esc(around.removesuffix('.'))}. " if around else ""
    # A runner with pain in several places has a long list: it is set in the cards' face
    # (condensed, the same size), so the front pages stay four whatever the pain sites.
    item = derived(s.bullet, "left_out", fontName=s.card_text.fontName)
    return [
        Para(LEFT_OUT_TITLE, s.h2),
        Para(f"{intro}These exercises are left out of your plan:", s.body),
        *(
            Para(f"<b>{esc(exercise.name)}:</b> {esc(exercise.avoid_note or '')}", item, bulletText="•")
            for exercise in plan.excluded
        ),
        Spacer(0, 2),
    ]


def howto_section(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """The how-to pages."""
    s = styles
    template = plan.template
    flow: list[Flowable] = [
        SectionStart(HOWTO_TITLE, new_page=False),
        Heading(HOWTO_TITLE, s.h1, ((HOWTO_TITLE, 0),), "howto"),
    ]
    flow += left_out(plan, s)
    running = has_running(plan)
    flow += [
        Para("Listen to your pain: the traffic light", s.h2),
        Para(
            "Score your hip pain from 0 (none) to 10 (the worst you can imagine) during each "
            "session and again the next morning. The score tells you what to do next.",
            s.body,
        ),
        traffic_light(plan, s, width),
        Para(f"Based on: {esc(template.pain_rules.source)}", s.note),
        Para("Your week sheet", s.h2),
        Para(
            "Each week is one page: the days are columns, and each exercise is a row with its dose "
            "and its card number in the exercise library at the back. Tick the box on a day when "
            f"you have done that exercise, tick <b>{DONE_LABEL}</b> when the day's plan is done, "
            f"write your <b>{DURING_LABEL.lower()}</b> score straight after, and your "
            f"<b>{MORNING_LABEL.lower()}</b> score when you get up. Bring the sheets to any "
            "appointment.",
            s.body,
        ),
        Para("How to read a dose", s.h2),
        dose_table(s, width),
        Spacer(0, 4),
        Para("When to move up a rung", s.h2),
        *_bullets((*template.progression, *(template.running_progression if running else ())), s),
        Para("When to step back", s.h2),
        *_bullets(
            (
                *template.step_back,
                *(template.running_step_back if running else ()),
                see_clinician_text(template.review, template.pain_rules),
            ),
            s,
        ),
    ]
    has_walk_run = any(
        session.run is not None and session.run.intervals
        for week in plan.weeks
        for day in week.days
        for session in day.sessions
    )
    if template.walk_run is not None and has_walk_run:
        flow.append(Para("Before your first walk-run", s.h2))
        flow += _bullets(template.walk_run.entry_criteria, s)
    # Each piece of advice runs on from its heading in bold: a line less each, so the
    # front pages stay four however long the lists above them grow.
    advice_style = derived(s.body, "advice", spaceBefore=2)
    for advice in template.advice:
        if advice.running and not running:
            continue  # a plan with no runs prints no advice about running
        heading = advice.heading.strip()
        stop = "" if heading.endswith((".", "?", "!", ":")) else "."
        flow.append(Para(f"<b>{esc(heading)}{stop}</b> {esc(advice.text)}", advice_style))
    return flow
