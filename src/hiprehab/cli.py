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
from hiprehab.errors import ExitCode, HiprehabError, InvalidInputError, UsageError

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
        metavar="DIR",
        help="A folder of your own exercise files, added after the built-in ones (repeatable).",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


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


def can_ask() -> bool:
    """True when a person is at the keyboard to answer the red-flag questions."""
    return sys.stdin.isatty()


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
        _fail(
            f"--kind: expected one of {', '.join(KINDS)}, found '{kind}'{did_you_mean(kind, KINDS)}",
            ExitCode.USAGE,
        )
    if goal is not None and goal not in GOALS:
        _fail(
            f"--goal: expected one of {', '.join(GOALS)}, found '{goal}'{did_you_mean(goal, GOALS)}",
            ExitCode.USAGE,
        )
    with run_guarded():
        cat = _load(catalogue)
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
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
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
    from hiprehab.textview import exercise_text  # noqa: PLC0415
    from hiprehab.validate import did_you_mean  # noqa: PLC0415

    with run_guarded():
        cat = _load(catalogue)
    exercise = cat.get(exercise_id)
    if exercise is None:
        hint = did_you_mean(exercise_id, [e.id for e in cat.exercises])
        _fail(
            f"no exercise with id '{exercise_id}'{hint}; 'hiprehab exercises list' shows them all",
            ExitCode.USAGE,
        )
    if png is not None:
        from hiprehab.illustrate.figures import render_png  # noqa: PLC0415 - Pillow loads only here

        with run_guarded():
            render_png(exercise, cat, png, size)
        typer.echo(f"wrote {png}", err=as_json)
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


@catalogue_app.command("sheet")
def catalogue_sheet(
    out: Annotated[Path, typer.Option("--out", help="Where to write the contact sheet PDF.")],
    catalogue: CatalogueOption = None,
    paper: Annotated[str, typer.Option(help="Paper size: a4 or letter.")] = "a4",
) -> None:
    """Draw every exercise's figure and name on a contact sheet (PDF), to review a catalogue."""
    from hiprehab import options  # noqa: PLC0415
    from hiprehab.illustrate.sheet import render_contact_sheet  # noqa: PLC0415 - reportlab loads only here

    with run_guarded():
        paper_size = options.words("--paper", [paper], ("a4", "letter"))[0]
        cat = _load(catalogue)
        render_contact_sheet(cat, out, paper_size)
    typer.echo(f"wrote {out}: {len(cat.exercises)} exercises")


@app.command("plan")
def plan(  # noqa: C901, PLR0912, PLR0915 - one branch per documented flag
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the printable PDF plan here (default: plan.pdf).")
    ] = None,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Also write the plan as JSON to this file ('-' for standard output)."),
    ] = None,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="A profile YAML file; flags override it.")
    ] = None,
    name: Annotated[str | None, typer.Option(help="The runner's name, printed on the plan.")] = None,
    goal: Annotated[
        str | None, typer.Option(help="manage (hip pain now) or prevent, or a template of your own.")
    ] = None,
    weeks: Annotated[
        int | None, typer.Option(help="Plan length in weeks (2 to 52; manage 6, prevent 8).")
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="First day, YYYY-MM-DD (default: the coming Monday, today if Monday).")
    ] = None,
    strength_days: Annotated[
        str | None, typer.Option(help="Days for strength work, e.g. mon,wed,fri (never two in a row).")
    ] = None,
    run_days: Annotated[str | None, typer.Option(help="Days you can run, e.g. tue,thu,sat, or none.")] = None,
    weekly_km: Annotated[
        float | None,
        typer.Option(help="Your running now: weekly total, in km unless --units says mi or min."),
    ] = None,
    longest_run_km: Annotated[
        float | None, typer.Option(help="Your longest run of the last 30 days, in --units.")
    ] = None,
    units: Annotated[
        str | None, typer.Option(help="km, mi or min (minutes) for the running figures.")
    ] = None,
    pain: Annotated[int | None, typer.Option(help="Your hip pain today, 0 (none) to 10 (worst).")] = None,
    pain_site: Annotated[
        str | None, typer.Option(help="Where it hurts: lateral, groin, buttock, front or none.")
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME", help="A diagnosed or suspected condition (repeatable), e.g. tendinopathy."
        ),
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(help="What you have beyond a mat, chair, wall and stair: e.g. band,weights,bike,pool."),
    ] = None,
    red_flag: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME", help="A warning sign that applies to you (repeatable); see the README."),
    ] = None,
    no_red_flags: Annotated[
        bool, typer.Option("--no-red-flags", help="Answer no to every red-flag question.")
    ] = False,
    cleared_by_clinician: Annotated[
        bool,
        typer.Option(
            "--cleared-by-clinician", help="A clinician has examined your hip and cleared you to exercise."
        ),
    ] = False,
    catalogue: CatalogueOption = None,
    templates: Annotated[
        list[Path] | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help="A folder of your own goal templates (repeatable).",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[str, typer.Option(help="Paper size: a4 or letter.")] = "a4",
    figures: Annotated[bool, typer.Option(help="Draw the exercise figures on the cards.")] = True,
) -> None:
    """Make a week-by-week plan and write it as a printable PDF (and JSON)."""
    import datetime as dt  # noqa: PLC0415

    from hiprehab import options  # noqa: PLC0415
    from hiprehab.planning import PlanRequest, prepare_plan, write_outputs  # noqa: PLC0415
    from hiprehab.resources import data_dir  # noqa: PLC0415
    from hiprehab.vocab import CONDITIONS, PAIN_SITES, RED_FLAGS, UNITS  # noqa: PLC0415

    overrides: dict[str, object] = {}
    with run_guarded():
        if name is not None:
            overrides["name"] = name
        if goal is not None:
            overrides["goal"] = goal.strip().lower()
        if weeks is not None:
            overrides["weeks"] = options.whole("--weeks", weeks, 2, 52)
        if start is not None:
            overrides["start"] = options.date("--start", start)
        if strength_days is not None:
            overrides["strength_days"] = options.day_list("--strength-days", strength_days)
        if run_days is not None:
            overrides["run_days"] = options.day_list("--run-days", run_days)
        if weekly_km is not None:
            overrides["weekly_volume"] = options.amount("--weekly-km", weekly_km, 500)
        if longest_run_km is not None:
            overrides["longest_run"] = options.amount("--longest-run-km", longest_run_km, 300)
        if units is not None:
            overrides["units"] = options.words("--units", [units], UNITS)[0]
        if pain is not None:
            overrides["pain"] = options.whole("--pain", pain, 0, 10)
        if pain_site is not None:
            site = options.words("--pain-site", [pain_site], (*PAIN_SITES, "none"))[0]
            overrides["pain_site"] = None if site == "none" else site
        if condition:
            overrides["conditions"] = options.words("--condition", condition, CONDITIONS)
        if equipment is not None:
            overrides["equipment"] = options.equipment("--equipment", equipment)
        if red_flag and no_red_flags:
            raise UsageError("--red-flag and --no-red-flags contradict each other; give one of them")
        if red_flag:
            overrides["red_flags"] = options.words("--red-flag", red_flag, RED_FLAGS)
        if no_red_flags:
            overrides["red_flags"] = ()
        if cleared_by_clinician:
            overrides["cleared_by_clinician"] = True
        paper_size = options.words("--paper", [paper], ("a4", "letter"))[0]
        to_stdout = json_out == "-"
        json_path = None if json_out in (None, "-") else Path(json_out)
        pdf_path = out if out is not None or json_out is not None else Path("plan.pdf")
        ask = None
        if can_ask():

            def ask(question: str) -> bool:
                return typer.confirm(question, default=False, err=True)

        request = PlanRequest(
            catalogue_sources=catalogue_sources(catalogue),
            template_sources=[data_dir("templates"), *_user_templates(), *(templates or [])],
            today=dt.date.today(),  # noqa: DTZ011 - the CLI may read the clock; the core never does
            profile_path=profile,
            overrides=overrides,
            ask=ask,
        )
        result, loaded = prepare_plan(request)
        if pdf_path is not None and result.profile.name:
            from hiprehab.render import unsupported_characters  # noqa: PLC0415 - reportlab only here

            missing = unsupported_characters(result.profile.name)
            if missing:
                typer.echo(
                    f"hiprehab: the PDF font has no letters for '{missing}' in the name; "
                    "they will be missing from the printed plan",
                    err=True,
                )
        written = write_outputs(
            result, pdf=pdf_path, json_path=json_path, paper=paper_size, figures=figures, catalogue=loaded
        )
    if to_stdout:
        from hiprehab.export import plan_to_json  # noqa: PLC0415

        typer.echo(plan_to_json(result), nl=False)
    for path in written:
        typer.echo(f"wrote {path}", err=to_stdout)
    outcome = result.screening.outcome
    if outcome == "stop":
        typer.echo(f"hiprehab: {result.rules.stop_title}. No exercise plan was made:", err=True)
        for reason in result.screening.reasons:
            typer.echo(f"  - {reason}", err=True)
        raise typer.Exit(int(ExitCode.PLAN_REFUSED))
    if outcome == "refer":
        typer.echo(f"hiprehab: {result.rules.refer_title}; the plan stays in its first phase.", err=True)
    weeks_made = len(result.weeks)
    typer.echo(
        f"{weeks_made} weeks from {result.start.isoformat()} to {result.end.isoformat()}, "
        f"goal: {result.template.id}",
        err=to_stdout,
    )


def _user_templates() -> list[Path]:
    folder = user_folder() / "templates"
    return [folder] if folder.is_dir() else []


def main() -> None:
    """Run the command line."""
    app(prog_name="hiprehab")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
