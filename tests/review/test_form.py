"""A log filled in a PDF viewer: the form fields read back as entries, a day's log for its sessions."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import pypdf
import pytest
from reportlab.lib.colors import black, transparent
from reportlab.pdfgen.canvas import Canvas

from hiprehab.errors import InvalidInputError
from hiprehab.export.plan import plan_to_json
from hiprehab.model.plan import ATTACHMENT
from hiprehab.render.attach import Attachment, embed_files
from hiprehab.review.form import form_entries
from testing.review_inputs import first_plan, record

if TYPE_CHECKING:
    from pathlib import Path


def form_pdf(names: list[str]) -> bytes:
    """A PDF carrying the plan's JSON and a form with a check box or text field per name."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for index, name in enumerate(names):
        y = 800 - 20 * (index % 38)
        if name.endswith(".done"):
            canvas.acroForm.checkbox(
                name=name, x=40, y=y, size=12, borderWidth=0, fillColor=transparent,
                borderColor=transparent, textColor=black, fieldFlags="",
            )  # fmt: skip
        else:
            canvas.acroForm.textfield(
                name=name, x=80, y=y, width=30, height=12, maxlen=2, borderWidth=0,
                fillColor=transparent, borderColor=transparent, textColor=black,
            )  # fmt: skip
        if index % 38 == 37:
            canvas.showPage()
    if len(names) % 38 or not names:
        canvas.showPage()
    embed_files(
        canvas, (Attachment(ATTACHMENT, plan_to_json(first_plan()).encode(), "application/json", "plan"),)
    )
    canvas.save()
    return out.getvalue()


def filled(data: bytes, values: dict[str, str]) -> bytes:
    """``data`` with its form fields set to ``values``, as a PDF viewer would save them."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_day_log_holds_for_every_session_of_its_day(tmp_path: Path) -> None:
    """Done and the two scores of a day's log give every session of that day the same entry."""
    rec = record()
    names = [f"w1.d1.day.{f}" for f in ("done", "pain_during", "pain_next_morning")] + ["w1.d2.day.done"]
    data = filled(
        form_pdf(names),
        {"w1.d1.day.done": "/Yes", "w1.d1.day.pain_during": "3", "w1.d1.day.pain_next_morning": "2"},
    )
    entries = form_entries(tmp_path / "plan.pdf", data, rec)
    assert entries is not None
    monday = [e for e in entries if e.session.date == rec.start]
    assert monday
    assert {(e.done, e.pain_during, e.pain_next_morning) for e in monday} == {(True, 3, 2)}
    assert all(not e.filled for e in entries if e.session.date != rec.start)


def test_a_session_tick_marks_that_session_only(tmp_path: Path) -> None:
    """A session's own tick box marks it done, not the day's other sessions."""
    rec = record()
    data = filled(form_pdf(["w1.d1.mobility.1.done"]), {"w1.d1.mobility.1.done": "/Yes"})
    entries = form_entries(tmp_path / "plan.pdf", data, rec)
    assert entries is not None
    done = [e.session.label for e in entries if e.done]
    assert done == ["mobility"]


def test_a_score_outside_the_scale_is_named_by_its_week_day_and_field(tmp_path: Path) -> None:
    """Pain fields holding 11 and -1 are each reported by file, week, day, date and field."""
    names = ["w2.d3.day.pain_during", "w1.d7.day.pain_next_morning"]
    data = filled(form_pdf(names), dict(zip(names, ["11", "-1"], strict=True)))
    rec = record()
    with pytest.raises(InvalidInputError) as caught:
        form_entries(tmp_path / "plan.pdf", data, rec)
    sunday, wednesday = rec.start + dt.timedelta(days=6), rec.start + dt.timedelta(days=9)
    assert str(caught.value).splitlines() == [
        (
            f"{tmp_path / 'plan.pdf'}: week 1, day 7 ({sunday}), pain next morning "
            "(field w1.d7.day.pain_next_morning): expected a whole number from 0 to 10, found '-1'"
        ),
        (
            f"{tmp_path / 'plan.pdf'}: week 2, day 3 ({wednesday}), pain during "
            "(field w2.d3.day.pain_during): expected a whole number from 0 to 10, found '11'"
        ),
    ]


def test_a_pdf_without_a_form_has_no_entries(tmp_path: Path) -> None:
    """A plan printed without form fields gives None, so the review asks for a CSV log."""
    assert form_entries(tmp_path / "plan.pdf", form_pdf([]), record()) is None
