"""Users' pictures in a PDF: each distinct picture loaded once, at the size it is drawn.

Finding and checking pictures is the catalogue loader's job
(:mod:`hiprehab.load.pictures`); this keeps what a document has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hiprehab.load.pictures import Picture, load_picture, pixels_for

if TYPE_CHECKING:
    from reportlab.lib.utils import ImageReader

    from hiprehab.model.illustration import PictureFile


@dataclass
class _Entry:
    picture: Picture
    box: tuple[int, int]


@dataclass
class PictureCache:
    """Pictures by file, so the PDF embeds each picture once however many cards show it.

    Each picture is loaded at the largest size any figure of the document asks
    for; figures fetch it when drawn, after the whole document was laid out, so
    every use of one picture gets the same image object and the same bytes.
    """

    _entries: dict[tuple[str, bool], _Entry] = field(default_factory=dict)
    _readers: dict[tuple[str, bool], ImageReader] = field(default_factory=dict)

    def request(self, ref: PictureFile, width_pt: float, height_pt: float) -> tuple[str, bool]:
        """Load (or reuse) ``ref`` for a ``width_pt`` x ``height_pt`` box; return its key."""
        # Keyed by the checked file, never by reading all of it: only what the
        # decoder reads is ever read, so a picture with a huge (sparse) tail costs nothing.
        key = (str(ref.path), ref.grayscale)
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
