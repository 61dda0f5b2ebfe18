"""Reading a plan's PDF for printing: is it a plan, its paper, each week's pages, the lp command."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import pytest
from reportlab.lib.pagesizes import A4, A5, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from hiprehab.errors import InvalidValueError, NotAPlanError
from hiprehab.printing import lp_command, read_plan, select_pages
from hiprehab.render import pdf_bytes
from hiprehab.version import __version__
from testing.render_fixtures import make_plan, page_texts

if TYPE_CHECKING:
    from pathlib import Path

PLAN = f"hiprehab {__version__}"
TITLE = "Your hip exercise plan: Manage hip pain after running"
TOP, LOW = 780.0, 300.0  # a heading at the top of a page, and one lower down

# One page per list item; each page holds (bookmark title, level, height) triples.
Pages = list[list[tuple[str, int, float]]]


def write_pdf(
    path: Path,
    pages: Pages,
    *,
    creator: str = PLAN,
    title: str = TITLE,
    keywords: str = "hip, running, exercise plan, manage, proceed",
    size: tuple[float, float] = A4,
    encrypt: str | None = None,
) -> Path:
    """A PDF with ``pages`` and their bookmarks, and the given metadata."""
    canvas = Canvas(str(path), pagesize=size, invariant=1, encrypt=encrypt)
    canvas.setCreator(creator)
    canvas.setTitle(title)
    canvas.setKeywords(keywords)
    for number, marks in enumerate(pages, start=1):
        canvas.drawString(72, 400, f"page {number}")
        for index, (name, level, height) in enumerate(marks):
            key = f"p{number}-{index}"
            canvas.bookmarkHorizontalAbsolute(key, height)
            canvas.addOutlineEntry(name, key, level=level)
        canvas.showPage()
    canvas.save()
    return path


def weeks_of(plan_path: Path) -> list[tuple[int, int, int]]:
    """Each week as (number, first page, last page)."""
    return [(w.number, w.first, w.last) for w in read_plan(plan_path).weeks]


def test_weeks_run_to_the_next_week_or_top_level_bookmark(tmp_path: Path) -> None:
    """A week's pages run from its bookmark to the page before the next week or section."""
    pages: Pages = [
        [("Cover", 0, TOP)],
        [("Overview calendar", 0, TOP)],
        [("Week by week", 0, TOP), ("Week 1: Settle", 1, TOP)],
        [],
        [("Week 2: Load", 1, TOP)],
        [("A day", 2, LOW)],
        [],
        [("Exercise library", 0, TOP)],
        [],
    ]
    path = write_pdf(tmp_path / "plan.pdf", pages)
    assert weeks_of(path) == [(1, 3, 4), (2, 5, 7)]


def test_a_bookmark_lower_down_a_page_shares_that_page(tmp_path: Path) -> None:
    """When the next week starts mid-page, that page ends the week before it too."""
    pages: Pages = [[("Week 1: Settle", 0, TOP)], [("Week 2: Settle", 0, LOW)], [("Week 3: Load", 0, TOP)]]
    path = write_pdf(tmp_path / "plan.pdf", pages)
    assert weeks_of(path) == [(1, 1, 2), (2, 2, 2), (3, 3, 3)]


def test_only_week_n_titles_are_weeks(tmp_path: Path) -> None:
    """Only "Week N" titles are weeks ("Week 10" is not week 1); the last week runs to the end."""
    pages: Pages = [
        [("Week by week", 0, TOP), ("Weekly notes", 1, TOP)],
        [("Week 1: Settle", 1, TOP)],
        [("Week 10: Return to running", 1, TOP)],
        [],
    ]
    path = write_pdf(tmp_path / "plan.pdf", pages)
    assert weeks_of(path) == [(1, 2, 2), (10, 3, 4)]


def test_the_paper_is_read_from_the_first_page(tmp_path: Path) -> None:
    """A4 and Letter either way up are named; any other size is not."""
    sizes = {"A4": A4, "Letter": letter, "A4 landscape": landscape(A4), "A5": A5}
    found = {
        name: read_plan(write_pdf(tmp_path / "p.pdf", [[]], size=size)).paper for name, size in sizes.items()
    }
    assert found == {"A4": "A4", "Letter": "Letter", "A4 landscape": "A4", "A5": None}


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"creator": "Writer"}, "not a plan written by hiprehab (its creator is 'Writer')"),
        ({"creator": ""}, "not a plan written by hiprehab (it names no creator)"),
        ({"creator": "hiprehab-ish 1.0"}, "not a plan written by hiprehab"),
        (
            {"title": "hiprehab catalogue contact sheet", "keywords": ""},
            "hiprehab wrote it, but not as a plan (it is 'hiprehab catalogue contact sheet')",
        ),
        ({"encrypt": "secret"}, "is encrypted, so it is not a plan hiprehab wrote"),
    ],
)
def test_a_pdf_that_is_not_a_plan_is_refused(tmp_path: Path, metadata: dict[str, Any], message: str) -> None:
    """Only a PDF whose creator is hiprehab and whose title or keywords say plan is accepted."""
    path = write_pdf(tmp_path / "other.pdf", [[("Week 1: Settle", 0, TOP)]], **metadata)
    with pytest.raises(NotAPlanError) as caught:
        read_plan(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert str(caught.value).endswith("make one with `hiprehab plan --out other.pdf`; nothing was sent")


def test_a_see_a_doctor_sheet_is_a_plan_without_weeks(tmp_path: Path) -> None:
    """A stopped plan's sheet prints, but has no weeks to choose from."""
    path = write_pdf(
        tmp_path / "stop.pdf",
        [[]],
        title="Please see a doctor before you exercise",
        keywords="exercise plan, stop",
    )
    plan = read_plan(path)
    assert plan.weeks == ()
    assert select_pages(plan) == (1,)
    with pytest.raises(InvalidValueError, match=r"has no weeks to choose from"):
        select_pages(plan, weeks="1")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a pdf", "not a PDF that can be read"),
        (b"%PDF-1.4\n%%EOF\n", "not a PDF that can be read"),
        ("folder", "is a folder, not a plan's PDF"),
        (None, "no such file"),
    ],
)
def test_unreadable_files_are_refused_with_their_path(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    """A missing file, a folder or bytes that are no PDF give a message naming the file, no traceback."""
    path = tmp_path / "plan.pdf"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "folder":
        path.mkdir()
    with pytest.raises(NotAPlanError) as caught:
        read_plan(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert str(caught.value).endswith("nothing was sent")


@functools.cache
def rendered_plan() -> bytes:
    """A 3-week plan drawn by the renderer (hand-made plan, no figures)."""
    return pdf_bytes(make_plan(weeks=3), figures=False)


def test_the_renderers_plan_is_read_week_by_week(tmp_path: Path) -> None:
    """The renderer's PDF is a plan; each week's pages start with its heading and follow each other."""
    path = tmp_path / "plan.pdf"
    path.write_bytes(rendered_plan())
    plan = read_plan(path)
    texts = page_texts(rendered_plan())
    assert plan.paper == "A4"
    assert plan.page_count == len(texts)
    assert [week.number for week in plan.weeks] == [1, 2, 3]
    for week in plan.weeks:
        assert re.search(rf"\bWeek {week.number}\b", texts[week.first - 1])
    for before, after in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert after.first == before.last + 1
    assert plan.weeks[-1].last < plan.page_count  # the exercise library follows
    chosen = select_pages(plan, weeks="2-3")
    assert chosen == tuple(range(plan.weeks[1].first, plan.weeks[2].last + 1))


def test_lp_gets_the_queue_paper_sides_copies_and_pages(tmp_path: Path) -> None:
    """The lp command carries every choice; the file is given by its absolute path, last."""
    pages: Pages = [[("Week 1: Settle", 0, TOP)], [], [("Week 2: Load", 0, TOP)], []]
    plan = read_plan(write_pdf(tmp_path / "plan.pdf", pages, size=letter))
    command = lp_command(plan, "office", pages=select_pages(plan, weeks="2"), copies=2, duplex=True)
    assert command == (
        "lp", "-d", "office", "-n", "2", "-t", "plan.pdf", "-o", "media=Letter",
        "-o", "sides=two-sided-long-edge", "-P", "3-4", str((tmp_path / "plan.pdf").resolve()),
    )  # fmt: skip
    every = lp_command(plan, "office", pages=select_pages(plan), copies=1, duplex=False)
    assert every == (
        "lp", "-d", "office", "-n", "1", "-t", "plan.pdf", "-o", "media=Letter",
        "-o", "sides=one-sided", str((tmp_path / "plan.pdf").resolve()),
    )  # fmt: skip
    printers_own = lp_command(plan, "office", pages=(1, 2), copies=1, duplex=None)
    assert not any(arg.startswith("sides=") for arg in printers_own)


def test_weeks_and_pages_together_are_refused(tmp_path: Path) -> None:
    """Choosing pages by week and by number at once is refused, not guessed at."""
    plan = read_plan(write_pdf(tmp_path / "plan.pdf", [[("Week 1: Settle", 0, TOP)]]))
    with pytest.raises(InvalidValueError, match=r"pages: give pages or weeks, not both"):
        select_pages(plan, weeks="1", pages="1")


def test_a_missing_week_number_is_named(tmp_path: Path) -> None:
    """A week number inside the plan's span that has no bookmark is named in the message."""
    pages: Pages = [[("Week 1: Settle", 0, TOP)], [("Week 3: Load", 0, TOP)]]
    plan = read_plan(write_pdf(tmp_path / "plan.pdf", pages))
    with pytest.raises(InvalidValueError, match=r"has no week 2; found '1-2'"):
        select_pages(plan, weeks="1-2")
