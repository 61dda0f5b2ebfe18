"""Open input files safely: regular files only, read with a bound, every failure in plain words.

A path a user gives may name anything: a named pipe (reading waits forever), a
device such as ``/dev/zero`` (never ends), a folder, a loop of links, a name
longer than the system allows, or a file that grows while it is read. Each is
refused here with a sentence, before more than ``limit + 1`` bytes are read.
"""

from __future__ import annotations

import errno
import math
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

MIB = 1024 * 1024


class UnreadableError(Exception):
    """A path that cannot be read as an input file; ``message`` says why in plain words.

    ``expected`` is true when the message already says what was expected and
    found (``expected a file, found a folder``); otherwise it is the system's reason.
    """

    def __init__(self, message: str, *, expected: bool = False) -> None:
        self.message = message
        self.expected = expected
        super().__init__(message)


def kind_of(mode: int) -> str:
    """What a file of ``mode`` is, in words: ``a folder``, ``a named pipe (FIFO)``..."""
    kinds = (
        (stat.S_ISREG, "a file"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    )
    return next((words for test, words in kinds if test(mode)), "a special file")


def os_reason(err: OSError) -> str:
    """An operating-system error in words, for the ones a user's path can cause."""
    reasons = {
        errno.ELOOP: "the path is a loop of symbolic links",
        errno.ENAMETOOLONG: "the name is longer than the system allows",
        errno.ENOENT: "no such file",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EACCES: "permission denied",
    }
    return reasons.get(err.errno or 0) or err.strerror or str(err)


def mib(size: int) -> str:
    """A size in MiB with one decimal, rounded up so a file just over the limit never reads as "1.0"."""
    return f"{math.ceil(size * 10 / MIB) / 10:.1f}"


def too_large(size: int | None, limit: int) -> str:
    """The message for a file over ``limit`` bytes (``size`` None: it grew while being read)."""
    shown = f"{mib(limit)} MiB" if limit % MIB == 0 else f"{limit} bytes"
    shown = shown.replace(".0 MiB", " MiB")
    if size is None:
        return f"file is over {shown} (it grew while being read); the limit is {shown}"
    return f"file is {mib(size)} MiB; the limit is {shown}"


def open_regular(path: Path) -> int:
    """Open ``path`` for reading, without waiting on a pipe, and refuse anything but a regular file.

    Returns the open descriptor. The kind is checked on the opened file itself, so
    a path swapped between a check and the open is still caught.
    """
    try:
        if "\0" in str(path):
            raise UnreadableError("the path contains a NUL character")
        # O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise UnreadableError(os_reason(err)) from None
    except ValueError as err:  # pragma: no cover - the NUL check above comes first
        raise UnreadableError(str(err)) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as err:  # pragma: no cover - fstat of an open descriptor does not fail
        os.close(fd)
        raise UnreadableError(os_reason(err)) from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise UnreadableError(f"expected a file, found {kind_of(mode)}", expected=True)
    return fd


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused once it proves longer than ``limit``.

    Reads at most ``limit + 1`` bytes whatever the file claims to be, so a file
    that grows, or lies about its size, still cannot fill memory.
    """
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise UnreadableError(too_large(size, limit), expected=True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise UnreadableError(os_reason(err)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise UnreadableError(too_large(None, limit), expected=True)
    return b"".join(chunks)
