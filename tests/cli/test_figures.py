"""The figure commands: `exercises show --png` and `catalogue sheet`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from hiprehab.cli import app

if TYPE_CHECKING:
    from pathlib import Path


def test_show_png_draws_the_figure(tmp_path: Path) -> None:
    """`exercises show ID --png FILE --size N` writes an N x N PNG and still prints the exercise."""
    target = tmp_path / "clam.png"
    result = CliRunner().invoke(
        app, ["exercises", "show", "clamshell", "--png", str(target), "--size", "200"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(f"wrote {target}\nClamshell (clamshell)\n")
    with Image.open(target) as image:
        assert image.size == (200, 200)
        grey = image.convert("L")
        assert grey.histogram()[:64] != [0] * 64  # some of the figure's black lines are drawn


def test_show_png_rejects_a_bad_size(tmp_path: Path) -> None:
    """A PNG size outside 16..4096 exits 2 and writes nothing."""
    target = tmp_path / "clam.png"
    result = CliRunner().invoke(app, ["exercises", "show", "clamshell", "--png", str(target), "--size", "8"])
    assert result.exit_code == 2
    assert result.stderr == "hiprehab: --size: expected a number of pixels from 16 to 4096, found 8\n"
    assert not target.exists()


def test_catalogue_sheet_lists_every_exercise(tmp_path: Path) -> None:
    """`catalogue sheet --out FILE` writes a PDF naming every exercise id."""
    target = tmp_path / "sheet.pdf"
    result = CliRunner().invoke(app, ["catalogue", "sheet", "--out", str(target)])
    assert result.exit_code == 0
    listed = CliRunner().invoke(app, ["exercises", "list"]).stdout.splitlines()[1:-1]
    ids = [line.split()[0] for line in listed]
    assert result.stdout == f"wrote {target}: {len(ids)} exercises\n"
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for exercise_id in ids:
        assert exercise_id in text


def test_catalogue_sheet_bad_paper_exits_2(tmp_path: Path) -> None:
    """An unknown paper size is a usage error."""
    result = CliRunner().invoke(
        app, ["catalogue", "sheet", "--out", str(tmp_path / "s.pdf"), "--paper", "a5"]
    )
    assert result.exit_code == 2
    assert result.stderr == "hiprehab: --paper: expected one of a4, letter; found 'a5'\n"
