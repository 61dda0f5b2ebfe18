"""Users' own pictures: loading, checking, and embedding once."""

from __future__ import annotations

import struct
import zlib
from typing import TYPE_CHECKING

import pypdf
import pytest
from PIL import Image

from hiprehab.errors import InvalidInputError
from hiprehab.illustrate.figures import figure_flowable, render_png
from hiprehab.illustrate.pictures import PictureCache
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.pictures import load_picture, pixels_for
from hiprehab.render.sheet import render_contact_sheet

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.illustration import PictureFile

ENTRY = """\
  - id: {id}
    name: Move {id}
    kind: strength
    family: {id}
    summary: A test exercise.
    targets: [glute_max]
    position: supine
    equipment: [mat]
    dose: {{sets: 1, reps: 5}}
    goals: [manage]
    steps: [Lie down., Lift your hips., Lower them.]
    cues: [Breathe out as you lift.]
    mistakes: [Rushing.]
    sources: ["Test source. https://example.org/source"]
    illustration: {{image: {image}{extra}}}
"""
# The ``image:`` value of the first entry sits on line 16, column 27.
IMAGE_AT = "16:27"


def picture_of(exercise: Exercise) -> PictureFile:
    """The picture the catalogue loader checked and kept on ``exercise``."""
    assert exercise.illustration is not None
    assert exercise.illustration.picture is not None
    return exercise.illustration.picture


def catalogue_file(folder: Path, *images: str, extra: str = "") -> Path:
    """Write ``folder/moves.yaml`` with one exercise per picture path; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = "".join(ENTRY.format(id=f"move-{i + 1}", image=p, extra=extra) for i, p in enumerate(images))
    (folder / "moves.yaml").write_text("exercises:\n" + entries, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    """The messages loading ``folder`` fails with."""
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([folder])
    return [str(p) for p in caught.value.problems]


def photo(path: Path, size: tuple[int, int], *, mode: str = "RGB", orientation: int | None = None) -> Path:
    """Save a picture whose left half is red and right half blue (grey levels in mode L)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new(mode, size, (0, 0, 255) if mode == "RGB" else 200)
    image.paste((255, 0, 0) if mode == "RGB" else 40, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(path, exif=exif.tobytes()) if path.suffix == ".jpg" else image.save(path)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` pixels but holds almost nothing."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in ``tmp_path`` so messages name ``cat/moves.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_good_picture_loads_with_the_catalogue(here: Path) -> None:
    """A JPEG beside the catalogue file passes the check; its illustration keeps the path as written."""
    photo(here / "cat" / "photos" / "bridge.jpg", (80, 40))
    catalogue = load_catalogue([catalogue_file(here / "cat", "photos/bridge.jpg")])
    illustration = catalogue.exercises[0].illustration
    assert illustration is not None
    assert illustration.image == "photos/bridge.jpg"


def test_exif_orientation_is_applied(here: Path) -> None:
    """A photo stored sideways with EXIF orientation 6 comes out upright: tall, red on top."""
    photo(here / "cat" / "turned.jpg", (60, 30), orientation=6)
    catalogue = load_catalogue([catalogue_file(here / "cat", "turned.jpg")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    image = load_picture(ref, 1000, 1000).image
    assert image.size == (30, 60)
    red, _, blue = image.getpixel((15, 5))  # type: ignore[misc]
    assert red > 200
    assert blue < 60


def test_a_very_large_picture_is_scaled_to_300_dpi(here: Path) -> None:
    """A 12000 x 12000 photo drawn 72 pt wide is stored at most 300 pixels wide."""
    photo(here / "cat" / "huge.jpg", (12000, 12000), mode="L")
    catalogue = load_catalogue([catalogue_file(here / "cat", "huge.jpg")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    image = load_picture(ref, pixels_for(72), pixels_for(72)).image
    assert image.size == (300, 300)


def test_a_small_picture_is_never_enlarged(here: Path) -> None:
    """A picture smaller than the print resolution needs keeps its own size."""
    photo(here / "cat" / "small.png", (40, 20))
    catalogue = load_catalogue([catalogue_file(here / "cat", "small.png")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    assert load_picture(ref, 1000, 1000).image.size == (40, 20)


def test_grayscale_option_makes_a_grey_picture(here: Path) -> None:
    """``grayscale: true`` turns a colour photo into a one-channel grey picture."""
    photo(here / "cat" / "colour.png", (40, 20))
    catalogue = load_catalogue([catalogue_file(here / "cat", "colour.png", extra=", grayscale: true")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    assert load_picture(ref, 100, 100).image.mode == "L"


def test_a_grayscale_picture_stays_grey(here: Path) -> None:
    """A picture that is grey already loads as one channel, not three."""
    photo(here / "cat" / "grey.png", (40, 20), mode="L")
    catalogue = load_catalogue([catalogue_file(here / "cat", "grey.png")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    assert load_picture(ref, 100, 100).image.mode == "L"


def test_transparency_is_painted_white(here: Path) -> None:
    """A transparent PNG is flattened onto white paper, as it will print."""
    path = here / "cat" / "clear.png"
    path.parent.mkdir(parents=True)
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(path)
    catalogue = load_catalogue([catalogue_file(here / "cat", "clear.png")])
    ref = picture_of(catalogue.exercises[0])
    assert ref is not None
    image = load_picture(ref, 100, 100).image
    assert image.mode == "RGB"
    assert image.getpixel((5, 5)) == (255, 255, 255)


def test_a_missing_picture_is_a_problem_at_its_line(here: Path) -> None:
    """A picture that does not exist is reported at the ``image:`` field."""
    assert problems_of(catalogue_file(here / "cat", "photos/gone.jpg")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: "
            "expected a picture file 'photos/gone.jpg' beside this catalogue file, found none"
        )
    ]


def test_a_corrupt_picture_is_a_problem(here: Path) -> None:
    """Random bytes named .jpg are reported, not a crash."""
    (here / "cat").mkdir()
    (here / "cat" / "noise.jpg").write_bytes(bytes(range(256)) * 8)
    assert problems_of(catalogue_file(here / "cat", "noise.jpg")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: "
            "expected a JPEG, PNG or WebP picture, found 'noise.jpg' is not one (or is damaged)"
        )
    ]


def test_a_truncated_picture_is_a_problem(here: Path) -> None:
    """A PNG cut off half way is reported with Pillow's reason."""
    whole = photo(here / "cat" / "cut.png", (200, 200))
    data = whole.read_bytes()
    whole.write_bytes(data[: len(data) // 2])
    (problem,) = problems_of(catalogue_file(here / "cat", "cut.png"))
    assert problem.startswith(f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: ")
    assert "'cut.png'" in problem


def test_a_text_file_is_not_a_picture(here: Path) -> None:
    """A text file with a picture's name is reported as not a picture."""
    (here / "cat").mkdir()
    (here / "cat" / "notes.png").write_text("not a picture\n", encoding="utf-8")
    (problem,) = problems_of(catalogue_file(here / "cat", "notes.png"))
    assert problem.endswith(
        "expected a JPEG, PNG or WebP picture, found 'notes.png' is not one (or is damaged)"
    )


def test_a_gif_is_not_accepted(here: Path) -> None:
    """Only JPEG, PNG and WebP are read: a GIF is reported."""
    photo(here / "cat" / "moving.gif", (10, 10))
    (problem,) = problems_of(catalogue_file(here / "cat", "moving.gif"))
    assert problem.endswith("found 'moving.gif' is not one (or is damaged)")


def test_a_decompression_bomb_header_is_refused(here: Path) -> None:
    """A tiny PNG claiming 100000 x 100000 pixels is refused before it is decoded."""
    (here / "cat").mkdir()
    (here / "cat" / "bomb.png").write_bytes(png_header(100_000, 100_000))
    limit = 2 * Image.MAX_IMAGE_PIXELS  # type: ignore[operator]
    assert problems_of(catalogue_file(here / "cat", "bomb.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: expected a picture of at most "
            f"{limit} pixels, found 'bomb.png' has 10000000000 pixels (too large to open safely)"
        )
    ]


def test_the_bomb_limit_is_pillows(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With Pillow's limit lowered, an ordinary picture over it is refused the same way."""
    photo(here / "cat" / "big.png", (100, 100))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    (problem,) = problems_of(catalogue_file(here / "cat", "big.png"))
    assert problem.endswith(
        "expected a picture of at most 2000 pixels, found 'big.png' has 10000 pixels "
        "(too large to open safely)"
    )


def test_a_path_up_and_out_is_refused_at_its_line(here: Path) -> None:
    """``../outside.png`` is refused by the format itself, with the line of the field."""
    photo(here / "outside.png", (10, 10))
    assert problems_of(catalogue_file(here / "cat", "../outside.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: "
            "expected a path inside the catalogue folder, found '..' in '../outside.png'"
        )
    ]


def test_an_absolute_path_is_refused(here: Path) -> None:
    """An absolute path is refused even when it points into the folder."""
    photo(here / "cat" / "in.png", (10, 10))
    (problem,) = problems_of(catalogue_file(here / "cat", str(here / "cat" / "in.png")))
    assert "expected a path relative to the catalogue file, found the absolute path" in problem


def test_a_link_out_of_the_folder_is_refused(here: Path) -> None:
    """A symbolic link inside the folder that points outside it is refused."""
    photo(here / "secret.png", (10, 10))
    (here / "cat" / "photos").mkdir(parents=True)
    (here / "cat" / "photos" / "link.png").symlink_to(here / "secret.png")
    assert problems_of(catalogue_file(here / "cat", "photos/link.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: exercises[0].illustration.image: "
            "expected a picture inside the catalogue folder, found 'photos/link.png' links out of it"
        )
    ]


def test_a_folder_is_not_a_picture(here: Path) -> None:
    """A path naming a folder is reported as such."""
    (here / "cat" / "photos").mkdir(parents=True)
    (problem,) = problems_of(catalogue_file(here / "cat", "photos"))
    assert problem.endswith("expected a picture file, found a folder at 'photos'")


def test_every_bad_picture_is_reported_at_once(here: Path) -> None:
    """Two bad pictures in one file give two problems, each at its own line."""
    problems = problems_of(catalogue_file(here / "cat", "a.png", "b.png"))
    assert [p.split(": ")[0] for p in problems] == ["cat/moves.yaml:16:27", "cat/moves.yaml:31:27"]


def image_uses(path: Path) -> tuple[set[int], int]:
    """The object numbers of the images the PDF at ``path`` holds, and how often pages draw them."""
    found: set[int] = set()
    draws = 0
    for page in pypdf.PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, pypdf.generic.DictionaryObject)
        xobjects = resources.get("/XObject", pypdf.generic.DictionaryObject()).get_object()
        content = page.get_contents()
        text = content.get_data().decode("latin-1") if content is not None else ""
        for name, ref in xobjects.items():
            if ref.get_object()["/Subtype"] == "/Image":
                found.add(ref.idnum)
                draws += text.count(f"{name} Do")
    return found, draws


def test_one_picture_used_three_times_is_embedded_once(here: Path) -> None:
    """The contact sheet of three exercises sharing one picture holds one image object."""
    photo(here / "cat" / "same.jpg", (2000, 1000))
    (here / "cat" / "copy.jpg").write_bytes((here / "cat" / "same.jpg").read_bytes())
    catalogue = load_catalogue([catalogue_file(here / "cat", "same.jpg", "same.jpg", "copy.jpg")])
    render_contact_sheet(catalogue, here / "sheet.pdf", "a4")
    images, draws = image_uses(here / "sheet.pdf")
    assert (len(images), draws) == (1, 3)


def test_embedded_picture_is_at_most_300_dpi(here: Path) -> None:
    """A large photo in a 72 pt box is embedded at most 300 pixels across."""
    photo(here / "cat" / "wide.jpg", (3000, 1500))
    catalogue = load_catalogue([catalogue_file(here / "cat", "wide.jpg")])
    flowable = figure_flowable(catalogue.exercises[0], 72, 72, PictureCache())
    assert flowable is not None
    width, height = flowable.wrap(0, 0)
    assert (width, height) == (72, 72)
    key = next(iter(flowable.cache._entries))  # type: ignore[attr-defined]
    assert flowable.cache.picture(key).image.size == (300, 150)  # type: ignore[attr-defined]


def test_a_picture_becomes_a_png_preview(here: Path) -> None:
    """``render_png`` puts the picture in the middle of a white square."""
    photo(here / "cat" / "wide.png", (400, 200))
    catalogue = load_catalogue([catalogue_file(here / "cat", "wide.png")])
    render_png(catalogue.exercises[0], here / "preview.png", 100)
    with Image.open(here / "preview.png") as preview:
        assert preview.size == (100, 100)
        assert preview.convert("RGB").getpixel((50, 5)) == (255, 255, 255)
        assert preview.convert("RGB").getpixel((10, 50))[0] > 200  # type: ignore[index]
