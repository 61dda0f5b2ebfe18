"""Where catalogues and templates come from, in order: built-in, the user's folder, then those given.

A later layer replaces an exercise (or template) of an earlier one by id. The
command line and the Python API both build their sources here, so a Python
caller gets exactly the catalogue the command line gets.

A path given on the command line is one of three things:

- a folder like the one ``catalogue init`` makes (``exercises/`` or ``templates/``
  inside, perhaps a ``screening.yaml`` beside them): each part is used as what it is;
- goal templates: a folder named ``templates``, a folder holding a
  ``screening.yaml``, a folder whose YAML files are all templates, or one such
  file (a template's top level has ``phases:``; the screening rules' file is
  named ``screening.yaml``);
- anything else: exercises.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.load.catalogue import YAML_SUFFIXES
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from collections.abc import Iterable

USER_DIR_VARIABLE = "HIPREHAB_USER_DIR"
SCREENING_FILE = "screening.yaml"
TEMPLATE_FOLDER = "templates"
_SNIFF_BYTES = 1 << 20  # a YAML file is at most 1 MiB; a larger one is read (and refused) as exercises
_TEMPLATE_KEY = re.compile(rb"^phases[ \t]*:", re.MULTILINE)


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
        if is_catalogue_folder(given):
            # A folder `catalogue init` made: use the part asked for.
            inside = given / name
            if inside.is_dir():
                sources.append(inside)
            beside = given / SCREENING_FILE
            if name == TEMPLATE_FOLDER and beside.is_file():
                sources.append(beside)
        elif is_template_source(given) == (name == TEMPLATE_FOLDER):
            sources.append(given)
    return _once(sources)


def _once(sources: list[Path]) -> list[Path]:
    """``sources`` without a repeat of a folder or file already listed (the built-in one given again)."""
    seen: set[Path] = set()
    kept = []
    for source in sources:
        try:
            key = source.resolve()
        except (OSError, RuntimeError):  # a link loop, an over-long name: reported when read
            key = source
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def is_catalogue_folder(path: Path) -> bool:
    """True for a folder like the one ``catalogue init`` makes (exercises/ or templates/ inside)."""
    try:
        return path.is_dir() and ((path / "exercises").is_dir() or (path / TEMPLATE_FOLDER).is_dir())
    except OSError:  # an over-long name
        return False


def is_template_file(path: Path) -> bool:
    """True for a goal template (``phases:`` at its top level) or the screening rules' file."""
    if path.name == SCREENING_FILE:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:  # unreadable: read as exercises, where the problem is reported
        return False
    return _TEMPLATE_KEY.search(head) is not None


def is_template_source(path: Path) -> bool:
    """True when ``path`` holds goal templates rather than exercises (see the module's notes)."""
    try:
        if not path.is_dir():
            return path.is_file() and is_template_file(path)
        if path.name == TEMPLATE_FOLDER or (path / SCREENING_FILE).is_file():
            return True
        files = [p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")]
    except OSError:  # an over-long name, an unreadable folder: reported when read as exercises
        return False
    return bool(files) and all(p.is_file() and is_template_file(p) for p in files)


def catalogue_sources(extra: Iterable[Path | str] = (), *, user: bool = True) -> list[Path]:
    """Built-in exercises, then the user's ``exercises`` folder if it exists, then ``extra``."""
    return _layers("exercises", extra, user=user)


def template_sources(
    extra: Iterable[Path | str] = (), *, user: bool = True, catalogues: Iterable[Path | str] = ()
) -> list[Path]:
    """Built-in templates, the user's ``templates``, those of ``catalogues`` folders, then ``extra``.

    Each of ``extra`` is used whole, except a folder ``catalogue init`` made: its
    ``templates/`` (and a ``screening.yaml`` beside it) are used.
    """
    sources = _layers(TEMPLATE_FOLDER, catalogues, user=user)
    for given in map(Path, extra):
        if is_catalogue_folder(given):
            sources.extend(_layers(TEMPLATE_FOLDER, [given], user=False)[1:])
        else:
            sources.append(given)
    return _once(sources)
