"""Where catalogues and templates come from, in order: built-in, the user's folder, then those given.

A later layer replaces an exercise (or template) of an earlier one by id. The
command line and the Python API both build their sources here, so a Python
caller gets exactly the catalogue the command line gets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from collections.abc import Iterable

USER_DIR_VARIABLE = "HIPREHAB_USER_DIR"


def user_folder() -> Path:
    """The user's own hiprehab folder (``HIPREHAB_USER_DIR`` overrides it)."""
    override = os.environ.get(USER_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only needed when a catalogue is loaded

    return Path(platformdirs.user_data_dir("hiprehab", appauthor=False))


def _layers(name: str, extra: Iterable[Path | str], *, user: bool) -> list[Path]:
    sources = [data_dir(name)]
    if user:
        mine = user_folder() / name
        if mine.is_dir():
            sources.append(mine)
    for given in map(Path, extra):
        # A folder `catalogue init` made holds exercises/ and templates/: use the part asked for.
        inside = given / name
        if is_catalogue_folder(given):
            if inside.is_dir():
                sources.append(inside)
        elif name == "exercises":
            sources.append(given)
    return sources


def is_catalogue_folder(path: Path) -> bool:
    """True for a folder like the one ``catalogue init`` makes (exercises/ or templates/ inside)."""
    return path.is_dir() and ((path / "exercises").is_dir() or (path / "templates").is_dir())


def catalogue_sources(extra: Iterable[Path | str] = (), *, user: bool = True) -> list[Path]:
    """Built-in exercises, then the user's ``exercises`` folder if it exists, then ``extra``."""
    return _layers("exercises", extra, user=user)


def template_sources(
    extra: Iterable[Path | str] = (), *, user: bool = True, catalogues: Iterable[Path | str] = ()
) -> list[Path]:
    """Built-in templates, the user's ``templates``, those of ``catalogues`` folders, then ``extra``."""
    return [*_layers("templates", catalogues, user=user), *map(Path, extra)]
