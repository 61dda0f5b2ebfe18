"""Saving a plan: what is remembered between plans changes no byte, and its PDF objects are freed at once."""

from __future__ import annotations

import gc
import weakref
import zlib
from typing import TYPE_CHECKING, Any, cast

import pytest
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts

from hiprehab import fonts
from hiprehab.fonts import register_fonts
from hiprehab.render import document, pdf_bytes, streams
from hiprehab.render.streams import RememberingFlate, remembered_streams
from testing.render_fixtures import make_plan

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont


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


def test_reportlabs_filter_and_subsetting_are_set_back_after_saving() -> None:
    """The remembering filter and subsetting are ReportLab's only while a plan is saved, even on failure."""

    def current() -> tuple[object, ...]:
        return (pdfdoc.PDFZCompress, ttfonts.TTFontFile.makeSubset, pdfdoc.format, pdfdoc.pdfdocEnc)

    before = current()
    seen = []

    def save() -> None:
        with remembered_streams():
            seen.append(current())
            raise KeyError

    with pytest.raises(KeyError):
        save()
    assert seen == [(streams.FLATE, streams._remembered_subset, streams._formatted, streams._encoded)]
    assert current() == before


def test_the_quick_formatting_writes_reportlabs_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan saved with the quick formatting and encoding has the bytes of one ReportLab formats itself."""
    plan = make_plan(weeks=2)
    quick = pdf_bytes(plan, figures=False)
    monkeypatch.setattr(streams, "_formatted", streams._pdf_format)
    monkeypatch.setattr(streams, "_encoded", streams._pdf_encoded)
    assert pdf_bytes(plan, figures=False) == quick


def test_a_subset_cut_again_has_reportlabs_bytes() -> None:
    """A face's subset for a set of letters, cut once and then remembered, is the subset ReportLab cuts."""
    register_fonts()
    face = cast("TTFont", pdfmetrics.getFont(fonts.REGULAR)).face
    streams.forget()
    letters = [ord(c) for c in "Week 1 of 12 \u00b7 caf\u00e9"]
    fresh = ttfonts.TTFontFile.makeSubset(face, letters)
    assert [streams._remembered_subset(face, letters) for _ in range(3)] == [fresh] * 3
    assert streams._remembered_subset(face, letters[:5]) == ttfonts.TTFontFile.makeSubset(face, letters[:5])


def test_a_saved_plans_pdf_objects_are_freed_without_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a plan's bytes exist its PDF objects are freed at once, not left for the cycle collector."""
    pages: list[weakref.ref[Any]] = []
    save = document._PlanCanvas.save

    def noting_pages(canvas: Any) -> None:
        pages.append(weakref.ref(canvas._doc.Pages))
        save(canvas)

    monkeypatch.setattr(document._PlanCanvas, "save", noting_pages)
    was = gc.isenabled()
    gc.disable()
    try:
        assert pdf_bytes(make_plan(weeks=2), figures=False).startswith(b"%PDF-")
        assert [page() for page in pages] == [None]
    finally:
        if was:
            gc.enable()
