"""Stream compression that remembers: a stream met again in this process is not compressed again.

ReportLab compresses every stream of every document afresh. The plans of a
roster embed the same font subsets and draw the same small forms, so about half
of what a batch compresses it has compressed before; a stream seen twice is kept
with its compressed bytes, and later copies take them. zlib gives the same bytes
for the same input, so the file is the same as compressed afresh.
"""

from __future__ import annotations

import contextlib
import zlib
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfdoc

if TYPE_CHECKING:
    from collections.abc import Iterator

KEEP_BYTES = 24 * 1024 * 1024
"""At most this many bytes (streams and their compressed copies) are kept; then it starts afresh."""
KEEP_SEEN = 200_000
"""At most this many streams seen once are remembered (by hash) before it starts afresh."""


class RememberingFlate(pdfdoc.PDFStreamFilterZCompress):
    """ReportLab's Flate filter, remembering the streams it has compressed twice."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.kept: dict[bytes, bytes] = {}
        self.size = 0

    def encode(self, text: str | bytes) -> bytes:
        """``text`` compressed as ReportLab compresses it (UTF-8 for text), from memory if seen twice."""
        data = text.encode("utf8") if isinstance(text, str) else text
        packed = self.kept.get(data)
        if packed is not None:
            return packed
        packed = zlib.compress(data)
        key = hash(data)
        if key not in self.seen:
            if len(self.seen) >= KEEP_SEEN:
                self.seen.clear()
            self.seen.add(key)
            return packed
        if self.size + len(data) + len(packed) > KEEP_BYTES:
            self.forget()
        self.kept[data] = packed
        self.size += len(data) + len(packed)
        return packed

    def forget(self) -> None:
        """Remember nothing: the next stream is compressed afresh."""
        self.seen.clear()
        self.kept.clear()
        self.size = 0


FLATE = RememberingFlate()
"""This process's filter, shared by every document saved in it."""


@contextlib.contextmanager
def remembered_compression() -> Iterator[None]:
    """While saving, ReportLab's pages, forms and fonts are compressed by :data:`FLATE`.

    ReportLab looks its filter up as it saves; it is set back straight after.
    """
    saved = pdfdoc.PDFZCompress
    pdfdoc.PDFZCompress = FLATE
    try:
        yield
    finally:
        pdfdoc.PDFZCompress = saved
