"""Pose description in, scene out: frames posed, put on the floor, styled, with props and arrows.

The drawing style is that of pictograms on exercise machines: thick round
strokes, a round head, the far limbs in grey behind the body, a white margin
where a near limb crosses something, earlier frames as light-grey ghosts under
the last one, and black motion arrows. Everything here is plain arithmetic, so
the same description always gives the same scene.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.illustrate.arrows import arrow_items
from hiprehab.illustrate.body import (
    ARM_WIDTH,
    HEAD_RADIUS,
    LEG_WIDTH,
    OVERHEAD,
    TRUNK_WIDTH,
    Skeleton,
    Stance,
    skeleton,
    stance,
)
from hiprehab.illustrate.props import (
    IN_FRONT,
    MAT_HEIGHT,
    RIGID,
    STEP_HEIGHT,
    UNDER_BODY,
    Setting,
    prop_items,
    prop_point,
    step_top,
)
from hiprehab.illustrate.scene import (
    Disc,
    Item,
    Point,
    Scene,
    Stroke,
    add,
    bounds,
    heading,
    mirror,
    translate,
)

if TYPE_CHECKING:
    from hiprehab.model.illustration import Pose, Prop

FLOOR_WIDTH = 0.014
HALO = 0.017  # the white margin round a near limb
HALO_START = 0.45  # share of a limb's first segment left without margin, so it joins the body


@dataclass(frozen=True)
class _Style:
    near: float  # tone of the near limbs, trunk and head
    far: float  # tone of the far limbs (side view)
    halo: bool


SOLID = _Style(near=0.0, far=0.55, halo=True)
GHOST = _Style(near=0.78, far=0.86, halo=True)
SIDE_ORDER = ("arm_r", "leg_r", "core", "leg_l", "arm_l")
FRONT_ORDER = ("leg_r", "leg_l", "core", "arm_r", "arm_l")


def _limb(points: tuple[Point, ...], width: float, tone: float, *, halo: bool) -> list[Item]:
    """A limb, after its white margin when it has one.

    The margin starts part way along the first segment: it separates the limb
    from what it crosses without cutting a gap where the limb joins the body.
    """
    items: list[Item] = []
    if halo:
        a, b = points[0], points[1]
        start = (a[0] + (b[0] - a[0]) * HALO_START, a[1] + (b[1] - a[1]) * HALO_START)
        items.append(Stroke((start, *points[1:]), width + 2 * HALO, 1.0))
    items.append(Stroke(points, width, tone))
    return items


def figure_items(sk: Skeleton, style: _Style, in_front: tuple[str, ...] = ()) -> list[Item]:
    """The body of one frame, back to front; ``in_front`` limbs go over everything."""
    p = sk.points
    side = sk.view == "side"
    # The trunk's rounded top ends level with the shoulder joints, so the arms
    # hang from its corners and the head floats clear of it, pictogram style.
    width = TRUNK_WIDTH[sk.view]
    direction = math.degrees(math.atan2(p["shoulder"][1] - p["hip"][1], p["shoulder"][0] - p["hip"][0]))
    top = add(p["shoulder"], heading(direction, width * 0.3), -1)
    parts: dict[str, list[Item]] = {
        "core": [Stroke((p["hip"], top), width, style.near), Disc(p["head"], HEAD_RADIUS, style.near)]
    }
    for name in ("arm_l", "arm_r", "leg_l", "leg_r"):
        s, is_leg = name[-1], name.startswith("leg")
        points = (
            (p[f"hip_{s}"], p[f"knee_{s}"], p[f"ankle_{s}"], p[f"toe_{s}"])
            if is_leg
            else (p[f"shoulder_{s}"], p[f"elbow_{s}"], p[f"hand_{s}"])
        )
        # From the side the right limbs are the far ones of a figure facing
        # right: grey, behind the body, no margin. From the front the legs go
        # under the trunk and the arms over it.
        far = side and s == "r"
        halo = style.halo and (name in in_front or (not far and (s == "l" or not is_leg)))
        tone = style.far if far else style.near
        parts[name] = _limb(points, LEG_WIDTH if is_leg else ARM_WIDTH, tone, halo=halo)
    order = [n for n in (SIDE_ORDER if side else FRONT_ORDER) if n not in in_front]
    return [item for name in [*order, *in_front] for item in parts[name]]


def lowest(sk: Skeleton) -> float:
    """The height of the lowest drawn edge of the body."""
    p = sk.points
    edges = [p["head"][1] - HEAD_RADIUS]
    edges += [p[n][1] - TRUNK_WIDTH[sk.view] / 2 for n in ("hip", "shoulder")]
    for s in ("l", "r"):
        edges += [p[f"{n}_{s}"][1] - ARM_WIDTH / 2 for n in ("elbow", "hand")]
        edges += [p[f"{n}_{s}"][1] - LEG_WIDTH / 2 for n in ("knee", "ankle", "toe")]
    return min(edges)


def _moved(sk: Skeleton, dx: float, dy: float) -> Skeleton:
    return Skeleton(sk.view, {k: (v[0] + dx, v[1] + dy) for k, v in sk.points.items()})


@dataclass(frozen=True)
class _Stage:
    """How frames are put on the floor and lined up with each other."""

    view: str
    anchor: str
    reference: Point  # where the anchor point is in the first frame
    grounded: bool  # each frame stands on the floor (else frames share the anchor point)
    rest: float  # the height the body rests on: the top of the mat, or the floor

    def place(self, st: Stance) -> Skeleton:
        sk = skeleton(self.view, st)
        a = sk.points[self.anchor]
        if self.grounded:
            return _moved(sk, self.reference[0] - a[0], self.rest + st.lift - lowest(sk))
        return _moved(sk, self.reference[0] - a[0], self.reference[1] - a[1] + st.lift)


def _frame_index(prop: Prop, frames: int) -> int:
    return (prop.frame if prop.frame is not None else frames) - 1


def _rigid_floor(pose: Pose, skeletons: list[Skeleton], settings: list[Setting], rest: float) -> float:
    """Where the floor is when props carry the body: under the lowest prop or body part.

    A bike, bed or roller stands on the floor; a step is at least a stair high,
    and taller when a foot on the floor reaches lower.
    """
    lows = [lowest(sk) - rest for sk in skeletons]
    for prop in pose.props:
        if prop.kind not in RIGID:
            continue
        setting = settings[_frame_index(prop, len(skeletons))]
        if prop.kind == "step":
            lows.append(step_top(setting, prop_point(prop)) - STEP_HEIGHT * prop.size)
        else:
            lows.append(bounds(prop_items(prop, setting)).bottom)
    return min(lows)


@dataclass(frozen=True)
class Layout:
    """A pose's frames placed on the stage, before any drawing is styled."""

    view: str
    overhead: bool  # seen from above: the page is the floor
    floor_line: bool  # a floor line is drawn
    floor: float  # the floor's height in the frames' coordinates
    stances: list[Stance]
    stage: _Stage
    skeletons: list[Skeleton]  # every frame's joints, the last frame last


def layout(pose: Pose) -> Layout:
    """Pose every frame of ``pose`` and find the floor under them."""
    view = pose.drawn_view
    overhead = (view, pose.position) in OVERHEAD
    kinds = {p.kind for p in pose.props}
    rigid = bool(kinds & RIGID)
    floor_line = pose.floor and not overhead
    rest = MAT_HEIGHT if "mat" in kinds and floor_line else 0.0
    stances = [stance(view, pose.position, f) for f in pose.frames]
    first = skeleton(view, stances[0])
    stage = _Stage(view, pose.anchor, first.points[pose.anchor], floor_line and not rigid, rest)
    skeletons = [stage.place(st) for st in stances]
    floor = 0.0
    if rigid and floor_line:
        # Props are measured against the bodies before the floor is known; the
        # style does not change a body's outline.
        body = [item for sk in skeletons for item in figure_items(sk, SOLID)]
        measuring = [Setting(sk, body, view, 0.0, overhead) for sk in skeletons]
        floor = _rigid_floor(pose, skeletons, measuring, rest)
    return Layout(view, overhead, floor_line, floor, stances, stage, skeletons)


def frames_on_floor(pose: Pose) -> list[Skeleton]:
    """Every frame's joints with the floor at height 0, as :func:`pose_scene` draws them (unmirrored)."""
    placed = layout(pose)
    return [_moved(sk, 0.0, -placed.floor) for sk in placed.skeletons]


def pose_scene(pose: Pose, *, mirrored: bool = False) -> Scene:
    """Lay out ``pose`` as a scene in figure units; ``mirrored`` draws the other side."""
    lay = layout(pose)
    skeletons = lay.skeletons
    bodies = [figure_items(sk, GHOST, pose.in_front) for sk in skeletons[:-1]]
    bodies.append(figure_items(skeletons[-1], SOLID, pose.in_front))
    every_body = [item for body in bodies for item in body]
    placed = [Setting(sk, every_body, lay.view, lay.floor, lay.overhead) for sk in skeletons]
    behind: list[Item] = []
    under: list[Item] = []
    worn: list[Item] = []
    for prop in pose.props:
        shapes = prop_items(prop, placed[_frame_index(prop, len(skeletons))])
        # Seen from above a mat is the background, so it stays behind.
        flat = prop.kind in UNDER_BODY and not lay.overhead
        layer = worn if prop.kind in IN_FRONT else under if flat else behind
        layer.extend(shapes)
    arrows = arrow_items(pose.arrows, lay.stances, lay.stage.place, skeletons[-1])
    items = translate([*behind, *every_body, *under, *worn, *arrows], 0.0, -lay.floor)
    if pose.mirror != mirrored:
        items = mirror(items)
    return Scene(tuple(items), 0.0 if lay.floor_line else None, FLOOR_WIDTH)
