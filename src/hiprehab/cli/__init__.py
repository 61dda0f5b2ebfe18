"""The ``hiprehab`` command line: each command parses, calls one library function, reports.

The command modules are the only code that prints. Errors from the library are
turned into messages and exit codes in one place,
:func:`hiprehab.cli.common.run_guarded`; how a run ends (Ctrl-C, a closed
standard output) is decided in :func:`main`.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Annotated

import typer
from typer._click.exceptions import ClickException  # typer's own click: no second copy to load

from hiprehab.cli import batch, catalogue, plan, printing, review
from hiprehab.cli.app import app
from hiprehab.errors import ExitCode
from hiprehab.load.infile import os_reason
from hiprehab.version import __version__

__all__ = ["app", "batch", "catalogue", "main", "plan", "printing", "review"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hiprehab {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    _version_flag: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn a catalogue of hip exercises and a goal into a printable, week-by-week plan."""


class _ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it (``>&-``): writing to it fails, as it should."""

    def write(self, text: str) -> int:
        """Refuse: what the command prints would be lost."""
        del text
        raise OSError(errno.EBADF, "it is closed")


def _say(message: str) -> None:
    """A last word on stderr, if stderr can still take it."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"hiprehab: {message}\n")
        sys.stderr.flush()


def _silence_stdout() -> None:
    """Point the broken standard output at the null device, so exiting does not fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def main() -> None:
    """Run the command line: every way it can end is an exit code and a line, never a traceback.

    Ctrl-C ends with 130 and "interrupted" (temporary files are removed on the
    way out); output that cannot be written to standard output (closed, full
    disk, ``/dev/full``) ends with 1, never with 0 and the output lost.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    code: int | None
    try:
        result = app(prog_name="hiprehab", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into this exit code, silently
            _say("interrupted")
        sys.stdout.flush()
    except ClickException as err:  # a wrong option or argument: typer's usage message
        err.show()
        code = err.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _say("interrupted")
        code = int(ExitCode.INTERRUPTED)
    except OSError as err:  # only standard output is written outside the commands' guard
        if err.errno == errno.EPIPE:  # the reader went away (``| head``): nothing more to say
            code = int(ExitCode.INVALID_INPUT)
        elif err.filename is not None:  # a path no check caught: still a line, not a traceback
            _say(f"{err.filename}: {os_reason(err)}")
            code = int(ExitCode.INVALID_INPUT)
        else:
            _say(f"cannot write to standard output: {os_reason(err)}")
            code = int(ExitCode.INVALID_INPUT)
        _silence_stdout()
    sys.exit(code)
