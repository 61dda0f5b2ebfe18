"""Paragraphs replayed from an earlier drawing give the bytes ReportLab draws afresh."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from hiprehab import fonts
from hiprehab.api import make_plan
from hiprehab.fonts import register_fonts
from hiprehab.render import clear_caches, document, flowables, pdf_bytes, replay
from hiprehab.render.flowables import Para

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)


def plan(**values: object) -> Plan:
    """A plan from the built-in catalogue for these profile values (red flags answered: none)."""
    return make_plan({"red_flags": [], **values}, start=START, user_folder=False)


def count_replays(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list counting the recordings found to fit the document they were replayed in."""
    count = [0]
    fits = replay._Recording.fits

    def counted(self: Any, canvas: Any) -> bool:
        found = fits(self, canvas)
        count[0] += found
        return found

    monkeypatch.setattr(replay._Recording, "fits", counted)
    return count


@pytest.mark.slow
def test_plans_made_in_any_order_have_the_bytes_of_each_made_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Made after others in either order, or drawn afresh, each plan has the bytes it has when made alone.

    The runners' names are in ASCII, accented Latin and Cyrillic, whose letters no
    other text prints; one plan is in large print and one on letter paper.
    """
    names = ("A. Runner", "Zoë Ångström-Núñez", "Дмитрий Соколов")
    jobs: list[tuple[Plan, dict[str, Any]]] = [
        (plan(name=names[0], goal="prevent", weeks=2, weekly_volume=20.0, longest_run=8.0), {}),
        (plan(name=names[1], goal="manage", weeks=2, pain=3, pain_sites=["lateral"]), {"large_print": True}),
        (plan(name=names[2], goal="manage", weeks=2, pain=2, equipment=["band"]), {"paper": "letter"}),
    ]
    encoded: list[set[int]] = []
    save = document._PlanCanvas.save

    def noting_codes(canvas: Any) -> None:
        doc = canvas._doc
        encoded.append({c for font in doc.delayedFonts for c in font.state[doc].assignments})
        save(canvas)

    monkeypatch.setattr(document._PlanCanvas, "save", noting_codes)
    alone = []
    for made, options in jobs:
        clear_caches()
        alone.append(pdf_bytes(made, **options))
    # The plans' own words print no character outside ASCII that is not seeded.
    for codes, name in zip(encoded, names, strict=True):
        extra = {chr(c) for c in codes if not 0 <= c < 128} - set(replay.PRINTED) - set(name)
        assert not extra, f"characters the plan prints that are not in replay.PRINTED: {sorted(extra)}"
    replayed = count_replays(monkeypatch)
    clear_caches()
    for index in (0, 1, 2, 1, 0):
        made, options = jobs[index]
        assert pdf_bytes(made, **options) == alone[index], f"plan {index} after others"
    assert replayed[0] > 0
    monkeypatch.setattr(replay, "REPLAY", False)
    monkeypatch.setattr(flowables, "SHARE_LINES", False)
    clear_caches()
    made, options = jobs[1]
    assert pdf_bytes(made, **options) == alone[1], "broken into lines and drawn afresh"


SMALL = ParagraphStyle("replay_test", fontName=fonts.REGULAR, fontSize=10, leading=12)


def small_document(*texts: str) -> bytes:
    """A one-page document of these paragraphs, in the regular face (one style: recordings go by style)."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=(300, 300), invariant=1).build([Para(t, SMALL) for t in texts])
    return buffer.getvalue()


def test_a_paragraph_is_drawn_afresh_where_its_letters_are_encoded_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paragraph whose letters the second document encodes in another order is not replayed there."""
    register_fonts()
    replay.forget_drawing()
    small_document("Café au lait.", "Zoë ran.")  # é gets the first code, ë the second
    replayed = count_replays(monkeypatch)
    second = small_document("Zoë ran.", "Café au lait.")  # and here the other way round
    assert replayed[0] == 0
    monkeypatch.setattr(replay, "REPLAY", False)
    assert small_document("Zoë ran.", "Café au lait.") == second


def test_a_paragraph_with_a_link_is_drawn_in_each_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A link registers an annotation with its document: never replayed, and the bytes are ReportLab's."""
    register_fonts()
    replay.forget_drawing()
    text = 'See <a href="https://example.org/hip">the guide</a> first.'
    small_document(text, "Plain words.")
    replayed = count_replays(monkeypatch)
    again = small_document(text, "Plain words.")
    assert replayed[0] == 1  # the plain paragraph only
    monkeypatch.setattr(replay, "REPLAY", False)
    assert small_document(text, "Plain words.") == again


def test_parts_of_a_split_paragraph_are_replayed_in_a_later_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split across pages alike in two documents, a paragraph's parts are replayed as ReportLab draws them."""
    register_fonts()
    replay.forget_drawing()
    words = " ".join(f"Step {n}: keep the pelvis level and breathe out as you rise." for n in range(1, 9))

    def split_document() -> bytes:
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=(200, 130), invariant=1, leftMargin=10, rightMargin=10)
        document.topMargin = document.bottomMargin = 10
        # A title first: the first drawing in colour raises the PDF's version, which is never replayed.
        document.build([Para("Steps", SMALL), Para(words, SMALL)])
        return buffer.getvalue()

    split_document()
    parts: list[str] = []
    draw = replay.draw

    def noting(style: Any, key: Any, canvas: Any, *rest: Any) -> None:
        found = replay._DRAWN.get(style, {}).get(key)
        if found is not None and found.fits(canvas):
            parts.append(key[0][0][-1])  # a part's text key ends with its name
        draw(style, key, canvas, *rest)

    monkeypatch.setattr(replay, "draw", noting)
    again = split_document()
    assert {"head", "tail"} <= set(parts)
    monkeypatch.setattr(replay, "REPLAY", False)
    monkeypatch.setattr(flowables, "SHARE_LINES", False)
    assert split_document() == again
