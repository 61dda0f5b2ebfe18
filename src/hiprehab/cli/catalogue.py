"""``hiprehab exercises`` and ``hiprehab catalogue``: browse, check, copy and review catalogues."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hiprehab.cli.app import catalogue_app, exercises_app
from hiprehab.cli.common import CatalogueOption, JsonFlag, PaperOption, check_output, fail, run_guarded
from hiprehab.errors import ExitCode
from hiprehab.quote import did_you_mean, printable
from hiprehab.vocab import GOALS, KINDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hiprehab.api import Goals
    from hiprehab.model.catalogue import Replacement, Retirement


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
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, e.g. in a coach's CI.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List each exercise your files replace or retire.")
    ] = False,
) -> None:
    """Check the built-in catalogue and templates plus your files or folders; list problems and warnings.

    Problems (a field that is wrong, a family a template names that the catalogue
    lacks) exit 1. Warnings (an exercise no template ever plans, a dose a template's
    range changes) are shown on stderr and exit 0, or 1 with --strict. A folder
    `catalogue init` made is checked whole (exercises, templates and screening rules);
    a folder named `templates`, or of template files, is checked as templates.
    """
    from hiprehab.api import check_catalogue  # noqa: PLC0415 - keep --help fast

    with run_guarded():
        report = check_catalogue(paths or ())
    for warning in report.warnings:
        typer.echo(printable(str(warning)), err=True)
    cat = report.catalogue
    for line in replacement_lines(cat.replacements, verbose=verbose):
        typer.echo(printable(line))
    for line in retirement_lines(cat.retired, verbose=verbose):
        typer.echo(printable(line))
    files = len(cat.files)
    count = len(report.warnings)
    warned = f"{count} warning{'s' if count != 1 else ''}, " if count else ""
    checked = checked_text(len(cat.exercises), files, report.goals)
    verdict = f"{checked}: {warned}no problems found"
    if strict and count:
        fail(f"{verdict}; --strict makes the warnings fail", ExitCode.INVALID_INPUT)
    typer.echo(verdict)


def replacement_lines(replacements: Sequence[Replacement], *, verbose: bool) -> list[str]:
    """One line per folder that replaces exercises, saying how many; each one too with ``verbose``."""
    from hiprehab.load.catalogue import display_path  # noqa: PLC0415 - keep --help fast
    from hiprehab.resources import data_dir  # noqa: PLC0415

    by_folder: dict[str, list[Replacement]] = {}
    for swap in replacements:
        by_folder.setdefault(display_path(swap.new.folder), []).append(swap)
    lines = []
    for folder, swaps in by_folder.items():
        built_in = all(s.old.folder == data_dir("exercises") for s in swaps)
        noun = f"{'built-in ' if built_in else ''}exercise{'s' if len(swaps) != 1 else ''}"
        same = sum(s.same for s in swaps)
        copies = f" ({same} of them unchanged)" if same else ""
        hint = "" if verbose else "; --verbose lists them"
        lines.append(f"{len(swaps)} {noun} replaced by {folder}{copies}{hint}")
        if verbose:
            lines += [
                f"{s.new.path}:{s.new.line}:{s.new.column}: replaces '{s.id}' from {s.old.path}:{s.old.line}"
                + (" (unchanged)" if s.same else "")
                for s in swaps
            ]
    return lines


def checked_text(exercises: int, files: int, goals: Goals) -> str:
    """What was checked: "75 exercises in 5 files, 2 goal templates and the screening rules in 3 files"."""
    goal_files = len(goals.files)
    return (
        f"{exercises} exercise{'s' if exercises != 1 else ''} in {files} file{'s' if files != 1 else ''}, "
        f"{len(goals.templates)} goal template{'s' if len(goals.templates) != 1 else ''} "
        f"and the screening rules in {goal_files} file{'s' if goal_files != 1 else ''}"
    )


def retirement_lines(retired: Sequence[Retirement], *, verbose: bool) -> list[str]:
    """One line per ``retired.yaml``: how many exercises it leaves out; each one too with ``verbose``."""
    by_file: dict[str, list[Retirement]] = {}
    for retirement in retired:
        by_file.setdefault(retirement.by.path, []).append(retirement)
    lines = []
    for path, gone in by_file.items():
        built_in = all(g.built_in for g in gone)
        noun = f"{'built-in ' if built_in else ''}exercise{'s' if len(gone) != 1 else ''}"
        lines.append(f"{len(gone)} {noun} retired by {path}" + ("" if verbose else "; --verbose lists them"))
        if verbose:
            lines += [
                f"{g.by.path}:{g.by.line}:{g.by.column}: leaves out '{g.id}' of {g.old.path}:{g.old.line}"
                for g in gone
            ]
    return lines


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
