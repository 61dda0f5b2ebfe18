"""What every command shares: turning library errors into messages and exit codes, common options."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from hiprehab.errors import ExitCode, HiprehabError, InvalidInputError, InvalidValueError

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


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print ``hiprehab: message`` on stderr and exit with ``code``."""
    typer.echo(f"hiprehab: {message}", err=True)
    raise typer.Exit(int(code))


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
            typer.echo(str(problem), err=True)
        count = len(err.problems)
        fail(f"{count} problem{'s' if count != 1 else ''} found; nothing was written", err.exit_code)
    except InvalidValueError as err:
        name = (flags or {}).get(err.field, err.field)
        fail(f"{name}: {err.message}", err.exit_code)
    except HiprehabError as err:
        fail(str(err), err.exit_code)


def can_ask() -> bool:
    """True when a person is at the keyboard to answer questions."""
    return sys.stdin is not None and sys.stdin.isatty()
