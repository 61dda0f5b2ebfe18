"""``hiprehab catalogue init``: copy the built-in files into a folder for editing."""

from __future__ import annotations

import contextlib
import stat
from typing import TYPE_CHECKING

from hiprehab.errors import OutputError
from hiprehab.load.infile import kind_of, os_reason
from hiprehab.load.outfile import write_bytes_atomic
from hiprehab.model.exercise import RETIRED_FILE
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from pathlib import Path

FOLDER_README = """\
# Your hiprehab catalogue

This folder holds your own copy of hiprehab's exercises and goal templates.

- `exercises/`: one or more YAML files, each a list under `exercises:`. Change a
  dose, rewrite a step, or add your own exercises. An exercise with the same `id`
  as a built-in one replaces it.
- `exercises/retired.yaml`: ids of built-in exercises to leave out of your plans.
- `templates/`: the goal templates (`manage`, `prevent`). Copy one under a new
  file name and a new `id` to make a goal of your own.
- `schema/`: JSON Schemas; editors with a YAML plugin use them to check as you type.

Check your changes:

    hiprehab catalogue check .

Make a plan with them:

    hiprehab plan --catalogue . --out plan.pdf

(From another folder, give this folder's path instead of `.`: its exercises and
templates are used together.)

Every problem is reported with its file, line and column. Nothing here is medical
advice: have a physiotherapist or doctor review changes to doses or exclusions.
"""


RETIRED_EXAMPLE = """\
# Built-in exercises to leave out of your plans: list their ids under retire.
# A plan fills a retired exercise's place with the next allowed choice, and an
# easier or harder link of a ladder skips it to the next rung left. An id that is
# not a built-in exercise is a problem (with "did you mean"). For example:
#
# retire: [heat-pack, band-monster-walk]
retire: []
"""


def init_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """Copy exercises, templates and schemas into ``folder``; return (written, kept).

    Each file is written whole (through a temporary file) and an existing one is
    kept. If writing fails part way (a full disk, Ctrl-C), every file and folder
    this run made is removed again, so a second run starts clean instead of
    keeping a truncated copy.
    """
    try:
        mode = folder.stat().st_mode if folder.exists() else None
    except OSError as err:  # an over-long name, a loop of links
        raise OutputError(f"{folder}: cannot write: {os_reason(err)}") from None
    if mode is not None and not stat.S_ISDIR(mode):
        raise OutputError(f"{folder}: expected a folder, found {kind_of(mode)}")
    written: list[Path] = []
    kept: list[Path] = []
    plan: list[tuple[Path, bytes]] = [(folder / "README.md", FOLDER_README.encode())]
    for name in ("exercises", "templates", "schema"):
        source = data_dir(name)
        plan.extend(
            (folder / name / path.name, path.read_bytes())
            for path in sorted(source.iterdir())
            if path.is_file()
        )
        if name == "exercises":
            plan.append((folder / name / RETIRED_FILE, RETIRED_EXAMPLE.encode()))
    made: list[Path] = []
    try:
        for target, content in plan:
            if target.exists() or target.is_symlink():
                kept.append(target)
                continue
            made.extend(_make_folders(target.parent))
            write_bytes_atomic(target, content)
            written.append(target)
    except OSError as err:
        _undo(written, made)
        raise OutputError(f"{err.filename or folder}: cannot write: {os_reason(err)}") from None
    except BaseException:
        _undo(written, made)
        raise
    return written, kept


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; return the ones made, outermost first."""
    missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    for parent in reversed(missing):
        parent.mkdir()
    return list(reversed(missing))


def _undo(files: list[Path], folders: list[Path]) -> None:
    """Remove what a failed run wrote: its files, then its (now empty) folders, innermost first."""
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink()
    for path in reversed(folders):
        with contextlib.suppress(OSError):
            path.rmdir()
