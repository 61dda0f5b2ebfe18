"""``hiprehab batch``: a plan for every runner of a roster, with progress and a summary."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hiprehab.cli.app import app
from hiprehab.cli.common import (
    CatalogueOption,
    FiguresOption,
    PaperOption,
    SessionTimeOption,
    TemplatesOption,
    TimezoneOption,
    run_guarded,
)
from hiprehab.errors import ExitCode, OutputError, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from hiprehab.batch import Outcome, Roster

FLAGS = {"paper": "--paper", "session_time": "--session-time", "timezone": "--timezone"}


@app.command("batch")
def batch(
    roster: Annotated[
        Path,
        typer.Argument(
            metavar="ROSTER",
            help="A CSV file (one runner a row, columns named as profile keys) or a YAML list of profiles.",
            show_default=False,
        ),
    ],
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write each runner's files here (made when missing).",
            show_default=".",
        ),
    ] = Path(),
    jobs: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes (default: one for each processor).", show_default=False),
    ] = None,
    catalogue: CatalogueOption = None,
    templates: TemplatesOption = None,
    paper: PaperOption = "a4",
    json_out: Annotated[
        bool, typer.Option("--json", help="Also write each plan as JSON beside its PDF.")
    ] = False,
    figures: FiguresOption = True,
    form: Annotated[bool, typer.Option(help="Make the log boxes fillable in a PDF viewer.")] = True,
    large_print: Annotated[
        bool,
        typer.Option("--large-print", help="Body text at 14 pt and larger tick boxes, in every plan."),
    ] = False,
    ics: Annotated[bool, typer.Option("--ics", help="Also write each plan as a calendar file.")] = False,
    session_time: SessionTimeOption = None,
    timezone: TimezoneOption = None,
) -> None:
    """Make a plan for every runner of a roster: NAME.pdf for each, in one folder."""
    from hiprehab.api import load_catalogue, load_goals  # noqa: PLC0415 - keep --help fast
    from hiprehab.batch import Settings, make_plans, read_roster  # noqa: PLC0415
    from hiprehab.batch.run import Job, default_jobs  # noqa: PLC0415
    from hiprehab.model.paper import check_paper  # noqa: PLC0415

    with run_guarded(FLAGS):
        paper = check_paper(paper)
        _check_calendar(ics=ics, session_time=session_time, timezone=timezone)
        read = read_roster(roster)
        # The catalogue and templates are checked once here, so their problems are
        # told once, before any worker starts.
        cat = load_catalogue(catalogue or ())
        load_goals(templates or (), catalogues=catalogue or (), check_against=cat)
        _make_folder(out_dir)
    settings = Settings(
        out_dir=out_dir,
        today=dt.date.today(),  # noqa: DTZ011 - the command line may read the clock; the engine never does
        catalogues=tuple(catalogue or ()),
        templates=tuple(templates or ()),
        paper=paper,
        figures=figures,
        json=json_out,
        ics=ics,
        session_time=session_time,
        timezone=timezone,
        large_print=large_print,
        form=form,
    )
    statuses: dict[int, str] = {}
    for row in read.rows:
        for problem in row.problems:
            typer.echo(str(problem), err=True)
        if row.profile is None:
            statuses[row.number] = "invalid"
        else:
            _warn_name(read, row.number, row.profile.name)
    work = [Job(row.number, row.stem, row.profile) for row in read.rows if row.profile is not None]
    with _progress(len(work)) as advance:
        for outcome in make_plans(work, settings, workers=jobs or default_jobs()):
            statuses[outcome.number] = outcome.status
            advance(_report(read, outcome))
    _summary(statuses, read.item)
    if "invalid" in statuses.values():
        raise typer.Exit(int(ExitCode.INVALID_INPUT))
    if "stopped" in statuses.values():
        raise typer.Exit(int(ExitCode.PLAN_REFUSED))


def _check_calendar(*, ics: bool, session_time: str | None, timezone: str | None) -> None:
    """Check the calendar's time and zone once, before any row, rather than fail every row alike."""
    if not ics:
        if session_time or timezone:
            raise UsageError(
                f"{'--session-time' if session_time else '--timezone'} sets the time of the calendar's "
                "events: give --ics too"
            )
        return
    from hiprehab.export.ics import CalendarTime  # noqa: PLC0415 - icalendar only when asked

    CalendarTime.parse(session_time, timezone)


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: expected a folder for the plans, found a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{folder}: cannot make the folder: {err.strerror}") from None


def _warn_name(roster: Roster, number: int, name: str) -> None:
    """Say which letters of a name the PDF's font cannot print, before they go missing."""
    from hiprehab.render import unsupported_characters  # noqa: PLC0415 - reportlab only here

    missing = unsupported_characters(name)
    if missing:
        where = roster.row(number).problem("name", "").where
        typer.echo(
            f"{where}: name: the PDF font has no letters for '{missing}'; they will be missing", err=True
        )


def _report(roster: Roster, outcome: Outcome) -> list[str]:
    """The lines that tell what became of one row: what was written, its notes, its problem."""
    row = roster.row(outcome.number)
    if outcome.status == "invalid":
        return [f"{roster.item} {row.number}: invalid", str(row.problem(outcome.field, outcome.message))]
    files = ", ".join(str(path) for path in outcome.written)
    what = {
        "made": "made",
        "referred": "referred (see a doctor first)",
        "stopped": "stopped: a referral sheet",
    }
    where = row.problem("", "").where
    return [
        f"{roster.item} {row.number}: {what[outcome.status]}: {files}",
        *(f"{where}: note: {n}" for n in outcome.notices),
    ]


@contextmanager
def _progress(total: int) -> Iterator[Callable[[Sequence[str]], None]]:
    """Advance a progress bar on a terminal, or print a plain line for each row done."""
    if total and sys.stderr.isatty():
        from rich.console import Console  # noqa: PLC0415 - only at a terminal
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: PLC0415

        console = Console(stderr=True, highlight=False)
        columns = (TextColumn("plans"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("plans", total=total)

            def advance(lines: Sequence[str]) -> None:
                for line in lines[1:]:
                    console.print(line, markup=False)
                bar.advance(task)

            yield advance
        return
    done = 0

    def echo(lines: Sequence[str]) -> None:
        nonlocal done
        done += 1
        typer.echo(f"[{done}/{total}] {lines[0]}", err=True)
        for line in lines[1:]:
            typer.echo(line, err=True)

    yield echo


def _summary(statuses: dict[int, str], item: str = "row") -> None:
    """The count and the numbers of the rows (or a YAML list's profiles) of each outcome."""
    from hiprehab.batch.run import STATUSES  # noqa: PLC0415

    for status in STATUSES:
        numbers = sorted(n for n, s in statuses.items() if s == status)
        rows = f"  {item if len(numbers) == 1 else item + 's'} {_ranges(numbers)}" if numbers else ""
        typer.echo(f"{status:<9}{len(numbers):>5}{rows}")


def _ranges(numbers: list[int]) -> str:
    """``2-5, 7, 9-10`` for sorted row numbers."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in spans)
