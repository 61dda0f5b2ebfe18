"""Writing the file: atomically, and with clear errors for bad targets."""

from __future__ import annotations

from pathlib import Path

import pytest

import hiprehab.render
from hiprehab.errors import OutputError
from hiprehab.render import render_pdf
from testing.render_fixtures import make_plan

OLD = b"%PDF-1.4 an older plan\n"


def test_writes_a_pdf(tmp_path: Path) -> None:
    """The target holds a whole PDF and nothing else is left in the folder."""
    target = tmp_path / "plan.pdf"
    render_pdf(make_plan(weeks=2), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-1.4")
    assert data.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_failed_layout_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A render that fails while laying out leaves the old file as it was, and no temp file."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(OLD)

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(hiprehab.render, "plan_story", broken)
    with pytest.raises(RuntimeError, match="layout failed"):
        render_pdf(make_plan(weeks=2), target)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails half-way (disk full) raises OutputError; the old file stays whole."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(OLD)
    real_write = Path.write_bytes

    def half_then_full(self: Path, data: bytes) -> int:
        real_write(self, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_then_full)
    with pytest.raises(OutputError, match=r"plan\.pdf: cannot write: No space left on device$"):
        render_pdf(make_plan(weeks=2), target)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_folder_as_target_is_an_output_error(tmp_path: Path) -> None:
    """Giving a folder as the output names the path and says a file is expected."""
    with pytest.raises(OutputError) as caught:
        render_pdf(make_plan(weeks=2), tmp_path)
    assert str(caught.value) == f"{tmp_path}: expected a file name, found a folder"


def test_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    """A target in a folder that does not exist names the folder; nothing is created."""
    target = tmp_path / "nowhere" / "plan.pdf"
    with pytest.raises(OutputError) as caught:
        render_pdf(make_plan(weeks=2), target)
    assert str(caught.value) == f"{target}: the folder {tmp_path / 'nowhere'} does not exist"
    assert not (tmp_path / "nowhere").exists()


def test_an_unwritable_folder_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the user may not write into is reported before any work is done."""
    monkeypatch.setattr("hiprehab.load.outfile.os.access", lambda _path, _mode: False)
    target = tmp_path / "plan.pdf"
    with pytest.raises(OutputError) as caught:
        render_pdf(make_plan(weeks=2), target)
    assert str(caught.value) == f"{target}: the folder {tmp_path} is not writable"
