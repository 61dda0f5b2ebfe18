"""The contact sheet: every exercise of a catalogue with its figure and name, for review.

A coach who edits a catalogue checks at a glance that each figure shows the
right movement. Everything is prepared (pictures loaded and checked) before the
output file is opened, and the file is written whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hiprehab import fonts
from hiprehab.illustrate.figures import figure_flowable
from hiprehab.illustrate.pictures import PictureCache
from hiprehab.load.outfile import check_target, write_atomic
from hiprehab.model.paper import check_paper
from hiprehab.render.styles import PAPER_SIZES
from hiprehab.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from reportlab.platypus import Flowable

    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.exercise import Exercise

COLUMNS = 4
ROWS = 5
MARGIN = 14 * mm
TITLE_SIZE = 13
NAME_SIZE = 8.5
NAME_LINES = 2
FOOTER_LINES = 3
MIN_NAME_SIZE = 6.5
NOTE_SIZE = 6.5
MIN_NOTE_SIZE = 4.5
FIGURE_SHARE = 0.68  # of a cell's height, the rest is for the name
RULE = Color(0.75, 0.75, 0.75)
MUTED = Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class _Cell:
    exercise: Exercise
    figure: Flowable | None


def name_lines(name: str, width: float) -> tuple[float, list[str]]:
    """The text size and lines of a name: two lines at most, smaller type if need be, never cut.

    A name that still needs three lines at :data:`MIN_NAME_SIZE` gets them.
    """
    size = NAME_SIZE
    while True:
        lines: list[str] = simpleSplit(name, fonts.BOLD, size, width)
        if len(lines) <= NAME_LINES or size <= MIN_NAME_SIZE:
            return size, lines
        size -= 0.25


def source_line(catalogue: Catalogue, width: float) -> list[str]:
    """The footer: the version and the catalogue's file names (never the folders they are in)."""
    names = sorted({PurePath(f).name for f in catalogue.files})
    lines: list[str] = simpleSplit(
        f"hiprehab {__version__} · {len(names)} catalogue files: {', '.join(names)}",
        fonts.REGULAR,
        NOTE_SIZE,
        width,
    )
    return lines


def render_contact_sheet(catalogue: Catalogue, out: Path, paper: str = "a4") -> None:
    """Write a PDF to ``out`` with every exercise's figure and name, 20 to a page.

    ``paper`` is ``a4`` or ``letter``. Raises :class:`InvalidInputError` for an
    unusable picture (before anything is written) and :class:`OutputError` when
    ``out`` cannot be written.
    """
    check_paper(paper)
    check_target(out)  # before drawing: a device, a pipe or a wrong folder fails at once
    page_w, page_h = PAPER_SIZES[paper]
    cell_w = (page_w - 2 * MARGIN) / COLUMNS
    top = page_h - MARGIN - TITLE_SIZE * 2.2
    cell_h = (top - MARGIN - NOTE_SIZE * 2) / ROWS
    pad = 2.5 * mm
    fig_w, fig_h = cell_w - 2 * pad, cell_h * FIGURE_SHARE - pad
    cache = PictureCache()
    cells = [_Cell(e, figure_flowable(e, fig_w, fig_h, cache)) for e in catalogue.exercises]
    fonts.register_fonts()
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(cells) // per_page))

    def produce(temp: Path) -> None:
        canvas = Canvas(str(temp), pagesize=(page_w, page_h), invariant=1, pageCompression=1)
        canvas.setTitle("hiprehab catalogue contact sheet")
        canvas.setCreator(f"hiprehab {__version__}")
        for page in range(pages):
            _heading(canvas, catalogue, page, pages, page_w, page_h)
            for slot, cell in enumerate(cells[page * per_page : (page + 1) * per_page]):
                x = MARGIN + (slot % COLUMNS) * cell_w
                y = top - (slot // COLUMNS + 1) * cell_h
                _draw_cell(canvas, cell, x, y, cell_w, cell_h, pad)
            canvas.showPage()
        canvas.save()

    write_atomic(out, produce)


def _heading(
    canvas: Canvas, catalogue: Catalogue, page: int, pages: int, page_w: float, page_h: float
) -> None:
    count = len(catalogue.exercises)
    canvas.setFont(fonts.BOLD, TITLE_SIZE)
    canvas.drawString(MARGIN, page_h - MARGIN - TITLE_SIZE, f"Exercise catalogue: {count} exercises")
    canvas.setFont(fonts.REGULAR, NOTE_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(page_w - MARGIN, page_h - MARGIN - TITLE_SIZE, f"page {page + 1} of {pages}")
    y = MARGIN - NOTE_SIZE
    for line in source_line(catalogue, page_w - 2 * MARGIN):
        canvas.drawString(MARGIN, y, line)
        y -= NOTE_SIZE * 1.2
    canvas.setFillColor(Color(0, 0, 0))


def _draw_cell(canvas: Canvas, cell: _Cell, x: float, y: float, w: float, h: float, pad: float) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.rect(x + pad / 2, y + pad / 2, w - pad, h - pad)
    fig_h = h * FIGURE_SHARE - pad
    if cell.figure is not None:
        cell.figure.drawOn(canvas, x + pad, y + h - pad - fig_h)
    else:
        canvas.setFont(fonts.REGULAR, NOTE_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(x + w / 2, y + h - pad - fig_h / 2, "no illustration")
        canvas.setFillColor(Color(0, 0, 0))
    text_w = w - 2 * pad
    size, lines = name_lines(cell.exercise.name, text_w)
    baseline = y + h - pad - fig_h - size * 1.3
    canvas.setFont(fonts.BOLD, size)
    for line in lines:
        canvas.drawString(x + pad, baseline, line)
        baseline -= size * 1.15
    # The id is what ``hiprehab exercises show`` takes: printed whole, smaller if need be.
    size = NOTE_SIZE
    while size > MIN_NOTE_SIZE and stringWidth(cell.exercise.id, fonts.REGULAR, size) > text_w:
        size -= 0.25
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(MUTED)
    canvas.drawString(x + pad, baseline - 1, cell.exercise.id)
    canvas.setFillColor(Color(0, 0, 0))
