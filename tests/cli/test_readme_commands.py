"""The README's two commands stay real: their scripts exist and the sample plan command works."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader
from typer.testing import CliRunner

from hiprehab.cli import app

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_readme_opens_with_the_two_commands() -> None:
    """The first two code blocks of the README are the sample-plan and test scripts."""
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert [b.strip() for b in blocks[:2]] == ["./scripts/sample-plan.sh", "./scripts/test.sh"]


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the script the README names for the tests."""
    assert "exec bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_sample_plan_command_writes_the_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `hiprehab plan` line of scripts/sample-plan.sh makes the sample PDF and JSON."""
    script = (ROOT / "scripts" / "sample-plan.sh").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(raw for raw in script.splitlines() if raw.strip().startswith(".venv/bin/hiprehab plan"))
    args = shlex.split(line)[1:]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    plan = json.loads((tmp_path / "sample-plan.json").read_text(encoding="utf-8"))
    assert (plan["goal"], plan["start"], len(plan["weeks"])) == ("prevent", "2027-01-04", 8)
    reader = PdfReader(tmp_path / "sample-plan.pdf")
    assert "Sample Runner" in reader.pages[0].extract_text()
