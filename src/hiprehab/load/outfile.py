"""Write output files safely: whole or not at all, never over a good file with a broken one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.errors import OutputError

if TYPE_CHECKING:
    from collections.abc import Callable


def check_target(path: Path) -> None:
    """Fail early, before any work, when ``path`` cannot be written."""
    if path.is_dir():
        raise OutputError(f"{path}: expected a file name, found a folder")
    parent = path.parent if str(path.parent) else Path()
    if not parent.exists():
        raise OutputError(f"{path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the folder {parent} is not writable")


def write_atomic(path: Path, produce: Callable[[Path], None]) -> None:
    """Let ``produce`` write a temporary file beside ``path``, then move it into place.

    If ``produce`` fails, the temporary file is removed and ``path`` is untouched.
    """
    check_target(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        produce(temp)
        temp.chmod(0o644)  # mkstemp makes 0600; an output file is an ordinary file
        temp.replace(path)
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""

    def produce(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    write_atomic(path, produce)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""

    def produce(temp: Path) -> None:
        temp.write_bytes(data)

    write_atomic(path, produce)
