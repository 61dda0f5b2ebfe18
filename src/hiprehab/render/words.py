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


def runner_name(plan: Plan) -> str:
    """The runner's name as the PDF can print it; "" when the profile has none (the plan names no one)."""
    return name_on_paper(plan.profile.name).text


def word_list(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def planned_around(plan: Plan) -> str:
    """What the plan's exclusions were built around, in plain words ("" when nothing).

    ``pain on the outside of the hip, gluteal tendinopathy and bursitis``.
    """
    order = list(AVOID_LABELS)
    known = sorted((w for w in plan.avoided if w in AVOID_LABELS), key=order.index)
    # A word this table does not know yet still prints, after the known ones.
    unknown = [w.replace("_", " ") for w in plan.avoided if w not in AVOID_LABELS]
    return word_list([AVOID_LABELS[w] for w in known] + unknown)
