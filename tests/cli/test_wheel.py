"""The built wheel carries the default catalogue, templates and schemas."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once, offline, with the installed hatchling."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("hiprehab-*.whl"))


@pytest.mark.slow
def test_wheel_contains_data(wheel: Path) -> None:
    """The wheel holds every default exercise file, template and schema."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("exercises", "templates", "schema"):
        for path in (ROOT / folder).iterdir():
            assert f"hiprehab/_data/{folder}/{path.name}" in names


@pytest.mark.slow
def test_installed_wheel_finds_its_catalogue(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel and run elsewhere, the tool loads its own catalogue."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "HIPREHAB_USER_DIR": str(tmp_path / "user")}
    code = "import hiprehab, sys; print(hiprehab.__file__); from hiprehab.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "catalogue", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    first, summary = result.stdout.splitlines()[0], result.stdout.splitlines()[-1]
    assert first.startswith(str(target))
    assert summary.endswith("no problems found")
