"""Users' own pictures: ``illustration: {image: photos/my-move.jpg}``.

A picture is a file the user controls, so everything about it is checked and
every failure becomes a :class:`~hiprehab.errors.Problem` that points at the
``image:`` line of the catalogue file: a path leading out of the catalogue
folder (through ``..`` or a link), a missing, damaged or non-image file, a
format other than JPEG, PNG or WebP, and a decompression bomb (a small file
that claims a huge size). Pillow is imported only when a catalogue has pictures.
"""

from __future__ import annotations

import hashlib
import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.yamlio import read_yaml

if TYPE_CHECKING:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from hiprehab.catalogue import Catalogue
    from hiprehab.model.exercise import Exercise

FORMATS = ("JPEG", "PNG", "WEBP")
PRINT_DPI = 300  # enough for any printer; more only makes the PDF bigger
POINTS_PER_INCH = 72
# Pictures that came in lossy are embedded as JPEG at this quality; drawings
# (PNG) stay lossless.
JPEG_QUALITY = 85


@dataclass(frozen=True)
class PictureRef:
    """Where a picture is, and where its ``image:`` field was written."""

    text: str  # the path as written in the catalogue
    folder: Path  # the catalogue folder it must stay inside
    grayscale: bool
    file: str  # the catalogue file, as shown in messages
    line: int
    column: int
    field: str  # e.g. exercises[3].illustration.image

    def problem(self, message: str) -> Problem:
        """A problem at the ``image:`` field."""
        return Problem(self.file, self.line, self.column, self.field, message)


@dataclass(frozen=True)
class Picture:
    """A loaded picture, oriented and scaled down, ready to draw or embed."""

    image: Image.Image
    lossy: bool  # came from a JPEG or WebP file: embed as JPEG


def pixels_for(points: float) -> int:
    """How many pixels ``points`` need at the print resolution."""
    return max(1, math.ceil(points / POINTS_PER_INCH * PRINT_DPI))


def _catalogue_folder(folder: Path) -> Path:
    return folder if folder.is_dir() else folder.parent


def _image_fields(shown: str) -> dict[str, tuple[int, int, str]]:
    """Line, column and field path of the ``image:`` field of each exercise in a file, by id.

    The catalogue keeps where each exercise starts; the ``image:`` line itself is
    found by reading the file again, which only happens when there are pictures.
    """
    try:
        doc = read_yaml(Path(shown), shown)
    except InvalidInputError:
        return {}  # it was readable a moment ago; the exercise's own line will do
    entries = doc.value.get("exercises") if isinstance(doc.value, dict) else None
    found: dict[str, tuple[int, int, str]] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            line, column = doc.where(("exercises", index, "illustration", "image"))
            found[entry["id"]] = (line, column, f"exercises[{index}].illustration.image")
    return found


def _image_of(exercise: Exercise) -> tuple[str, bool] | None:
    """The picture path and grayscale flag of ``exercise``, if a picture illustrates it."""
    illustration = exercise.illustration
    if illustration is None or illustration.image is None:
        return None
    return illustration.image, illustration.grayscale


def picture_refs(catalogue: Catalogue, only: Exercise | None = None) -> dict[str, PictureRef]:
    """A :class:`PictureRef` for every exercise illustrated by a picture (or just ``only``), by id."""
    chosen = catalogue.exercises if only is None else (only,)
    pictured = [(e, image) for e in chosen if (image := _image_of(e)) is not None]
    files = {catalogue.origins[e.id].path for e, _ in pictured if e.id in catalogue.origins}
    fields = {shown: _image_fields(shown) for shown in sorted(files)}
    refs: dict[str, PictureRef] = {}
    for exercise, (text, grayscale) in pictured:
        origin = catalogue.origins.get(exercise.id)
        fallback = f"{exercise.id}.illustration.image"
        if origin is None:
            # Built in code rather than loaded: resolve against the working folder.
            refs[exercise.id] = PictureRef(text, Path(), grayscale, "<catalogue>", 1, 1, fallback)
            continue
        line, column, field_path = fields[origin.path].get(
            exercise.id, (origin.line, origin.column, fallback)
        )
        folder = _catalogue_folder(origin.folder)
        refs[exercise.id] = PictureRef(text, folder, grayscale, origin.path, line, column, field_path)
    return refs


def picture_ref(exercise: Exercise, catalogue: Catalogue) -> PictureRef | None:
    """The :class:`PictureRef` of ``exercise``, or None when it has no picture."""
    return picture_refs(catalogue, exercise).get(exercise.id)


def resolve(ref: PictureRef) -> Path:
    """The picture's file, checked to be a file inside the catalogue folder."""
    base = ref.folder.resolve()
    target = (ref.folder / ref.text).resolve()
    if not target.is_relative_to(base):
        # The model already refuses '..' and absolute paths, so this is a link.
        message = f"expected a picture inside the catalogue folder, found '{ref.text}' links out of it"
        raise InvalidInputError([ref.problem(message)])
    if not target.exists():
        message = f"expected a picture file '{ref.text}' beside this catalogue file, found none"
        raise InvalidInputError([ref.problem(message)])
    if not target.is_file():
        raise InvalidInputError([ref.problem(f"expected a picture file, found a folder at '{ref.text}'")])
    return target


_ORIENTATION_TAG = 0x0112
_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")


def load_picture(ref: PictureRef, max_width_px: int, max_height_px: int) -> Picture:
    """Open, orient (EXIF), scale down to fit ``max_width_px`` x ``max_height_px`` and convert.

    Never enlarges. Raises :class:`InvalidInputError` with the ``image:`` line for
    anything wrong with the file.
    """
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - Pillow only for pictures

    path = resolve(ref)
    try:
        with warnings.catch_warnings():
            # Above Pillow's warning size a picture is still fine: it is scaled
            # down as it is decoded (JPEG draft mode). Only the error size, twice
            # as large, is refused.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as opened:
                lossy = opened.format in {"JPEG", "WEBP"}
                image = _prepared(opened, max_width_px, max_height_px, grayscale=ref.grayscale)
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


def _bomb_message(text: str, error: str) -> str:
    from PIL import Image  # noqa: PLC0415 - Pillow only for pictures

    limit = 2 * (Image.MAX_IMAGE_PIXELS or 0)
    size = _BOMB_SIZE.search(error)
    claims = f"{size.group(1)} pixels" if size else "more"
    found = f"found '{text}' has {claims} (too large to open safely)"
    return f"expected a picture of at most {limit} pixels, {found}"


def _prepared(opened: Image.Image, max_w: int, max_h: int, *, grayscale: bool) -> Image.Image:
    """Oriented, reduced and converted copy of an opened picture."""
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
    image = opened.copy() if opened.size[0] <= box[0] and opened.size[1] <= box[1] else None
    if image is None:
        opened.draft(None, box)  # a JPEG decodes straight at 1/2, 1/4 or 1/8 size
        image = opened.copy()
        image.thumbnail(box, Image.Resampling.LANCZOS)
    image.load()
    if transpose is not None:
        image = image.transpose(transpose)
    return _flattened(image, grayscale=grayscale)


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


def check_pictures(catalogue: Catalogue) -> list[Problem]:
    """A problem for every picture illustration that cannot be used, with its ``image:`` line."""
    problems: list[Problem] = []
    for ref in picture_refs(catalogue).values():
        try:
            # A small size: enough to decode the whole file (and find damage)
            # cheaply, since JPEG decodes straight at 1/8 size.
            load_picture(ref, 64, 64)
        except InvalidInputError as err:
            problems.extend(err.problems)
    return problems


@dataclass
class _Entry:
    picture: Picture
    box: tuple[int, int]


@dataclass
class PictureCache:
    """Pictures by content, so the PDF embeds each distinct picture once.

    Each picture is loaded at the largest size any figure of the document asks
    for; figures fetch it when drawn, after the whole document was laid out, so
    every use of one picture gets the same image object and the same bytes.
    """

    _entries: dict[tuple[str, bool], _Entry] = field(default_factory=dict)
    _readers: dict[tuple[str, bool], ImageReader] = field(default_factory=dict)

    def request(self, ref: PictureRef, width_pt: float, height_pt: float) -> tuple[str, bool]:
        """Load (or reuse) ``ref`` for a ``width_pt`` x ``height_pt`` box; return its key."""
        path = resolve(ref)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as err:
            message = f"cannot read the picture '{ref.text}': {err.strerror or err}"
            raise InvalidInputError([ref.problem(message)]) from None
        key = (digest, ref.grayscale)
        box = (pixels_for(width_pt), pixels_for(height_pt))
        entry = self._entries.get(key)
        if entry is None or box[0] > entry.box[0] or box[1] > entry.box[1]:
            wanted = box if entry is None else (max(box[0], entry.box[0]), max(box[1], entry.box[1]))
            self._entries[key] = _Entry(load_picture(ref, *wanted), wanted)
            self._readers.pop(key, None)
        return key

    def picture(self, key: tuple[str, bool]) -> Picture:
        """The picture loaded for ``key``."""
        return self._entries[key].picture

    def reader(self, key: tuple[str, bool]) -> ImageReader:
        """One reportlab ImageReader per picture, made on first use and then reused."""
        reader = self._readers.get(key)
        if reader is None:
            from hiprehab.illustrate.embed import image_reader  # noqa: PLC0415 - reportlab on demand

            reader = image_reader(self.picture(key))
            self._readers[key] = reader
        return reader
