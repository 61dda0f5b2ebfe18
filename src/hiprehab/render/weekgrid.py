"""The week sheet's grid, laid out and drawn directly: a label column and seven day columns.

Every week page has the same structure: a heading row (the days and dates), a
title row for each kind of session, a row per exercise with a tick box on each
day it is planned (the run row holds each run's target above its box), and the
day's log (Done, pain during, pain next morning). A general table spends most of
a plan's drawing time resolving styles for every cell; this grid knows its one
structure and computes each row's height and each cell's place with arithmetic.

A row is as tall as its tallest cell plus its padding, and every cell's content
is centred in its row: text in the label column starts at its left padding,
text and boxes in a day column are centred in it. The heading row is shaded,
each session's title row spans the width on a lighter shade under a darker rule,
and the log's labels are shaded under the darkest rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from hiprehab import fonts
from hiprehab.render.fields import add_checkbox, add_score_field, wants_fields
from hiprehab.render.log import BOX_LINE, SCORE_SUFFIX, ScoreField, TickBox, score_layout, tick_form
from hiprehab.render.styles import HEADING_SHADE, INK, LIGHT_RULE, RULE, SHADE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.lib.colors import Color
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Lines:
    """Plain lines centred in a day's column, each in its own font: a day's name and date, a run's target."""

    lines: tuple[tuple[str, str], ...]
    """(font name, text) of each line, top to bottom."""
    size: float
    leading: float

    @property
    def height(self) -> float:
        """As tall as a paragraph of these lines."""
        return len(self.lines) * self.leading


def centred_lines(
    lines: Sequence[tuple[str, str]], size: float, leading: float, width: float
) -> Lines | None:
    """``lines`` broken between words where wider than ``width``, as a paragraph breaks them.

    None when a word alone is wider than ``width`` (a paragraph would split the word itself).
    """
    broken: list[tuple[str, str]] = []
    for font, text in lines:
        line = ""
        for word in text.split():
            if stringWidth(word, font, size) > width:
                return None
            longer = f"{line} {word}" if line else word
            if line and stringWidth(longer, font, size) > width:
                broken.append((font, line))
                line = word
            else:
                line = longer
        if line:
            broken.append((font, line))
    return Lines(tuple(broken), size, leading)


Part = Paragraph | Lines | TickBox | ScoreField | float
"""One piece of a day's cell, top to bottom: text, a tick box, a score field, or a gap of that height."""
Cell = tuple[Part, ...]
"""A day's cell, its pieces top to bottom; ``()`` when empty."""

LABEL_LEFT, LABEL_RIGHT = 3.0, 2.0  # the label column's text padding
DAY_SIDE = 1.0  # a day column's padding on each side
MIN_CONTENT = 12.0
"""The least height of an empty cell's content: a line of 10 pt text (short labels keep their room)."""
CELL_RULE, BOX_RULE = 0.4, 0.8  # light rules between cells; the frame around the grid
GROUP_RULE, LOG_RULE = 1.0, 1.4  # the rules above a session's title and above the day's log
ROUND = 1  # round line caps and joins
_UNLIMITED = 0xFFFFFF
_FUZZ = 1e-6  # ReportLab's tolerance when a height exactly fills the room


@dataclass(frozen=True)
class GridRow:
    """One row of the grid: its label, its seven day cells (empty: ``()``), its padding and its look."""

    label: Paragraph
    days: tuple[Cell, ...] = ()
    top: float = 0.0
    """Padding above the content of every cell."""
    bottom: float = 0.0
    shade: Color | None = None
    """The whole row's background."""
    label_shade: Color | None = None
    """The label cell's background."""
    rule_above: tuple[float, Color] | None = None
    """A rule over the row: (width, colour)."""
    spans: bool = False
    """The label spans the whole width (a session's title row): no day cells, no rules between them."""
    number: tuple[str, str] | None = None
    """(bold font, text) of a card number set at the label's left, level with its first line.

    The label's paragraph is indented clear of it, so the text that wraps is the
    same whatever the number: a roster's plans share its line breaks and drawing.
    """


def heading_row(label: Paragraph, days: Sequence[Paragraph | Lines], pad: float) -> GridRow:
    """The heading row: the label column's heading and each day's name and date, shaded."""
    return GridRow(label, tuple((d,) for d in days), pad, pad, shade=HEADING_SHADE)


def group_row(title: Paragraph) -> GridRow:
    """A session's title row: the full width, lightly shaded, under a rule, with little padding."""
    return GridRow(title, top=0.3, bottom=1.0, shade=SHADE, rule_above=(GROUP_RULE, RULE), spans=True)


def item_row(
    label: Paragraph, days: Sequence[Cell], pad: float, number: tuple[str, str] | None = None
) -> GridRow:
    """An exercise's (or the runs') row, with its card ``number`` (font, text) left of the label."""
    return GridRow(label, tuple(days), pad, pad, number=number)


def log_row(label: Paragraph, days: Sequence[Cell], pad: float, *, first: bool) -> GridRow:
    """A row of the day's log: its label shaded, the first under the darkest rule."""
    return GridRow(
        label, tuple(days), pad, pad, label_shade=SHADE, rule_above=(LOG_RULE, RULE) if first else None
    )


class WeekGrid(Flowable):
    """The week's grid of rows: ``label_width`` for the labels, then seven days ``day_width`` each.

    The first row is the heading, repeated when the grid is split over two pages.
    Its size does not depend on the room it is offered, so it is measured once.
    """

    def __init__(
        self,
        rows: Sequence[GridRow],
        label_width: float,
        day_width: float,
        breaks: tuple[int, ...] = (),
        *,
        cut: bool = False,
        foot: tuple[float, Color] | None = None,
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.label_width = label_width
        self.day_width = day_width
        self.width = label_width + 7 * day_width
        self.breaks = breaks
        """Rows a page may best break before (the first row of each group)."""
        self.cut = cut
        """The first part of a split grid: its frame is open at the foot, under its last row's light rule."""
        self.foot = foot
        """A rule (width, colour) at a cut grid's foot: the rule above the row that starts the next page."""
        self._heights: list[float] | None = None
        self.height = 0.0

    # Measuring

    def _part_height(self, part: Part) -> float:
        if isinstance(part, float | int):
            return float(part)
        if isinstance(part, TickBox):
            return part.size
        if isinstance(part, ScoreField | Lines):
            return part.height
        return part.wrap(self.day_width - 2 * DAY_SIDE, _UNLIMITED)[1]

    def _row_height(self, row: GridRow) -> float:
        if row.spans:
            label = row.label.wrap(self.width - LABEL_LEFT - LABEL_RIGHT, _UNLIMITED)[1]
            return max(label, MIN_CONTENT) + row.top + row.bottom  # the spanned cells are empty
        content = row.label.wrap(self.label_width - LABEL_LEFT - LABEL_RIGHT, _UNLIMITED)[1]
        for cell in row.days or ((),) * 7:
            height = sum(self._part_height(p) for p in cell) if cell else MIN_CONTENT
            content = max(content, height)
        return content + row.top + row.bottom

    def row_heights(self) -> list[float]:
        """The height of each row, top to bottom."""
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
            self.height = sum(self._heights)
        return list(self._heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        """The grid's fixed width and the sum of its rows."""
        del availWidth, availHeight
        self.row_heights()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The rows that fit ``availHeight``, then the rest under a copy of the heading row.

        Nothing (``[]``) when not even the heading and one row fit, or when everything does.
        """
        del availWidth
        heights = self.row_heights()
        used, count = 0.0, 0
        for height in heights:
            if used + height > availHeight + _FUZZ:
                break
            used += height
            count += 1
        if count <= 1 or count >= len(self.rows):
            return []
        # The rule over the row that starts the next page also closes this one.
        first = WeekGrid(
            self.rows[:count], self.label_width, self.day_width, cut=True, foot=self.rows[count].rule_above
        )
        second = WeekGrid([self.rows[0], *self.rows[count:]], self.label_width, self.day_width)
        return [first, second]

    # Drawing

    def draw(self) -> None:
        """Backgrounds, then the rules, then the content of every cell, then the form fields."""
        heights = self.row_heights()
        tops: list[float] = []
        y = self.height
        for height in heights:
            tops.append(y)
            y -= height
        canvas = self.canv
        canvas.saveState()
        self._draw_shades(tops, heights)
        self._draw_rules(tops, heights)
        canvas.restoreState()
        cells = _Cells()
        for row, top, height in zip(self.rows, tops, heights, strict=True):
            self._place_row(cells, row, top - height, height)
        cells.draw(canvas)

    def _draw_shades(self, tops: list[float], heights: list[float]) -> None:
        canvas = self.canv
        for row, top, height in zip(self.rows, tops, heights, strict=True):
            if row.shade is not None:
                canvas.setFillColor(row.shade)
                canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
            elif row.label_shade is not None:
                canvas.setFillColor(row.label_shade)
                canvas.rect(0, top - height, self.label_width, height, stroke=0, fill=1)

    def _draw_rules(self, tops: list[float], heights: list[float]) -> None:
        canvas = self.canv
        canvas.setLineCap(ROUND)
        canvas.setLineJoin(ROUND)
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(CELL_RULE)
        lines = [
            (0.0, top - height, self.width, top - height) for top, height in zip(tops, heights, strict=True)
        ]
        # The rules between the days, broken where a title row spans the width: (bottom, top) of each run.
        runs: list[tuple[float, float]] = []
        for row, top, height in zip(self.rows, tops, heights, strict=True):
            if row.spans:
                continue
            if runs and runs[-1][0] == top:
                runs[-1] = (top - height, runs[-1][1])
            else:
                runs.append((top - height, top))
        for day in range(7):
            x = self.label_width + day * self.day_width
            lines += [(x, bottom, x, top) for bottom, top in runs]
        canvas.lines(lines)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BOX_RULE)
        if not self.cut:
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        else:
            w, h = self.width, self.height
            canvas.lines([(0, h, w, h), (0, 0, 0, h), (w, 0, w, h)])
        for row, top in zip(self.rows, tops, strict=True):
            if row.rule_above is not None:
                width, colour = row.rule_above
                canvas.setStrokeColor(colour)
                canvas.setLineWidth(width)
                canvas.line(0, top, self.width, top)
        if self.foot is not None:
            width, colour = self.foot
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(width)
            canvas.line(0, 0, self.width, 0)

    def _place_row(self, cells: _Cells, row: GridRow, bottom: float, height: float) -> None:
        label_width = self.width if row.spans else self.label_width
        label = row.label
        _, label_height = label.wrap(label_width - LABEL_LEFT - LABEL_RIGHT, _UNLIMITED)
        label_top = self._content_top(row, bottom, height, label_height)
        if row.number is not None:
            # Level with the label's first line: a paragraph sets it a text size below its top.
            size = float(label.style.fontSize)
            cells.line(row.number[0], size, LABEL_LEFT, label_top - size, row.number[1])
        cells.paragraph(label, LABEL_LEFT, label_top - label_height)
        inner = self.day_width - 2 * DAY_SIDE
        for day, cell in enumerate(row.days):
            if not cell:
                continue
            left = self.label_width + day * self.day_width
            y = self._content_top(row, bottom, height, sum(self._part_height(p) for p in cell))
            for part in cell:
                part_height = self._part_height(part)
                y -= part_height
                if isinstance(part, TickBox):
                    cells.ticks.append((part, left + (self.day_width - part.size) / 2, y))
                elif isinstance(part, ScoreField):
                    _place_score(cells, part, left + DAY_SIDE, y, inner)
                elif isinstance(part, Lines):
                    middle = left + self.day_width / 2
                    for n, (font, text) in enumerate(part.lines):
                        # Where a paragraph puts its lines: the first a text size below its top.
                        baseline = y + part_height - part.size - n * part.leading
                        x = middle - stringWidth(text, font, part.size) / 2
                        cells.line(font, part.size, x, baseline, text)
                elif not isinstance(part, float | int):
                    cells.paragraph(part, left + DAY_SIDE, y)

    @staticmethod
    def _content_top(row: GridRow, bottom: float, height: float, content: float) -> float:
        """Where content ``content`` high starts so that it sits in the middle of its padded cell."""
        return bottom + (height + row.bottom - row.top + content) / 2


def _place_score(cells: _Cells, part: ScoreField, x: float, y: float, width: float) -> None:
    """A score's box at (x, y) within ``width``, and its "/10" where it has room."""
    box, at = score_layout(x, y, width, part.height, part.size)
    cells.scores.append((part, x, y, box))
    if at is not None:
        cells.line(fonts.REGULAR, part.size, *at, SCORE_SUFFIX)


TextLine = tuple[str, float, float, float, str]
"""(font, size, x, baseline, text) of a plain line of text."""


class _Cells:
    """What a grid's cells draw, in reading order, gathered so that alike things are drawn together.

    Paragraphs draw themselves; the plain lines between two paragraphs (a row's day
    headings, run targets or "/10" marks) go into one text object; score boxes into
    one path; tick boxes each show their form, all in one graphics state. Form
    fields are added last, in the order of their cells (a viewer's tab order),
    each exactly over its box.
    """

    def __init__(self) -> None:
        self.flow: list[tuple[Paragraph, float, float] | list[TextLine]] = []
        """The text in reading order: a paragraph at (x, y), or a run of plain lines."""
        self.ticks: list[tuple[TickBox, float, float]] = []
        self.scores: list[tuple[ScoreField, float, float, float]] = []
        """(field, x, y, box width) of each score."""

    def paragraph(self, paragraph: Paragraph, x: float, y: float) -> None:
        """A paragraph whose bottom left is at (x, y)."""
        self.flow.append((paragraph, x, y))

    def line(self, font: str, size: float, x: float, baseline: float, text: str) -> None:
        """A plain line of text starting at (x, baseline)."""
        last = self.flow[-1] if self.flow else None
        if isinstance(last, list):
            last.append((font, size, x, baseline, text))
        else:
            self.flow.append([(font, size, x, baseline, text)])

    def draw(self, canvas: Canvas) -> None:
        """Draw everything, then add the form fields if the document asked for them."""
        canvas.saveState()
        canvas.setFillColor(INK)
        for entry in self.flow:
            if isinstance(entry, list):
                self._draw_text(canvas, entry)
            else:
                paragraph, x, y = entry
                paragraph.drawOn(canvas, x, y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(BOX_LINE)
        canvas.setLineJoin(0)
        if self.scores:
            path = canvas.beginPath()
            for field, x, y, box in self.scores:
                path.rect(x, y, box, field.height)
            canvas.drawPath(path, stroke=1, fill=0)
        at = (0.0, 0.0)
        for tick, x, y in self.ticks:
            form = tick_form(canvas, tick.size)
            canvas.translate(x - at[0], y - at[1])
            at = (x, y)
            canvas.doForm(form)
        canvas.restoreState()
        if wants_fields(canvas):
            for tick, x, y in self.ticks:
                add_checkbox(canvas, tick.key.name(tick.field), x, y, tick.size, tick.key.words(tick.field))
            for field, x, y, box in self.scores:
                name, words = field.key.name(field.field), field.key.words(field.field)
                add_score_field(canvas, name, x, y, box, field.height, field.size, words)

    @staticmethod
    def _draw_text(canvas: Canvas, lines: list[TextLine]) -> None:
        text = canvas.beginText()
        current: tuple[str, float] | None = None
        for font, size, x, y, line in lines:
            if current != (font, size):
                text.setFont(font, size)
                current = (font, size)
            text.setTextOrigin(x, y)
            text.textOut(line)
        canvas.drawText(text)
