"""Write output files safely: whole or not at all, never over anything but a file.

- A target that exists must be a regular file (or a link to one, which is then
  written through): a device, a pipe, a folder, or anything under ``/proc``,
  ``/sys`` or ``/dev`` is refused before any work, never replaced.
- Each file is written to a temporary file beside it, flushed to disk, and then
  renamed into place. Several outputs of one run are all written to temporary
  files first and renamed only when every one is complete.
- A new file gets the permissions the umask allows; a replaced file keeps its
  own (a plan kept private at 0600 stays 0600).
- Temporary files are named ``.NAME.hiprehab-tmp-PID-RANDOM``: one left by a run
  that was killed (its process is gone) is removed by the next run writing NAME.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import stat
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.errors import OutputError, UsageError
from hiprehab.load.infile import kind_of, os_reason

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

TEMP_MARK = ".hiprehab-tmp-"
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))
_TEMP = re.compile(r"\.(?P<name>.+)\.hiprehab-tmp-(?P<pid>\d+)-[0-9a-f]+")


def _fail(path: Path, reason: str) -> OutputError:
    return OutputError(f"{path}: {reason}")


def _real(path: Path) -> Path:
    """``path`` with links resolved (as far as they go), for comparing and for writing through."""
    return Path(os.path.realpath(path))


def check_target(path: Path) -> Path:
    """Fail early, before any work, when ``path`` cannot be written; return where to write.

    A link to a regular file is written through: the file it points to is replaced
    and the link kept.
    """
    if "\0" in str(path):
        raise _fail(path, "the name contains a NUL character")
    try:
        real = _real(path)
        if any(real == top or real.is_relative_to(top) for top in SYSTEM_FOLDERS):
            raise _fail(path, f"expected a file name, found a system path ({real})")
        try:
            mode: int | None = real.stat().st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            raise _fail(path, f"expected a file name, found {kind_of(mode)}")
        parent = real.parent
        if not parent.exists():
            raise _fail(path, f"the folder {path.parent} does not exist")
        if not parent.is_dir():
            raise _fail(path, f"{path.parent} is not a folder")
        if not os.access(parent, os.W_OK):
            raise _fail(path, f"the folder {path.parent} is not writable")
    except OSError as err:  # an over-long name, a link loop
        raise _fail(path, f"cannot write: {os_reason(err)}") from None
    return real


def _same(one: Path, other: Path) -> bool:
    """True when both paths name one file: the same resolved path, or the same file on disk."""
    if _real(one) == _real(other):
        return True
    try:
        return one.exists() and other.exists() and one.samefile(other)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return folder.is_dir() and _real(path).is_relative_to(_real(folder))
    except OSError:
        return False


def check_distinct(outputs: Sequence[tuple[str, Path]], inputs: Iterable[tuple[str, Path]] = ()) -> None:
    """Refuse, before any work, an output that is an input or another output.

    ``outputs`` and ``inputs`` pair a name for the user (the flag) with a path. An
    output is an input when it names the same file, or lies inside an input
    folder as a file that exists there or as a YAML file that would be read from it.
    """
    given = list(inputs)
    for index, (flag, path) in enumerate(outputs):
        for other_flag, other in outputs[:index]:
            if _same(path, other):
                raise UsageError(
                    f"{flag} and {other_flag} name the same file ({path}); give two different files"
                )
        for in_flag, source in given:
            clash = _same(path, source) or (
                _inside(path, source) and (path.exists() or path.suffix in {".yaml", ".yml"})
            )
            if clash:
                raise UsageError(
                    f"{flag} {path} would overwrite the input given by {in_flag} {source}; "
                    "write the output somewhere else"
                )


def _clear_stale(target: Path) -> None:
    """Remove temporary files of ``target`` left by runs that were killed (their process is gone)."""
    with contextlib.suppress(OSError):
        for entry in target.parent.glob(f".{target.name}{TEMP_MARK}*"):
            match = _TEMP.fullmatch(entry.name)
            if match is None or match["name"] != target.name:
                continue
            if _alive(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                entry.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_LIVE: set[Path] = set()
"""Temporary files of this process not yet renamed or removed."""


def discard_temporaries() -> None:
    """Remove every temporary file this process has open: the last act of a run that is stopped."""
    for temp in list(_LIVE):
        with contextlib.suppress(OSError):
            temp.unlink()
        _LIVE.discard(temp)


class _Pending:
    """One output written to its temporary file, waiting to be renamed into place."""

    def __init__(self, shown: Path, target: Path) -> None:
        self.shown = shown
        self.target = target
        self.temp = target.parent / f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"

    def write(self, produce: Callable[[Path], None]) -> None:
        _clear_stale(self.target)
        try:
            existing: os.stat_result | None = self.target.stat()
        except FileNotFoundError:
            existing = None
        # O_EXCL: never follow or reuse something planted at the temporary name.
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        _LIVE.add(self.temp)
        os.close(fd)
        produce(self.temp)
        with self.temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        if existing is not None:
            self.temp.chmod(stat.S_IMODE(existing.st_mode))
            with contextlib.suppress(OSError):  # keep the owner when root replaces a user's file
                os.chown(self.temp, existing.st_uid, existing.st_gid)
        else:
            self.temp.chmod(0o666 & ~_umask())

    def commit(self) -> None:
        self.temp.replace(self.target)
        _LIVE.discard(self.temp)
        with contextlib.suppress(OSError):  # make the rename itself durable, where the system allows
            folder = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink()
        _LIVE.discard(self.temp)


HOLD_INTERRUPTS_AFTER_WRITING = False
"""Set by a command whose work ends with its files: once they are in place, Ctrl-C has
nothing left to stop, and "interrupted" would wrongly say they were not written."""


def _commit_all(pending: Sequence[_Pending]) -> None:
    """Rename every temporary file into place, with Ctrl-C held off so the set stays whole."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        for item in pending:
            try:
                item.commit()
            except OSError as err:
                raise _fail(item.shown, f"cannot write: {os_reason(err)}") from None
    finally:
        if main and previous is not None and not HOLD_INTERRUPTS_AFTER_WRITING:
            signal.signal(signal.SIGINT, previous)


def write_all(outputs: Sequence[tuple[Path, Callable[[Path], None]]]) -> None:
    """Write every output to its temporary file, then rename them all into place.

    If any of them fails (or Ctrl-C arrives) before the renames, every temporary
    file is removed and every target is untouched.
    """
    targets = [(path, check_target(path)) for path, _ in outputs]
    pending = [_Pending(shown, target) for shown, target in targets]
    current = pending[0] if pending else None
    try:
        for item, (_, produce) in zip(pending, outputs, strict=True):
            current = item
            item.write(produce)
        _commit_all(pending)
    except OSError as err:
        shown = current.shown if current is not None else Path()
        raise _fail(shown, f"cannot write: {os_reason(err)}") from None
    finally:
        for item in pending:
            item.discard()


def write_atomic(path: Path, produce: Callable[[Path], None]) -> None:
    """Let ``produce`` write a temporary file beside ``path``, then move it into place.

    If ``produce`` fails, the temporary file is removed and ``path`` is untouched.
    """
    write_all([(path, produce)])


def bytes_writer(data: bytes) -> Callable[[Path], None]:
    """A ``produce`` function for :func:`write_all` that writes ``data``."""

    def produce(temp: Path) -> None:
        temp.write_bytes(data)

    return produce


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    write_all([(path, bytes_writer(text.encode("utf-8")))])


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    write_all([(path, bytes_writer(data))])
