"""The ``hiprehab`` command line: each command parses, calls one library function, reports.

The command modules are the only code that prints. Errors from the library are
turned into messages and exit codes in one place,
:func:`hiprehab.cli.common.run_guarded`.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hiprehab.cli import batch, catalogue, plan, printing
from hiprehab.cli.app import app
from hiprehab.version import __version__

__all__ = ["app", "batch", "catalogue", "main", "plan", "printing"]


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


def main() -> None:
    """Run the command line."""
    app(prog_name="hiprehab")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
