"""``hiprehab catalogue init``: copy the built-in files into a folder for editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.errors import OutputError
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from pathlib import Path

FOLDER_README = """\
# Your hiprehab catalogue

This folder holds your own copy of hiprehab's exercises and goal templates.

- `exercises/`: one or more YAML files, each a list under `exercises:`. Change a
  dose, rewrite a step, or add your own exercises. An exercise with the same `id`
  as a built-in one replaces it.
- `templates/`: the goal templates (`manage`, `prevent`). Copy one under a new
  file name and a new `id` to make a goal of your own.
- `schema/`: JSON Schemas; editors with a YAML plugin use them to check as you type.

Check your changes:

    hiprehab catalogue check exercises

Make a plan with them:

    hiprehab plan --catalogue exercises --templates templates --out plan.pdf

Every problem is reported with its file, line and column. Nothing here is medical
advice: have a physiotherapist or doctor review changes to doses or exclusions.
"""


def init_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """Copy exercises, templates and schemas into ``folder``; return (written, kept)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: expected a folder, found a file")
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
    try:
        for target, content in plan:
            if target.exists():
                kept.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as handle:
                handle.write(content)
            written.append(target)
    except OSError as err:
        raise OutputError(f"{err.filename}: cannot write: {err.strerror}") from None
    return written, kept
