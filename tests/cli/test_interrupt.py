"""Killing a long render at any moment: the old plan survives whole and no temporary file is left."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

from hiprehab.load.outfile import TEMP_MARK

if TYPE_CHECKING:
    from pathlib import Path

LONG = ["plan", "--start", "2027-01-04", "--no-red-flags", "--weeks", "52", "--goal", "prevent"]


def _start(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hiprehab", *LONG, "--out", "plan.pdf", "--json", "plan.json"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_ctrl_c_at_random_moments_keeps_the_old_plan_and_leaves_no_temp(tmp_path: Path) -> None:
    """SIGINT at a few random moments: exit 130 with 'interrupted' (or 0 if it finished), no traceback."""
    old_pdf, old_json = b"%PDF old plan", b'{"old": true}'
    (tmp_path / "plan.pdf").write_bytes(old_pdf)
    (tmp_path / "plan.json").write_bytes(old_json)
    chance = random.Random(20270104)  # noqa: S311 - reproducible moments, not security
    for _ in range(3):
        run = _start(tmp_path)
        # From 0.3 s on: the interpreter's own start-up, before any of our code runs, is past.
        time.sleep(chance.uniform(0.3, 4.0))
        run.send_signal(signal.SIGINT)
        _, err = run.communicate(timeout=120)
        assert "Traceback" not in err
        assert run.returncode in {0, 130}, err
        if run.returncode == 130:
            assert err.endswith("hiprehab: interrupted\n")
            assert (tmp_path / "plan.pdf").read_bytes() == old_pdf
            assert (tmp_path / "plan.json").read_bytes() == old_json
        else:  # finished first: both files are the new plan, together
            assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-1.4")
            (tmp_path / "plan.pdf").write_bytes(old_pdf)
            (tmp_path / "plan.json").write_bytes(old_json)
        assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []


def test_temp_file_left_by_a_hard_kill_is_cleared_by_the_next_run(tmp_path: Path) -> None:
    """SIGKILL cannot be caught; a temporary file it leaves is removed by the next run of the same target."""
    stale = tmp_path / f".plan.pdf{TEMP_MARK}{_dead_pid()}-00ff00ff"
    stale.write_bytes(b"%PDF half")
    run = _start(tmp_path)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
