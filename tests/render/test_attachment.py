"""The plan's JSON travels inside its PDF, so the PDF alone is enough to review it."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from hiprehab.export.plan import plan_to_json
from hiprehab.model.plan import ATTACHMENT
from hiprehab.render import pdf_bytes
from testing.render_fixtures import make_plan, reader

if TYPE_CHECKING:
    from pathlib import Path


def test_the_pdf_carries_the_plan_json() -> None:
    """The embedded file is the plan's compact JSON, byte for byte, and the only attachment."""
    plan = make_plan()
    attachments = reader(pdf_bytes(plan)).attachments
    assert list(attachments) == [ATTACHMENT]
    (data,) = attachments[ATTACHMENT]
    assert data == plan_to_json(plan, compact=True).encode()
    assert json.loads(data) == json.loads(plan_to_json(plan))
    assert json.loads(data)["format"] == "hiprehab-plan/1"


def test_a_refused_plan_carries_its_json_too() -> None:
    """A referral sheet carries the refused plan, so a later review can say why there is no plan."""
    plan = make_plan(outcome="stop")
    (data,) = reader(pdf_bytes(plan)).attachments[ATTACHMENT]
    assert json.loads(data)["screening"]["outcome"] == "stop"


@pytest.mark.skipif(shutil.which("pdfdetach") is None, reason="poppler-utils is not installed")
def test_a_pdf_reader_lists_the_attachment(tmp_path: Path) -> None:
    """Poppler, an independent reader, finds the attachment with its name and contents."""
    plan = make_plan()
    target = tmp_path / "plan.pdf"
    target.write_bytes(pdf_bytes(plan))
    listed = subprocess.run(["pdfdetach", "-list", str(target)], capture_output=True, text=True, check=True)
    assert listed.stdout.splitlines() == ["1 embedded files", f"1: {ATTACHMENT}"]
    saved = tmp_path / "out.json"
    subprocess.run(["pdfdetach", "-save", "1", "-o", str(saved), str(target)], check=True)
    assert saved.read_text(encoding="utf-8") == plan_to_json(plan, compact=True)
    if shutil.which("qpdf") is not None:
        checked = subprocess.run(
            ["qpdf", "--check", str(target)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "WARNING" not in checked.stdout + checked.stderr
