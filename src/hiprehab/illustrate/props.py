"""Props drawn with a figure: mat, chair, step, wall, band, ball, roller, bikes, water...

Each prop is placed from the body points of one frame (the last, unless the
prop names another), so a chair is always under the hips and a band always
between the knees, whatever the angles. Props sit behind the figure except the
ones held or worn (band, packs, weight). Sizes are in figure heights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.illustrate.body import ARM_WIDTH, HEAD_RADIUS, LEG_WIDTH, TRUNK_WIDTH, Skeleton
from hiprehab.illustrate.scene import Disc, Item, Point, Polygon, Stroke, add, bounds, heading

if TYPE_CHECKING:
    from collections.abc import Callable

    from hiprehab.model.illustration import Prop

MAT_HEIGHT = 0.03
STEP_HEIGHT = 0.1  # a stair: about 17 cm for a runner of 1.75 m
CHAIR_SEAT = 0.27  # seat height of a chair held for balance
PROP_TONE = 0.45  # furniture in mid grey, so the black figure stands out on it
PROP_WIDTH = 0.026
WALL_WIDTH = 0.024
OUTLINE = 0.011
# Props whose own shape decides where the floor is: a bike stands on its
# wheels, a foot on a step is a stair's height up.
RIGID = frozenset({"bike", "exercise_bike", "elliptical", "roller", "bed", "step"})
IN_FRONT = frozenset({"band", "ice_pack", "heat_pack", "weight"})
# Drawn after the body, which only touches them from above (from the side): the
# white margins round the limbs must not cut into them.
UNDER_BODY = frozenset({"mat"})

DEFAULT_AT = {
    "band": "knee_l",
    "chair": "hip",
    "step": "ankle_l",
    "wall": "hand_l",
    "ball": "knee_l",
    "roller": "hip",
    "water": "shoulder",
    "ice_pack": "hip",
    "heat_pack": "hip",
    "weight": "hand_l",
}


@dataclass(frozen=True)
class Setting:
    """What a prop needs to know about the figure it goes with."""

    frame: Skeleton  # the frame the prop belongs to, already placed
    body: list[Item]  # every frame's body items, for extents
    view: str
    floor: float  # the height of the floor line (a mat lies on it)
    overhead: bool

    def at(self, point: str) -> Point:
        """Where body point ``point`` is."""
        return self.frame.points[point]

    @property
    def centre_x(self) -> float:
        """The middle of the figure's joints, left to right."""
        xs = [p[0] for p in self.frame.points.values()]
        return sum(xs) / len(xs)


def half_width(point: str) -> float:
    """Half the drawn thickness of the body at ``point``."""
    if point in {"hip", "shoulder"}:
        return TRUNK_WIDTH["side"] / 2
    if point == "head":
        return HEAD_RADIUS
    return (ARM_WIDTH if point.startswith(("elbow", "hand")) else LEG_WIDTH) / 2


def _rect(left: float, bottom: float, right: float, top: float) -> tuple[Point, ...]:
    return ((left, bottom), (right, bottom), (right, top), (left, top))


def _mat(s: Setting, prop: Prop, at: str) -> list[Item]:
    del prop, at
    box = bounds(s.body)
    if s.overhead:
        pad = 0.06
        points = _rect(box.left - pad, box.bottom - pad, box.right + pad, box.top + pad)
        return [Polygon(points, 0.94, 0.7, OUTLINE)]
    # Outlines are centred on the edge: the bottom edge sits half an outline up.
    line = OUTLINE * 0.8
    points = _rect(box.left - 0.04, s.floor + line / 2, box.right + 0.04, s.floor + MAT_HEIGHT)
    return [Polygon(points, 0.72, 0.25, line)]


def _chair(s: Setting, prop: Prop, at: str) -> list[Item]:
    del prop
    p = s.at(at)
    if at.startswith("hand"):
        # Held for balance: the top of the backrest is under the hand and the
        # seat reaches away from the figure.
        away = 1.0 if p[0] >= s.centre_x else -1.0
        top = p[1] - ARM_WIDTH / 2 - PROP_WIDTH / 2
        seat_y = s.floor + CHAIR_SEAT
        back_x, front_x = p[0], p[0] + away * 0.2
    else:
        # Sat on, or a foot or shoulders rested on: the seat is under the point
        # and the backrest stands on the side away from the rest of the body.
        seat_y = p[1] - half_width(at) - PROP_WIDTH / 2
        away = -1.0 if at == "hip" else (1.0 if p[0] >= s.centre_x else -1.0)
        back_x, front_x = p[0] + away * 0.1, p[0] - away * 0.16
        top = seat_y + 0.28
    foot = s.floor + PROP_WIDTH / 2  # the legs' round ends rest on the floor line
    if s.view == "front" and not at.startswith("hand"):
        # From the front: the seat's edge and two legs.
        items: list[Item] = [Stroke(((p[0] - 0.15, seat_y), (p[0] + 0.15, seat_y)), PROP_WIDTH, PROP_TONE)]
        items += [Stroke(((x, seat_y), (x, foot)), PROP_WIDTH, PROP_TONE) for x in (p[0] - 0.14, p[0] + 0.14)]
        return items
    items = [Stroke(((back_x, top), (back_x, seat_y), (front_x, seat_y)), PROP_WIDTH, PROP_TONE)]
    items += [Stroke(((x, seat_y), (x, foot)), PROP_WIDTH, PROP_TONE) for x in (back_x, front_x)]
    return items


def step_top(s: Setting, at: str) -> float:
    """The top of a step: just under the sole standing (or resting) on it."""
    return s.at(at)[1] - half_width(at)


def _step(s: Setting, prop: Prop, at: str) -> list[Item]:
    del prop
    x = s.at(at)[0]
    left, right = (x - 0.1, x + 0.13) if s.view == "side" else (x - 0.11, x + 0.11)
    return [Polygon(_rect(left, s.floor + OUTLINE / 2, right, step_top(s, at)), 0.82, 0.2, OUTLINE)]


def _wall(s: Setting, prop: Prop, at: str) -> list[Item]:
    del prop
    p = s.at(at)
    box = bounds(s.body)
    side = 1.0 if p[0] >= (box.left + box.right) / 2 else -1.0
    x = p[0] + side * (half_width(at) + 0.012)
    top = box.top + 0.05
    items: list[Item] = [Stroke(((x, s.floor + WALL_WIDTH / 2), (x, top)), WALL_WIDTH, 0.2)]
    # Hatching on the far side marks the solid face, as in technical drawings.
    rows = int((top - 0.02 - s.floor - 0.03) / 0.06) + 1
    for i in range(rows):
        y = s.floor + 0.03 + i * 0.06
        items.append(Stroke(((x + side * 0.012, y), (x + side * 0.05, y + 0.035)), 0.008, 0.4))
    return items


def _midpoint(s: Setting, prop: Prop, at: str) -> Point:
    p = s.at(at)
    if prop.to is None:
        return p
    q = s.at(prop.to)
    return ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)


def _ball(s: Setting, prop: Prop, at: str) -> list[Item]:
    return [Disc(_midpoint(s, prop, at), 0.068 * prop.size, 0.85, 0.25, OUTLINE)]


def _roller(s: Setting, prop: Prop, at: str) -> list[Item]:
    """A foam roller under ``at``, seen end on; it touches the body from below."""
    p = s.at(at)
    r = 0.06 * prop.size
    centre = (p[0], p[1] - half_width(at) - r)
    return [Disc(centre, r, 0.8, 0.2, OUTLINE), Disc(centre, r * 0.3, 0.55)]


def _wheel(centre: Point, radius: float) -> list[Item]:
    return [Disc(centre, radius, 1.0, PROP_TONE, PROP_WIDTH * 0.8), Disc(centre, 0.018, PROP_TONE)]


def _bike(s: Setting, prop: Prop, at: str) -> list[Item]:
    """A bicycle under the rider: saddle at the hips, cranks at the feet, bars at the hands."""
    del prop, at
    left, right, hand = s.at("ankle_l"), s.at("ankle_r"), s.at("hand_l")
    crank = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    hip = s.at("hip")
    saddle = (hip[0] - 0.01, hip[1] - TRUNK_WIDTH["side"] / 2 - 0.012)
    rear, front = (crank[0] - 0.3, crank[1] + 0.02), (crank[0] + 0.36, crank[1] + 0.02)
    seat_top = (saddle[0] + 0.02, saddle[1] - 0.03)
    head_top = (front[0] - 0.07, hand[1] - 0.05)
    w, t = PROP_WIDTH * 0.9, PROP_TONE
    return [
        *_wheel(rear, 0.17),
        *_wheel(front, 0.17),
        Stroke((rear, crank, seat_top, rear), w, t),
        Stroke((seat_top, head_top, crank), w, t),
        Stroke((head_top, front), w, t),
        Stroke(((head_top[0] - 0.01, head_top[1] + 0.01), (hand[0], hand[1] - 0.01)), w, t),
        Stroke(((saddle[0] - 0.045, saddle[1]), (saddle[0] + 0.04, saddle[1])), w * 1.3, 0.25),
        Stroke((right, crank, left), w * 0.8, 0.3),
    ]


def _exercise_bike(s: Setting, prop: Prop, at: str) -> list[Item]:
    """An upright exercise bike: a frame on two floor feet, a flywheel in front, bars at the hands.

    No wheels touch the floor, so it never reads as a road bike: the runner
    pedals indoors, sitting up, hands resting on the bars.
    """
    del prop, at
    left, right, hand = s.at("ankle_l"), s.at("ankle_r"), s.at("hand_l")
    crank = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    hip = s.at("hip")
    saddle = (hip[0] - 0.01, hip[1] - TRUNK_WIDTH["side"] / 2 - 0.012)
    feet = [s.at(n) for n in ("ankle_l", "toe_l", "ankle_r", "toe_r")]
    base_y = min(q[1] for q in feet) - LEG_WIDTH / 2 - 0.05
    w, t = PROP_WIDTH * 0.9, PROP_TONE
    rear_foot, front_foot = saddle[0] - 0.1, crank[0] + 0.3
    flywheel = (crank[0] + 0.2, crank[1] - 0.01)
    bars = (hand[0] + 0.01, hand[1] - ARM_WIDTH / 2 - w / 2)
    column_top = (bars[0] - 0.06, bars[1] - 0.02)
    post_foot = (saddle[0] - 0.02, crank[1] + 0.04)
    return [
        # The two floor feet: the bike stands on bars, not on wheels.
        Stroke(((rear_foot - 0.09, base_y), (rear_foot + 0.09, base_y)), w * 1.4, t),
        Stroke(((front_foot - 0.09, base_y), (front_foot + 0.09, base_y)), w * 1.4, t),
        Disc(flywheel, 0.1, 0.85, t, OUTLINE * 1.5),
        Disc(flywheel, 0.02, t),
        # The frame: rear foot up to the seat post, along to the crank, forward to the column.
        Stroke(((rear_foot, base_y), post_foot, crank, flywheel), w, t),
        Stroke(((front_foot, base_y), column_top), w * 1.2, t),
        # A strut from the crank to the column, which holds the bars.
        Stroke((crank, (front_foot - 0.03, crank[1] + 0.06)), w, t),
        Stroke(((saddle[0] + 0.01, saddle[1]), post_foot), w, t),
        Stroke((column_top, bars), w, t),
        Stroke(((saddle[0] - 0.045, saddle[1]), (saddle[0] + 0.04, saddle[1])), w * 1.3, 0.25),
        Stroke((right, crank, left), w * 0.8, 0.3),
    ]


def _elliptical(s: Setting, prop: Prop, at: str) -> list[Item]:
    """A cross-trainer: pedals under the feet, arms up to the hands, flywheel in front."""
    del prop, at
    feet = [s.at(n) for n in ("ankle_l", "toe_l", "ankle_r", "toe_r")]
    base_y = min(q[1] for q in feet) - LEG_WIDTH / 2 - 0.13
    hub = (max(q[0] for q in feet) + 0.2, base_y + 0.11)
    hand_y = s.at("hand_l")[1]
    w, t = PROP_WIDTH * 0.9, PROP_TONE
    items: list[Item] = [
        Stroke(((min(q[0] for q in feet) - 0.12, base_y), (hub[0] + 0.08, base_y)), w * 1.3, t),
        Stroke((hub, (hub[0] + 0.03, hand_y + 0.1)), w, t),
        Polygon(_rect(hub[0] - 0.01, hand_y + 0.08, hub[0] + 0.08, hand_y + 0.13), 0.85, t, OUTLINE),
    ]
    for side, tone in (("r", 0.62), ("l", t)):
        ankle, toe = s.at(f"ankle_{side}"), s.at(f"toe_{side}")
        plate_y = min(ankle[1], toe[1]) - LEG_WIDTH / 2 - 0.012
        items.append(Stroke(((ankle[0] - 0.05, plate_y), (toe[0] + 0.02, plate_y)), w, tone))
        items.append(Stroke(((toe[0] + 0.02, plate_y), hub), w * 0.8, tone))
        items.append(Stroke((hub, s.at(f"hand_{side}")), w * 0.8, tone))
    items.append(Disc(hub, 0.1, 0.9, t, OUTLINE * 1.5))
    return items


def _bed(s: Setting, prop: Prop, at: str) -> list[Item]:
    """A bed under a lying figure, with a pillow under the head and a headboard."""
    del prop, at
    box = bounds(s.body)
    top = min(s.at("hip")[1], s.at("shoulder")[1]) - TRUNK_WIDTH["side"] / 2
    left, right = box.left - 0.06, box.right + 0.06
    head_end = left if s.at("head")[0] < s.at("hip")[0] else right
    items: list[Item] = [Polygon(_rect(left, top - 0.07, right, top), 0.85, 0.25, OUTLINE)]
    items += [
        Stroke(((x, top - 0.07), (x, top - 0.16)), PROP_WIDTH, 0.25) for x in (left + 0.03, right - 0.03)
    ]
    items.append(Stroke(((head_end, top - 0.16), (head_end, top + 0.17)), PROP_WIDTH * 1.2, 0.25))
    pillow_x = s.at("head")[0]
    pillow = tuple(
        (pillow_x + 0.085 * math.cos(a), top + 0.025 + 0.03 * math.sin(a))
        for a in (i * 2 * math.pi / 24 for i in range(24))
    )
    items.append(Polygon(pillow, 1.0, 0.25, OUTLINE))
    return items


def _water(s: Setting, prop: Prop, at: str) -> list[Item]:
    """Two wavy lines: the surface just above ``at`` and a fainter one below."""
    del prop
    box = bounds(s.body)
    surface = s.at(at)[1] + 0.02
    items: list[Item] = []
    for level, tone in ((surface, 0.35), (surface - 0.16, 0.7)):
        count = int((box.right - box.left + 0.16) / 0.01) + 1
        points = tuple(
            (x, level + 0.014 * math.sin((x - box.left) * 2 * math.pi / 0.11))
            for x in (box.left - 0.08 + i * 0.01 for i in range(count))
        )
        items.append(Stroke(points, 0.014, tone))
    return items


def _band(s: Setting, prop: Prop, at: str) -> list[Item]:
    p = s.at(at)
    if prop.to is None:
        # A loop around the limb, seen edge on.
        ring = tuple(
            add(p, (0.045 * prop.size * math.cos(a), 0.03 * prop.size * math.sin(a)))
            for a in (i * 2 * math.pi / 24 for i in range(25))
        )
        return [Stroke(ring, 0.03, 1.0), Stroke(ring, 0.014, 0.1)]
    q = s.at(prop.to)
    n = heading(math.degrees(math.atan2(q[1] - p[1], q[0] - p[0])) + 90, 0.013 * prop.size)
    strip = (add(p, n), add(q, n), add(q, n, -1), add(p, n, -1))
    return [Polygon(strip, 0.55, 0.05, OUTLINE * 0.8)]


def _pack(centre: Point, size: float) -> list[Item]:
    """A soft pack with cut corners, lying on the body at ``centre``."""
    x, y = centre
    w, h, c = 0.075 * size, 0.05 * size, 0.018 * size
    outline = (
        (x - w + c, y - h), (x + w - c, y - h), (x + w, y - h + c), (x + w, y + h - c),
        (x + w - c, y + h), (x - w + c, y + h), (x - w, y + h - c), (x - w, y - h + c),
    )  # fmt: skip
    return [Polygon(outline, 1.0, 0.0, OUTLINE * 1.3)]


def _ice_pack(s: Setting, prop: Prop, at: str) -> list[Item]:
    centre, size = s.at(at), prop.size
    items = _pack(centre, size)
    # A snowflake: three crossing strokes.
    for angle in (90, 30, -30):
        d = heading(angle, 0.032 * size)
        items.append(Stroke((add(centre, d, -1), add(centre, d)), 0.008 * size, 0.0))
    return items


def _heat_pack(s: Setting, prop: Prop, at: str) -> list[Item]:
    (x, y), size = s.at(at), prop.size
    items = _pack((x, y), size)
    # Three wavy lines of rising warmth above the pack.
    for dx in (-0.035, 0.0, 0.035):
        wave = tuple(
            (x + dx * size + 0.008 * size * math.sin(i * math.pi / 3), y + (0.065 + 0.012 * i) * size)
            for i in range(7)
        )
        items.append(Stroke(wave, 0.009 * size, 0.0))
    return items


def _weight(s: Setting, prop: Prop, at: str) -> list[Item]:
    """A dumbbell in the hand."""
    (x, y), size = s.at(at), prop.size
    bar = 0.05 * size
    items: list[Item] = [Stroke(((x - bar, y), (x + bar, y)), 0.016 * size, 0.0)]
    for cx in (x - bar, x + bar):
        plate = _rect(cx - 0.014 * size, y - 0.038 * size, cx + 0.014 * size, y + 0.038 * size)
        items.append(Polygon(plate, 0.0))
    return items


_DRAW: dict[str, Callable[[Setting, Prop, str], list[Item]]] = {
    "mat": _mat,
    "band": _band,
    "chair": _chair,
    "step": _step,
    "wall": _wall,
    "ball": _ball,
    "roller": _roller,
    "bike": _bike,
    "exercise_bike": _exercise_bike,
    "elliptical": _elliptical,
    "water": _water,
    "ice_pack": _ice_pack,
    "heat_pack": _heat_pack,
    "weight": _weight,
    "bed": _bed,
}


def prop_point(prop: Prop) -> str:
    """The body point a prop goes with: the one given, else the usual one for its kind."""
    return prop.at if prop.at is not None else DEFAULT_AT.get(prop.kind, "hip")


def prop_items(prop: Prop, s: Setting) -> list[Item]:
    """The shapes of one prop, placed for its frame."""
    return _DRAW[prop.kind](s, prop, prop_point(prop))
