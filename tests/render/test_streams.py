"""Streams compressed once per process: the bytes zlib gives afresh, within a bounded memory."""

from __future__ import annotations

import zlib

import pytest
from reportlab.pdfbase import pdfdoc

from hiprehab.render import streams
from hiprehab.render.streams import RememberingFlate, remembered_compression


def test_a_stream_met_again_gets_the_bytes_zlib_gives_afresh() -> None:
    """The first, second and later copies of a stream, bytes or text, compress to zlib's own bytes."""
    flate = RememberingFlate()
    data = b"BT /F1 9 Tf (Week 1 of 12) Tj ET\n" * 40
    assert [flate.encode(data) for _ in range(4)] == [zlib.compress(data)] * 4
    assert list(flate.kept) == [data]
    text = "q 1 0 0 1 10 20 cm (caf\u00e9) Tj Q\n"
    assert [flate.encode(text) for _ in range(3)] == [zlib.compress(text.encode("utf8"))] * 3


def test_a_stream_seen_once_is_not_kept() -> None:
    """Only a stream met a second time is kept; one seen once costs a number, not its bytes."""
    flate = RememberingFlate()
    for number in range(50):
        flate.encode(f"page {number}".encode())
    assert (len(flate.seen), flate.kept, flate.size) == (50, {}, 0)


def test_what_is_kept_stays_within_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its limit it starts afresh, and every stream still gets zlib's bytes."""
    monkeypatch.setattr(streams, "KEEP_BYTES", 3000)
    flate = RememberingFlate()
    blocks = [bytes([number]) * 1000 for number in range(6)]
    for _ in range(3):
        for block in blocks:
            assert flate.encode(block) == zlib.compress(block)
            assert flate.size <= streams.KEEP_BYTES


def test_reportlabs_filter_is_set_back_after_saving() -> None:
    """The remembering filter is ReportLab's only while a plan is saved, even when saving fails."""
    before = pdfdoc.PDFZCompress
    seen = []

    def save() -> None:
        with remembered_compression():
            seen.append(pdfdoc.PDFZCompress)
            raise KeyError

    with pytest.raises(KeyError):
        save()
    assert (seen, pdfdoc.PDFZCompress) == ([streams.FLATE], before)
