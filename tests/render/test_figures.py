"""The illustration box of exercise cards."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing

from hiprehab.model.exercise import Dose
from hiprehab.render.figures import Figures
from hiprehab.render.flowables import FigureBox
from hiprehab.render.styles import FIGURE_SIZE
from testing.render_fixtures import BRIDGE, exercise

POSED = exercise(
    "posed-bridge",
    "Posed bridge",
    "strength",
    "bridge",
    Dose(sets=1, reps=5),
    illustration={"pose": {"position": "hook_lying"}},
)
PICTURED = exercise(
    "pictured-bridge",
    "Pictured bridge",
    "strength",
    "bridge",
    Dose(sets=1, reps=5),
    illustration={"image": "bridge.png"},
)


def test_figures_off_gives_no_box() -> None:
    """With figures turned off a card has no figure column at all."""
    assert Figures(enabled=False).box(POSED) is None


def test_a_pose_is_drawn_inside_the_box() -> None:
    """An exercise with a pose gets its vector figure inside the fixed-size frame."""
    box = Figures(enabled=True).box(POSED)
    assert isinstance(box, FigureBox)
    assert isinstance(box.inside, Drawing)
    assert (box.width, box.height) == (FIGURE_SIZE, FIGURE_SIZE)


def test_no_illustration_keeps_an_empty_frame() -> None:
    """An exercise without an illustration keeps an empty frame of the same size."""
    box = Figures(enabled=True).box(BRIDGE)
    assert isinstance(box, FigureBox)
    assert box.inside is None
    assert (box.width, box.height) == (FIGURE_SIZE, FIGURE_SIZE)


def test_a_picture_without_its_catalogue_keeps_an_empty_frame() -> None:
    """A picture's path is relative to its catalogue; without the catalogue the frame stays empty."""
    box = Figures(enabled=True).box(PICTURED)
    assert isinstance(box, FigureBox)
    assert box.inside is None


def test_each_figure_is_drawn_once_per_document() -> None:
    """Every card of one exercise reuses the same drawing."""
    figures = Figures(enabled=True)
    first, second = figures.box(POSED), figures.box(POSED)
    assert isinstance(first, FigureBox)
    assert isinstance(second, FigureBox)
    assert first.inside is second.inside
