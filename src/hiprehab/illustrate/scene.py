"""What a figure is made of once posed: strokes, discs and polygons on a plane.

Coordinates have y pointing up. A scene is first built in figure units (a
standing figure is about one unit tall), then :func:`place` scales it into a box
of points or pixels. Tones are grey levels: 0 is black, 1 is white, so every
figure prints the same on a black-and-white printer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

Point = tuple[float, float]
FLOOR_TONE = 0.35  # the floor line in dark grey: present, but quieter than the figure


@dataclass(frozen=True)
class Stroke:
    """A polyline with round caps and joins."""

    points: tuple[Point, ...]
    width: float
    tone: float


@dataclass(frozen=True)
class Disc:
    """A filled circle, optionally outlined."""

    centre: Point
    radius: float
    tone: float
    outline: float | None = None  # the outline's tone, if any
    outline_width: float = 0.0


@dataclass(frozen=True)
class Polygon:
    """A closed shape, filled and/or outlined."""

    points: tuple[Point, ...]
    fill: float | None
    outline: float | None = None
    outline_width: float = 0.0


Item = Stroke | Disc | Polygon


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        """Its width."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """Its height."""
        return self.top - self.bottom


@dataclass(frozen=True)
class Scene:
    """A posed figure with its props and arrows, in drawing order.

    ``floor`` is the height of the floor line, drawn across the whole box once
    the scene is placed; ``None`` when there is no floor (a swimmer, a view from
    above).
    """

    items: tuple[Item, ...]
    floor: float | None
    floor_width: float = 0.0


def _extent(item: Item) -> Box:
    if isinstance(item, Stroke):
        pad = item.width / 2
        xs = [p[0] for p in item.points]
        ys = [p[1] for p in item.points]
    elif isinstance(item, Disc):
        pad = item.radius + item.outline_width / 2
        xs, ys = [item.centre[0]], [item.centre[1]]
    else:
        pad = item.outline_width / 2
        xs = [p[0] for p in item.points]
        ys = [p[1] for p in item.points]
    return Box(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def bounds(items: tuple[Item, ...] | list[Item]) -> Box:
    """The smallest box holding every item, line widths included."""
    boxes = [_extent(i) for i in items]
    return Box(
        min(b.left for b in boxes),
        min(b.bottom for b in boxes),
        max(b.right for b in boxes),
        max(b.top for b in boxes),
    )


def map_items(items: Iterable[Item], at: Callable[[Point], Point], scale: float = 1.0) -> list[Item]:
    """Move every point of ``items`` through ``at``; widths and radii grow by ``scale``."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Stroke):
            out.append(replace(item, points=tuple(at(p) for p in item.points), width=item.width * scale))
        elif isinstance(item, Disc):
            out.append(
                replace(
                    item,
                    centre=at(item.centre),
                    radius=item.radius * scale,
                    outline_width=item.outline_width * scale,
                )
            )
        else:
            points = tuple(at(p) for p in item.points)
            out.append(replace(item, points=points, outline_width=item.outline_width * scale))
    return out


def translate(items: Iterable[Item], dx: float, dy: float) -> list[Item]:
    """``items`` moved by (dx, dy)."""
    return map_items(items, lambda p: (p[0] + dx, p[1] + dy))


def mirror(items: Iterable[Item]) -> list[Item]:
    """``items`` flipped left to right about x = 0."""
    return map_items(items, lambda p: (-p[0], p[1]))


def place(scene: Scene, width: float, height: float, margin: float = 0.06) -> Scene:
    """Scale ``scene`` to fit ``width`` x ``height`` (same units out), centred.

    ``margin`` is the share of the smaller side left empty around the figure.
    The floor line, if any, becomes a stroke across the whole box, just under
    the figure.
    """
    box = bounds(scene.items)
    pad = margin * min(width, height)
    room_w, room_h = width - 2 * pad, height - 2 * pad
    scale = min(room_w / max(box.width, 1e-9), room_h / max(box.height, 1e-9))
    dx = pad + (room_w - box.width * scale) / 2 - box.left * scale
    dy = pad + (room_h - box.height * scale) / 2 - box.bottom * scale
    items = map_items(scene.items, lambda p: (p[0] * scale + dx, p[1] * scale + dy), scale)
    if scene.floor is not None:
        y = scene.floor * scale + dy - scene.floor_width * scale / 2
        # Drawn last: the figure only meets it at its underside, and the white
        # margins round the feet must not cut notches into it.
        items.append(Stroke(((pad / 2, y), (width - pad / 2, y)), scene.floor_width * scale, FLOOR_TONE))
    return Scene(tuple(items), None)


def heading(degrees: float, length: float = 1.0) -> Point:
    """The vector of ``length`` pointing at ``degrees`` (0 right, 90 up)."""
    rad = math.radians(degrees)
    return (length * math.cos(rad), length * math.sin(rad))


def add(a: Point, b: Point, k: float = 1.0) -> Point:
    """``a + k * b``."""
    return (a[0] + k * b[0], a[1] + k * b[1])


def distance(a: Point, b: Point) -> float:
    """How far apart two points are."""
    return math.hypot(a[0] - b[0], a[1] - b[1])
