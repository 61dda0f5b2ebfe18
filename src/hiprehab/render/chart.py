"""The review's chart: pain during, pain next morning and sessions done, week by week.

Laid out once as plain shapes (y runs up, in points), then drawn twice: as a
ReportLab drawing on the next block's first page, and as a PNG with Pillow.
Black and white: bars are light grey, pain during is a solid line with round
marks, pain next morning a dashed line with square marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color

from hiprehab import fonts
from hiprehab.load.outfile import write_atomic

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.model.summary import BlockSummary

PAIN_MAX = 10
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Bar:
    """A filled rectangle."""

    x: float
    y: float
    width: float
    height: float
    grey: float


@dataclass(frozen=True)
class Trace:
    """A line through points; ``dash`` draws it dashed; ``mark`` puts a dot or square at each point."""

    points: tuple[tuple[float, float], ...]
    width: float
    dash: bool = False
    mark: Literal["", "dot", "square"] = ""


@dataclass(frozen=True)
class Label:
    """A line of text."""

    x: float
    y: float
    text: str
    size: float
    anchor: Anchor = "start"


Shape = Bar | Trace | Label


def chart_shapes(summary: BlockSummary, width: float, height: float) -> list[Shape]:
    """The chart's shapes inside ``width`` x ``height`` points."""
    left, right, bottom, top = 30.0, 10.0, 28.0, 30.0
    plot_w, plot_h = width - left - right, height - bottom - top
    count = max(len(summary.weeks), 1)
    slot = plot_w / count

    def y_of(pain: float) -> float:
        return bottom + plot_h * pain / PAIN_MAX

    shapes: list[Shape] = []
    for tick in range(0, PAIN_MAX + 1, 2):
        y = y_of(tick)
        shapes.append(Trace(((left, y), (left + plot_w, y)), 0.3))
        shapes.append(Label(left - 4, y - 3, str(tick), 8, "end"))
    for index, week in enumerate(summary.weeks):
        x = left + slot * index
        share = week.done / week.planned if week.planned else 0.0
        shapes.append(Bar(x + slot * 0.2, bottom, slot * 0.6, plot_h * share, 0.85))
        shapes.append(
            Label(x + slot / 2, bottom + plot_h * share + 2, f"{week.done}/{week.planned}", 7, "middle")
        )
        shapes.append(Label(x + slot / 2, bottom - 11, f"wk {week.week}", 8, "middle"))
    for attr, dash, mark in (("pain_during", False, "dot"), ("pain_next_morning", True, "square")):
        points = tuple(
            (left + slot * (i + 0.5), y_of(value))
            for i, week in enumerate(summary.weeks)
            if (value := getattr(week, attr)) is not None
        )
        if points:
            shapes.append(Trace(points, 1.4, dash, mark))  # type: ignore[arg-type]
    shapes.append(Trace(((left, bottom), (left + plot_w, bottom)), 0.8))
    shapes.append(Trace(((left, bottom), (left, bottom + plot_h)), 0.8))
    shapes.append(Label(left - 24, bottom - 24, "pain 0-10 (left); bars: sessions done of planned", 7))
    legend_y = height - 12
    shapes.append(Trace(((left, legend_y + 3), (left + 22, legend_y + 3)), 1.4, mark="dot"))
    shapes.append(Label(left + 28, legend_y, "pain during", 8))
    shapes.append(
        Trace(((left + 110, legend_y + 3), (left + 132, legend_y + 3)), 1.4, dash=True, mark="square")
    )
    shapes.append(Label(left + 138, legend_y, "pain next morning", 8))
    shapes.append(Bar(left + 240, legend_y, 14, 8, 0.85))
    shapes.append(Label(left + 258, legend_y, "sessions done", 8))
    return shapes


def chart_drawing(summary: BlockSummary, width: float, height: float) -> Drawing:
    """The chart as a ReportLab drawing (a flowable) for the PDF."""
    drawing = Drawing(width, height)
    black = Color(0, 0, 0)
    for shape in chart_shapes(summary, width, height):
        if isinstance(shape, Bar):
            bar = Rect(shape.x, shape.y, shape.width, shape.height)
            bar.fillColor = Color(shape.grey, shape.grey, shape.grey)
            bar.strokeColor = None
            drawing.add(bar)
        elif isinstance(shape, Label):
            drawing.add(
                String(
                    shape.x,
                    shape.y,
                    shape.text,
                    fontName=fonts.REGULAR,
                    fontSize=shape.size,
                    textAnchor=shape.anchor,
                )
            )
        else:
            flat = [c for point in shape.points for c in point]
            line = Line(*flat) if len(shape.points) == 2 else PolyLine(flat)  # noqa: PLR2004 - a segment
            line.strokeWidth = shape.width
            line.strokeColor = black
            if shape.dash:
                line.strokeDashArray = [4, 2]
            drawing.add(line)
            for x, y in shape.points if shape.mark else ():
                if shape.mark == "dot":
                    drawing.add(Circle(x, y, 2.2, fillColor=black, strokeColor=None))
                else:
                    square = Rect(x - 2.2, y - 2.2, 4.4, 4.4)
                    square.fillColor = Color(1, 1, 1)
                    square.strokeColor = black
                    drawing.add(square)
    return drawing


def chart_png(summary: BlockSummary, width: float = 480, height: float = 220, scale: int = 2) -> bytes:
    """The chart as PNG bytes, ``scale`` pixels per point."""
    import io  # noqa: PLC0415 - only the PNG needs these

    from PIL import Image, ImageDraw, ImageFont  # noqa: PLC0415

    image = Image.new("L", (round(width * scale), round(height * scale)), 255)
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, (height - y) * scale

    cache: dict[float, ImageFont.FreeTypeFont] = {}
    for shape in chart_shapes(summary, width, height):
        if isinstance(shape, Bar):
            x0, y0 = at(shape.x, shape.y + shape.height)
            x1, y1 = at(shape.x + shape.width, shape.y)
            if y1 > y0:
                draw.rectangle((x0, y0, x1, y1), fill=round(shape.grey * 255))
        elif isinstance(shape, Label):
            font = cache.setdefault(
                shape.size,
                ImageFont.truetype(str(fonts.FONT_DIR / "DejaVuSans.ttf"), round(shape.size * scale)),
            )
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(at(shape.x, shape.y), shape.text, fill=0, font=font, anchor=anchor)
        else:
            points = [at(x, y) for x, y in shape.points]
            line_width = max(1, round(shape.width * scale))
            if shape.dash:
                _dashed(draw, points, line_width, 4 * scale, 2 * scale)
            else:
                draw.line(points, fill=0, width=line_width)
            r = 2.2 * scale
            for x, y in points if shape.mark else ():
                if shape.mark == "dot":
                    draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
                else:
                    draw.rectangle((x - r, y - r, x + r, y + r), fill=255, outline=0, width=max(1, scale))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _dashed(draw: object, points: list[tuple[float, float]], width: int, on: float, off: float) -> None:
    """Draw a dashed polyline: ``on`` drawn, ``off`` skipped, along the whole path."""
    from PIL import ImageDraw  # noqa: PLC0415

    assert isinstance(draw, ImageDraw.ImageDraw)  # noqa: S101 - typed loosely to keep Pillow out of the import
    phase = 0.0
    for (x0, y0), (x1, y1) in pairwise(points):
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        pos = 0.0
        while pos < length:
            period = phase % (on + off)
            step = min((on - period) if period < on else (on + off - period), length - pos)
            if period < on and length:
                a, b = pos / length, (pos + step) / length
                draw.line(
                    (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                    fill=0,
                    width=width,
                )
            pos += step
            phase += step


def write_chart_png(summary: BlockSummary, path: Path) -> None:
    """Write the chart as a PNG file, atomically."""
    data = chart_png(summary)

    def produce(temp: Path) -> None:
        temp.write_bytes(data)

    write_atomic(path, produce)
