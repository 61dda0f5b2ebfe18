"""Saving that remembers: a font subset, stream or short text met again in this process is not made again.

ReportLab cuts every font subset and compresses every stream of every document
afresh. The plans of a roster embed the same font subsets and draw the same
small forms, so about half of what a batch compresses it has compressed before;
a stream seen twice is kept with its compressed bytes, and later copies take
them, and a subset is cut once per face and set of letters. zlib gives the same
bytes for the same input, so the file is the same as made afresh. The names,
numbers and references that make up most of a file's objects are written by a
quicker equivalent of ReportLab's ``format``, each short text encoded once.
"""

from __future__ import annotations

import contextlib
import weakref
import zlib
from typing import TYPE_CHECKING, Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, ttfonts

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

KEEP_BYTES = 24 * 1024 * 1024
"""At most this many bytes (streams and their compressed copies) are kept; then it starts afresh."""
KEEP_SEEN = 200_000
"""At most this many streams seen once are remembered (by hash) before it starts afresh."""
KEEP_SUBSETS = 64
"""At most this many subsets of one face are kept before it starts afresh."""


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

_cut_subset = ttfonts.TTFontFile.makeSubset
_SUBSETS: weakref.WeakKeyDictionary[Any, dict[tuple[int, ...], bytes]] = weakref.WeakKeyDictionary()


def _remembered_subset(face: Any, subset: Sequence[int]) -> bytes:
    """The subset of ``face`` with the letters ``subset``, as ReportLab cuts it, cut once per process."""
    cut = _SUBSETS.setdefault(face, {})
    letters = tuple(subset)
    data = cut.get(letters)
    if data is None:
        if len(cut) >= KEEP_SUBSETS:
            cut.clear()
        data = cut[letters] = bytes(_cut_subset(face, subset))
    return data


_pdf_format = pdfdoc.format
_pdf_encoded = pdfdoc.pdfdocEnc
_ENCODED: dict[str, bytes] = {}
KEEP_ENCODED = 100_000
"""At most this many short texts (names, numbers, references) are kept encoded before it starts afresh."""
_SHORT = 48  # characters: a PDF name, a number, "1234 0 R"


def _encoded(text: str | bytes) -> bytes:
    """ReportLab's ``pdfdocEnc``: a text in its PDF encoding (bytes as they are), short ones encoded once."""
    if type(text) is not str:
        return bytes(_pdf_encoded(text))
    data = _ENCODED.get(text)
    if data is None:
        data = text.encode("extpdfdoc")
        if len(text) <= _SHORT:
            if len(_ENCODED) >= KEEP_ENCODED:
                _ENCODED.clear()
            _ENCODED[text] = data
    return data


def _formatted(element: Any, document: Any, toplevel: int = 0) -> bytes:
    """ReportLab's ``format``, quicker for the texts, bytes and numbers that most of a file is made of."""
    kind = type(element)
    if kind is str:
        return _encoded(element)
    if kind is bytes:
        return element  # type: ignore[no-any-return]  # bytes, as its type says
    if kind is float or kind is int:
        return _encoded(fp_str(element))
    return bytes(_pdf_format(element, document, bool(toplevel)))


def forget() -> None:
    """Remember no stream, subset or encoded text: the next plan makes them afresh."""
    FLATE.forget()
    _SUBSETS.clear()
    _ENCODED.clear()


@contextlib.contextmanager
def remembered_streams() -> Iterator[None]:
    """While saving: subsets cut once a process, :data:`FLATE` compressing, :func:`_formatted` formatting.

    ReportLab looks all three up as it saves; they are set back straight after.
    Each gives exactly what ReportLab's own gives, so a document saved in
    another thread meanwhile, with either, has the same bytes.
    """
    saved = pdfdoc.PDFZCompress
    pdfdoc.PDFZCompress = FLATE
    ttfonts.TTFontFile.makeSubset = _remembered_subset  # type: ignore[method-assign,assignment]  # its stubs type self twice
    pdfdoc.format = _formatted
    pdfdoc.pdfdocEnc = _encoded  # type: ignore[assignment]  # its stubs type it generically
    try:
        yield
    finally:
        pdfdoc.PDFZCompress = saved
        ttfonts.TTFontFile.makeSubset = _cut_subset  # type: ignore[method-assign]
        pdfdoc.format = _pdf_format
        pdfdoc.pdfdocEnc = _pdf_encoded
