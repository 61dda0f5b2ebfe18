"""The illustration box of exercise cards."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from hiprehab.illustrate.geometry import pose_scene
from hiprehab.illustrate.scene import bounds, place
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.exercise import Dose
from hiprehab.render.figures import FIGURE_PAD, UPRIGHT, Figures, figure_shape
from hiprehab.render.flowables import FigureBox
from hiprehab.render.styles import FIGURE_SIZE
from hiprehab.resources import data_dir
from testing.render_fixtures import BRIDGE, exercise

POSED = exercise(
    "posed-bridge",
    "Posed bridge",
    "strength",
    "bridge",
    Dose(sets=1, reps=5),
    illustration={"pose": {"position": "hook_lying"}},
)
STANDING = exercise(
    "posed-stand",
    "Posed stand",
    "strength",
    "stand",
    Dose(sets=1, reps=5),
    illustration={"pose": {"position": "standing"}},
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


def test_a_standing_pose_is_drawn_inside_a_box_a_little_lower_than_wide() -> None:
    """An upright pose gets its vector figure inside a full-width frame a little lower than wide."""
    box = Figures(enabled=True).box(STANDING)
    assert isinstance(box, FigureBox)
    assert isinstance(box.inside, Drawing)
    assert (box.width, box.height) == (FIGURE_SIZE, UPRIGHT * FIGURE_SIZE)


def test_a_lying_pose_gets_a_wide_low_box() -> None:
    """A figure lying on the floor gets a box wider than the square one and lower, not a strip in a square."""
    box = Figures(enabled=True).box(POSED)
    assert isinstance(box, FigureBox)
    assert isinstance(box.inside, Drawing)
    assert box.width > FIGURE_SIZE
    assert box.height <= UPRIGHT * FIGURE_SIZE


def test_every_catalogue_figure_is_wide_enough_and_fills_its_box() -> None:
    """Every shipped figure's box is at least 35 mm wide, and the figure spans most of its width or height."""
    catalogue = load_catalogue([data_dir("exercises")])
    thin = []
    for ex in catalogue.exercises:
        if ex.illustration is None or ex.illustration.pose is None:
            continue
        width, height = figure_shape(ex, FIGURE_SIZE)
        assert width >= 35 * mm
        inner_w, inner_h = width - 2 * FIGURE_PAD, height - 2 * FIGURE_PAD
        drawn = bounds(place(pose_scene(ex.illustration.pose), inner_w, inner_h).items)
        # A square box fits an upright figure by its height; a wide box fits a lying one by both.
        filled = max(drawn.width / inner_w, drawn.height / inner_h)
        low = drawn.width / inner_w if width > height else 1.0
        if filled < 0.85 or low < 0.6:
            thin.append((ex.id, round(filled, 2), round(low, 2)))
    assert thin == []


def test_no_illustration_keeps_an_empty_frame() -> None:
    """An exercise without an illustration keeps an empty frame of the same size."""
    box = Figures(enabled=True).box(BRIDGE)
    assert isinstance(box, FigureBox)
    assert box.inside is None
    assert (box.width, box.height) == (FIGURE_SIZE, UPRIGHT * FIGURE_SIZE)


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
