"""The illustration of an exercise card, drawn by :mod:`hiprehab.illustrate`.

Every card keeps a framed box at least :data:`FIGURE_SIZE` wide. A figure
that is much wider than tall (a runner lying on the floor) gets a wider, lower
box that it fills, instead of a thin strip across a square; every other box is
a little lower than wide (:data:`UPRIGHT`). An exercise with a pose description
gets its vector figure inside the frame; one with a picture gets the picture the catalogue loader checked;
otherwise the frame stays empty, room for a sketch.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from hiprehab.illustrate.figures import PictureCache, figure_flowable
from hiprehab.illustrate.geometry import pose_scene
from hiprehab.illustrate.scene import bounds
from hiprehab.render.flowables import FigureBox
from hiprehab.render.styles import FIGURE_SIZE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.illustration import Pose

FIGURE_PAD = 1.0  # between the frame and the figure inside it

WIDE = 1.45
"""A figure this many times wider than tall, or more, gets a wide box."""
WIDE_BOX = 1.5
"""A wide box is this many times the square box's side wide..."""
LOWEST = 0.55
"""...and at least this share of it high, so a long low figure keeps some height."""
UPRIGHT = 0.85
"""Every other box is the full side wide and this share of it high: an upright figure
fills it by its height, and the card beside it is that much shorter."""


def figure_shape(exercise: Exercise, size: float) -> tuple[float, float]:
    """Width and height of the exercise's figure box for square boxes of side ``size``."""
    illustration = exercise.illustration
    if illustration is None or illustration.pose is None:
        return size, UPRIGHT * size
    aspect = _aspect(illustration.pose)
    if aspect < WIDE:
        return size, UPRIGHT * size
    width = WIDE_BOX * size
    return width, max(LOWEST * size, min(UPRIGHT * size, width / aspect))


@functools.lru_cache(maxsize=1000)  # far more than a catalogue has poses; the plans of a roster share them
def _aspect(pose: Pose) -> float:
    """How many times wider than tall the figure of ``pose`` is (laid out once per process)."""
    box = bounds(pose_scene(pose).items)
    return float(box.width / max(box.height, 1e-9))


def forget_shapes() -> None:
    """Forget the figures' shapes kept by this process (memory only)."""
    _aspect.cache_clear()


class Figures:
    """Figures for one document: each drawn once and reused, pictures embedded once."""

    def __init__(self, *, enabled: bool, size: float = FIGURE_SIZE) -> None:
        self.enabled = enabled
        self.size = size
        self.cache = PictureCache()
        self.drawn: dict[str, tuple[Flowable | None, float, float]] = {}

    def _inside(self, exercise: Exercise) -> tuple[Flowable | None, float, float]:
        if exercise.id not in self.drawn:
            width, height = figure_shape(exercise, self.size)
            inside = figure_flowable(exercise, width - 2 * FIGURE_PAD, height - 2 * FIGURE_PAD, self.cache)
            self.drawn[exercise.id] = (inside, width, height)
        return self.drawn[exercise.id]

    def box(self, exercise: Exercise) -> Flowable | None:
        """The card's figure box, or None when figures are turned off."""
        if not self.enabled:
            return None
        inside, width, height = self._inside(exercise)
        form = f"hiprehabFigure.{exercise.id}"  # ids are slugs: valid in a PDF name
        return FigureBox(width, height, inside, FIGURE_PAD, form)
