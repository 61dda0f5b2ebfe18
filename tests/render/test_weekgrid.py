"""The week sheet's grid: row heights, a tick box on each planned day, a split under a repeated heading."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pypdf
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hiprehab.fonts import REGULAR, register_fonts
from hiprehab.render.flowables import Para
from hiprehab.render.log import (
    DAY_LOG,
    DONE,
    PAIN_DURING,
    SCORE_SUFFIX,
    LogKey,
    ScoreField,
    TickBox,
    score_layout,
)
from hiprehab.render.styles import make_styles
from hiprehab.render.week import WeekSheet, week_groups
from hiprehab.render.weekgrid import (
    MIN_CONTENT,
    WeekGrid,
    centred_lines,
    group_row,
    heading_row,
    item_row,
    log_row,
)
from testing.render_fixtures import make_plan

if TYPE_CHECKING:
    from hiprehab.render.styles import Styles

DAY = 13.6 * mm
LABEL = 120.0


def _styles() -> Styles:
    register_fonts()
    return make_styles()


def _grid(rows: int = 4) -> WeekGrid:
    s = _styles()
    key = LogKey(1, 1, "strength.1")
    heading = heading_row(
        Para("Card", s.cell), [Para(f"<b>D{d}</b><br/>1 Jan", s.cell_center) for d in range(7)], 2
    )
    body = [group_row(Para("Strength", s.cell_bold))]
    body += [item_row(Para(f"Row {n}", s.cell), [(TickBox(key, 5 * mm),)] + [()] * 6, 2) for n in range(rows)]
    return WeekGrid([heading, *body], LABEL, DAY, breaks=(1,))


def test_a_row_is_its_tallest_cell_and_its_padding() -> None:
    """Heading rows hold two lines, tick-box rows the box, title rows a line; padding adds to each."""
    s = _styles()
    grid = _grid(rows=1)
    heights = grid.row_heights()
    assert heights[0] == 2 * s.cell_center.leading + 2 * 2
    assert heights[1] == max(s.cell_bold.leading, MIN_CONTENT) + 0.3 + 1.0
    assert heights[2] == 5 * mm + 2 * 2
    assert grid.wrap(1000, 10) == (LABEL + 7 * DAY, sum(heights))


def test_an_empty_row_keeps_a_line_of_room_and_a_log_row_its_score_field() -> None:
    """A row of short labels and empty days is a line high; a score row is as high as its field."""
    s = _styles()
    label = Para("x", s.cell)
    empty = item_row(label, [()] * 7, 1)
    score = log_row(
        label, [(ScoreField(LogKey(1, d, DAY_LOG), PAIN_DURING, 20, 10),) for d in range(7)], 1, first=True
    )
    grid = WeekGrid([empty, score], LABEL, DAY)
    assert grid.row_heights() == [MIN_CONTENT + 2, 20 + 2]


def test_a_split_repeats_the_heading_row_on_the_second_page() -> None:
    """Split where the rows fill the room, the rest follows under a copy of the heading row."""
    grid = _grid(rows=4)
    heights = grid.row_heights()
    room = sum(heights[:3]) + 0.5
    first, second = grid.split(grid.width, room)
    assert isinstance(first, WeekGrid)
    assert isinstance(second, WeekGrid)
    assert first.rows == grid.rows[:3]
    assert second.rows == [grid.rows[0], *grid.rows[3:]]
    assert first.wrap(grid.width, room)[1] <= room
    assert grid.split(grid.width, heights[0] + 0.5) == []  # the heading alone never stands


def test_every_planned_day_has_its_tick_box_where_the_grid_is_drawn() -> None:
    """Drawn, a week's grid has one form field per planned day of each row, and the day's log."""
    styles = _styles()
    plan = make_plan(weeks=2)
    week = plan.weeks[0]
    sheet = WeekSheet(plan, styles, 500, 760)
    grid = next(f for f in sheet.week(week) if isinstance(f, WeekGrid))
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.form_fields = True  # type: ignore[attr-defined]  # what the plan's document sets
    grid.wrapOn(canvas, 500, 760)
    grid.drawOn(canvas, 40, 40)
    canvas.showPage()
    canvas.save()
    found = set(pypdf.PdfReader(io.BytesIO(out.getvalue())).get_fields() or {})
    expected = {
        LogKey(1, d, DAY_LOG).name(f) for d in range(1, 8) for f in (DONE, PAIN_DURING, "pain_next_morning")
    }
    for group in week_groups(week):
        expected |= {LogKey(1, d + 1, f"{group.kind}.0").name(DONE) for d in group.runs}
        for n, row in enumerate(group.rows, 1):
            expected |= {LogKey(1, d + 1, f"{group.kind}.{n}").name(DONE) for d in row.days}
    assert found == expected


def test_plain_centred_lines_break_where_a_paragraph_breaks_them() -> None:
    """A day's heading or run target breaks between the words a centred paragraph breaks it at."""
    style = _styles().cell_center
    size, font = style.fontSize, style.fontName
    for text in ("10 Jan", "20 min", "2/1 x10", "8 km long", "walk 4 min"):
        for width in (20.0, 30.0, 36.5, 60.0):
            lines = centred_lines([(font, text)], size, style.leading, width)
            paragraph = Para(text, style)
            paragraph.wrap(width, 1000)
            if any(stringWidth(word, font, size) > width for word in text.split()):
                assert lines is None  # a paragraph splits the word itself
                continue
            assert lines is not None
            assert [t for _, t in lines.lines] == [
                " ".join(words) for _, words in vars(paragraph)["blPara"].lines
            ]
            assert lines.height == paragraph.height


def test_a_card_number_sits_level_with_its_labels_first_line_and_the_label_wraps_alike() -> None:
    """The number shares the first line's baseline; the label's text and breaks do not depend on it."""
    styles = _styles()
    plan = make_plan(weeks=2)
    sheet = WeekSheet(plan, styles, 500, 760)
    grid = next(f for f in sheet.week(plan.weeks[0]) if isinstance(f, WeekGrid))
    numbered = [row for row in grid.rows if row.number is not None]
    assert numbered
    for row in numbered:
        assert row.number is not None
        assert row.number[1] not in row.label.text.split(" ", 1)[0]  # the text starts with the name
    out = io.BytesIO()
    canvas = Canvas(out)
    grid.wrapOn(canvas, 500, 760)
    grid.drawOn(canvas, 40, 40)
    canvas.showPage()
    canvas.save()
    baselines: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():  # the baseline on the page: the text matrix under the drawing's
            baselines.setdefault(text.strip(), round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5], 1))

    pypdf.PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text(visitor_text=seen)
    row = numbered[0]
    assert row.number is not None
    name = next(t for t in baselines if t.startswith(row.label.text.split(" ·")[0][:12]))
    assert baselines[row.number[1]] == baselines[name]


def test_a_score_box_and_its_out_of_ten_stay_inside_their_day() -> None:
    """Normal and large print: the box and "/10" end within the day; without room the box fills it alone."""
    _styles()
    for day, height, size in ((13.6 * mm, 5 * mm, 10.0), (16 * mm, 8 * mm, 14.0), (16 * mm, 6.5 * mm, 14.0)):
        width = day - 2
        box, at = score_layout(0, 0, width, height, size)
        if at is None:
            assert box == width
        else:
            assert box >= height - 1e-6
            assert at[0] + stringWidth(SCORE_SUFFIX, REGULAR, size) <= width + 1e-6
    assert score_layout(0, 0, 13.6 * mm - 2, 5 * mm, 10.0)[1] is not None  # normal print keeps its "/10"
