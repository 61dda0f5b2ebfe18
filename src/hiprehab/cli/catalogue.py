"""``hiprehab exercises`` and ``hiprehab catalogue``: browse, check, copy and review catalogues."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from hiprehab.cli.app import catalogue_app, exercises_app
from hiprehab.cli.common import CatalogueOption, JsonFlag, PaperOption, check_output, fail, run_guarded
from hiprehab.errors import ExitCode
from hiprehab.quote import did_you_mean, printable
from hiprehab.vocab import GOALS, KINDS


@exercises_app.command("list")
def exercises_list(
    catalogue: CatalogueOption = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind, e.g. strength or stretch.")] = None,
    goal: Annotated[str | None, typer.Option(help="Only exercises that suit this goal.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the exercises of the catalogue."""
    from hiprehab.api import load_catalogue  # noqa: PLC0415 - keep --help fast

    if kind is not None and kind not in KINDS:
        fail(
            f"--kind: expected one of {', '.join(KINDS)}, found '{kind}'{did_you_mean(kind, KINDS)}",
            ExitCode.USAGE,
        )
    if goal is not None and goal not in GOALS:
        fail(
            f"--goal: expected one of {', '.join(GOALS)}, found '{goal}'{did_you_mean(goal, GOALS)}",
            ExitCode.USAGE,
        )
    with run_guarded():
        cat = load_catalogue(catalogue or ())
    chosen = [
        e for e in cat.exercises if (kind is None or e.kind == kind) and (goal is None or goal in e.goals)
    ]
    if as_json:
        typer.echo(json.dumps([e.model_dump(mode="json") for e in chosen], indent=2, ensure_ascii=False))
        return
    rows = [("ID", "KIND", "FAMILY", "LEVEL", "NAME")]
    rows += [(e.id, e.kind, e.family, str(e.level), e.name) for e in chosen]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4]))
        typer.echo(f"{cells}  {printable(row[4])}")
    typer.echo(f"{len(chosen)} exercise{'s' if len(chosen) != 1 else ''}")


@exercises_app.command("show")
def exercises_show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id.")],
    catalogue: CatalogueOption = None,
    as_json: JsonFlag = False,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw the exercise's figure to this PNG file.")
    ] = None,
    size: Annotated[int, typer.Option(help="Width and height of the PNG, in pixels (16 to 4096).")] = 600,
) -> None:
    """Show one exercise in full; optionally draw its figure to a PNG."""
    from hiprehab.api import load_catalogue  # noqa: PLC0415 - keep --help fast

    with run_guarded():
        if png is not None:
            check_output("--png", png, catalogue)
        cat = load_catalogue(catalogue or ())
    exercise = cat.get(exercise_id)
    if exercise is None:
        hint = did_you_mean(exercise_id, [e.id for e in cat.exercises])
        fail(
            f"no exercise with id '{exercise_id}'{hint}; 'hiprehab exercises list' shows them all",
            ExitCode.USAGE,
        )
    if png is not None:
        from hiprehab.illustrate.figures import render_png  # noqa: PLC0415 - Pillow loads only here

        with run_guarded():
            render_png(exercise, png, size)
        typer.echo(f"wrote {png}", err=as_json)
    if as_json:
        typer.echo(json.dumps(exercise.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    from hiprehab.cli.text import exercise_text  # noqa: PLC0415

    typer.echo("\n".join(printable(line) for line in exercise_text(cat, exercise).splitlines()))


@catalogue_app.command("check")
def catalogue_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Your own catalogue files or folders to check with the built-in one."),
    ] = None,
) -> None:
    """Check the built-in catalogue plus the given files or folders; list every problem."""
    from hiprehab.api import load_catalogue, load_goals  # noqa: PLC0415 - keep --help fast

    with run_guarded():
        cat = load_catalogue(paths or ())
        # A folder `catalogue init` made has templates too: they are checked with it.
        load_goals(catalogues=paths or ())
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
    from hiprehab.load.scaffold import init_folder  # noqa: PLC0415

    with run_guarded():
        written, kept = init_folder(folder)
    for path in kept:
        typer.echo(f"kept existing {path}")
    typer.echo(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} into {folder}")


@catalogue_app.command("sheet")
def catalogue_sheet(
    out: Annotated[Path, typer.Option("--out", help="Where to write the contact sheet PDF.")],
    catalogue: CatalogueOption = None,
    paper: PaperOption = "a4",
) -> None:
    """Draw every exercise's figure and name on a contact sheet (PDF), to review a catalogue."""
    from hiprehab.api import load_catalogue  # noqa: PLC0415 - keep --help fast
    from hiprehab.render.sheet import render_contact_sheet  # noqa: PLC0415 - reportlab loads only here

    with run_guarded({"paper": "--paper"}):
        check_output("--out", out, catalogue)
        cat = load_catalogue(catalogue or ())
        render_contact_sheet(cat, out, paper.strip().lower())
    typer.echo(f"wrote {out}: {len(cat.exercises)} exercises")
