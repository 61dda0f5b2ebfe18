"""What every command shares: turning library errors into messages and exit codes, common options."""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from hiprehab.errors import ExitCode, HiprehabError, InvalidInputError, InvalidValueError, UsageError
from hiprehab.quote import printable

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

CatalogueOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalogue",
        metavar="DIR",
        help="A folder of your own exercise files, added after the built-in ones (repeatable).",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
PaperOption = Annotated[str, typer.Option(help="Paper size: a4 or letter.")]
TemplatesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="A folder of your own goal templates (repeatable).",
        show_default=False,
    ),
]
FiguresOption = Annotated[bool, typer.Option(help="Draw the exercise figures on the cards.")]
SessionTimeOption = Annotated[
    str | None, typer.Option(metavar="HH:MM", help="Calendar events at this time (default: all day).")
]
TimezoneOption = Annotated[
    str | None, typer.Option(metavar="AREA/CITY", help="The zone of --session-time, e.g. Europe/Berlin.")
]


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print ``hiprehab: message`` on stderr (control characters escaped) and exit with ``code``."""
    typer.echo(f"hiprehab: {printable(message)}", err=True)
    raise typer.Exit(int(code))


@contextmanager
def without_collector() -> Iterator[None]:
    """Run without Python's cycle collector, and switch it back on after.

    Making a plan (or a review's next block) keeps nearly all it makes until the
    PDF is written, so the collector's passes over the growing heap find little
    and cost up to a tenth of the run; the few megabytes left for the end are small.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def run_guarded(flags: Mapping[str, str] | None = None) -> Iterator[None]:
    """Turn a :class:`HiprehabError` into its message on stderr and its exit code.

    ``flags`` maps the library's names for values (profile fields, keywords) to
    the flags the user typed, so a message names ``--weekly-km``, not ``weekly_volume``.
    """
    try:
        yield
    except InvalidInputError as err:
        for problem in err.problems:
            typer.echo(printable(str(problem)), err=True)
        fail(f"{err.count} found; nothing was written", err.exit_code)
    except InvalidValueError as err:
        name = (flags or {}).get(err.field, err.field)
        fail(f"{name}: {err.message}", err.exit_code)
    except HiprehabError as err:
        fail(str(err), err.exit_code)


def check_output(flag: str, path: Path, catalogues: list[Path] | None) -> None:
    """Refuse, before any work, an output that would overwrite a file of a ``--catalogue`` folder."""
    from hiprehab.load.outfile import check_distinct, check_target  # noqa: PLC0415

    check_distinct([(flag, path)], [("--catalogue", folder) for folder in catalogues or ()])
    check_target(path)


def can_ask() -> bool:
    """True when a person is at the keyboard to answer questions."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # standard input closed under us
        return False


def ask_yes_no(question: str, *, ended: str) -> bool:
    """Ask ``question`` on stderr and read the answer: y or yes, n or no (Enter: no).

    When the input ends before an answer (Ctrl-D, a closed pipe), nothing is
    assumed: a :class:`UsageError` saying ``ended`` is raised.
    """
    while True:
        typer.echo(f"{question} [y/N]: ", err=True, nl=False)
        try:
            line = sys.stdin.readline() if sys.stdin is not None else ""
        except (ValueError, OSError):  # standard input closed under us
            line = ""
        if not line:
            typer.echo("", err=True)
            raise UsageError(ended)
        answer = line.strip().lower()
        if answer in {"y", "yes"}:
            return True
        if answer in {"n", "no", ""}:
            return False
        typer.echo("Please answer y or n.", err=True)
