"""docs/customising.md runs as written: its commands, its files and the outcomes it states.

The page is run from top to bottom in an empty folder (the convention is in the
comment at the top of the page):

- ```console blocks: each ``$ `` line is a command (``hiprehab ...`` runs in-process;
  ``mkdir`` and ``cp`` are done here; nothing else is allowed). The lines under it are
  what it prints, exactly, with ``...`` for lines left out; it exits 0, or the
  ``exit=N`` given after ``console``.
- ```yaml file=PATH blocks are written to PATH.
- ```diff file=PATH blocks change PATH, part by part (parts split by ``@@`` lines).
- ```json in=PATH blocks are found in PATH, line by line (indentation aside).
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hiprehab.cli import app

if TYPE_CHECKING:
    from typer.testing import CliRunner

DOC = Path(__file__).resolve().parents[2] / "docs" / "customising.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
SKIP = "..."


@dataclass(frozen=True)
class Block:
    """One fenced block of the page: its language, its ``key=value`` settings, its text and line."""

    language: str
    settings: dict[str, str]
    text: str
    line: int


def blocks(page: str) -> list[Block]:
    """The fenced blocks of ``page``, in order."""
    found = []
    for match in FENCE.finditer(page):
        settings = dict(word.split("=", 1) for word in match.group(2).split() if "=" in word)
        line = page.count("\n", 0, match.start()) + 1
        found.append(Block(match.group(1), settings, match.group(3), line))
    return found


def matches(expected: list[str], printed: list[str]) -> bool:
    """True when ``printed`` is ``expected`` exactly, where a ``...`` line stands for any lines."""
    if not expected:
        return not printed
    head, *rest = expected
    if head == SKIP:
        return any(matches(rest, printed[start:]) for start in range(len(printed) + 1))
    return bool(printed) and printed[0] == head and matches(rest, printed[1:])


def contains(excerpt: list[str], lines: list[str]) -> bool:
    """True when the lines of ``excerpt`` follow each other somewhere in ``lines``."""
    size = len(excerpt)
    return any(lines[start : start + size] == excerpt for start in range(len(lines) - size + 1))


def apply_diff(path: Path, diff: str) -> None:
    """Change ``path`` by ``diff``: each ``@@``-separated part is found after the one before it."""
    text = path.read_text(encoding="utf-8")
    at = 0
    for part in re.split(r"^@@[^\n]*\n", diff, flags=re.MULTILINE):
        lines = part.splitlines()
        old = "".join(f"{line[1:]}\n" for line in lines if line[:1] in {" ", "-"})
        new = "".join(f"{line[1:]}\n" for line in lines if line[:1] in {" ", "+"})
        found = text.find(old, at)
        assert found >= 0, f"{path}: cannot find\n{old}"
        text = text[:found] + new + text[found + len(old) :]
        at = found + len(new)
    path.write_text(text, encoding="utf-8")


def run(command: str, runner: CliRunner) -> tuple[int, list[str]]:
    """Run one ``$`` line of the page; return its exit code and the lines it prints."""
    program, *args = shlex.split(command)
    if program == "hiprehab":
        result = runner.invoke(app, args)
        return result.exit_code, result.output.splitlines()
    if program == "mkdir" and len(args) == 1:
        Path(args[0]).mkdir()
        return 0, []
    if program == "cp" and len(args) == 2:
        shutil.copyfile(args[0], args[1])
        return 0, []
    pytest.fail(f"docs/customising.md: the walk-through may only use hiprehab, mkdir and cp: {command}")


def run_console(block: Block, runner: CliRunner) -> None:
    """Run each command of a console block and compare what it prints with what the page shows."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"docs/customising.md:{block.line}: output before any command"
            commands[-1][1].append(line)
    code = int(block.settings.get("exit", "0"))
    for command, expected in commands:
        got, printed = run(command, runner)
        where = f"docs/customising.md:{block.line}: $ {command}"
        assert got == code, f"{where}\nexit {got}, expected {code}:\n" + "\n".join(printed)
        assert matches(expected, printed), f"{where}\nprinted:\n" + "\n".join(printed)


def test_the_walk_through_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    """Every step of docs/customising.md runs in an empty folder and gives the outcome it states."""
    monkeypatch.chdir(tmp_path)
    for block in blocks(DOC.read_text(encoding="utf-8")):
        target = block.settings.get("file") or block.settings.get("in")
        if block.language == "console":
            run_console(block, runner)
        elif block.language == "yaml" and target:
            Path(target).write_text(block.text, encoding="utf-8")
        elif block.language == "diff" and target:
            apply_diff(Path(target), block.text)
        elif block.language == "json" and target:
            excerpt = [line.strip() for line in block.text.splitlines()]
            lines = [line.strip() for line in Path(target).read_text(encoding="utf-8").splitlines()]
            assert contains(excerpt, lines), f"docs/customising.md:{block.line}: not in {target}"


def test_the_walk_through_covers_every_step() -> None:
    """The page adds an exercise, changes a dose, plans with both, and makes and uses a goal."""
    page = blocks(DOC.read_text(encoding="utf-8"))
    commands = [
        line for b in page if b.language == "console" for line in b.text.splitlines() if line[:2] == "$ "
    ]
    assert any("catalogue init" in c for c in commands)
    assert any("catalogue check" in c for c in commands)
    assert any(" plan " in c and "--templates" in c for c in commands)
    written = {b.settings["file"] for b in page if b.language in {"yaml", "diff"} and "file" in b.settings}
    assert {"mycat/exercises/my-exercises.yaml", "mycat/exercises/strength.yaml"} <= written
    shown = "".join(b.text for b in page if b.language == "json")
    assert '"exercise": "wall-slide-squat"' in shown
    assert '"sets": 3,\n"reps": 12,' in shown


@pytest.mark.parametrize(
    ("expected", "printed", "same"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "...", "d"], ["a", "b", "c", "d"], True),
        (["...", "c"], ["a", "b", "c"], True),
        (["a", "b"], ["a", "b", "c"], False),
        (["a", "c"], ["a", "b", "c"], False),
        (["a", "...", "x"], ["a", "b", "c"], False),
    ],
)
def test_shown_output_must_be_what_is_printed(expected: list[str], printed: list[str], same: bool) -> None:
    """Output on the page matches only what is printed, line for line, with ``...`` for left-out lines."""
    assert matches(expected, printed) is same


def test_a_diff_that_no_longer_fits_the_file_fails(tmp_path: Path) -> None:
    """A change the page describes that the file no longer has (a stale page) fails the walk-through."""
    path = tmp_path / "a.yaml"
    path.write_text("id: prevent\ntitle: Prevent\n", encoding="utf-8")
    apply_diff(path, "-id: prevent\n+id: mine\n")
    assert path.read_text(encoding="utf-8") == "id: mine\ntitle: Prevent\n"
    with pytest.raises(AssertionError, match="cannot find"):
        apply_diff(path, "-id: prevent\n+id: again\n")
