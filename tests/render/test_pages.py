"""The page: paper sizes, running header, footer, page numbers, reading order."""

from __future__ import annotations

import pytest

from hiprehab.errors import UsageError
from hiprehab.render import pdf_bytes
from testing.render_fixtures import PAGE_NUMBER, make_plan, page_texts, reader, rules


@pytest.fixture(scope="module")
def a4() -> bytes:
    """A two-week plan on A4."""
    return pdf_bytes(make_plan(weeks=2), paper="a4")


def test_a4_pages_are_a4(a4: bytes) -> None:
    """Every page of an A4 plan is 595.28 x 841.89 pt."""
    sizes = {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader(a4).pages
    }
    assert sizes == {(595.28, 841.89)}


def test_letter_pages_are_letter() -> None:
    """Every page of a Letter plan is 612 x 792 pt."""
    data = pdf_bytes(make_plan(weeks=2), paper="letter")
    sizes = {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(data).pages}
    assert sizes == {(612.0, 792.0)}


def test_unknown_paper_is_a_usage_error() -> None:
    """A paper size other than a4 or letter is refused with the allowed values."""
    with pytest.raises(UsageError, match=r"^paper: expected one of a4, letter; found 'a5'$"):
        pdf_bytes(make_plan(weeks=2), paper="a5")


def test_every_page_says_page_x_of_y(a4: bytes) -> None:
    """Each page carries its own number and the true page count."""
    texts = page_texts(a4)
    numbers = [PAGE_NUMBER.search(text) for text in texts]
    assert [(int(m.group(1)), int(m.group(2))) for m in numbers if m] == [
        (n, len(texts)) for n in range(1, len(texts) + 1)
    ]


def test_disclaimer_on_every_page(a4: bytes) -> None:
    """The screening rules' disclaimer is in the footer of every page."""
    disclaimer = " ".join(rules().disclaimer.split())
    assert all(disclaimer in text for text in page_texts(a4))


def test_running_header_names_runner_goal_and_week(a4: bytes) -> None:
    """Every page opens with the runner and goal; week pages also say which week."""
    texts = page_texts(a4)
    assert all(text.startswith("Sample Runner · Manage hip pain after running") for text in texts)
    week_two = [t for t in texts if "Week 2 of 2" in t[:120]]
    assert week_two
    assert all("Tuesday 12 January 2027" not in t for t in texts if "Week 1 of 2" in t[:120])


def test_text_extracts_in_reading_order(a4: bytes) -> None:
    """On the cover the header comes first, then the title, then the facts, then the footer."""
    cover = page_texts(a4)[0]
    positions = [
        cover.index("Sample Runner · Manage"),
        cover.index("Your hip exercise plan"),
        cover.index("Starts Monday 4 January 2027"),
        cover.index(" ".join(rules().disclaimer.split()), cover.index("Please read:") + 20),
        cover.index("page 1 of"),
    ]
    assert positions == sorted(positions)
