"""The default catalogue's figures, the PNG preview and the contact sheet."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pypdf
import pytest
from PIL import Image

from hiprehab.errors import OutputError, UsageError
from hiprehab.illustrate.draw_pdf import drawing_for
from hiprehab.illustrate.draw_png import scene_image
from hiprehab.illustrate.figures import PictureCache, figure_flowable, render_png
from hiprehab.illustrate.geometry import pose_scene
from hiprehab.illustrate.scene import Disc, Item, Polygon, bounds, place
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.catalogue import Catalogue
from hiprehab.render.sheet import render_contact_sheet
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.model.exercise import Exercise


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """The built-in catalogue, loaded once."""
    return load_catalogue([data_dir("exercises")])


def test_every_default_exercise_has_a_pose(catalogue: Catalogue) -> None:
    """Each built-in exercise is illustrated by a pose description (no picture files to ship)."""
    missing = [e.id for e in catalogue.exercises if e.illustration is None or e.illustration.pose is None]
    assert missing == []


def _white(item: Item) -> bool:
    """Whether ``item`` is a white margin, not ink."""
    if isinstance(item, Polygon):
        return item.fill == 1.0 and item.outline in {None, 1.0}
    return item.tone == 1.0 and (not isinstance(item, Disc) or item.outline is None)


def test_no_default_figure_goes_below_the_floor(catalogue: Catalogue) -> None:
    """Every default figure drawn on a floor stands on it, never in it."""
    for exercise in catalogue.exercises:
        assert exercise.illustration is not None
        assert exercise.illustration.pose is not None
        scene = pose_scene(exercise.illustration.pose)
        ink = [i for i in scene.items if not _white(i)]
        if scene.floor is not None:
            assert bounds(ink).bottom > scene.floor - 0.005, exercise.id


def test_every_default_figure_fits_its_box(catalogue: Catalogue) -> None:
    """Placed in a card-sized box, every figure stays inside it."""
    for exercise in catalogue.exercises:
        assert exercise.illustration is not None
        assert exercise.illustration.pose is not None
        box = bounds(place(pose_scene(exercise.illustration.pose), 85, 60).items)
        assert min(box.left, box.bottom) >= 0, exercise.id
        assert box.right <= 85 + 1e-6, exercise.id
        assert box.top <= 60 + 1e-6, exercise.id


def test_default_figures_are_drawn_the_same_every_time(catalogue: Catalogue) -> None:
    """Laying out every default figure twice gives equal scenes."""
    poses = [e.illustration.pose for e in catalogue.exercises if e.illustration and e.illustration.pose]
    assert [pose_scene(p) for p in poses] == [pose_scene(p) for p in poses]


def test_every_default_figure_shows_its_body(catalogue: Catalogue) -> None:
    """Every default figure has black on it: no prop hides the body (bug: a mat seen from above did)."""
    for exercise in catalogue.exercises:
        assert exercise.illustration is not None
        assert exercise.illustration.pose is not None
        image = scene_image(pose_scene(exercise.illustration.pose), 120, 120)
        assert sum(v < 50 for v in image.tobytes()) > 300, exercise.id


def test_a_pose_becomes_a_vector_flowable(catalogue: Catalogue) -> None:
    """``figure_flowable`` gives a drawing of exactly the asked size for a pose."""
    exercise = catalogue.exercises[0]
    flowable = figure_flowable(exercise, 80, 60, PictureCache())
    assert flowable is not None
    assert flowable.wrap(500, 500) == (80, 60)
    assert exercise.illustration is not None
    assert exercise.illustration.pose is not None
    assert type(flowable) is type(drawing_for(exercise.illustration.pose, 80, 60))


def test_no_illustration_gives_no_flowable(catalogue: Catalogue) -> None:
    """An exercise without an illustration gets None, so the card can use the room."""
    bare = catalogue.exercises[0].model_copy(update={"illustration": None})
    assert figure_flowable(bare, 80, 60, PictureCache()) is None


def test_png_preview_is_a_grey_square(catalogue: Catalogue, tmp_path: Path) -> None:
    """``render_png`` writes a grayscale PNG of the size asked, the same bytes every time."""
    exercise = catalogue.get("clamshell")
    assert exercise is not None
    render_png(exercise, tmp_path / "a.png", 300)
    render_png(exercise, tmp_path / "b.png", 300)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    with Image.open(tmp_path / "a.png") as image:
        assert (image.format, image.mode, image.size) == ("PNG", "L", (300, 300))
        assert min(image.tobytes()) < 50  # the figure is there, in black


def test_png_of_an_exercise_without_illustration_is_a_usage_error(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """Asking for the figure of an exercise that has none says so."""
    bare = catalogue.exercises[0].model_copy(update={"illustration": None})
    with pytest.raises(UsageError, match=f"exercise '{bare.id}' has no illustration to draw"):
        render_png(bare, tmp_path / "x.png", 200)
    assert not (tmp_path / "x.png").exists()


def test_png_size_is_bounded(catalogue: Catalogue, tmp_path: Path) -> None:
    """A size outside 16 to 4096 pixels is refused before anything is drawn."""
    with pytest.raises(UsageError, match="expected a number of pixels from 16 to 4096, found 5"):
        render_png(catalogue.exercises[0], tmp_path / "x.png", 5)


def test_png_into_a_missing_folder_is_an_output_error(catalogue: Catalogue, tmp_path: Path) -> None:
    """A PNG aimed at a folder that does not exist is an output error, not a traceback."""
    with pytest.raises(OutputError, match="does not exist"):
        render_png(catalogue.exercises[0], tmp_path / "nowhere" / "x.png", 200)


def _sheet(catalogue: Catalogue, folder: Path, paper: str = "a4") -> bytes:
    out = folder / f"sheet-{paper}.pdf"
    render_contact_sheet(catalogue, out, paper)
    return out.read_bytes()


def test_contact_sheet_shows_every_exercise(catalogue: Catalogue, tmp_path: Path) -> None:
    """The sheet has 20 exercises a page and prints every exercise's name."""
    reader = pypdf.PdfReader(io.BytesIO(_sheet(catalogue, tmp_path)))
    assert len(reader.pages) == -(-len(catalogue.exercises) // 20)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for exercise in catalogue.exercises:
        assert exercise.id in text, exercise.id


def test_contact_sheet_is_deterministic(catalogue: Catalogue, tmp_path: Path) -> None:
    """Two renders of the sheet are byte-identical."""
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert _sheet(catalogue, tmp_path / "one") == _sheet(catalogue, tmp_path / "two")


def test_contact_sheet_on_letter_paper(catalogue: Catalogue, tmp_path: Path) -> None:
    """Letter paper gives Letter-sized pages."""
    reader = pypdf.PdfReader(io.BytesIO(_sheet(catalogue, tmp_path, "letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_contact_sheet_paper_must_be_known(catalogue: Catalogue, tmp_path: Path) -> None:
    """An unknown paper size is a usage error and writes nothing."""
    with pytest.raises(UsageError, match="paper: expected one of a4, letter; found 'a3'"):
        render_contact_sheet(catalogue, tmp_path / "s.pdf", "a3")
    assert list(tmp_path.iterdir()) == []


def test_contact_sheet_marks_a_missing_illustration(catalogue: Catalogue, tmp_path: Path) -> None:
    """An exercise without an illustration keeps its cell, marked as such."""
    first: Exercise = catalogue.exercises[0].model_copy(update={"illustration": None})
    small = Catalogue(exercises=(first,))
    text = pypdf.PdfReader(io.BytesIO(_sheet(small, tmp_path))).pages[0].extract_text()
    assert "no illustration" in text
    assert first.name in text
