"""The illustration of an exercise card, drawn by :mod:`hiprehab.illustrate`.

Every card keeps a framed box of the same fixed size. An exercise with a pose
description gets its vector figure inside the frame; one with a picture gets
the picture the catalogue loader checked; otherwise the frame stays empty, room
for a sketch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.illustrate.figures import PictureCache, figure_flowable
from hiprehab.render.flowables import FigureBox
from hiprehab.render.styles import FIGURE_SIZE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise

FIGURE_PAD = 1.0  # between the frame and the figure inside it


class Figures:
    """Figures for one document: each drawn once and reused, pictures embedded once."""

    def __init__(self, *, enabled: bool, size: float = FIGURE_SIZE) -> None:
        self.enabled = enabled
        self.size = size
        self.cache = PictureCache()
        self.drawn: dict[str, Flowable | None] = {}

    def _inside(self, exercise: Exercise) -> Flowable | None:
        if exercise.id not in self.drawn:
            inner = self.size - 2 * FIGURE_PAD
            self.drawn[exercise.id] = figure_flowable(exercise, inner, inner, self.cache)
        return self.drawn[exercise.id]

    def box(self, exercise: Exercise) -> Flowable | None:
        """The card's figure box, or None when figures are turned off."""
        if not self.enabled:
            return None
        form = f"hiprehabFigure.{exercise.id}"  # ids are slugs: valid in a PDF name
        return FigureBox(self.size, self.size, self._inside(exercise), FIGURE_PAD, form)
