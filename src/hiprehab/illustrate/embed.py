"""Hand a loaded picture to reportlab in the form that keeps the PDF small."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader

from hiprehab.load.pictures import JPEG_QUALITY

if TYPE_CHECKING:
    from hiprehab.load.pictures import Picture


def image_reader(picture: Picture) -> ImageReader:
    """A reader reportlab embeds as JPEG (photos) or lossless Flate (drawings).

    A JPEG handed over as encoded bytes goes into the PDF as is (DCTDecode); a
    photo handed over as raw pixels would be stored losslessly and be several
    times larger.
    """
    if not picture.lossy:
        return ImageReader(picture.image)
    buffer = io.BytesIO()
    picture.image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    buffer.seek(0)
    return ImageReader(buffer)
