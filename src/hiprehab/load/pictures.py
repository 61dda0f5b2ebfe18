"""Users' own pictures: ``illustration: {image: photos/my-move.jpg}``.

A picture is a file the user controls, so everything about it is checked while
the catalogue is loaded, and every failure becomes a
:class:`~hiprehab.errors.Problem` that points at the ``image:`` line of the
catalogue file: a path leading out of the catalogue folder (through ``..`` or a
link), a missing, damaged or non-image file, a format other than JPEG, PNG or
WebP, and a decompression bomb (a small file that claims a huge size). The
checked absolute path is kept on the exercise, so drawing it later reads nothing
else. Pillow is imported only when a catalogue has pictures.
"""

from __future__ import annotations

import math
import os
import re
import stat
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.infile import UnreadableError, kind_of, open_regular, os_reason
from hiprehab.model.illustration import PictureFile
from hiprehab.quote import describe

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

    from hiprehab.load.yamlio import Document
    from hiprehab.model.exercise import Exercise

FORMATS = ("JPEG", "PNG", "WEBP")
PRINT_DPI = 300  # enough for any printer; more only makes the PDF bigger
POINTS_PER_INCH = 72
# Pictures that came in lossy are embedded as JPEG at this quality; drawings
# (PNG) stay lossless.
JPEG_QUALITY = 85
# A figure is a few centimetres on paper: even at print resolution it needs well
# under 1,000 pixels a side. Anything beyond this many pixels is refused before it
# is decoded (a 4000 x 4000 photo is 64 MB of pixels once decoded).
MAX_SIDE = 4000
MAX_PIXELS = MAX_SIDE * MAX_SIDE


@dataclass(frozen=True)
class Picture:
    """A loaded picture, oriented and scaled down, ready to draw or embed."""

    image: Image.Image
    lossy: bool  # came from a JPEG or WebP file: embed as JPEG


def pixels_for(points: float) -> int:
    """How many pixels ``points`` need at the print resolution."""
    return max(1, math.ceil(points / POINTS_PER_INCH * PRINT_DPI))


def find_picture(exercise: Exercise, index: int, doc: Document, folder: Path) -> PictureFile | None:
    """The checked picture of ``exercise`` (entry ``index`` of ``doc``), or None without one.

    ``folder`` is the catalogue folder (or file) the exercise was read from; the
    picture must lie inside it. Raises :class:`InvalidInputError` at the ``image:`` line.
    """
    illustration = exercise.illustration
    if illustration is None or illustration.image is None:
        return None
    loc = ("exercises", index, "illustration", "image")
    line, column = doc.where(loc)
    base = folder if folder.is_dir() else folder.parent
    text = illustration.image
    field = f"exercises[{index}].illustration.image"
    shown = describe(text)
    try:
        if "\0" in text:
            raise ValueError("the name contains a NUL character")  # noqa: TRY301 - one wording below
        where = (base / text).resolve()
    except (OSError, RuntimeError, ValueError) as err:  # a NUL, an over-long name, a link loop
        reason = os_reason(err) if isinstance(err, OSError) else str(err)
        if isinstance(err, RuntimeError):  # Python 3.11 reports a loop of links this way
            reason = "the path is a loop of symbolic links"
        problem = Problem(doc.path, line, column, field, f"cannot use the picture {shown}: {reason}")
        raise InvalidInputError([problem]) from None
    found = PictureFile(where, text, illustration.grayscale, doc.path, line, column, field)
    if not found.path.is_relative_to(base.resolve()):
        # The model already refuses '..' and absolute paths, so this is a link.
        message = f"expected a picture inside the catalogue folder, found '{text}' links out of it"
        raise InvalidInputError([found.problem(message)])
    _still_there(found)
    return found


def _still_there(ref: PictureFile) -> Path:
    """The picture's path, checked to be a regular file now (never a pipe or a device to wait on)."""
    try:
        mode = ref.path.stat().st_mode
    except FileNotFoundError:
        message = f"expected a picture file {describe(ref.text)} beside this catalogue file, found none"
        raise InvalidInputError([ref.problem(message)]) from None
    except OSError as err:
        reason = os_reason(err)
        raise InvalidInputError(
            [ref.problem(f"cannot read the picture {describe(ref.text)}: {reason}")]
        ) from None
    if not stat.S_ISREG(mode):
        message = f"expected a picture file, found {kind_of(mode)} at {describe(ref.text)}"
        raise InvalidInputError([ref.problem(message)])
    return ref.path


_ORIENTATION_TAG = 0x0112
_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")


def load_picture(ref: PictureFile, max_width_px: int, max_height_px: int) -> Picture:
    """Open, orient (EXIF), scale down to fit ``max_width_px`` x ``max_height_px`` and convert.

    Never enlarges. Raises :class:`InvalidInputError` with the ``image:`` line for
    anything wrong with the file.
    """
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - Pillow only for pictures

    path = _still_there(ref)
    try:
        with warnings.catch_warnings():
            # Above Pillow's warning size a picture is still fine: it is scaled
            # down as it is decoded (JPEG draft mode). Only the error size, twice
            # as large, is refused.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with os.fdopen(_open(ref, path), "rb") as handle, Image.open(handle, formats=FORMATS) as opened:
                lossy = opened.format in {"JPEG", "WEBP"}
                image = _prepared(opened, max_width_px, max_height_px, ref)
    except InvalidInputError:
        raise
    except Image.DecompressionBombError as err:
        raise InvalidInputError([ref.problem(_bomb_message(ref.text, str(err)))]) from None
    except UnidentifiedImageError:
        message = f"expected a JPEG, PNG or WebP picture, found '{ref.text}' is not one (or is damaged)"
        raise InvalidInputError([ref.problem(message)]) from None
    except OSError as err:
        reason = err.strerror or str(err) or "damaged file"
        raise InvalidInputError([ref.problem(f"cannot read the picture '{ref.text}': {reason}")]) from None
    except Exception as err:  # noqa: BLE001 - Pillow's decoders raise many types on damaged files
        raise InvalidInputError([ref.problem(f"the picture '{ref.text}' is damaged: {err}")]) from None
    return Picture(image, lossy)


def _open(ref: PictureFile, path: Path) -> int:
    try:
        return open_regular(path)
    except UnreadableError as err:
        message = (
            err.message if err.expected else f"cannot read the picture {describe(ref.text)}: {err.message}"
        )
        raise InvalidInputError([ref.problem(message)]) from None


def _check_size(ref: PictureFile, size: tuple[int, int]) -> None:
    """Refuse a picture of more pixels than a card could ever use, before decoding it."""
    width, height = size
    if width * height > MAX_PIXELS:
        message = (
            f"expected a picture of at most {MAX_SIDE} x {MAX_SIDE} pixels (a card shows it a few "
            f"centimetres wide), found {describe(ref.text)} is {width} x {height}"
        )
        raise InvalidInputError([ref.problem(message)])


def _bomb_message(text: str, error: str) -> str:
    from PIL import Image  # noqa: PLC0415 - Pillow only for pictures

    limit = 2 * (Image.MAX_IMAGE_PIXELS or 0)
    size = _BOMB_SIZE.search(error)
    claims = f"{size.group(1)} pixels" if size else "more"
    found = f"found '{text}' has {claims} (too large to open safely)"
    return f"expected a picture of at most {limit} pixels, {found}"


def _prepared(opened: Image.Image, max_w: int, max_h: int, ref: PictureFile) -> Image.Image:
    """Oriented, reduced and converted copy of an opened picture (refused if too many pixels to decode)."""
    from PIL import Image  # noqa: PLC0415 - Pillow only for pictures

    orientation = opened.getexif().get(_ORIENTATION_TAG, 1)
    transpose = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    # Orientations 5 to 8 turn the picture a quarter: the stored image is scaled
    # to fit the box turned the same way.
    box = (max_h, max_w) if orientation in {5, 6, 7, 8} else (max_w, max_h)
    fits = opened.size[0] <= box[0] and opened.size[1] <= box[1]
    if not fits:
        opened.draft(None, box)  # a JPEG decodes straight at 1/2, 1/4 or 1/8 size
    _check_size(ref, opened.size)  # what will be decoded, after any reduction while decoding
    image = opened.copy() if fits else None
    if image is None:
        image = _eight_bit(opened.copy())
        image.thumbnail(box, Image.Resampling.LANCZOS)
    image = _eight_bit(image)
    image.load()
    if transpose is not None:
        image = image.transpose(transpose)
    return _flattened(image, grayscale=ref.grayscale)


def _eight_bit(image: Image.Image) -> Image.Image:
    """A 16-bit (or 32-bit) greyscale picture as 8-bit greyscale, its tones scaled, not clipped.

    Pillow opens a 16-bit greyscale PNG in mode ``I;16`` with values up to 65535;
    converting it straight to RGB or L clips every value above 255 to white.
    """
    if image.mode not in {"I", "I;16", "I;16B", "I;16L", "I;16N"}:
        return image
    wide = image.convert("I") if image.mode != "I" else image
    # Only a 16-bit PNG opens in these modes here (JPEG and WebP are 8-bit).
    return wide.point(lambda value: value / 257).convert("L")


def _flattened(image: Image.Image, *, grayscale: bool) -> Image.Image:
    """RGB (or L) on white: transparency is painted over paper, as it will print."""
    from PIL import Image  # noqa: PLC0415 - Pillow only for pictures

    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in {"RGBA", "LA"}:
        white = Image.new("RGB", image.size, (255, 255, 255))
        white.paste(image.convert("RGBA"), mask=image.getchannel("A"))
        image = white
    if grayscale:
        return image.convert("L")
    return image if image.mode in {"RGB", "L"} else image.convert("RGB")


def check_picture(exercise: Exercise, index: int, doc: Document, folder: Path) -> list[Problem]:
    """Find and decode the picture of one exercise; record it on the exercise, or return its problems."""
    try:
        found = find_picture(exercise, index, doc, folder)
        if found is None:
            return []
        # A small size: enough to decode the whole file (and find damage)
        # cheaply, since JPEG decodes straight at 1/8 size.
        load_picture(found, 64, 64)
    except InvalidInputError as err:
        return list(err.problems)
    assert exercise.illustration is not None  # noqa: S101 - find_picture returned a picture
    exercise.illustration.attach(found)
    return []
