"""The overview calendar: a row per week with its page, a column per weekday, session codes.

A row is one line. In a plan longer than :data:`ROW_PER_WEEK_UP_TO` weeks, weeks
in a row that are alike (same phase, same sessions on the same days, both
lighter or neither) share a row, up to eight of them, with their range of weeks
and pages, so a year fits one page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from hiprehab import fonts
from hiprehab.render.flowables import PAGE_RANGE_DASH, Grid, Heading, KeepIfFits, PageRef, Para, SectionStart
from hiprehab.render.styles import (
    BODY_SIZE,
    HEADING_SHADE,
    LIGHT_RULE,
    RULE,
    SHADE,
    TableCommand,
    table_style,
)
from hiprehab.render.week import week_end_key, week_page_key
from hiprehab.render.words import DASH, esc, short_date
from hiprehab.wording import DAY_NAMES

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan, Session, Week
    from hiprehab.render.styles import Styles

OVERVIEW_TITLE = "Overview calendar"

# Short codes for the calendar cells, with the words of the legend.
CODES: dict[str, tuple[str, str]] = {
    "strength": ("S", "strength session"),
    "activation": ("A", "activation session"),
    "mobility": ("M", "mobility session"),
    "walk_run": ("WR", "walk-run"),
    "run": ("R", "run"),
    "long_run": ("LR", "long run"),
    "cross_training": ("X", "cross-training"),
    "recovery": ("Rc", "recovery session"),
    "rest": (DASH, "rest day"),
}

ROW_PER_WEEK_UP_TO = 16
"""Plans up to this many weeks get a row for every week."""
WEEKS_A_ROW = 8
"""In a longer plan, a row holds up to this many alike weeks: about two months."""

PHASE_COLUMN = 92.0
"""The phase column's width at 10 pt, where the day columns leave room for it."""
CELL_PAD = 2.0  # the calendar's left and right cell padding


def session_code(session: Session) -> str:
    """The key of :data:`CODES` for a session; runs are told apart by their shape."""
    if session.type == "run" and session.run is not None:
        if session.run.intervals:
            return "walk_run"
        if session.run.long_run:
            return "long_run"
    return session.type


def _week_cell(week: Week, last: Week, styles: Styles) -> Para:
    numbers = f"{week.number}{PAGE_RANGE_DASH}{last.number}" if last is not week else str(week.number)
    return Para(f"<b>{numbers}</b>&nbsp;&nbsp;{esc(short_date(week.days[0].date))}", styles.cell)


def _shape(week: Week) -> tuple[object, ...]:
    """What a week's overview row shows besides its number, date and page."""
    days = tuple(tuple(session_code(s) for s in d.sessions) for d in week.days)
    return (week.phase.id, week.deload, tuple(d.date.weekday() for d in week.days), days)


def week_rows(weeks: tuple[Week, ...]) -> list[tuple[Week, Week]]:
    """The first and last week of each row: alike weeks in a row share one in a long plan."""
    if len(weeks) <= ROW_PER_WEEK_UP_TO:
        return [(week, week) for week in weeks]
    rows: list[tuple[Week, Week]] = []
    for week in weeks:
        first, last = rows[-1] if rows else (week, week)
        if rows and last.number - first.number + 1 < WEEKS_A_ROW and _shape(week) == _shape(last):
            rows[-1] = (rows[-1][0], week)
        else:
            rows.append((week, week))
    return rows


def _phase_cell(week: Week, styles: Styles, *, first_of_phase: bool) -> Para:
    title = esc(week.phase.title)
    text = f"<b>{title}</b>" if first_of_phase else title
    if week.deload:
        text += " <i>(lighter)</i>"
    return Para(text, styles.cell)


def _day_cell(week: Week, index: int, styles: Styles) -> Para | str:
    days = [d for d in week.days if d.date.weekday() == index]
    if not days:
        return ""
    codes = [CODES[session_code(s)][0] for s in days[0].sessions] or [CODES["rest"][0]]
    return Para(" ".join(codes), styles.cell_center)


def _legend(plan: Plan, styles: Styles) -> Para:
    used = {session_code(s) for w in plan.weeks for d in w.days for s in d.sessions}
    used.add("rest")
    # A code stays on one line with its words.
    parts = [
        f"<b>{code}</b>&nbsp;{words.replace(' ', '&nbsp;')}"
        for key, (code, words) in CODES.items()
        if key in used
    ]
    return Para("Key: " + " · ".join(parts), styles.body)


def _column_widths(plan: Plan, grouped: list[tuple[Week, Week]], styles: Styles, width: float) -> list[float]:
    """Widths of the week, page, phase and day columns, measured from what they hold.

    The day columns hold their headings on one line and the phase column its
    longest word; the phase column is as wide as :data:`PHASE_COLUMN` (scaled
    with the text) where there is room, and the week column gives way last
    (its date then wraps under the week numbers).
    """
    size = styles.size

    def bold(text: str) -> float:
        return stringWidth(text, fonts.BOLD, size) + 2 * CELL_PAD + 1

    def regular(text: str) -> float:
        return stringWidth(text, fonts.REGULAR, size)

    weeks = [
        bold(f"{a.number}{PAGE_RANGE_DASH}{b.number}" if a is not b else str(a.number))
        + regular(f"\u00a0\u00a0{short_date(a.days[0].date)}")
        for a, b in grouped
    ]
    week = max([bold("Week"), *weeks])
    sample = f"000{PAGE_RANGE_DASH}000" if any(a is not b for a, b in grouped) else "000"
    page = max(bold("Page"), regular(sample) + 2 * CELL_PAD + 1)
    day = max(bold(name[:3]) for name in DAY_NAMES)
    words = [w for wk in plan.weeks for w in wk.phase.title.split()]
    phase_least = max([bold(w) for w in words] or [bold("Phase")])
    phase = max(phase_least, min(PHASE_COLUMN * size / BODY_SIZE, width - week - page - 7 * day))
    week = min(week, width - page - phase - 7 * day)
    day = (width - week - page - phase) / 7
    return [week, page, phase, *[day] * 7]


def overview_section(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """The overview page(s)."""
    header: list[object] = [
        Para("<b>Week</b>", styles.cell),
        Para("<b>Page</b>", styles.cell),
        Para("<b>Phase</b>", styles.cell),
        *(Para(f"<b>{name[:3]}</b>", styles.cell_center) for name in DAY_NAMES),
    ]
    rows: list[list[object]] = [header]
    commands: list[TableCommand] = [
        ("GRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADING_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    previous = None
    shaded = False
    grouped = week_rows(plan.weeks)
    for row, (week, last) in enumerate(grouped, 1):
        first_of_phase = week.phase.id != previous
        if first_of_phase and previous is not None:
            # A heavy rule and a change of shading mark where a new phase starts.
            commands.append(("LINEABOVE", (0, row), (-1, row), 1.6, RULE))
            shaded = not shaded
        if shaded:
            commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
        previous = week.phase.id
        rows.append(
            [
                _week_cell(week, last, styles),
                PageRef(
                    week_page_key(week),
                    fonts.REGULAR,
                    styles.size,
                    week_end_key(last) if last is not week else "",
                ),
                _phase_cell(week, styles, first_of_phase=first_of_phase),
                *(_day_cell(week, i, styles) for i in range(7)),
            ]
        )
    widths = _column_widths(plan, grouped, styles, width)
    table = Grid(rows, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(*commands))
    # The calendar starts on a new page unless it fits whole where it is; a long one starts at once.
    return [
        SectionStart(OVERVIEW_TITLE, new_page=False),
        KeepIfFits(
            [
                Heading(OVERVIEW_TITLE, styles.h1, ((OVERVIEW_TITLE, 0),), "overview"),
                _legend(plan, styles),
                Spacer(0, 4),
                table,
            ]
        ),
    ]
