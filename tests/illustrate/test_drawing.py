"""Figures drawn from pose descriptions: small pixel checks per position family.

Figures are drawn to grayscale PNG at 240 x 240 pixels and read back: black
(below 50) is the near body, the floor line is a row that is mid-grey most of
the way across.
"""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageOps
from reportlab.pdfgen.canvas import Canvas

from hiprehab.illustrate.draw_pdf import drawing_for
from hiprehab.illustrate.draw_png import scene_image
from hiprehab.illustrate.geometry import pose_scene
from hiprehab.illustrate.scene import Stroke, bounds
from hiprehab.model.illustration import Pose

SIZE = 240
BLACK = 50


class Picture:
    """A drawn figure, read back pixel by pixel."""

    def __init__(self, description: dict[str, Any], *, mirrored: bool = False) -> None:
        self.image = scene_image(pose_scene(Pose.model_validate(description), mirrored=mirrored), SIZE, SIZE)
        self.width, self.height = self.image.size
        data = list(self.image.tobytes())
        self.rows = [data[y * self.width : (y + 1) * self.width] for y in range(self.height)]
        self.black = [(x, y) for y, row in enumerate(self.rows) for x, v in enumerate(row) if v < BLACK]

    @property
    def floor(self) -> int:
        """The top row of the floor line: the first row mid-grey most of the way across."""
        return next(
            y for y, row in enumerate(self.rows) if sum(60 <= v <= 130 for v in row) > 0.6 * self.width
        )

    def box(self) -> tuple[int, int, int, int]:
        """Left, top, right, bottom of the black pixels."""
        xs, ys = [p[0] for p in self.black], [p[1] for p in self.black]
        return min(xs), min(ys), max(xs), max(ys)

    def column_has_black(self, x: int) -> bool:
        """Whether column ``x`` holds any black pixel."""
        return any(self.rows[y][x] < BLACK for y in range(self.height))


def test_supine_lies_on_the_floor_head_and_feet_at_the_ends() -> None:
    """Lying on the back: long and low, on the floor line, head apart at one end, toes up at the other."""
    picture = Picture({"position": "supine"})
    left, top, right, bottom = picture.box()
    assert right - left > 3 * (bottom - top)
    assert 0 < picture.floor - bottom <= 3
    # The head: a blob at the left end, a white gap (the neck), then the body.
    gap = next(x for x in range(left, right) if not picture.column_has_black(x))
    assert 0.05 < (gap - left) / (right - left) < 0.15
    assert any(picture.column_has_black(x) for x in range(gap, right))
    # The feet: the toes at the right end point up, above the line of the legs.
    legs = [y for x, y in picture.black if x == left + (right - left) * 3 // 4]
    toes_top = min(y for x, y in picture.black if x >= right - 2)
    assert toes_top < min(legs)


def test_standing_head_is_above_the_feet() -> None:
    """Standing: tall and narrow, feet on the floor, head straight above them."""
    picture = Picture({"position": "standing"})
    left, top, right, bottom = picture.box()
    assert bottom - top > 2 * (right - left)
    assert 0 < picture.floor - bottom <= 3
    head = [x for x, y in picture.black if y < top + 6]
    feet = [x for x, y in picture.black if y > bottom - 6]
    assert abs(sum(head) / len(head) - sum(feet) / len(feet)) < 0.25 * (right - left)


def test_standing_from_the_front_shows_two_legs() -> None:
    """From the front the legs stand apart: two black runs just above the floor."""
    picture = Picture({"position": "standing", "view": "front"})
    row = picture.rows[picture.box()[3] - 10]
    runs = sum(1 for x in range(1, picture.width) if row[x] < BLACK <= row[x - 1])
    assert runs == 2


def test_prone_lies_on_the_floor() -> None:
    """Lying face down: long and low on the floor line, arms stretched past the head."""
    picture = Picture({"position": "prone"})
    left, top, right, bottom = picture.box()
    assert right - left > 4 * (bottom - top)
    assert 0 < picture.floor - bottom <= 3


def test_side_lying_lies_on_the_floor() -> None:
    """Lying on the side, seen from the front: long and low on the floor line."""
    picture = Picture({"position": "side_lying"})
    left, top, right, bottom = picture.box()
    assert right - left > 2 * (bottom - top)
    assert 0 < picture.floor - bottom <= 3


def test_quadruped_rests_on_hands_and_knees() -> None:
    """On all fours: the body touches the floor in two places, hands and knees, with room between."""
    picture = Picture({"position": "quadruped"})
    left, _, right, bottom = picture.box()
    touching = sorted({x for x, y in picture.black if y >= bottom - 2})
    gaps = [b - a for a, b in itertools.pairwise(touching) if b - a > 1]
    assert gaps
    assert max(gaps) > 0.3 * (right - left)


def test_kneeling_rests_on_the_shins() -> None:
    """Kneeling: the shins lie along the floor and the head is high above them."""
    picture = Picture({"position": "kneeling"})
    left, top, right, bottom = picture.box()
    along_floor = {x for x, y in picture.black if y >= bottom - 2}
    assert len(along_floor) > 0.4 * (right - left)
    assert bottom - top > 1.5 * (right - left)


def test_seated_figure_sits_on_its_chair() -> None:
    """Seated with a chair: the chair's grey seat runs right under the hips."""
    picture = Picture({"position": "seated", "props": ["chair"]})
    # The seat: the longest mid-grey run of any row above the floor.
    seat_y, seat_xs = max(
        (
            (y, [x for x, v in enumerate(row) if 95 <= v <= 135])
            for y, row in enumerate(picture.rows[: picture.floor - 4])
        ),
        key=lambda found: len(found[1]),
    )
    hips = [y for x, y in picture.black if min(seat_xs) <= x <= max(seat_xs)]
    assert 0 <= seat_y - max(hips) <= 4


def test_a_ghost_frame_is_drawn_lighter() -> None:
    """An earlier frame is a light-grey ghost under the black last frame."""
    picture = Picture(
        {"position": "hook_lying", "frames": [{}, {"trunk": 196, "thigh_l": 14, "shin_l": -78}]}
    )
    greys = [v for row in picture.rows for v in row if 185 <= v <= 215]
    assert len(greys) > 200


def test_mirrored_is_the_flipped_picture() -> None:
    """Mirroring draws the other side: the same picture flipped left to right."""
    description = {"position": "walking", "arrows": [{"move": "shoulder", "direction": 0}]}
    plain = Picture(description).image
    mirrored = Picture(description, mirrored=True).image
    difference = ImageChops.difference(ImageOps.mirror(plain), mirrored)
    histogram = difference.histogram()
    # Pillow rounds the edges of shapes a little differently on each side.
    assert sum(histogram[40:]) < 0.01 * SIZE * SIZE


def test_mirror_in_the_description_and_in_the_call_cancel_out() -> None:
    """``mirror: true`` drawn mirrored again gives the unmirrored figure."""
    once = pose_scene(Pose.model_validate({"position": "running", "mirror": True}), mirrored=True)
    assert once == pose_scene(Pose.model_validate({"position": "running"}))


@pytest.mark.parametrize(
    "description",
    [
        {"position": "cycling", "props": ["bike"]},
        {
            "position": "standing",
            "frames": [{"thigh_l": -52, "shin_l": -52, "foot_l": 38}],
            "props": ["step"],
        },
        {"position": "supine", "props": ["bed"]},
    ],
)
def test_a_carrying_prop_stands_on_the_floor(description: dict[str, Any]) -> None:
    """A bike, a step or a bed rests on the floor line, and nothing goes below it."""
    scene = pose_scene(Pose.model_validate(description))
    assert scene.floor == 0.0
    body = [i for i in scene.items if not (isinstance(i, Stroke) and i.tone == 1.0)]
    assert bounds(body).bottom == pytest.approx(0.0, abs=0.02)


def test_the_figure_stays_inside_its_box() -> None:
    """Nothing is drawn in the outer margin of the box."""
    image = Picture({"position": "running", "arrows": [{"turn": "knee_l"}]}).image
    edge = 5
    inner = image.crop((edge, edge, SIZE - edge, SIZE - edge))
    assert ImageOps.expand(inner, edge, fill=255).histogram()[255] == image.histogram()[255]


def test_drawing_to_png_is_deterministic() -> None:
    """The same description gives the same PNG bytes twice."""

    def png() -> bytes:
        buffer = io.BytesIO()
        Picture({"position": "side_lying", "arrows": [{"turn": "knee_l", "twist": True}]}).image.save(
            buffer, format="PNG"
        )
        return buffer.getvalue()

    assert png() == png()


def test_drawing_to_pdf_is_deterministic() -> None:
    """The same figure drawn into an invariant PDF gives the same bytes twice."""

    def pdf() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1)
        pose = Pose.model_validate({"position": "hook_lying", "props": ["mat", "ball"]})
        drawing_for(pose, 120, 90).drawOn(canvas, 50, 50)
        canvas.save()
        return buffer.getvalue()

    assert pdf() == pdf()


def test_the_pdf_drawing_has_the_asked_size() -> None:
    """``drawing_for`` returns a flowable exactly as large as asked."""
    drawing = drawing_for(Pose.model_validate({"position": "standing"}), 85, 60)
    assert drawing.wrap(500, 500) == (85, 60)


def test_the_png_is_grayscale() -> None:
    """Figures are drawn in grey levels only: they print the same in black and white."""
    assert Picture({"position": "standing", "props": ["wall"]}).image.mode == "L"
    assert isinstance(Picture({"position": "standing"}).image, Image.Image)


def test_draw_pdf_imports_on_its_own() -> None:
    """Regression: importing the PDF drawing module first hit a circular import through hiprehab.render."""
    code = "import hiprehab.illustrate.draw_pdf"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
