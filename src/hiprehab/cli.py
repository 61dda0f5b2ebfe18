"""The ``hiprehab`` command line: parse, call one library function, report.

This is the only module that prints. Errors from the library are turned into
exit codes in one place, :func:`run_guarded`.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from hiprehab import __version__
from hiprehab.errors import ExitCode, HiprehabError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from hiprehab.catalogue import Catalogue

app = typer.Typer(
    name="hiprehab",
    help="Turn a catalogue of hip exercises and a goal into a printable, week-by-week plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
exercises_app = typer.Typer(help="Browse the exercises of the catalogue.", no_args_is_help=True)
catalogue_app = typer.Typer(help="Check, copy and review exercise catalogues.", no_args_is_help=True)
app.add_typer(exercises_app, name="exercises")
app.add_typer(catalogue_app, name="catalogue")

CatalogueOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalogue",
        help="A folder of your own exercise files, added after the built-in ones (repeatable).",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"hiprehab: {message}", err=True)
    raise typer.Exit(int(code))


@contextmanager
def run_guarded() -> Iterator[None]:
    """Turn a :class:`HiprehabError` into its message on stderr and its exit code."""
    try:
        yield
    except InvalidInputError as err:
        for problem in err.problems:
            typer.echo(str(problem), err=True)
        count = len(err.problems)
        _fail(f"{count} problem{'s' if count != 1 else ''} found; nothing was written", err.exit_code)
    except HiprehabError as err:
        _fail(str(err), err.exit_code)


def user_folder() -> Path:
    """The user's own hiprehab folder (``HIPREHAB_USER_DIR`` overrides it)."""
    override = os.environ.get("HIPREHAB_USER_DIR")
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only needed when a catalogue is loaded

    return Path(platformdirs.user_data_dir("hiprehab", appauthor=False))


def catalogue_sources(extra: list[Path] | None) -> list[Path]:
    """Built-in exercises, then the user's folder if it exists, then ``--catalogue`` folders."""
    from hiprehab.resources import data_dir  # noqa: PLC0415 - keep --help fast

    sources = [data_dir("exercises")]
    user = user_folder() / "exercises"
    if user.is_dir():
        sources.append(user)
    sources.extend(extra or [])
    return sources


def _load(extra: list[Path] | None) -> Catalogue:
    from hiprehab.catalogue import load_catalogue  # noqa: PLC0415 - keep --help fast

    return load_catalogue(catalogue_sources(extra))


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


@exercises_app.command("list")
def exercises_list(
    catalogue: CatalogueOption = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind, e.g. strength or stretch.")] = None,
    goal: Annotated[str | None, typer.Option(help="Only exercises that suit this goal.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the exercises of the catalogue."""
    from hiprehab.validate import did_you_mean  # noqa: PLC0415
    from hiprehab.vocab import GOALS, KINDS  # noqa: PLC0415

    if kind is not None and kind not in KINDS:
        _fail(f"--kind: expected one of {', '.join(KINDS)}, found '{kind}'{did_you_mean(kind, KINDS)}", ExitCode.USAGE)
    if goal is not None and goal not in GOALS:
        _fail(f"--goal: expected one of {', '.join(GOALS)}, found '{goal}'{did_you_mean(goal, GOALS)}", ExitCode.USAGE)
    with run_guarded():
        cat = _load(catalogue)
    chosen = [
        e for e in cat.exercises
        if (kind is None or e.kind == kind) and (goal is None or goal in e.goals)
    ]
    if as_json:
        typer.echo(json.dumps([e.model_dump(mode="json") for e in chosen], indent=2, ensure_ascii=False))
        return
    rows = [("ID", "KIND", "FAMILY", "LEVEL", "NAME")]
    rows += [(e.id, e.kind, e.family, str(e.level), e.name) for e in chosen]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    typer.echo(f"{len(chosen)} exercise{'s' if len(chosen) != 1 else ''}")


@exercises_app.command("show")
def exercises_show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id.")],
    catalogue: CatalogueOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one exercise in full."""
    from hiprehab.textview import exercise_text  # noqa: PLC0415
    from hiprehab.validate import did_you_mean  # noqa: PLC0415

    with run_guarded():
        cat = _load(catalogue)
    exercise = cat.get(exercise_id)
    if exercise is None:
        hint = did_you_mean(exercise_id, [e.id for e in cat.exercises])
        _fail(f"no exercise with id '{exercise_id}'{hint}; 'hiprehab exercises list' shows them all", ExitCode.USAGE)
    if as_json:
        typer.echo(json.dumps(exercise.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    typer.echo(exercise_text(cat, exercise))


@catalogue_app.command("check")
def catalogue_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Your own catalogue files or folders to check with the built-in one."),
    ] = None,
) -> None:
    """Check the built-in catalogue plus the given files or folders; list every problem."""
    with run_guarded():
        cat = _load(paths)
    for swap in cat.replacements:
        typer.echo(
            f"{swap.new.path}:{swap.new.line}:{swap.new.column}: replaces '{swap.id}' "
            f"from {swap.old.path}:{swap.old.line}"
        )
    files = len(cat.files)
    typer.echo(
        f"{len(cat.exercises)} exercises in {files} file{'s' if files != 1 else ''}: no problems found"
    )


@catalogue_app.command("init")
def catalogue_init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to put the copy.")],
) -> None:
    """Copy the built-in catalogue and templates into DIR for editing; never overwrites a file."""
    from hiprehab.scaffold import init_folder  # noqa: PLC0415

    with run_guarded():
        written, kept = init_folder(folder)
    for path in kept:
        typer.echo(f"kept existing {path}")
    typer.echo(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} into {folder}")


def main() -> None:
    """Run the command line."""
    app(prog_name="hiprehab")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
