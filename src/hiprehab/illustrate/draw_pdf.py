"""Draw a scene as a reportlab vector drawing: crisp at any size, a few kilobytes at most."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reportlab.graphics.shapes import Circle, Drawing, PolyLine
from reportlab.graphics.shapes import Polygon as RLPolygon
from reportlab.lib.colors import Color

from hiprehab.illustrate.geometry import pose_scene
from hiprehab.illustrate.scene import Disc, Polygon, Scene, Stroke, place

if TYPE_CHECKING:
    from hiprehab.model.illustration import Pose

ROUND: Literal[1] = 1  # PDF line cap and join style 1: round


def _grey(tone: float) -> Color:
    return Color(tone, tone, tone)


def scene_drawing(scene: Scene, width: float, height: float) -> Drawing:
    """``scene`` fitted into a ``width`` x ``height`` point drawing."""
    # Imported here: hiprehab.render imports this module for its figures.
    from hiprehab.fonts import REGULAR, register_fonts  # noqa: PLC0415

    register_fonts()
    drawing = Drawing(width, height)
    # reportlab sets the drawing's default font (Helvetica) on entry even when nothing
    # is written; name our embedded font so no base-14 font lands in the PDF.
    drawing.initialFontName = REGULAR  # type: ignore[attr-defined]  # in the AttrMap, not the stubs
    for item in place(scene, width, height).items:
        if isinstance(item, Stroke):
            flat = [c for p in item.points for c in p]
            drawing.add(
                PolyLine(
                    flat,
                    strokeColor=_grey(item.tone),
                    strokeWidth=item.width,
                    strokeLineCap=ROUND,
                    strokeLineJoin=ROUND,
                )
            )
        elif isinstance(item, Disc):
            outlined = item.outline is not None and item.outline_width > 0
            drawing.add(
                Circle(
                    item.centre[0],
                    item.centre[1],
                    item.radius,
                    fillColor=_grey(item.tone),
                    strokeColor=_grey(item.outline) if item.outline is not None and outlined else None,
                    strokeWidth=item.outline_width if outlined else 0,
                )
            )
        else:
            drawing.add(_polygon(item))
    return drawing


def _polygon(item: Polygon) -> RLPolygon:
    outlined = item.outline is not None and item.outline_width > 0
    return RLPolygon(
        [c for p in item.points for c in p],
        fillColor=_grey(item.fill) if item.fill is not None else None,
        strokeColor=_grey(item.outline) if item.outline is not None and outlined else None,
        strokeWidth=item.outline_width if outlined else 0,
        strokeLineJoin=ROUND,
    )


def drawing_for(pose: Pose, width: float, height: float, *, mirrored: bool = False) -> Drawing:
    """The figure of ``pose`` as a ``width`` x ``height`` point drawing (a flowable).

    ``mirrored`` flips it left to right, for the other side of a per-side exercise.
    A drawing is only read when it is drawn, so one process keeps each (see
    :func:`clear_drawings`): the plans of a roster share their figures.
    """
    key = (pose, width, height, mirrored)
    drawing = _DRAWINGS.get(key)
    if drawing is None:
        if len(_DRAWINGS) >= MAX_DRAWINGS:
            _DRAWINGS.clear()
        drawing = _DRAWINGS[key] = scene_drawing(pose_scene(pose, mirrored=mirrored), width, height)
    return drawing


MAX_DRAWINGS = 1000  # far more than a catalogue has figures; a bound on memory, not a working limit
_DRAWINGS: dict[tuple[Pose, float, float, bool], Drawing] = {}


def clear_drawings() -> None:
    """Forget the drawings kept by :func:`drawing_for`."""
    _DRAWINGS.clear()
