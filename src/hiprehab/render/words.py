"""Plain words for the plan's values: dates, doses, labels, and escaped markup.

Everything a catalogue, template or profile says passes through :func:`esc`
before it reaches ReportLab's Paragraph markup, so ``<`` and ``&`` print as
themselves and cannot change the layout.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from hiprehab.fonts import name_on_paper
from hiprehab.wording import (
    AVOID_LABELS,
    DAY_NAMES,
    MONTH_NAMES,
    SESSION_LABELS,
    UNIT_LABELS,
    item_dose_text,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from hiprehab.model.plan import Interval, Plan, Run, Session

PLANNED_AROUND = "Planned around"
"""The label of what the plan's exclusions were built around (cover and how-to pages)."""

DASH = "\N{EN DASH}"  # ranges of dates, and the rest-day mark of the calendar


def esc(text: str) -> str:
    """``text`` made safe for Paragraph markup: ``&``, ``<`` and ``>`` become entities.

    The same as ``xml.sax.saxutils.escape``, whose import pulls in urllib and costs
    a noticeable share of ``hiprehab plan``'s start-up.
    """
    return escape(text, quote=False)


def short_date(day: dt.date) -> str:
    """``3 Mar``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


def short_day(day: dt.date) -> str:
    """``Wednesday 6 Jan``."""
    return f"{DAY_NAMES[day.weekday()]} {short_date(day)}"


def long_date(day: dt.date) -> str:
    """``Monday 3 March 2025``."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_range(first: dt.date, last: dt.date) -> str:
    """``3-9 Mar 2025`` or ``28 Feb-6 Mar 2025`` (with an en dash), the year said once if it can."""
    if first.year != last.year:
        return f"{short_date(first)} {first.year} {DASH} {short_date(last)} {last.year}"
    if first.month != last.month:
        return f"{short_date(first)} {DASH} {short_date(last)} {last.year}"
    return f"{first.day} {DASH} {short_date(last)} {last.year}"


def number(value: float) -> str:
    """``2``, ``2.5``: no trailing zeros."""
    return f"{value:g}"


def plural(count: int, word: str) -> str:
    """``1 week``, ``3 weeks``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


item_dose = item_dose_text
"""This session's dose of an item (shared with the calendar, which words it the same)."""


def run_summary(run: Run, units: str) -> str:
    """The run in one line: stage, time and distance (its note is printed as given)."""
    parts: list[str] = []
    if run.stage is not None:
        parts.append(f"Walk-run stage {run.stage}")
    elif run.long_run:
        parts.append("Long run")
    elif run.intervals:
        parts.append("Walk-run")
    else:
        parts.append("Easy run")
    if run.total_min is not None:
        parts.append(f"{number(run.total_min)} min in all")
    if run.distance is not None:
        parts.append(f"{number(run.distance)} {UNIT_LABELS.get(run.units or units, run.units)}")
    return " · ".join(parts)


def interval_text(block: Interval) -> str:
    """``Run 1 min, walk 4 min, 4 times``."""
    walk = f", walk {number(block.walk_min)} min" if block.walk_min else ""
    times = "once" if block.repeats == 1 else f"{block.repeats} times"
    return f"Run {number(block.run_min)} min{walk}, {times}"


def session_heading(session: Session) -> str:
    """``Strength: Hip strength A``, or the type alone when the title repeats it."""
    label = SESSION_LABELS[session.type]
    if session.title.strip().lower() == label.lower():
        return label
    return f"{label}: {session.title}"


def has_running(plan: Plan) -> bool:
    """Whether any week of the plan holds a run (a held or stopped plan holds none)."""
    return any(
        session.run is not None for week in plan.weeks for day in week.days for session in day.sessions
    )


def runner_name(plan: Plan) -> str:
    """The runner's name as the PDF can print it; "" when the profile has none (the plan names no one)."""
    return name_on_paper(plan.profile.name).text


def word_list(words: list[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (or ``a, b or c`` with ``last="or"``)."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _possible_causes(plan: Plan) -> dict[str, list[str]]:
    """Each pain site the runner gave, with the avoided conditions it was routed to that they did not give."""
    profile = plan.profile
    given = {*profile.pain_sites, *profile.conditions}
    causes: dict[str, list[str]] = {}
    placed: set[str] = set()
    for site in profile.pain_sites:
        routed = plan.template.site_rules.get(site, ())
        words = [str(w) for w in routed if w in plan.avoided and w not in given and w not in placed]
        placed.update(words)
        if words:
            causes[site] = words
    return causes


def _label(word: str) -> str:
    return AVOID_LABELS.get(word, word.replace("_", " "))


def _in_order(words: Iterable[str]) -> list[str]:
    order = list(AVOID_LABELS)
    return sorted(words, key=lambda w: (order.index(w) if w in order else len(order), w))


def planned_around(plan: Plan) -> str:
    """What the runner told us the plan is built around, in plain words ("" when nothing).

    ``pain on the outside of the hip and gluteal tendinopathy``: the pain sites first, then the
    conditions. A condition the plan avoids only because a pain site can come from it is not
    named here but in :func:`possible_causes`.
    """
    possible = {w for words in _possible_causes(plan).values() for w in words}
    # A word this table does not know yet still prints, after the known ones.
    return word_list([_label(w) for w in _in_order(w for w in plan.avoided if w not in possible)])


def possible_causes(plan: Plan) -> str:
    """Why the plan also steers clear of conditions the runner did not give ("" when none).

    ``Because groin pain can come from a muscle strain or a labral tear, the plan also avoids
    exercises that could aggravate them (a precaution, not a diagnosis).``
    """
    causes = _possible_causes(plan)
    if not causes:
        return ""
    clauses = [
        f"{_label(site)} can come from {word_list([_label(w) for w in _in_order(words)], 'or')}"
        for site, words in causes.items()
    ]
    return (
        f"Because {word_list(clauses)}, the plan also avoids exercises that could aggravate "
        f"{'it' if sum(map(len, causes.values())) == 1 else 'them'} (a precaution, not a diagnosis)."
    )


def planned_around_text(plan: Plan) -> str:
    """The "Planned around" words in full: what the runner gave, then any possible causes ("" when none)."""
    around = planned_around(plan)
    causes = possible_causes(plan)
    return f"{around}. {causes}" if around and causes else around
