"""The illustration of an exercise card, drawn by :mod:`hiprehab.illustrate`.

Every card keeps a framed box of the same fixed size. An exercise with a pose
description gets its vector figure inside the frame; one with a picture gets
the picture, when the catalogue it came from is known (a picture's path is
relative to its catalogue file); otherwise the frame stays empty, room for a
sketch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.catalogue import Catalogue
from hiprehab.illustrate.figures import PictureCache, figure_flowable
from hiprehab.render.flowables import FigureBox
from hiprehab.render.styles import FIGURE_SIZE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.exercise import Exercise

FIGURE_PAD = 2.0  # between the frame and the figure inside it


class Figures:
    """Figures for one document: each drawn once and reused, pictures embedded once."""

    def __init__(self, catalogue: Catalogue | None, *, enabled: bool) -> None:
        self.catalogue = catalogue
        self.enabled = enabled
        self.cache = PictureCache()
        self.drawn: dict[str, Flowable | None] = {}
        # Poses need no catalogue; an empty one stands in when none was given.
        self._lookup = catalogue if catalogue is not None else Catalogue(exercises=())

    def _inside(self, exercise: Exercise) -> Flowable | None:
        if exercise.id not in self.drawn:
            illustration = exercise.illustration
            drawable = illustration is not None and (
                illustration.pose is not None or self.catalogue is not None
            )
            inner = FIGURE_SIZE - 2 * FIGURE_PAD
            self.drawn[exercise.id] = (
                figure_flowable(exercise, self._lookup, inner, inner, self.cache) if drawable else None
            )
        return self.drawn[exercise.id]

    def box(self, exercise: Exercise) -> Flowable | None:
        """The card's figure box, or None when figures are turned off."""
        if not self.enabled:
            return None
        form = f"hiprehabFigure.{exercise.id}"  # ids are slugs: valid in a PDF name
        return FigureBox(FIGURE_SIZE, FIGURE_SIZE, self._inside(exercise), FIGURE_PAD, form)
