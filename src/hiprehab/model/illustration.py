"""The catalogue's ``illustration:`` field: a pose description or the user's own picture.

A pose description is written by hand, so it starts from a named ``position`` (a
preset angle for every body segment) and lists only what changes. Angles are
directions on the page in degrees, the way a protractor reads them: 0 points
right (the way a side-view figure faces), 90 up, 180 left, -90 (or 270) down.
Each segment keeps its own direction, so tilting the trunk does not swing the
legs: that is how a pictogram is drawn, segment by segment. See
docs/catalogue-format.md, "Illustrations", for the full format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from hiprehab.errors import Problem
from hiprehab.model.base import Strict, no_repeats
from hiprehab.quote import describe

if TYPE_CHECKING:
    from pathlib import Path

BodyPoint = Literal[
    "hip", "shoulder", "head",
    "elbow_l", "hand_l", "elbow_r", "hand_r",
    "knee_l", "ankle_l", "toe_l", "knee_r", "ankle_r", "toe_r",
]  # fmt: skip
PosePosition = Literal[
    "standing", "walking", "running", "supine", "hook_lying", "prone", "side_lying",
    "quadruped", "kneeling", "half_kneeling", "seated", "long_sitting", "cycling", "swimming",
]  # fmt: skip
View = Literal["side", "front"]
Limb = Literal["arm_l", "arm_r", "leg_l", "leg_r"]
PropKind = Literal[
    "mat", "band", "chair", "step", "wall", "ball", "roller", "bike", "exercise_bike", "elliptical",
    "water", "ice_pack", "heat_pack", "weight", "bed",
]  # fmt: skip

# The views each position can be drawn in, its natural view first. "side" shows
# the body's sagittal plane (the figure faces right); "front" its frontal plane
# (the figure faces the reader, or the ceiling when lying on its back).
VIEWS: dict[str, tuple[View, ...]] = {
    "standing": ("side", "front"),
    "walking": ("side",),
    "running": ("side",),
    "supine": ("side", "front"),
    "hook_lying": ("side", "front"),
    "prone": ("side",),
    "side_lying": ("front", "side"),
    "quadruped": ("side",),
    "kneeling": ("side", "front"),
    "half_kneeling": ("side",),
    "seated": ("side", "front"),
    "long_sitting": ("side",),
    "cycling": ("side",),
    "swimming": ("side",),
}

# Props that need a second body point (a band between the knees, a ball between them).
TWO_POINT_PROPS = frozenset({"band", "ball"})

Angle = Annotated[StrictFloat, Field(ge=-360, le=360)]
_ANGLE_TEXT = "expected an angle in degrees (a number) or a mapping with angle and length"


def _angle_shorthand(value: Any) -> Any:
    """Let ``thigh_l: 45`` stand for ``thigh_l: {angle: 45}``."""
    if isinstance(value, bool) or not isinstance(value, int | float | dict):
        # pydantic reports a ValueError as a validation error; a TypeError would escape.
        raise ValueError(f"{_ANGLE_TEXT}, found {describe(value)}")  # noqa: TRY004
    return {"angle": value} if isinstance(value, int | float) else value


def _prop_shorthand(value: Any) -> Any:
    """Let ``mat`` stand for ``{kind: mat}`` in a list of props."""
    return {"kind": value} if isinstance(value, str) else value


class Direction(Strict):
    """Where one segment points, and how long it looks (below 1 it is foreshortened)."""

    angle: Angle
    # Foreshortening: a thigh pointing at the reader looks shorter. 1 is full length.
    length: Annotated[StrictFloat, Field(ge=0.2, le=1.5)] = 1.0


SegmentDirection = Annotated[
    Direction,
    BeforeValidator(_angle_shorthand, json_schema_input_type=Angle | Direction),
]


class Frame(Strict):
    """One position of the movement: the segments that differ from the preset."""

    trunk: SegmentDirection | None = None
    head: SegmentDirection | None = None
    upper_arm_l: SegmentDirection | None = None
    forearm_l: SegmentDirection | None = None
    upper_arm_r: SegmentDirection | None = None
    forearm_r: SegmentDirection | None = None
    thigh_l: SegmentDirection | None = None
    shin_l: SegmentDirection | None = None
    foot_l: SegmentDirection | None = None
    thigh_r: SegmentDirection | None = None
    shin_r: SegmentDirection | None = None
    foot_r: SegmentDirection | None = None
    # Height of the lowest body point above the floor, in figure heights: a hop
    # or a skip. (A foot on a step needs none: the step carries it.)
    lift: Annotated[StrictFloat, Field(ge=0, le=1)] = 0.0

    def direction(self, segment: str) -> Direction | None:
        """The direction given for ``segment`` in this frame, if any."""
        value: Direction | None = getattr(self, segment)
        return value


class Prop(Strict):
    """Equipment or surroundings drawn with the figure."""

    kind: PropKind
    at: BodyPoint | None = None
    to: BodyPoint | None = None
    size: Annotated[StrictFloat, Field(ge=0.2, le=3)] = 1.0
    # The frame (1 = first) whose body the prop goes with: the chair of a
    # sit-to-stand belongs to the seated frame. Default: the last frame.
    frame: Annotated[StrictInt, Field(ge=1, le=3)] | None = None

    @model_validator(mode="after")
    def _second_point(self) -> Self:
        if self.to is not None and self.kind not in TWO_POINT_PROPS:
            allowed = " and ".join(sorted(TWO_POINT_PROPS))
            raise ValueError(f"to: only {allowed} span two points, found it on {self.kind}")
        return self


PropEntry = Annotated[Prop, BeforeValidator(_prop_shorthand, json_schema_input_type=PropKind | Prop)]


class Arrow(Strict):
    """A motion arrow.

    ``follow``: along the path a point takes from the first frame to the last;
    ``move``: straight, leading away from a point (the knee presses out);
    ``push``: straight, pointing at a point (squeeze the knees together);
    ``turn``: round a point (circle the knee).
    """

    follow: BodyPoint | None = None
    move: BodyPoint | None = None
    push: BodyPoint | None = None
    turn: BodyPoint | None = None
    direction: Angle | None = None
    both_ways: StrictBool = False
    clockwise: StrictBool = False
    # A turn drawn as a flat ellipse: a twist about an upright axis, such as
    # turning the chest, rather than a circle on the page.
    twist: StrictBool = False
    size: Annotated[StrictFloat, Field(ge=0.3, le=3)] = 1.0
    # How far the arrow sits beside its path (follow) or beside its point (move,
    # push), in figure heights; the sign picks the side. Default: 0.07 away from
    # the body for follow, none for move and push.
    offset: Annotated[StrictFloat, Field(ge=-0.5, le=0.5)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        given = [n for n in ("follow", "move", "push", "turn") if getattr(self, n) is not None]
        if len(given) != 1:
            found = ", ".join(given) if given else "none"
            raise ValueError(f"expected exactly one of follow, move, push or turn, found {found}")
        straight = given[0] in {"move", "push"}
        if straight and self.direction is None:
            raise ValueError(f"direction: expected the angle a {given[0]} arrow points to, it is missing")
        if not straight and self.direction is not None:
            raise ValueError(f"direction: only a move or push arrow has one, found it on a {given[0]} arrow")
        return self


class Pose(Strict):
    """A stick figure in one to three frames, with props and motion arrows."""

    position: PosePosition
    view: View | None = None
    frames: Annotated[tuple[Frame, ...], Field(min_length=1, max_length=3)] = (Frame.model_construct(),)
    props: tuple[PropEntry, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    # The body point that stays put from frame to frame (a bridge keeps its feet).
    anchor: BodyPoint = "hip"
    # Limbs drawn in front of everything else, such as a leg crossing over the body.
    in_front: Annotated[tuple[Limb, ...], AfterValidator(no_repeats)] = ()
    mirror: StrictBool = False
    floor: StrictBool = True

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        views = VIEWS[self.position]
        if self.view is not None and self.view not in views:
            raise ValueError(
                f"view: the position {self.position} can be drawn in the "
                f"{' or '.join(views)} view, found {self.view}"
            )
        if len(self.frames) == 1 and any(a.follow is not None for a in self.arrows):
            raise ValueError("arrows: a follow arrow needs two or more frames, found one frame")
        late = [p.frame for p in self.props if p.frame is not None and p.frame > len(self.frames)]
        if late:
            count = len(self.frames)
            raise ValueError(
                f"props: expected a frame from 1 to {count}, found frame {late[0]} "
                f"(there {'is' if count == 1 else 'are'} {count} frame{'s' if count != 1 else ''})"
            )
        return self

    @property
    def drawn_view(self) -> View:
        """The view actually drawn: the one given, else the position's natural view."""
        return self.view if self.view is not None else VIEWS[self.position][0]


_DRIVE = re.compile(r"^[A-Za-z]:")


def _relative_inside(value: Any) -> Any:
    """Reject a path that could point outside the catalogue folder, before touching disk."""
    if not isinstance(value, str):
        return value  # the type check after this one reports it
    if "\\" in value:
        raise ValueError(f"expected a path with / between folders, found {describe(value)}")
    if value.startswith("/") or _DRIVE.match(value):
        raise ValueError(
            f"expected a path relative to the catalogue file, found the absolute path {describe(value)}"
        )
    if ".." in value.split("/"):
        raise ValueError(f"expected a path inside the catalogue folder, found '..' in {describe(value)}")
    return value


PicturePath = Annotated[
    StrictStr,
    Field(min_length=1, max_length=500),
    BeforeValidator(_relative_inside),
]


@dataclass(frozen=True)
class PictureFile:
    """A user's picture found and checked while its catalogue was loaded.

    ``path`` is absolute, so drawing it later needs neither the catalogue folder
    nor another read of the catalogue file; the rest says where ``image:`` was
    written, for a message if the file changes before it is drawn.
    """

    path: Path
    text: str  # the path as written in the catalogue
    grayscale: bool
    file: str  # the catalogue file, as shown in messages
    line: int
    column: int
    field: str  # e.g. exercises[3].illustration.image

    def problem(self, message: str) -> Problem:
        """A problem at the ``image:`` field."""
        return Problem(self.file, self.line, self.column, self.field, message)


class Illustration(Strict):
    """Either a pose description (``pose``) or a picture file (``image``)."""

    pose: Pose | None = None
    image: PicturePath | None = None
    grayscale: StrictBool = False
    # Set by the catalogue loader once the picture is found and checked; never read from YAML.
    _picture: PictureFile | None = PrivateAttr(default=None)

    @property
    def picture(self) -> PictureFile | None:
        """The checked picture file, when ``image`` was given and the catalogue loader found it."""
        return self._picture

    def attach(self, picture: PictureFile) -> None:
        """Record the checked picture file (the catalogue loader's job)."""
        self._picture = picture

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        given = [n for n in ("pose", "image") if getattr(self, n) is not None]
        if len(given) != 1:
            found = ", ".join(given) if given else "none"
            raise ValueError(f"expected exactly one of pose or image, found {found}")
        if self.grayscale and self.image is None:
            raise ValueError("grayscale: only a picture (image) can be made grayscale")
        return self
