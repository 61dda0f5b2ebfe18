"""The week sheet's log boxes as PDF form fields: stable names, the same print, and none with form=False."""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import TYPE_CHECKING, Any, cast

import pypdf
import pytest
from reportlab.lib.colors import black, transparent
from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfgen.canvas import Canvas

from hiprehab.render import fields, pdf_bytes
from hiprehab.render.fields import add_checkbox
from testing.render_fixtures import make_plan, reader

if TYPE_CHECKING:
    from pathlib import Path

    from pypdf.generic import DictionaryObject


def names(data: bytes) -> list[str]:
    """The form field names of a PDF, sorted."""
    return sorted(reader(data).get_fields() or {})


def test_every_day_log_has_its_three_fields() -> None:
    """Each day of each week has Done, pain during and pain next morning, named by week and day."""
    found = set(names(pdf_bytes(make_plan(weeks=2), figures=False)))
    for week in (1, 2):
        for day in range(1, 8):
            for field in ("done", "pain_during", "pain_next_morning"):
                assert f"w{week}.d{day}.day.{field}" in found


def test_field_names_are_stable() -> None:
    """The same plan gives the same field names, in every copy."""
    plan = make_plan(weeks=2)
    assert names(pdf_bytes(plan, figures=False)) == names(pdf_bytes(make_plan(weeks=2), figures=False))


def test_no_form_leaves_the_fields_out() -> None:
    """form=False gives a PDF without an interactive form."""
    data = pdf_bytes(make_plan(weeks=2), figures=False, form=False)
    assert names(data) == []
    assert "/AcroForm" not in cast("DictionaryObject", reader(data).trailer["/Root"])


def widgets(data: bytes) -> dict[str, DictionaryObject]:
    """Each form field's widget annotation, by field name."""
    found: dict[str, DictionaryObject] = {}
    for page in reader(data).pages:
        for ref in page.get("/Annots") or []:
            annot = cast("DictionaryObject", ref.get_object())
            if annot.get("/Subtype") == "/Widget":
                found[str(annot["/T"])] = annot
    return found


def test_score_fields_take_two_digits_and_boxes_are_check_boxes() -> None:
    """Pain fields are text limited to two characters; Done boxes are check boxes."""
    found = widgets(pdf_bytes(make_plan(weeks=2), figures=False))
    score, done = found["w1.d1.day.pain_during"], found["w1.d1.day.done"]
    assert (score.get("/FT"), score.get("/MaxLen")) == ("/Tx", 2)
    assert done.get("/FT") == "/Btn"


def test_every_score_field_takes_only_a_score_from_0_to_10() -> None:
    """Each pain field carries a digits-only keystroke script and a 0-10 range check a viewer runs."""
    found = widgets(pdf_bytes(make_plan(weeks=2), figures=False))
    scores = {name: w for name, w in found.items() if name.endswith(("pain_during", "pain_next_morning"))}
    assert len(scores) >= 2 * 7 * 2
    for name, score in scores.items():
        actions = cast("DictionaryObject", score["/AA"])
        keystroke, validate = (cast("DictionaryObject", actions[k]) for k in ("/K", "/V"))
        assert (str(keystroke["/S"]), str(validate["/S"])) == ("/JavaScript", "/JavaScript"), name
        assert str(keystroke["/JS"]) == "if (!event.willCommit) event.rc = /^[0-9]*$/.test(event.change);"
        assert str(validate["/JS"]) == "AFRange_Validate(true, 0, true, 10);"
        assert score.get("/MaxLen") == 2
    assert not any("/AA" in w for name, w in found.items() if name.endswith(".done"))


def test_every_score_field_has_a_look_of_its_own() -> None:
    """No two score fields share a look object (filling one in may rewrite it); empty, they all look alike."""
    found = widgets(pdf_bytes(make_plan(weeks=2), figures=False))
    looks = [
        cast("DictionaryObject", w["/AP"]).raw_get("/N")
        for name, w in found.items()
        if name.endswith(("pain_during", "pain_next_morning"))
    ]
    assert len(looks) >= 2 * 7 * 2
    assert len({look.idnum for look in looks}) == len(looks)
    assert len({look.get_object().get_data() for look in looks}) == 1


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_the_form_prints_like_the_blank_sheet(tmp_path: Path) -> None:
    """Every page of the plan with empty fields renders to the same pixels as without fields."""
    plan = make_plan(weeks=2)
    for name, form in (("form", True), ("plain", False)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf_bytes(plan, figures=False, form=form))
        subprocess.run(
            ["pdftoppm", "-r", "72", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True
        )
    pages = sorted(p.name for p in tmp_path.glob("form-*.pgm"))
    assert pages
    for page in pages:
        assert (tmp_path / page).read_bytes() == (tmp_path / page.replace("form", "plain")).read_bytes(), page


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_a_filled_field_shows_on_its_week_page(tmp_path: Path) -> None:
    """A score typed into week 1's first field changes that page's print, and only that page."""
    data = pdf_bytes(make_plan(weeks=2), figures=False)
    writer = pypdf.PdfWriter(clone_from=reader(data))
    for page in writer.pages:
        writer.update_page_form_field_values(page, {"w1.d1.day.pain_during": "7"}, auto_regenerate=False)
    (tmp_path / "blank.pdf").write_bytes(data)
    writer.write(tmp_path / "filled.pdf")
    for name in ("blank", "filled"):
        subprocess.run(
            ["pdftoppm", "-r", "72", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True
        )
    pages = sorted(p.name for p in tmp_path.glob("blank-*.pgm"))
    changed = [
        p
        for p in pages
        if (tmp_path / p).read_bytes() != (tmp_path / p.replace("blank", "filled")).read_bytes()
    ]
    assert len(changed) == 1


def test_check_boxes_copied_from_the_first_of_their_size_have_reportlabs_bytes() -> None:
    """Boxes of two sizes on two pages, copied from the first of their size: ReportLab's own file, exactly."""

    def page_of_boxes(remembered: bool) -> bytes:
        canvas = Canvas(io.BytesIO(), invariant=1)
        form: Any = canvas.acroForm  # ReportLab takes floats; its stubs ask for ints
        for page in range(2):
            for number, size in enumerate((9.0, 12.5, 9.0, 12.5)):
                name, x, y = f"p{page}.b{number}", 20.0 * number, 30.0
                if remembered:
                    add_checkbox(canvas, name, x, y, size, "tick")
                else:
                    form.checkbox(
                        name=name, tooltip="tick", x=x, y=y, size=size, buttonStyle="check", borderWidth=0,
                        borderColor=transparent, fillColor=transparent, textColor=black, fieldFlags="",
                        relative=True,
                    )  # fmt: skip
            canvas.showPage()
        return cast("bytes", canvas.getpdfdata())  # type: ignore[no-untyped-call]  # untyped in the stubs

    assert page_of_boxes(remembered=True) == page_of_boxes(remembered=False)


def test_fields_with_entries_formatted_once_have_reportlabs_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan whose alike fields share their formatted entries: the file ReportLab formats entry by entry."""
    plan = make_plan(weeks=2)
    shared = pdf_bytes(plan, figures=False)
    monkeypatch.setattr(fields._SharedEntries, "format", PDFDictionary.format)
    assert pdf_bytes(plan, figures=False) == shared
