"""Draw a scene into a grayscale Pillow image, for previews (``exercises show --png``).

Pillow draws hard-edged shapes, so the scene is drawn at four times the size and
then reduced: the box filter averages each 4x4 block, which smooths the edges
the same way every time.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from hiprehab.illustrate.scene import Disc, Point, Polygon, Scene, Stroke, place

if TYPE_CHECKING:
    from collections.abc import Callable

SUPERSAMPLE = 4


def _grey(tone: float) -> int:
    return round(max(0.0, min(1.0, tone)) * 255)


def scene_image(scene: Scene, width_px: int, height_px: int) -> Image.Image:
    """``scene`` fitted into a white ``width_px`` x ``height_px`` grayscale image."""
    k = SUPERSAMPLE
    placed = place(scene, width_px, height_px)
    image = Image.new("L", (width_px * k, height_px * k), 255)
    draw = ImageDraw.Draw(image)

    def at(p: Point) -> tuple[float, float]:
        # Pillow's y runs down the image; the scene's runs up.
        return (p[0] * k, (height_px - p[1]) * k)

    for item in placed.items:
        if isinstance(item, Stroke):
            _stroke(draw, item, at, k)
        elif isinstance(item, Disc):
            _disc(draw, item, at, k)
        else:
            _polygon(draw, item, at, k)
    return image.reduce(k)


def _stroke(
    draw: ImageDraw.ImageDraw, item: Stroke, at: Callable[[Point], tuple[float, float]], k: int
) -> None:
    fill = _grey(item.tone)
    width = item.width * k
    points = [at(p) for p in item.points]
    for a, b in pairwise(points):
        draw.line([a, b], fill=fill, width=max(1, round(width)))
    # Round caps and joins: a disc at every vertex.
    r = width / 2
    for x, y in points:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)


def _disc(draw: ImageDraw.ImageDraw, item: Disc, at: Callable[[Point], tuple[float, float]], k: int) -> None:
    x, y = at(item.centre)
    outer = item.radius + item.outline_width / 2
    if item.outline is not None and item.outline_width > 0:
        r = outer * k
        draw.ellipse([x - r, y - r, x + r, y + r], fill=_grey(item.outline))
        inner = (item.radius - item.outline_width / 2) * k
        draw.ellipse([x - inner, y - inner, x + inner, y + inner], fill=_grey(item.tone))
        return
    r = item.radius * k
    draw.ellipse([x - r, y - r, x + r, y + r], fill=_grey(item.tone))


def _polygon(
    draw: ImageDraw.ImageDraw, item: Polygon, at: Callable[[Point], tuple[float, float]], k: int
) -> None:
    points = [at(p) for p in item.points]
    if item.fill is not None:
        draw.polygon(points, fill=_grey(item.fill))
    if item.outline is not None and item.outline_width > 0:
        outline = Stroke((*item.points, item.points[0]), item.outline_width, item.outline)
        _stroke(draw, outline, at, k)
