"""Output files: never over anything but a file, whole or not at all, private files stay private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hiprehab.errors import OutputError, UsageError
from hiprehab.load import scaffold
from hiprehab.load.outfile import TEMP_MARK, bytes_writer, check_distinct, write_all, write_bytes_atomic

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


@pytest.mark.skipif(not ROOT, reason="making a device node needs root")
def test_device_node_at_the_output_is_refused_and_kept(tmp_path: Path) -> None:
    """As root, a device node at the output path is refused, not replaced by a regular file."""
    node = tmp_path / "plan.pdf"
    os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # the same device as /dev/full
    with pytest.raises(OutputError, match=r"plan\.pdf: expected a file name, found a character device$"):
        write_bytes_atomic(node, b"%PDF")
    assert stat.S_ISCHR(node.stat().st_mode)
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("target", ["/dev/full", "/proc/self/environ", "/sys/kernel/plan.pdf"])
def test_system_paths_are_refused(target: str) -> None:
    """``/dev``, ``/proc`` and ``/sys`` paths are never written, whatever they look like."""
    with pytest.raises(OutputError, match="expected a file name, found a system path"):
        write_bytes_atomic(Path(target), b"x")


def test_named_pipe_at_the_output_is_refused_without_waiting(tmp_path: Path) -> None:
    """A FIFO at the output path is refused at once and left a FIFO."""
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match=r"found a named pipe \(FIFO\)$"):
        write_bytes_atomic(fifo, b"{}")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_link_to_a_file_is_written_through(tmp_path: Path) -> None:
    """A link to a regular file keeps being a link; the file it points to gets the new bytes."""
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    """With umask 077 a new plan is 0600, never widened to 0644."""
    old = os.umask(0o077)
    try:
        write_bytes_atomic(tmp_path / "plan.pdf", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan.pdf").stat().st_mode) == 0o600


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    """A plan kept at 0600 stays 0600 when it is written again under umask 022."""
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    old = os.umask(0o022)
    try:
        write_bytes_atomic(target, b"new")
    finally:
        os.umask(old)
    assert (stat.S_IMODE(target.stat().st_mode), target.read_bytes()) == (0o600, b"new")


def test_second_output_failing_leaves_both_old_files(tmp_path: Path) -> None:
    """When the JSON cannot be written, the PDF is not left new beside a stale JSON: both stay old."""
    pdf, json_path = tmp_path / "plan.pdf", tmp_path / "plan.json"
    pdf.write_bytes(b"old pdf")
    json_path.write_bytes(b"old json")

    def full_disk(temp: Path) -> None:
        raise OSError(28, "No space left on device", str(temp))

    with pytest.raises(OutputError, match=r"plan\.json: cannot write: No space left on device$"):
        write_all([(pdf, bytes_writer(b"new pdf")), (json_path, full_disk)])
    assert (pdf.read_bytes(), json_path.read_bytes()) == (b"old pdf", b"old json")
    assert _temps(tmp_path) == []


def test_interrupt_while_writing_leaves_no_temp_file(tmp_path: Path) -> None:
    """Ctrl-C while the outputs are written removes every temporary file and keeps the old files."""
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"old")

    def interrupted(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_all([(pdf, interrupted)])
    assert pdf.read_bytes() == b"old"
    assert _temps(tmp_path) == []


def test_temp_file_of_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    """A temporary file whose process is gone is removed when the same target is written again."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    stale = tmp_path / f".plan.pdf{TEMP_MARK}{int(gone.stdout)}-0a1b2c3d"
    stale.write_bytes(b"left by a killed run")
    other = tmp_path / f".other.pdf{TEMP_MARK}{int(gone.stdout)}-0a1b2c3d"
    other.write_bytes(b"another target's")
    write_bytes_atomic(tmp_path / "plan.pdf", b"new")
    assert _temps(tmp_path) == [other.name]


def test_outputs_may_not_be_each_other_or_an_input(tmp_path: Path) -> None:
    """The same file twice, a profile, or a file inside a catalogue folder as an output: usage errors."""
    (tmp_path / "mycat").mkdir()
    (tmp_path / "mycat" / "strength.yaml").write_text("exercises: []\n", encoding="utf-8")
    me = tmp_path / "me.yaml"
    me.write_text("goal: prevent\n", encoding="utf-8")
    same = tmp_path / "x"
    with pytest.raises(UsageError, match=r"^--json and --out name the same file"):
        check_distinct([("--out", same), ("--json", tmp_path / "." / "x")])
    with pytest.raises(UsageError, match=r"^--json .*me\.yaml would overwrite the input given by --profile"):
        check_distinct([("--json", me)], [("--profile", me)])
    with pytest.raises(UsageError, match=r"would overwrite the input given by --catalogue"):
        check_distinct(
            [("--out", tmp_path / "mycat" / "strength.yaml")], [("--catalogue", tmp_path / "mycat")]
        )
    with pytest.raises(UsageError, match=r"would overwrite the input given by --catalogue"):
        check_distinct([("--out", tmp_path / "mycat" / "new.yaml")], [("--catalogue", tmp_path / "mycat")])
    check_distinct([("--out", tmp_path / "mycat" / "plan.pdf")], [("--catalogue", tmp_path / "mycat")])


def test_catalogue_init_that_fails_removes_what_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk filling up during ``catalogue init`` leaves nothing of this run; a second init starts clean."""
    written: list[Path] = []
    real = write_bytes_atomic

    def fills_up(path: Path, data: bytes) -> None:
        if len(written) == 3:
            raise OutputError(f"{path}: cannot write: No space left on device")
        real(path, data)
        written.append(path)

    monkeypatch.setattr(scaffold, "write_bytes_atomic", fills_up)
    folder = tmp_path / "mine"
    with pytest.raises(OutputError, match="No space left on device"):
        scaffold.init_folder(folder)
    assert not folder.exists()
    monkeypatch.setattr(scaffold, "write_bytes_atomic", real)
    done, kept = scaffold.init_folder(folder)
    assert kept == []
    assert all(path.stat().st_size > 0 for path in done)


def test_catalogue_init_into_an_over_long_name_is_a_clean_error(tmp_path: Path) -> None:
    """A folder name longer than the system allows is an output error naming it, not a crash."""
    folder = tmp_path / ("d" * 300)
    with pytest.raises(OutputError, match=r": cannot write: the name is longer than the system allows$"):
        scaffold.init_folder(folder)
