"""The stick figure: its proportions, its preset positions, and its joints for one frame.

Proportions are in figure heights (a standing figure is about one unit tall)
and follow the usual pictogram canon: a head of about an eighth of the height,
legs of about half. Every preset names the direction of each segment in degrees
on the page (0 right, 90 up); a side-view figure faces right, so its left limbs
are the near ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.illustrate.scene import Point, add, heading

if TYPE_CHECKING:
    from hiprehab.model.illustration import Frame

HEAD_RADIUS = 0.066
NECK = 0.112  # from the shoulder point to the centre of the head
LENGTH = {
    "trunk": 0.30,
    "upper_arm": 0.165,
    "forearm": 0.15,
    "thigh": 0.245,
    "shin": 0.235,
    "foot": 0.075,
}
ARM_WIDTH = 0.046
LEG_WIDTH = 0.056
TRUNK_WIDTH = {"side": 0.125, "front": 0.16}
# Half the distance between the hip joints and between the shoulders, seen from
# the front; from the side they coincide.
HIP_HALF = {"side": 0.0, "front": 0.05}
SHOULDER_HALF = {"side": 0.0, "front": 0.085}

SEGMENTS = (
    "trunk", "head",
    "upper_arm_l", "forearm_l", "upper_arm_r", "forearm_r",
    "thigh_l", "shin_l", "foot_l", "thigh_r", "shin_r", "foot_r",
)  # fmt: skip

Angles = dict[str, float]


def _row(*angles: float) -> Angles:
    """One preset: the angles of :data:`SEGMENTS`, in that order."""
    if len(angles) != len(SEGMENTS):  # pragma: no cover - a typo in the tables below
        raise ValueError(f"a preset needs {len(SEGMENTS)} angles, found {len(angles)}")
    return dict(zip(SEGMENTS, angles, strict=True))


def _front(side_view: Angles) -> Angles:
    """A front view of a symmetric stance: the right limbs mirror the left ones."""
    out = dict(side_view)
    for part in ("upper_arm", "forearm", "thigh", "shin", "foot"):
        out[f"{part}_r"] = 180 - side_view[f"{part}_l"]
    return out


def _turned(angles: Angles, degrees: float) -> Angles:
    """The whole figure turned counter-clockwise by ``degrees`` (lying down is a quarter turn)."""
    return {k: v + degrees for k, v in angles.items()}


# The tables are laid out by hand as rows of angles: keep the formatter off them.
# Columns: trunk, head; upper arm, forearm (left, right); thigh, shin, foot (left, right).
# fmt: off
SIDE: dict[str, Angles] = {
    "standing":      _row(90,   90,  -94, -86,   -86, -80,    -90,  -90,   0,    -90,  -90,   0),
    "walking":       _row(88,   88, -112, -100,  -68, -45,    -68,  -84,   8,   -110, -118, -25),
    "running":       _row(78,   82, -125, -40,   -55,  25,    -45, -100,  -5,   -118, -165, -95),
    "supine":        _row(180, 180,   -2,  -2,    -2,  -2,     -3,   -3,  85,     -3,   -3,  85),
    "hook_lying":    _row(180, 180,   -2,  -2,    -2,  -2,     48,  -62,   0,     48,  -62,   0),
    # Face down, arms stretched past the head: the outline that tells it from
    # lying on the back at a glance.
    "prone":         _row(180, 180,  182, 181,   182, 181,     -3,   -3, -10,     -3,   -3, -10),
    # Seen from above: the front of the body faces the top of the page.
    "side_lying":    _row(180, 180,  -10,  -5,   170, 175,     45,  -45,  45,     40,  -50,  40),
    "quadruped":     _row(10,    5,  -90, -90,   -92, -92,    -90,  180, 185,    -92,  182, 185),
    "kneeling":      _row(90,   90,  -94, -86,   -86, -80,    -90,  180, 185,    -92,  180, 185),
    "half_kneeling": _row(90,   90,  -80, -40,   -95, -90,     -2,  -90,   0,    -92,  180, 185),
    "seated":        _row(92,   90,  -80, -10,   -85, -15,      0,  -90,   0,      2,  -88,   0),
    "long_sitting":  _row(95,   92, -105, -100, -110, -105,     0,    0,  85,      0,    0,  85),
    "cycling":       _row(48,   62,  -38,  -5,   -42, -10,    -25, -112, -10,    -72,  -86, -20),
    # Front crawl: the near arm reaches forward over the water, the far one pulls below.
    "swimming":      _row(0,     5,   50,  10,   -70, -120,   178,  184, 180,    186,  172, 175),
}

# The front view: the figure faces the reader (lying on its back, the ceiling),
# so its left side is on the right of the page.
FRONT: dict[str, Angles] = {
    "standing":      _front(_row(90, 90,  -80, -86,  0, 0,    -90, -90, -30,   0, 0, 0)),
    "kneeling":      _front(_row(90, 90,  -80, -86,  0, 0,    -90, -92, -30,   0, 0, 0)),
    "seated":        _front(_row(90, 90,  -75, -95,  0, 0,    -80, -90, -30,   0, 0, 0)),
    # Seen from above, head to the left: the standing front view turned a quarter.
    "supine":        _turned(_front(_row(90, 90, -78, -84,  0, 0,  -90, -90,  60,  0, 0, 0)), 90),
    "hook_lying":    _turned(_front(_row(90, 90, -78, -84,  0, 0,  -84, -96, -60,  0, 0, 0)), 90),
    # On the right side, head to the left, head on the lower arm, hips and knees
    # bent toward the reader: drawn as if from a little above, so the knees show.
    "side_lying":    _row(180, 180,  -8,  -5,  180, 160,  -35,  30,  30,  -35,  30,  30),
}

# Segments that point at the reader in a preset, and the share of their length that shows.
FORESHORTENED: dict[tuple[str, str], dict[str, float]] = {
    ("front", "standing"):   {"foot_l": 0.5, "foot_r": 0.5},
    ("front", "kneeling"):   {"shin_l": 0.35, "shin_r": 0.35, "foot_l": 0.5, "foot_r": 0.5},
    ("front", "seated"):     {"thigh_l": 0.35, "thigh_r": 0.35, "foot_l": 0.5, "foot_r": 0.5},
    ("front", "supine"):     {"foot_l": 0.5, "foot_r": 0.5},
    ("front", "hook_lying"): {"thigh_l": 0.6, "shin_l": 0.6, "thigh_r": 0.6, "shin_r": 0.6,
                              "foot_l": 0.5, "foot_r": 0.5},
    ("front", "side_lying"): {"thigh_l": 0.75, "shin_l": 0.75, "thigh_r": 0.75, "shin_r": 0.75,
                              "foot_l": 0.6, "foot_r": 0.6},
}
# fmt: on

# Views from above: the floor is the page itself, so there is no floor line.
OVERHEAD = frozenset({("side", "side_lying"), ("front", "supine"), ("front", "hook_lying")})

PRESETS: dict[str, dict[str, Angles]] = {"side": SIDE, "front": FRONT}


@dataclass(frozen=True)
class Skeleton:
    """The joints of one frame, with the figure's hip at the origin."""

    view: str
    points: dict[str, Point]


@dataclass(frozen=True)
class Stance:
    """Every segment's direction and apparent length in one frame."""

    angles: Angles
    lengths: dict[str, float]
    lift: float


def stance(view: str, position: str, frame: Frame) -> Stance:
    """The preset of ``position`` changed by what ``frame`` gives.

    The head keeps its preset tilt relative to the trunk unless the frame sets it:
    a figure that leans forward looks where its trunk points.
    """
    preset = PRESETS[view][position]
    short = FORESHORTENED.get((view, position), {})
    angles: Angles = {}
    lengths: dict[str, float] = {}
    for segment in SEGMENTS:
        given = frame.direction(segment)
        if given is not None:
            angles[segment] = given.angle
            lengths[segment] = given.length
        else:
            angles[segment] = preset[segment]
            lengths[segment] = short.get(segment, 1.0)
    if frame.head is None and frame.trunk is not None:
        angles["head"] = angles["trunk"] + preset["head"] - preset["trunk"]
    return Stance(angles, lengths, frame.lift)


def between(a: Stance, b: Stance, t: float) -> Stance:
    """A stance ``t`` of the way from ``a`` to ``b``, each segment turning the short way round."""
    angles = {}
    for seg in SEGMENTS:
        turn = (b.angles[seg] - a.angles[seg] + 180) % 360 - 180
        angles[seg] = a.angles[seg] + t * turn
    lengths = {seg: a.lengths[seg] + t * (b.lengths[seg] - a.lengths[seg]) for seg in SEGMENTS}
    return Stance(angles, lengths, a.lift + t * (b.lift - a.lift))


def skeleton(view: str, pose: Stance) -> Skeleton:
    """Walk the segments out from the hip and return every joint."""
    a, k = pose.angles, pose.lengths

    def seg(name: str, part: str) -> Point:
        return heading(a[name], LENGTH[part] * k[name])

    hip: Point = (0.0, 0.0)
    shoulder = add(hip, seg("trunk", "trunk"))
    head = add(shoulder, heading(a["head"], NECK * k["head"]))
    # From the front the joints of each side sit off the midline, at right angles
    # to the trunk; the figure's left is on the page's right when it stands.
    side = heading(a["trunk"] - 90)
    points: dict[str, Point] = {"hip": hip, "shoulder": shoulder, "head": head}
    for s, sign in (("l", 1.0), ("r", -1.0)):
        hip_joint = add(hip, side, sign * HIP_HALF[view])
        shoulder_joint = add(shoulder, side, sign * SHOULDER_HALF[view])
        points[f"hip_{s}"] = hip_joint
        points[f"shoulder_{s}"] = shoulder_joint
        points[f"elbow_{s}"] = add(shoulder_joint, seg(f"upper_arm_{s}", "upper_arm"))
        points[f"hand_{s}"] = add(points[f"elbow_{s}"], seg(f"forearm_{s}", "forearm"))
        points[f"knee_{s}"] = add(hip_joint, seg(f"thigh_{s}", "thigh"))
        points[f"ankle_{s}"] = add(points[f"knee_{s}"], seg(f"shin_{s}", "shin"))
        points[f"toe_{s}"] = add(points[f"ankle_{s}"], seg(f"foot_{s}", "foot"))
    return Skeleton(view, points)
