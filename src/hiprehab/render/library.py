"""The exercise library: every card of the plan once, numbered in the order the runner meets it.

The week sheets, the calendar and the plan JSON name exercises by these numbers,
all from :func:`hiprehab.model.plan.library_cards`: cards 1, 2, 3... are the
exercises the plan schedules, in first-use order; after them come the easier
and harder rungs the cards point to, so "Easier: card 31" always leads to a card.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from hiprehab.model.plan import card_numbers, library_cards, rungs
from hiprehab.render.cards import card, card_text, continued_line
from hiprehab.render.flowables import Heading, Para, SectionStart
from hiprehab.render.words import esc, word_list
from hiprehab.wording import AVOID_LABELS, EQUIPMENT_LABELS, dose_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.plan import Plan
    from hiprehab.render.figures import Figures
    from hiprehab.render.styles import Styles

LIBRARY_TITLE = "Exercise library"
PLAIN_FAMILIES = frozenset(
    {"brisk-walk", "easy-walk-cooldown", "warmup-aerobic", "rest-day", "gentle-yoga", "ice"}
)
"""Walks, easy jogs, a rest day, gentle yoga and an ice pack: a figure adds little to their
words, so their cards have none and take the library's whole width for their text."""


def avoid_text(exercise: Exercise) -> str | None:
    """The avoid rule in words, or None when the exercise has none.

    The card says whom the exercise is not for ("Not for: runners with..."); the
    reason is printed where it matters, in "Left out for you" for a runner it
    was left out for.
    """
    if not exercise.avoid_if:
        return None
    return f"{word_list([AVOID_LABELS[w] for w in exercise.avoid_if])}."


def card_dose(plan: Plan, exercise: Exercise) -> str:
    """The dose a card prints: the one the plan starts the exercise at, not the catalogue's."""
    return dose_text(plan.card_doses.get(exercise.id, exercise.dose))


def rung_text(easier: Exercise | None, harder: Exercise | None, numbers: dict[str, int]) -> str:
    """``<b>Easier:</b> card 4 (Bridge hold)   <b>Harder:</b> card 31 (...)``, or ""."""
    parts = []
    for word, rung in (("Easier", easier), ("Harder", harder)):
        if rung is not None:
            parts.append(f"<b>{word}:</b> card {numbers[rung.id]} ({esc(rung.name)})")
    return "&nbsp;&nbsp;&nbsp;".join(parts)


def library_section(plan: Plan, styles: Styles, figures: Figures) -> list[Flowable]:
    """The library pages: its cards take the page's width."""
    s = styles
    given = rungs(plan)
    cards = library_cards(plan)
    numbers = card_numbers(plan)
    scheduled = {
        item.exercise.id for week in plan.weeks for day in week.days for x in day.sessions for item in x.items
    }
    weeks = sum(exercise.id in scheduled for exercise in cards)
    if weeks < len(cards) - 1:
        versions = f"Cards {weeks + 1} to {len(cards)} are their easier and harder versions"
        rung_cards = f" {versions}, with the dose to start at."
    elif weeks < len(cards):
        rung_cards = f" Card {len(cards)} is an easier or harder version, with the dose to start at."
    else:
        rung_cards = ""
    flow: list[Flowable] = [
        SectionStart(LIBRARY_TITLE),
        Heading(LIBRARY_TITLE, s.h1, ((LIBRARY_TITLE, 0),), "library"),
        Para(
            f"Numbered in the order you meet them: a week sheet says how much to do, a card how.{rung_cards}",
            s.body,
        ),
    ]
    for number, exercise in enumerate(cards, 1):
        equipment = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment)
        # The title runs on into the text: the rest of its line holds what you need, not white space.
        # A card in the weeks gives no dose (its week sheets do, week by week); a rung they only
        # point to gives the dose to start it at.
        dose = "" if exercise.id in scheduled else f"<b>Starting dose:</b> {esc(card_dose(plan, exercise))}. "
        title = (
            f'<font size="{s.card_title.fontSize}"><b>{number}&nbsp;&nbsp;{esc(exercise.name)}</b></font>'
            f"&nbsp;&nbsp; {dose}<b>You need:</b> {esc(equipment)}."
        )
        easier, harder = given.get(exercise.id, (None, None))
        extra = rung_text(easier, harder, numbers)
        avoid = avoid_text(exercise)
        if avoid is not None:
            extra += ("&nbsp;&nbsp;&nbsp;" if extra else "") + f"<b>Not for:</b> {esc(avoid)}"
        body = card_text(exercise, s, lead=title + f" <i>{esc(exercise.summary)}</i>", tail=extra)
        box = None if exercise.family in PLAIN_FAMILIES else figures.box(exercise)
        # The run-on line is made only for a card that runs on to another page.
        flow.append(card(body, box, functools.partial(continued_line, number, exercise.name, s)))
    return flow
