"""A cache of parsed and checked input files, keyed by their content.

Reading YAML and validating it is most of a plan's fixed cost, and the built-in
catalogue and templates are the same on every run. A file whose bytes (and
hiprehab's, Python's and pydantic's versions) match a cached entry comes back as
it was checked last time, without parsing or validating again; any change to the
file is a new key, so a stale entry can never be used.

The cache lives in the user's cache folder (``HIPREHAB_CACHE_DIR`` overrides it;
``HIPREHAB_NO_CACHE=1`` turns it off). Entries are Python pickles, so they are
only read from a folder that belongs to the user and that nobody else can write
to; anything else is ignored and the file is simply parsed. A cache that cannot
be read or written never stops a plan: it only costs the time it would have saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hiprehab.load.problems import validate_document
from hiprehab.load.yamlio import parse_yaml, read_bytes
from hiprehab.version import __version__

if TYPE_CHECKING:
    from pydantic import BaseModel

    from hiprehab.load.yamlio import Document

M = TypeVar("M", bound="BaseModel")

CACHE_VARIABLE = "HIPREHAB_CACHE_DIR"
OFF_VARIABLE = "HIPREHAB_NO_CACHE"
KEEP = 64  # entries kept; the oldest go when a new one is written


def cache_folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    if os.environ.get(OFF_VARIABLE):
        return None
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only when a file is read

    return Path(platformdirs.user_cache_dir("hiprehab", appauthor=False)) / "parsed"


def _trusted(path: Path) -> bool:
    """True when ``path`` is the user's own and nobody else can write to it."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _key(model: type[BaseModel], data: bytes) -> str:
    import pydantic  # noqa: PLC0415 - imported already by the models; only its version is read here

    digest = hashlib.sha256()
    for part in (__version__, sys.version, pydantic.VERSION, model.__module__, model.__qualname__):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _get(folder: Path, key: str) -> tuple[Document, Any] | None:
    entry = folder / f"{key}.pickle"
    if not (_trusted(folder) and _trusted(entry)):
        return None
    try:
        with entry.open("rb") as handle:
            value = pickle.load(handle)  # noqa: S301 - the user's own folder, writable by nobody else
    except Exception:  # noqa: BLE001 - a damaged entry is parsed again, never an error
        return None
    if not isinstance(value, tuple) or len(value) != 2:  # noqa: PLR2004 - (document, model)
        return None
    return value[0], value[1]


def _put(folder: Path, key: str, value: tuple[Document, Any]) -> None:
    with contextlib.suppress(OSError, pickle.PicklingError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        handle, temp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temp).replace(folder / f"{key}.pickle")
        finally:
            with contextlib.suppress(FileNotFoundError):
                Path(temp).unlink()
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()


def read_checked(path: Path, shown: str, model: type[M]) -> tuple[Document, M]:
    """Read the YAML file at ``path`` (named ``shown`` in messages) and validate it as ``model``.

    Raises :class:`~hiprehab.errors.InvalidInputError` for any problem, exactly as
    reading and validating would; a file seen before comes from the cache.
    """
    data = read_bytes(path, shown)
    folder = cache_folder()
    key = _key(model, data) if folder is not None else ""
    if folder is not None:
        hit = _get(folder, key)
        if hit is not None and isinstance(hit[1], model):
            doc, value = hit
            return (doc if doc.path == shown else replace(doc, path=shown)), value
    doc = parse_yaml(data, shown)
    value = validate_document(model, doc)
    if folder is not None:
        _put(folder, key, (doc, value))
    return doc, value
