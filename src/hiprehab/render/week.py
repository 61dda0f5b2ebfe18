"""Week sections: the week's heading, then each day's sessions, cards and log boxes.

Card repetition: an exercise gets its full card in the week pages
the first time the plan gives it, where the runner first meets it. After that,
in the same week and in later weeks, it is one row of a dose table (name, this
session's dose, what changed) that names its numbered card in the exercise
library. Repeating each full card once a week made a real 12-week plan 118
pages long; with rows it is about 70, and every week still shows each day's
doses and a log for every session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from hiprehab import fonts
from hiprehab.render.cards import card, rungs_line, text_lines
from hiprehab.render.flowables import Grid, Heading, KeepIfFits, LogBox, Para, SectionStart, TickRow, one_line
from hiprehab.render.styles import LIGHT_RULE, RULE, SHADE, TableCommand, table_style
from hiprehab.render.words import (
    UNIT_LABELS,
    date_range,
    esc,
    interval_text,
    item_dose,
    long_date,
    number,
    run_summary,
    session_heading,
    short_day,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Day, Item, Plan, Session, Week
    from hiprehab.render.figures import Figures
    from hiprehab.render.styles import Styles

WEEKS_OUTLINE = "Week by week"
PARTS = (("warmup", "Warm-up"), ("main", ""), ("cooldown", "Cool-down"))
CHECKPOINT_LABEL = "Checkpoint:"


def checkpoint_text(checkpoint: str) -> str:
    """A phase's checkpoint without its own leading "Checkpoint:", which the label already says."""
    text = checkpoint.strip()
    if text.lower().startswith(CHECKPOINT_LABEL.lower()):
        text = text[len(CHECKPOINT_LABEL) :].lstrip()
    return text


def week_label(week: Week, plan: Plan) -> str:
    """``Week 3 of 12``: the running header and the heading of the week."""
    return f"Week {week.number} of {len(plan.weeks)}"


def week_outline(week: Week) -> str:
    """The bookmark title of a week."""
    return f"Week {week.number}: {week.phase.title}"


def card_numbers(plan: Plan) -> dict[str, int]:
    """The number of each exercise's card in the library (first-use order, from 1)."""
    return {exercise.id: n for n, exercise in enumerate(plan.library, 1)}


class WeekWriter:
    """Writes the week sections in order; remembers which exercises have had their card."""

    def __init__(self, plan: Plan, styles: Styles, width: float, figures: Figures) -> None:
        self.plan = plan
        self.styles = styles
        self.width = width
        self.figures = figures
        self.numbers = card_numbers(plan)
        self.shown: set[str] = set()

    def _reference(self, item: Item) -> str:
        number_ = self.numbers.get(item.exercise.id)
        return f"card {number_}" if number_ is not None else ""

    def _name(self, item: Item) -> str:
        optional = " <i>(optional)</i>" if item.optional else ""
        return f"<b>{esc(item.exercise.name)}</b>{optional}"

    def _card(self, item: Item) -> Flowable:
        s = self.styles
        reference = self._reference(item)
        title = f"{self._name(item)}&nbsp;&nbsp;&nbsp;{esc(item_dose(item))}"
        if reference:
            title += f"&nbsp;&nbsp;&nbsp;<i>{reference}</i>"
        body: list[Flowable] = []
        if item.change:
            body.append(Para(f"<i>{esc(item.change)}</i>", s.cell))
        body += text_lines(item.exercise, s)
        rungs = rungs_line(item.easier, item.harder, s)
        if rungs is not None:
            body.append(rungs)
        return card(title, body, self.width, self.figures.box(item.exercise), s)

    def _rows(self, items: list[Item]) -> Grid:
        """Exercises already shown: one row each, name, dose and the card to look at.

        A name or dose that fits on one line is a plain string, which the table
        draws as is: these rows hold most of a plan's cells, and plain strings
        spare a Paragraph's markup parsing and line breaking for each.
        """
        s = self.styles
        ref_width = 20 * mm
        name_width = (self.width - ref_width) * 0.45
        dose_width = self.width - ref_width - name_width
        rows: list[list[object]] = []
        bold: list[TableCommand] = []
        for row, item in enumerate(items):
            name, dose = item.exercise.name, item_dose(item)
            plain_name = not item.optional and one_line(name, fonts.BOLD, name_width)
            plain_dose = not item.change and one_line(dose, fonts.REGULAR, dose_width)
            if plain_name:
                bold.append(("FONTNAME", (0, row), (0, row), fonts.BOLD))
            change = f"<br/><i>{esc(item.change)}</i>" if item.change else ""
            rows.append(
                [
                    name if plain_name else Para(self._name(item), s.cell),
                    dose if plain_dose else Para(esc(dose) + change, s.cell),
                    self._reference(item),
                ]
            )
        table = Grid(rows, colWidths=[name_width, dose_width, ref_width])
        table.setStyle(
            table_style(
                *bold,
                ("LEADING", (0, 0), (-1, -1), s.cell.leading),  # plain strings: rows as tall as Paragraphs
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT_RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            )
        )
        return table

    def _items(self, items: list[Item]) -> list[Flowable]:
        flow: list[Flowable] = []
        waiting: list[Item] = []
        for item in items:
            if item.exercise.id in self.shown:
                waiting.append(item)
                continue
            if waiting:
                flow += [self._rows(waiting), Spacer(0, 4)]
                waiting = []
            self.shown.add(item.exercise.id)
            flow += [self._card(item), Spacer(0, 4)]
        if waiting:
            flow += [self._rows(waiting), Spacer(0, 4)]
        return flow

    def _run(self, session: Session) -> Flowable:
        """The run: a summary line, the plan's note, and a square per walk-run repeat."""
        assert session.run is not None  # noqa: S101 - only called for sessions with a run
        s = self.styles
        run = session.run
        summary = esc(run_summary(run, self.plan.profile.units))
        lines = [Para(f"<b>Your run:</b> {summary}", s.cell)]
        if run.note and run.note != session.note:  # the engine may give both the same text
            lines.append(Para(esc(run.note), s.cell))
        blocks = run.intervals or ()
        if blocks:
            box_width = max(TickRow(b.repeats).width for b in blocks) + 12
            widths = [self.width - box_width, box_width]
            rows: list[list[object]] = [[line, ""] for line in lines]
            rows += [[Para(esc(interval_text(b)) + ":", s.cell), TickRow(b.repeats)] for b in blocks]
            spans = [("SPAN", (0, r), (1, r)) for r in range(len(lines))]
        else:
            widths, rows, spans = [self.width], [[line] for line in lines], []
        table = Grid(rows, colWidths=widths)
        table.setStyle(
            table_style(
                *spans,
                ("BOX", (0, 0), (-1, -1), 1.4, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            )
        )
        return KeepIfFits([table])

    def _session(self, session: Session, day: str | None) -> Flowable:
        """A session; ``day`` names its day when it is not the day's first (it may open a page)."""
        s = self.styles
        heading = esc(session_heading(session))
        if day is not None:
            heading += f' <font name="{s.body.fontName}">· {esc(day)}</font>'
        flow: list[Flowable] = [Para(heading, s.h3)]
        if session.note:
            flow.append(Para(esc(session.note), s.note))
        for part, label in PARTS:
            items = [i for i in session.items if i.part == part]
            if items and label:
                flow.append(Para(label, s.label))
            flow += self._items(items)
            if part == "warmup" and session.run is not None:
                flow += [self._run(session), Spacer(0, 4)]
        flow += [Spacer(0, 2), LogBox(), Spacer(0, 8)]
        # A session stays on one page where it fits, so its log box is never
        # separated from it; a taller one flows on, its cards still whole.
        return KeepIfFits(flow)

    def _day(self, day: Day) -> Flowable:
        s = self.styles
        active = [x for x in day.sessions if x.type != "rest"]
        if not active:
            notes = " ".join(esc(x.note) for x in day.sessions if x.note)
            text = f"<b>{esc(long_date(day.date))}</b>: rest day. <i>{notes}</i>"
            return KeepIfFits([Spacer(0, 6), Para(text, s.body)])
        heading = Para(esc(long_date(day.date)), s.h2)
        later = short_day(day.date)
        sessions = [self._session(x, None if i == 0 else later) for i, x in enumerate(active)]
        return KeepIfFits([heading, *sessions])

    def week(self, week: Week) -> list[Flowable]:
        """The pages of one week: a new page, its heading and bookmark, then its days."""
        s = self.styles
        label = week_label(week, self.plan)
        outline = ((WEEKS_OUTLINE, 0),) if week is self.plan.weeks[0] else ()
        first, last = week.days[0].date, week.days[-1].date
        facts = [f"Phase: <b>{esc(week.phase.title)}</b>", esc(date_range(first, last))]
        if week.deload:
            facts.append("<b>lighter week</b>")
        flow: list[Flowable] = [
            SectionStart(label),
            Heading(esc(label), s.h1, (*outline, (week_outline(week), 1)), f"week-{week.number}"),
            Para(" · ".join(facts), s.body),
        ]
        index = self.plan.weeks.index(week)
        if index == 0 or self.plan.weeks[index - 1].phase.id != week.phase.id:
            # The checkpoint is about entering or staying in this phase ("Start this
            # phase only when ..."), so it opens the phase's first week, before its aim.
            if week.phase.checkpoint:
                text = esc(checkpoint_text(week.phase.checkpoint))
                flow.append(Para(f"<b>{CHECKPOINT_LABEL}</b> {text}", s.body))
            flow.append(Para(f"<b>Aim of this phase:</b> {esc(week.phase.intent)}", s.body))
        if week.running_target is not None:
            units = UNIT_LABELS.get(self.plan.profile.units, self.plan.profile.units)
            target = f"{number(week.running_target)} {units}"
            flow.append(Para(f"<b>Running this week:</b> {target} in all", s.body))
        days = [self._day(day) for day in week.days]
        # The week's heading and aims travel with its first day, so a first day that
        # does not fit under them starts there and flows on, instead of leaving the
        # heading alone on a nearly empty page.
        return [flow[0], KeepIfFits([*flow[1:], days[0]]), *days[1:]]
