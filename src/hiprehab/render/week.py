"""The week sheet: one page per week, the days as columns and the sessions as rows.

Each exercise of the week is one row with its dose and its card number, and a
tick box on every day it is planned; the run row gives each run's time or
distance in its day; the last rows are each day's log (Done, pain during, pain
next morning). The week's phase, focus, checkpoint and what changes this week
sit at the top. A week is one page: when it is too full, the layout tightens
(less padding, closer lines, the smallest tick box a pen still fits) before
anything else, and text shrinks below body size only as a last resort. In large
print a week may run onto a second page, its day headings repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame, PageBreak, Spacer

from hiprehab import fonts
from hiprehab.model.exercise import Dose
from hiprehab.model.plan import card_numbers
from hiprehab.render.flowables import Heading, PageMark, Para, SectionStart
from hiprehab.render.log import DAY_LOG, DONE, PAIN_DURING, PAIN_MORNING, LogKey, ScoreField, TickBox
from hiprehab.render.styles import derived
from hiprehab.render.weekgrid import (
    DAY_SIDE,
    Cell,
    Lines,
    WeekGrid,
    centred_lines,
    group_row,
    heading_row,
    item_row,
    log_row,
)
from hiprehab.render.words import (
    date_range,
    esc,
    interval_text,
    number,
    session_heading,
    short_date,
    word_list,
)
from hiprehab.wording import (
    DAY_NAMES,
    SESSION_LABELS,
    UNIT_LABELS,
    dose_text,
    not_growing_text,
    stops_growing_week,
)

if TYPE_CHECKING:
    import datetime as dt

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.plan import Item, Plan, Run, Session, Week
    from hiprehab.render.styles import Styles

WEEKS_OUTLINE = "Week by week"
CHECKPOINT_LABEL = "Checkpoint:"
FOCUS_LABEL = "Focus:"
CHANGES_LABEL = "What changes this week:"
NO_RUN_THIS_WEEK = "This week has no run: the notes on the cover say why."
LIGHTER_WEEK = "Lighter week: a little less than last week, so your body can catch up"
DONE_LABEL = "Done today"
DURING_LABEL = "Pain during"
MORNING_LABEL = "Pain next morning"

# The order of a week's session rows; a type not named here follows them.
ROW_ORDER = ("activation", "strength", "mobility", "run", "cross_training", "recovery")
PART_WORDS = {"warmup": "before the run", "cooldown": "after the run"}

DAY_WIDTH = 13.6 * mm  # a 5 mm box, and "20 min" on one line at 10 pt
LARGE_DAY_WIDTH = 16 * mm  # the label column keeps 70 mm or more at 14 pt
NUMBER_INDENT = 1.6  # a row's label starts this many text sizes right of its card number's start...
NUMBER_GAP = 0.5  # ...or further, to leave this much (in text sizes) after the widest number
RUN_GAP = 0.3  # between a run's target and its tick box, as a share of the text size
LARGE_PAGES = 2  # a week in large print may take two pages, never more where tightening allows
BREAK_ROOM = 0.5  # a table asked to split at a row's top edge is given this much more room
LARGE_ROW_SLACK = 24 * mm  # what a page may lose where the table breaks: a row of three lines at 14 pt


@dataclass(frozen=True)
class Fit:
    """One step of tightening: cell padding, line spacing and tick-box size."""

    pad: float
    leading: float
    """Line spacing as a multiple of the text size."""
    box: float
    gap: float
    """Space between the parts of the page's top."""


def fits(styles: Styles) -> tuple[Fit, ...]:
    """The layouts to try, roomiest first; the tightest keeps the tick box at 5 mm (large print 6.5 mm)."""
    box = styles.tick_box
    # Large print keeps its larger boxes: 6.5 mm at the tightest.
    least = box - 1.5 * mm if styles.large_print else 5 * mm
    return (
        Fit(pad=2.5, leading=1.2, box=box, gap=4),
        Fit(pad=1.5, leading=1.15, box=box - 0.5 * mm, gap=3),
        Fit(pad=1.0, leading=1.1, box=max(least, box - 1 * mm), gap=2),
        Fit(pad=0.5, leading=1.05, box=least, gap=1),
    )


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
    """The bookmark title of a week: ``Week 3: Load``."""
    return f"Week {week.number}: {week.phase.title}"


def week_page_key(week: Week) -> str:
    """The name under which a week's page number is known (see :class:`~.flowables.PageRef`)."""
    return f"week{week.number}"


def week_end_key(week: Week) -> str:
    """The name under which the number of a week's last page is known (large print: its second)."""
    return f"week{week.number}-end"


def sheet_dose(item: Item) -> str:
    """The dose as the week sheet prints it: the tempo is on the card, the rest only when unusual."""
    usual_rest = item.exercise.dose.rest_s
    dose = Dose(
        sets=item.sets,
        reps=item.reps,
        hold_s=item.hold_s,
        duration_min=item.duration_min,
        per_side=item.per_side,
        rest_s=item.rest_s if item.rest_s != usual_rest else None,
    )
    return dose_text(dose)


@dataclass
class Row:
    """One exercise at one dose in one kind of session, and the days it is planned."""

    exercise: Exercise
    dose: str
    part: str
    optional: bool
    days: list[int] = field(default_factory=list)


@dataclass
class Group:
    """The rows of one kind of session in a week."""

    kind: str
    title: str
    rows: list[Row] = field(default_factory=list)
    runs: dict[int, Run] = field(default_factory=dict)


def _group_title(session: Session) -> str:
    return session_heading(session) if session.type != "activation" else session.title


def week_groups(week: Week) -> list[Group]:
    """The week's session rows, grouped by kind in :data:`ROW_ORDER`, each exercise once per dose."""
    groups: dict[str, Group] = {}
    parts = {"warmup": 0, "main": 1, "cooldown": 2}
    for index, day in enumerate(week.days):
        for session in day.sessions:
            if session.type == "rest":
                continue
            group = groups.setdefault(session.type, Group(session.type, _group_title(session)))
            if session.run is not None:
                group.runs.setdefault(index, session.run)
            for item in session.items:
                dose = sheet_dose(item)
                row = next(
                    (
                        r
                        for r in group.rows
                        if (r.exercise.id, r.dose, r.part, r.optional)
                        == (item.exercise.id, dose, item.part, item.optional)
                    ),
                    None,
                )
                if row is None:
                    row = Row(item.exercise, dose, item.part, item.optional)
                    group.rows.append(row)
                if index not in row.days:
                    row.days.append(index)
    for group in groups.values():
        group.rows.sort(key=lambda r: parts.get(r.part, 1))  # stable: first-use order within a part
    order = {kind: n for n, kind in enumerate(ROW_ORDER)}
    return sorted(groups.values(), key=lambda g: order.get(g.kind, len(order)))


def week_changes(week: Week, numbers: dict[str, int]) -> list[str]:
    """What changes this week, once per change: ``+5 seconds (cards 1 and 2)``."""
    found: dict[str, list[int]] = {}
    for day in week.days:
        for session in day.sessions:
            for item in session.items:
                if item.change:
                    cards = found.setdefault(item.change.strip().rstrip("."), [])
                    card = numbers[item.exercise.id]
                    if card not in cards:
                        cards.append(card)
    lines = []
    for change, cards in found.items():
        word = "card" if len(cards) == 1 else "cards"
        lines.append(f"{change} ({word} {word_list([str(c) for c in sorted(cards)])})")
    return lines


def run_cell(run: Run, units: str) -> str:
    """A run's target in its day's column as markup: time or distance, and the walk-run blocks."""
    return "<br/>".join(esc(line) for line in run_lines(run, units))


def run_lines(run: Run, units: str) -> list[str]:
    """A run's target in its day's column, line by line: time or distance, and the walk-run blocks."""
    lines = []
    if run.total_min is not None:
        lines.append(f"{number(run.total_min)} min")
    if run.distance is not None:
        lines.append(f"{number(run.distance)} {UNIT_LABELS.get(run.units or units, run.units)}")
    for block in run.intervals or ():
        walk = f"/{number(block.walk_min)}" if block.walk_min else ""
        lines.append(f"{number(block.run_min)}{walk} x{block.repeats}")
    if run.long_run:
        lines.append("long")
    return lines


def run_label(group: Group, units: str, week: Week) -> str:
    """The run row's label: the week's running, and how to read the cells (by a walk-run block)."""
    label = f"<b>Your runs</b>: {esc(_units_word(units))}"
    if week.running_target is not None:
        # The target counts what the week's runs count: minutes once they are set by time.
        counted = {run.units for run in group.runs.values() if run.stage is None}
        unit = UNIT_LABELS.get(counted.pop() if len(counted) == 1 else units, units)
        label += f"; {number(week.running_target)} {esc(unit)} this week in all"
    block = next((b for run in group.runs.values() for b in run.intervals or ()), None)
    if block is not None:
        walk = f"/{number(block.walk_min)}" if block.walk_min else ""
        example = f"{number(block.run_min)}{walk} x{block.repeats}"
        label += f"; {esc(example)} = {esc(interval_text(block).lower())}"
    return label


def note_line(label: str, text: str) -> str:
    """A session's note under its label, said once: ``Run: Easy run: 6 km`` prints as ``Easy run: 6 km``.

    A note that opens with its own short heading naming the session's kind (``Long run:``) keeps that
    heading in bold instead of the kind's label.
    """
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and len(head.split()) <= 3 and label.lower() in head.lower():  # noqa: PLR2004 - a heading is a few words
        return f"<b>{esc(head.strip())}:</b> {esc(rest.strip())}"
    return f"<b>{esc(label)}:</b> {esc(text)}"


class WeekSheet:
    """Writes the week pages of a plan."""

    def __init__(self, plan: Plan, styles: Styles, width: float, page_height: float) -> None:
        self.plan = plan
        self.styles = styles
        self.width = width
        self.page_height = page_height
        self.numbers = card_numbers(plan)
        self._digits = len(str(max(self.numbers.values(), default=0)))  # of the widest card number
        self.day_width = LARGE_DAY_WIDTH if styles.large_print else DAY_WIDTH
        self._groups: dict[int, list[Group]] = {}

    def _week_groups(self, week: Week) -> list[Group]:
        """:func:`week_groups`, worked out once per week: each layout tried reads them."""
        found = self._groups.get(week.number)
        if found is None:
            found = self._groups[week.number] = week_groups(week)
        return found

    def _style(self, base: ParagraphStyle, fit: Fit, name: str) -> ParagraphStyle:
        # One style per name and fit for the whole process: paragraphs parse each
        # distinct text once per style (see Para), so new styles would parse again.
        return derived(base, name, leading=base.fontSize * fit.leading, spaceBefore=0, spaceAfter=0)

    def _top(self, week: Week, fit: Fit) -> list[Flowable]:
        s = self.styles
        body = self._style(s.body, fit, "week_top")
        label = week_label(week, self.plan)
        outline = ((WEEKS_OUTLINE, 0),) if week is self.plan.weeks[0] else ()
        first, last = week.days[0].date, week.days[-1].date
        title = f"{esc(label)}: {esc(week.phase.title)}"
        dates = (
            f'<font name="{fonts.REGULAR}" size="{s.size}">&nbsp;&nbsp;{esc(date_range(first, last))}</font>'
        )
        flow: list[Flowable] = [
            Heading(
                title + dates,
                derived(
                    s.h1,
                    "week_h",
                    fontSize=s.h1.fontSize * 0.9,
                    leading=s.h1.leading * 0.85,
                    spaceAfter=fit.gap,
                ),
                (*outline, (week_outline(week), 1)),
                f"week-{week.number}",
                page_key=week_page_key(week),
            ),
            Para(f"<b>{FOCUS_LABEL}</b> {esc(self._focus(week))}", body),
        ]
        index = self.plan.weeks.index(week)
        if (index == 0 or self.plan.weeks[index - 1].phase.id != week.phase.id) and week.phase.checkpoint:
            # The checkpoint is about entering this phase, so it opens the phase's first week.
            text = esc(checkpoint_text(week.phase.checkpoint))
            flow.append(Para(f"<b>{CHECKPOINT_LABEL}</b> {text}", body))
        changes = [esc(c) for c in week_changes(week, self.numbers)]
        if week.deload:
            changes.insert(0, esc(LIGHTER_WEEK))
        if changes:
            flow.append(Para(f"<b>{CHANGES_LABEL}</b> " + "; ".join(changes) + ".", body))
        if week.running_target is not None and not any(g.runs for g in self._week_groups(week)):
            units = UNIT_LABELS.get(self.plan.profile.units, self.plan.profile.units)
            flow.append(Para(f"<b>Running this week:</b> {number(week.running_target)} {units} in all", body))
        flow.append(Spacer(0, fit.gap))
        return flow

    def _focus(self, week: Week) -> str:
        """The phase's intent, in the words that hold for this week's running.

        A week of a running phase without a run prints the phase's words for that
        (or says the running waits); where the plan holds the running the phase would
        grow (pain, or too little to grow in whole steps), its words for that (or
        the intent with a sentence saying so).
        """
        phase = week.phase
        runs = any(g.runs for g in self._week_groups(week))
        if phase.running != "none" and not runs and week.running_target is None:
            return phase.intent_without_running or f"{phase.intent} {NO_RUN_THIS_WEEK}"
        stops = stops_growing_week(self.plan.notices)
        if stops is None or week.number < stops or week.running_target is None or not phase.grow_running:
            return phase.intent
        return phase.intent_held_running or f"{phase.intent} {not_growing_text(stops, on_cover=False)}"

    def _heading_style(self, fit: Fit) -> ParagraphStyle:
        h1 = self.styles.h1
        size, leading = h1.fontSize * 0.9, h1.leading * 0.85
        return derived(h1, "week_h", fontSize=size, leading=leading, spaceAfter=fit.gap)

    def _label(self, row: Row, cell: ParagraphStyle) -> Para:
        """An exercise's name, note and dose, indented clear of its card number (see :meth:`_number`)."""
        extra = []
        if row.part in PART_WORDS:
            extra.append(PART_WORDS[row.part])
        if row.optional:
            extra.append("optional")
        note = f" <i>({', '.join(extra)})</i>" if extra else ""
        indent = max(cell.fontSize * NUMBER_INDENT, self._widest_number(cell) + cell.fontSize * NUMBER_GAP)
        return Para(
            f"{esc(row.exercise.name)}{note} · {esc(row.dose)}",
            derived(cell, f"week_row_{indent:g}", leftIndent=indent, firstLineIndent=0),
        )

    def _number(self, row: Row) -> tuple[str, str]:
        """The row's card number, set in bold at the label's left."""
        return fonts.BOLD, str(self.numbers[row.exercise.id])

    def _widest_number(self, cell: ParagraphStyle) -> float:
        """The width of the plan's widest card number in bold at the cells' size."""
        return stringWidth("8" * self._digits, fonts.BOLD, cell.fontSize)

    def _table(self, week: Week, fit: Fit) -> WeekGrid:
        s = self.styles
        cell = self._style(s.cell, fit, "week_cell")
        bold = self._style(s.cell_bold, fit, "week_cell_bold")
        center = self._style(s.cell_center, fit, "week_center")
        size = s.size
        days = range(len(week.days))
        rows = [
            heading_row(
                Para("<b>Card · exercise · dose</b>", cell),
                [self._day_heading(d.date, center) for d in week.days],
                fit.pad,
            )
        ]
        units = self.plan.profile.units
        starts: list[int] = []
        for group in self._week_groups(week):
            starts.append(len(rows))
            rows.append(group_row(Para(esc(group.title), bold)))
            if group.runs:
                runs: list[Cell] = [
                    (
                        self._run_target(group.runs[i], units, center),
                        RUN_GAP * size,  # clear of the last line's descenders
                        self._box(week, i, group, 0, fit),
                    )
                    if i in group.runs
                    else ()
                    for i in days
                ]
                rows.append(item_row(Para(run_label(group, units, week), cell), runs, fit.pad))
            for n, row in enumerate(group.rows, 1):
                boxes: list[Cell] = [
                    (self._box(week, i, group, n, fit),) if i in row.days else () for i in days
                ]
                rows.append(item_row(self._label(row, cell), boxes, fit.pad, self._number(row)))
        log_at = len(rows)
        log_pad = fit.pad + 1
        rows += [
            log_row(
                Para(f"<b>{DONE_LABEL}</b>", cell),
                [(self._log_box(week, i, fit),) for i in days],
                log_pad,
                first=True,
            ),
            log_row(
                Para(f"<b>{DURING_LABEL}</b> (0 to 10)", cell),
                [(self._score(week, i, PAIN_DURING, fit, size),) for i in days],
                log_pad,
                first=False,
            ),
            log_row(
                Para(f"<b>{MORNING_LABEL}</b> (0 to 10)", cell),
                [(self._score(week, i, PAIN_MORNING, fit, size),) for i in days],
                log_pad,
                first=False,
            ),
        ]
        label_width = self.width - 7 * self.day_width
        return WeekGrid(rows, label_width, self.day_width, breaks=(*starts[1:], log_at))

    def _centred(self, lines: list[tuple[str, str]], style: ParagraphStyle) -> Lines | None:
        """Plain lines of a day's column set as ``style`` sets them; None if a word needs splitting."""
        return centred_lines(lines, style.fontSize, style.leading, self.day_width - 2 * DAY_SIDE)

    def _day_heading(self, day: dt.date, style: ParagraphStyle) -> Lines | Para:
        name, date = DAY_NAMES[day.weekday()][:3], short_date(day)
        lines = self._centred([(fonts.BOLD, name), (style.fontName, date)], style)
        return lines if lines is not None else Para(f"<b>{esc(name)}</b><br/>{esc(date)}", style)

    def _run_target(self, run: Run, units: str, style: ParagraphStyle) -> Lines | Para:
        lines = self._centred([(style.fontName, line) for line in run_lines(run, units)], style)
        return lines if lines is not None else Para(run_cell(run, units), style)

    def _box(self, week: Week, day: int, group: Group, row: int, fit: Fit) -> TickBox:
        return TickBox(LogKey(week.number, day + 1, f"{group.kind}.{row}"), fit.box)

    def _log_box(self, week: Week, day: int, fit: Fit) -> TickBox:
        return TickBox(LogKey(week.number, day + 1, DAY_LOG), fit.box, DONE)

    def _score(self, week: Week, day: int, which: str, fit: Fit, size: float) -> ScoreField:
        return ScoreField(LogKey(week.number, day + 1, DAY_LOG), which, fit.box, size)

    def _notes(self, week: Week, fit: Fit) -> list[Flowable]:
        notes: list[str] = []
        for day in week.days:
            for session in day.sessions:
                texts = [session.note] if session.note else []
                if session.run is not None and session.run.note:
                    texts.append(session.run.note)
                for text in texts:
                    line = note_line(SESSION_LABELS.get(session.type, session.type), text)
                    if line not in notes:
                        notes.append(line)
        body = self._style(self.styles.body, fit, "week_notes")
        return [Spacer(0, fit.gap), Para(" ".join(notes), body)] if notes else []

    def _content(self, week: Week, fit: Fit) -> list[Flowable]:
        return [*self._top(week, fit), self._table(week, fit), *self._notes(week, fit)]

    def fit(self, week: Week) -> Fit | None:
        """The roomiest layout in which ``week`` fits its page, or None when none does."""
        found = self._fitted(week)
        return found[0] if found is not None else None

    def _fitted(self, week: Week) -> tuple[Fit, list[Flowable]] | None:
        for fit in fits(self.styles):
            content = self._content(week, fit)
            if _height(content, self.width) <= self.page_height:
                return fit, content  # measured at the frame's width: laid out without measuring again
        return None

    def _large(self, week: Week) -> list[Flowable]:
        """A week in large print: on one page if any layout fits it there, else on two, else the tightest.

        The roomiest layout that fits is taken. Over two pages the table breaks
        between rows near the middle of the week (see :meth:`_halved`).
        """
        layouts = fits(self.styles)
        best = self._content(week, layouts[-1])
        # Each roomier layout is taller: laid out from the tightest up, only as far as one fits.
        one_page = _height(best, self.width) <= self.page_height
        room = self.page_height if one_page else LARGE_PAGES * (self.page_height - LARGE_ROW_SLACK)
        for fit in reversed(layouts[:-1]):
            content = self._content(week, fit)
            if _height(content, self.width) > room:
                break
            best = content
        return best if one_page else self._halved(best)

    def _halved(self, content: list[Flowable]) -> list[Flowable]:
        """A two-page week broken before the group of rows nearest its middle: neither page nearly empty.

        Left to itself the table would fill the first page and leave the second
        a few rows. Content with no such break that fits both pages is returned as it is.
        """
        at = next((i for i, f in enumerate(content) if isinstance(f, WeekGrid)), None)
        if at is None:
            return content
        table = content[at]
        assert isinstance(table, WeekGrid)  # noqa: S101 - found by its type above
        top, rest = _height(content[:at], self.width), _height(content[at + 1 :], self.width)
        _, whole = table.wrap(self.width, self.page_height)
        rows = table.row_heights()
        header = rows[0]
        middle = (top + whole + rest) / 2
        best: tuple[float, int] | None = None
        for row in table.breaks:
            first = top + sum(rows[:row])
            second = header + sum(rows[row:]) + rest
            if first <= self.page_height and second <= self.page_height:
                score = abs(first - middle)
                if best is None or score < best[0]:
                    best = (score, row)
        if best is None:
            return content
        parts = table.split(self.width, sum(rows[: best[1]]) + BREAK_ROOM)
        if len(parts) != LARGE_PAGES:
            return content
        return [*content[:at], parts[0], PageBreak(), parts[1], *content[at + 1 :]]

    def week(self, week: Week) -> list[Flowable]:
        """The page of one week (in large print, as many as it needs)."""
        start = SectionStart(week_label(week, self.plan))
        end = PageMark(week_end_key(week))
        if self.styles.large_print:
            return [start, *self._large(week), end]
        found = self._fitted(week)
        if found is not None:
            return [start, *found[1], end]
        # Nothing else left to tighten: shrink the whole week to its page.
        content = self._content(week, fits(self.styles)[-1])
        return [start, KeepInFrame(self.width, self.page_height, content, mode="shrink"), end]


def _units_word(units: str) -> str:
    return {"km": "minutes or km", "mi": "minutes or miles"}.get(units, "minutes")


def _height(flowables: list[Flowable], width: float) -> float:
    """The height ``flowables`` take stacked in a frame ``width`` wide."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, 0xFFFFFF)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0.0)
    return total
