"""Pictures that are not what they seem: pipes, huge or sparse files, odd names, 16-bit greys."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PIL import Image

from hiprehab.illustrate.pictures import PictureCache
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.pictures import MAX_SIDE, load_picture
from tests.illustrate.test_pictures import IMAGE_AT, catalogue_file, here, photo, picture_of, problems_of

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["here"]  # the fixture, used by name below

FIELD = "exercises[0].illustration.image"


def test_a_named_pipe_as_picture_is_refused_without_waiting(here: Path) -> None:
    """A FIFO named like a picture is refused at once at its ``image:`` line."""
    (here / "cat").mkdir()
    os.mkfifo(here / "cat" / "pipe.png")
    assert problems_of(catalogue_file(here / "cat", "pipe.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: {FIELD}: expected a picture file, found a named pipe (FIFO) "
            "at 'pipe.png'"
        )
    ]


def test_a_nul_byte_in_a_picture_path_is_a_problem(here: Path) -> None:
    """A NUL character in the path is a located problem, not a crash."""
    (here / "cat").mkdir()
    (lines,) = problems_of(catalogue_file(here / "cat", '"a\\0b.png"'))
    assert lines == (
        f"cat/moves.yaml:{IMAGE_AT}: {FIELD}: cannot use the picture 'a\\x00b.png': "
        "the name contains a NUL character"
    )


def test_a_300_character_name_is_a_problem(here: Path) -> None:
    """A path component longer than the system allows is a located problem, not a crash."""
    (here / "cat").mkdir()
    long = "p" * 300 + ".png"
    (line,) = problems_of(catalogue_file(here / "cat", long))
    assert line.endswith(": the name is longer than the system allows")
    assert line.startswith(f"cat/moves.yaml:{IMAGE_AT}: {FIELD}: ")


def test_a_picture_of_too_many_pixels_is_refused_before_decoding(here: Path) -> None:
    """A PNG past 4000 x 4000 pixels is refused: a card never needs that many."""
    (here / "cat").mkdir()
    Image.new("L", (MAX_SIDE + 1000, MAX_SIDE), 128).save(here / "cat" / "wide.png")
    assert problems_of(catalogue_file(here / "cat", "wide.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: {FIELD}: expected a picture of at most 4000 x 4000 pixels "
            "(a card shows it a few centimetres wide), found 'wide.png' is 5000 x 4000"
        )
    ]


def test_a_huge_sparse_tail_is_never_read(here: Path) -> None:
    """A picture followed by gigabytes of (sparse) junk loads and is drawn from what was decoded only."""
    path = photo(here / "cat" / "tail.png", (40, 20))
    with path.open("r+b") as handle:
        handle.truncate(3 * 1024**3)  # 3 GiB, a hole on disk: reading it all would take minutes
    catalogue = load_catalogue([catalogue_file(here / "cat", "tail.png")])
    ref = picture_of(catalogue.exercises[0])
    cache = PictureCache()
    key = cache.request(ref, 40, 20)
    assert cache.picture(key).image.size == (40, 20)


def test_a_16_bit_grey_png_is_drawn_in_its_tones(here: Path) -> None:
    """A 16-bit greyscale ramp keeps its tones (dark to light), neither white nor refused as damaged."""
    ramp = Image.new("I;16", (64, 8))
    ramp.putdata([x * 1000 for _ in range(8) for x in range(64)])
    (here / "cat").mkdir()
    ramp.save(here / "cat" / "ramp.png")
    catalogue = load_catalogue([catalogue_file(here / "cat", "ramp.png")])
    ref = picture_of(catalogue.exercises[0])
    for box in ((64, 8), (32, 4)):  # as stored, and scaled down
        image = load_picture(ref, *box).image
        left, right = image.getpixel((0, 1)), image.getpixel((box[0] - 1, 1))
        assert isinstance(left, int)
        assert isinstance(right, int)
        assert left < 20
        assert 200 < right < 255


def test_a_loop_of_links_as_a_picture_is_a_problem(here: Path) -> None:
    """A picture path that is a loop of symbolic links is a located problem, not a crash."""
    (here / "cat").mkdir()
    (here / "cat" / "a.png").symlink_to("b.png")
    (here / "cat" / "b.png").symlink_to("a.png")
    assert problems_of(catalogue_file(here / "cat", "a.png")) == [
        (
            f"cat/moves.yaml:{IMAGE_AT}: {FIELD}: cannot use the picture 'a.png': "
            "the path is a loop of symbolic links"
        )
    ]
