"""The exercise library: every exercise of the plan once, in full, with its avoid rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Spacer

from hiprehab.render.cards import card, rungs_line, text_lines
from hiprehab.render.flowables import Heading, Para, SectionStart
from hiprehab.render.words import AVOID_LABELS, EQUIPMENT_LABELS, esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.plan import Plan
    from hiprehab.render.figures import Figures
    from hiprehab.render.styles import Styles

from hiprehab.wording import dose_text

LIBRARY_TITLE = "Exercise library"


def _rungs(plan: Plan) -> dict[str, tuple[Exercise | None, Exercise | None]]:
    """Easier and harder rung of each exercise, as the plan gave them where first used."""
    found: dict[str, tuple[Exercise | None, Exercise | None]] = {}
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for item in session.items:
                    found.setdefault(item.exercise.id, (item.easier, item.harder))
    return found


def avoid_text(exercise: Exercise) -> str | None:
    """The avoid rule in words, or None when the exercise has none."""
    if not exercise.avoid_if:
        return None
    words = ", ".join(AVOID_LABELS[w] for w in exercise.avoid_if)
    note = f" {exercise.avoid_note}" if exercise.avoid_note else ""
    return f"Left out of plans for runners with {words}.{note}"


def library_section(plan: Plan, styles: Styles, width: float, figures: Figures) -> list[Flowable]:
    """The library pages."""
    s = styles
    rungs = _rungs(plan)
    flow: list[Flowable] = [
        SectionStart(LIBRARY_TITLE),
        Heading(LIBRARY_TITLE, s.h1, ((LIBRARY_TITLE, 0),), "library"),
        Para(
            "Every exercise in your plan, numbered in the order you first meet it; the week pages "
            "name each exercise's card. The usual dose is the catalogue's; your week pages give "
            "the dose for each day.",
            s.body,
        ),
    ]
    for number, exercise in enumerate(plan.library, 1):
        equipment = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment)
        body: list[Flowable] = [
            Para(f"<i>{esc(exercise.summary)}</i>", s.cell),
            Para(f"<b>Usual dose:</b> {esc(dose_text(exercise.dose))}", s.cell),
            Para(f"<b>You need:</b> {esc(equipment)}", s.cell),
            *text_lines(exercise, s),
        ]
        easier, harder = rungs.get(exercise.id, (None, None))
        line = rungs_line(easier, harder, s)
        if line is not None:
            body.append(line)
        avoid = avoid_text(exercise)
        if avoid is not None:
            body.append(Para(f"<b>Avoid rule:</b> {esc(avoid)}", s.cell))
        title = f"<b>{number}. {esc(exercise.name)}</b>"
        flow += [card(title, body, width, figures.box(exercise), s), Spacer(0, 6)]
    return flow
