"""The file itself: bookmarks, metadata, embedded fonts, qpdf, identical bytes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest
from pypdf.generic import DictionaryObject

from hiprehab.engine import build_plan
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.templates import load_templates
from hiprehab.model.profile import Profile
from hiprehab.render import pdf_bytes, render_pdf
from testing.render_fixtures import make_plan, outline, reader

if TYPE_CHECKING:
    from pypdf import PageObject

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """A two-week plan on A4."""
    return pdf_bytes(make_plan(weeks=2))


def test_bookmarks_name_every_part(pdf: bytes) -> None:
    """The outline lists cover, how-to, warning signs, overview, each week and the library."""
    assert [(depth, title) for depth, title, _ in outline(pdf)] == [
        (0, "Cover"),
        (0, "How to use this plan"),
        (0, "Stop and see a doctor if..."),
        (0, "Overview calendar"),
        (0, "Week by week"),
        (1, "Week 1: Settle"),
        (1, "Week 2: Load"),
        (0, "Exercise library"),
    ]


def test_bookmarks_point_at_their_pages_in_order(pdf: bytes) -> None:
    """Each bookmark's page is its heading's page, so the pages only grow down the outline."""
    pages = [page for _, _, page in outline(pdf)]
    assert pages[0] == 0
    assert pages == sorted(pages)


def test_each_week_bookmark_points_at_its_own_page(pdf: bytes) -> None:
    """``Week N: ...`` bookmarks point at consecutive pages, one per week, before the library."""
    marks = [(title, page) for depth, title, page in outline(pdf) if depth == 1]
    library = next(page for _, title, page in outline(pdf) if title == "Exercise library")
    assert [title for title, _ in marks] == ["Week 1: Settle", "Week 2: Load"]
    assert [page for _, page in marks] == [library - 2, library - 1]


def test_metadata(pdf: bytes) -> None:
    """Title, author, subject, keywords and the catalog's /Lang are set; no dates leak in."""
    doc = reader(pdf)
    info = doc.metadata
    assert info is not None
    assert info.title == "Your hip exercise plan: Sample Runner, Manage hip pain after running"
    assert info.author == "hiprehab"
    assert info.subject == " ".join(make_plan().template.summary.split())
    assert str(info["/Keywords"]) == "hip, running, exercise plan, manage, proceed"
    assert str(doc.root_object["/Lang"]) == "en"
    assert str(info["/CreationDate"]) == "D:20000101000000+00'00'"  # ReportLab's invariant date


def test_two_renders_give_identical_bytes(tmp_path: Path) -> None:
    """The same plan written twice gives byte-identical files."""
    plan = make_plan(weeks=3, name="Zoë Ødegård")
    render_pdf(plan, tmp_path / "one.pdf")
    render_pdf(plan, tmp_path / "two.pdf", paper="a4")
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI (apt-get install qpdf poppler-utils)")
        pytest.skip(f"{name} is not installed (apt-get install qpdf poppler-utils); CI runs this test")
    return found


def test_qpdf_finds_no_errors(tmp_path: Path) -> None:
    """The file passes ``qpdf --check``."""
    qpdf = _tool("qpdf")
    path = tmp_path / "plan.pdf"
    render_pdf(make_plan(weeks=2), path)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_every_font_is_embedded_and_none_is_base14(tmp_path: Path) -> None:
    """``pdffonts`` lists only embedded DejaVu faces (condensed on the cards), bold and italic among them.

    Without form fields: a field types its value in a standard font (see test_form_fields).
    """
    pdffonts = _tool("pdffonts")
    path = tmp_path / "plan.pdf"
    render_pdf(make_plan(weeks=2), path, form=False)
    result = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    not_embedded = [row[0] for row in rows if row[-5] != "yes"]
    assert not_embedded == []
    names = {row[0].split("+")[-1] for row in rows}
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= names
    faces = ("", "-Bold", "-Oblique", "-BoldOblique")
    assert names <= {f"DejaVuSans{width}{face}" for width in ("", "Condensed") for face in faces}


def test_figures_bring_in_no_base14_font(tmp_path: Path) -> None:
    """Regression: figures set reportlab's default Helvetica; a plan with figures embeds every font."""
    pdffonts = _tool("pdffonts")
    catalogue = load_catalogue([ROOT / "exercises"])
    templates, rules = load_templates([ROOT / "templates"])
    profile = Profile(goal="prevent", weeks=2, red_flags=(), weekly_volume=20.0, longest_run=8.0)
    plan = build_plan(catalogue, templates["prevent"], rules, profile, dt.date(2027, 1, 4))
    path = tmp_path / "plan.pdf"
    render_pdf(plan, path, form=False)
    result = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert [row[0] for row in rows if row[-5] != "yes"] == []
    assert all("DejaVuSans" in row[0] for row in rows)


def _xobjects(page: PageObject) -> DictionaryObject:
    """The page's named XObjects (forms and images)."""
    resources = cast("DictionaryObject", page["/Resources"])
    return cast("DictionaryObject", resources.get("/XObject", DictionaryObject()))


def _forms(data: bytes, part: str) -> set[tuple[str, int]]:
    """(name, object number) of every form XObject whose name holds ``part``, over all pages."""
    found = set()
    for page in reader(data).pages:
        xobjects = _xobjects(page)
        for name in xobjects:
            if part in name:
                found.add((str(name), xobjects.raw_get(name).idnum))
    return found


def test_every_tick_box_is_one_form(pdf: bytes) -> None:
    """All the tick boxes of a plan's week sheets show a single form, drawn once."""
    assert len(_forms(pdf, "hiprehabTick")) == 1


def test_the_footer_disclaimer_is_one_form_on_every_page(pdf: bytes) -> None:
    """Every page shows the same disclaimer form object."""
    assert all("/FormXob.hiprehabDisclaimer" in _xobjects(p) for p in reader(pdf).pages)
    assert len(_forms(pdf, "hiprehabDisclaimer")) == 1
