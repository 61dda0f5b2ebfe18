"""What the CLI and the PDF renderer call: an exercise's figure as a flowable or a PNG."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from hiprehab.errors import UsageError
from hiprehab.illustrate.draw_pdf import drawing_for
from hiprehab.illustrate.pictures import PictureCache
from hiprehab.load.outfile import check_target, write_atomic
from hiprehab.load.pictures import pixels_for

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

    from hiprehab.model.exercise import Exercise


class PictureFlowable(Flowable):
    """A user's picture, centred in a fixed box with its proportions kept."""

    def __init__(self, cache: PictureCache, key: tuple[str, bool], width: float, height: float) -> None:
        super().__init__()
        self.cache = cache
        self.key = key
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Always the box's size, like a figure drawing."""
        del available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        """Draw the cached picture; every use of one picture shares one embedded image."""
        reader = self.cache.reader(self.key)
        pixel_w, pixel_h = reader.getSize()
        scale = min(self.width / pixel_w, self.height / pixel_h)
        w, h = pixel_w * scale, pixel_h * scale
        self.canv.drawImage(reader, (self.width - w) / 2, (self.height - h) / 2, w, h)


def figure_flowable(
    exercise: Exercise,
    width_pt: float,
    height_pt: float,
    cache: PictureCache,
    *,
    mirrored: bool = False,
) -> Flowable | None:
    """The exercise's illustration filling a ``width_pt`` x ``height_pt`` box, or None.

    A pose becomes a vector drawing (``mirrored`` draws the other side); a picture
    is loaded now, through ``cache``, so a broken file stops the render before any
    output is written. Use one cache per document: each picture is embedded once.
    """
    illustration = exercise.illustration
    if illustration is None:
        return None
    if illustration.pose is not None:
        return drawing_for(illustration.pose, width_pt, height_pt, mirrored=mirrored)
    ref = illustration.picture
    if ref is None:  # a picture the catalogue loader has not checked (an exercise made in code)
        return None
    return PictureFlowable(cache, cache.request(ref, width_pt, height_pt), width_pt, height_pt)


def figure_image(exercise: Exercise, size_px: int) -> Image.Image:
    """The exercise's illustration as a ``size_px`` square image on white."""
    from PIL import Image  # noqa: PLC0415 - Pillow only when a PNG is asked for

    from hiprehab.illustrate.draw_png import scene_image  # noqa: PLC0415
    from hiprehab.illustrate.geometry import pose_scene  # noqa: PLC0415
    from hiprehab.load.pictures import load_picture  # noqa: PLC0415

    illustration = exercise.illustration
    if illustration is None:
        raise UsageError(f"exercise '{exercise.id}' has no illustration to draw")
    if illustration.pose is not None:
        return scene_image(pose_scene(illustration.pose), size_px, size_px)
    ref = illustration.picture
    if ref is None:  # a picture the catalogue loader has not checked (an exercise made in code)
        raise UsageError(f"exercise '{exercise.id}' has no illustration to draw")
    picture = load_picture(ref, size_px, size_px).image
    canvas = Image.new(picture.mode, (size_px, size_px), "white")
    canvas.paste(picture, ((size_px - picture.width) // 2, (size_px - picture.height) // 2))
    return canvas


def render_png(exercise: Exercise, path: Path, size_px: int) -> None:
    """Draw the exercise's illustration to the PNG file ``path``, ``size_px`` pixels square.

    The file is written whole or not at all. Same exercise, same bytes.
    """
    if size_px < 16 or size_px > 4096:  # noqa: PLR2004 - documented bounds of --size
        raise UsageError(f"--size: expected a number of pixels from 16 to 4096, found {size_px}")
    check_target(path)  # before drawing: a wrong folder fails at once
    image = figure_image(exercise, size_px)

    def produce(temp: Path) -> None:
        image.save(temp, format="PNG", optimize=False)

    write_atomic(path, produce)


__all__ = ["PictureCache", "figure_flowable", "figure_image", "pixels_for", "render_png"]
