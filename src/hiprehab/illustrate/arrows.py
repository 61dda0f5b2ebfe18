"""Motion arrows: along a body point's path between frames, straight, or round a point.

Arrows are black with a white margin, so they read on top of the figure, and
sit a little beside what they describe rather than on it.
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import TYPE_CHECKING

from hiprehab.illustrate.body import Skeleton, Stance, between
from hiprehab.illustrate.scene import Item, Point, Polygon, Stroke, add, distance, heading

if TYPE_CHECKING:
    from collections.abc import Callable

    from hiprehab.model.illustration import Arrow

ARROW_WIDTH = 0.02
ARROW_HEAD = (0.055, 0.032)  # length and half-width of an arrowhead
MARGIN = 0.017  # the white margin round an arrow
FOLLOW_OFFSET = 0.07  # a follow arrow runs this far beside the path it shows
STRAIGHT_GAP = 0.075  # room between a body point and a straight arrow, clear of the limb
STRAIGHT_LENGTH = 0.13
TURN_RADIUS = 0.075
PATH_STEPS = 16  # points per frame-to-frame stretch of a follow arrow
SHORTEST_PATH = 0.03  # a point that moves less than this gets no follow arrow


def _direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _arrowhead(tip: Point, towards: float) -> Polygon:
    length, half = ARROW_HEAD
    back = add(tip, heading(towards, length), -1)
    side = heading(towards + 90, half)
    return Polygon((tip, add(back, side), add(back, side, -1)), 0.0)


def _without_head(points: list[Point]) -> tuple[list[Point], Point, float]:
    """The line short of its tip by most of a head's length, the tip, and the direction there."""
    tip = points[-1]
    keep = list(points)
    while len(keep) > 2 and distance(keep[-2], tip) < ARROW_HEAD[0]:  # noqa: PLR2004 - keep a line
        keep.pop()
    towards = _direction(keep[-2], tip)
    keep[-1] = add(tip, heading(towards, ARROW_HEAD[0] * 0.8), -1)
    return keep, tip, towards


def arrow_line(points: list[Point], *, both_ways: bool) -> list[Item]:
    """A polyline ending in an arrowhead (and starting in one when ``both_ways``)."""
    line, tip, towards = _without_head(points)
    heads = [_arrowhead(tip, towards)]
    if both_ways:
        back, tail, back_towards = _without_head(line[::-1])
        line = back[::-1]
        heads.append(_arrowhead(tail, back_towards))
    shapes: list[Item] = [Stroke(tuple(line), ARROW_WIDTH + 2 * MARGIN, 1.0)]
    shapes += [Polygon(h.points, 1.0, 1.0, 2 * MARGIN) for h in heads]
    shapes.append(Stroke(tuple(line), ARROW_WIDTH, 0.0))
    shapes += heads
    return shapes


def _trim(points: list[Point], amount: float) -> list[Point]:
    """``points`` with ``amount`` of path cut from the beginning."""
    pts = list(points)
    while len(pts) > 2 and distance(pts[0], pts[1]) <= amount:  # noqa: PLR2004 - keep a line
        amount -= distance(pts[0], pts[1])
        pts = pts[1:]
    a, b = pts[0], pts[1]
    share = min(amount / max(distance(a, b), 1e-9), 0.9)
    return [(a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share), *pts[1:]]


def _follow(
    arrow: Arrow, point: str, stances: list[Stance], place: Callable[[Stance], Skeleton], centre: Point
) -> list[Item]:
    path: list[Point] = []
    for a, b in pairwise(stances):
        for i in range(PATH_STEPS + 1):
            q = place(between(a, b, i / PATH_STEPS)).points[point]
            if not path or distance(path[-1], q) > 1e-6:  # noqa: PLR2004 - skip a repeated point
                path.append(q)
    if len(path) < 2 or sum(distance(a, b) for a, b in pairwise(path)) < SHORTEST_PATH:  # noqa: PLR2004
        return []
    offset = arrow.offset if arrow.offset is not None else FOLLOW_OFFSET
    # Shift the path sideways so the arrow runs beside the limb, not on it: to
    # the side facing away from the body, or the other side for a negative offset.
    middle = len(path) // 2
    before, after = path[max(middle - 1, 0)], path[min(middle + 1, len(path) - 1)]
    normal = heading(_direction(before, after) + 90)
    if normal[0] * (path[middle][0] - centre[0]) + normal[1] * (path[middle][1] - centre[1]) < 0:
        normal = (-normal[0], -normal[1])
    shifted: list[Point] = []
    for i, q in enumerate(path):
        n = heading(_direction(path[max(i - 1, 0)], path[min(i + 1, len(path) - 1)]) + 90)
        sign = 1.0 if n[0] * normal[0] + n[1] * normal[1] >= 0 else -1.0
        shifted.append(add(q, n, sign * offset))
    trimmed = _trim(_trim(shifted, 0.02)[::-1], 0.02)[::-1]
    return arrow_line(trimmed, both_ways=arrow.both_ways)


def _straight(arrow: Arrow, sk: Skeleton, point: str, *, towards: bool) -> list[Item]:
    """A push ends just short of ``point``; a move starts just beyond it."""
    if arrow.direction is None:  # pragma: no cover - the model requires a direction
        return []
    d = heading(arrow.direction)
    side = heading(arrow.direction + 90, arrow.offset or 0.0)
    length = STRAIGHT_LENGTH * arrow.size
    if towards:
        end = add(add(sk.points[point], d, -STRAIGHT_GAP), side)
        start = add(end, d, -length)
    else:
        start = add(add(sk.points[point], d, STRAIGHT_GAP), side)
        end = add(start, d, length)
    return arrow_line([start, end], both_ways=arrow.both_ways)


def _turn(arrow: Arrow, sk: Skeleton, point: str) -> list[Item]:
    centre = sk.points[point]
    radius = TURN_RADIUS * arrow.size
    sweep = -280.0 if arrow.clockwise else 280.0
    # A twist is a circle seen nearly edge on, starting behind the body.
    squash, start = (0.3, 250.0) if arrow.twist else (1.0, 110.0)
    points = []
    for i in range(29):
        x, y = heading(start + sweep * i / 28, radius)
        points.append((centre[0] + x, centre[1] + y * squash))
    return arrow_line(points, both_ways=arrow.both_ways)


def arrow_items(
    arrows: tuple[Arrow, ...], stances: list[Stance], place: Callable[[Stance], Skeleton], last: Skeleton
) -> list[Item]:
    """Every arrow of a pose; ``place`` poses an in-between stance the way the frames were."""
    pts = last.points
    centre = (sum(q[0] for q in pts.values()) / len(pts), sum(q[1] for q in pts.values()) / len(pts))
    items: list[Item] = []
    for arrow in arrows:
        if arrow.follow is not None:
            items += _follow(arrow, arrow.follow, stances, place, centre)
        elif arrow.push is not None:
            items += _straight(arrow, last, arrow.push, towards=True)
        elif arrow.move is not None:
            items += _straight(arrow, last, arrow.move, towards=False)
        elif arrow.turn is not None:
            items += _turn(arrow, last, arrow.turn)
    return items
