"""``hiprehab log-sheet`` and ``hiprehab review``: read a plan's log back and make the next block."""

from __future__ import annotations

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
    without_collector,
)
from hiprehab.errors import ExitCode

if TYPE_CHECKING:
    from hiprehab.review import Outcome
    from hiprehab.review.decide import WeekSummary

FLAGS = {"weeks": "--weeks", "paper": "--paper", "session_time": "--session-time", "timezone": "--timezone"}


@app.command("log-sheet")
def log_sheet(
    plan_pdf: Annotated[Path, typer.Argument(metavar="PLAN.pdf", help="A PDF written by hiprehab plan.")],
    out: Annotated[Path, typer.Option(help="Write the blank log here (CSV).")] = Path("log.csv"),
) -> None:
    """Write a blank log (CSV) with one dated row per planned session, to fill in from paper."""
    from hiprehab.review import write_log_sheet  # noqa: PLC0415 - keep --help fast

    with run_guarded(FLAGS):
        rows = write_log_sheet(plan_pdf, out)
    typer.echo(f"wrote {out} ({rows} sessions to log)")


@app.command("review")
def review(
    plan_pdf: Annotated[
        Path,
        typer.Argument(metavar="PLAN.pdf", help="The plan's PDF: filled in a PDF viewer, or with --log."),
    ],
    log: Annotated[
        Path | None, typer.Option(metavar="FILE.csv", help="The log you filled in (see hiprehab log-sheet).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write the next block's PDF here.")] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the next block as JSON.")
    ] = None,
    ics: Annotated[Path | None, typer.Option(help="Also write the next block as a calendar file.")] = None,
    chart: Annotated[
        Path | None, typer.Option(metavar="FILE.png", help="Also write the week-by-week chart as PNG.")
    ] = None,
    weeks: Annotated[
        int | None, typer.Option(help="Length of the next block in weeks (default: the goal's).")
    ] = None,
    session_time: SessionTimeOption = None,
    timezone: TimezoneOption = None,
    catalogue: CatalogueOption = None,
    templates: TemplatesOption = None,
    paper: PaperOption = "a4",
    figures: FiguresOption = True,
) -> None:
    """Review a filled-in log by the plan's pain rules; write the next block, or a referral."""
    from hiprehab.review import run_review, write_next_block  # noqa: PLC0415 - keep --help fast

    with without_collector(), run_guarded(FLAGS):
        outcome = run_review(
            plan_pdf, log, weeks=weeks, catalogues=catalogue or (), templates=templates or ()
        )
        inputs = [plan_pdf, *([log] if log else [])]
        written = write_next_block(
            outcome, inputs, pdf=out, json_path=json_out, ics=ics, chart=chart,
            paper=paper.strip().lower(), figures=figures, session_time=session_time, timezone=timezone,
        )  # fmt: skip
    _report(outcome, written)


def _week_line(week: WeekSummary) -> str:
    pain = []
    if week.pain_during is not None:
        pain.append(f"pain during {week.pain_during:g}")
    if week.pain_next_morning is not None:
        pain.append(f"next morning {week.pain_next_morning:g}")
    scores = f" (average {', '.join(pain)})" if pain else ""
    return f"week {week.week}: {week.done} of {week.planned} sessions done{scores}"


def _report(outcome: Outcome, written: list[Path]) -> None:
    """The review in words, what was written, and the verdict."""
    from hiprehab.review.decide import MOVE_WORDS  # noqa: PLC0415 - keep --help fast

    result = outcome.review
    typer.echo(f"Logged up to {result.last_day.isoformat()}.")
    typer.echo("Adherence by week:")
    for week in result.weeks:
        typer.echo(f"  {_week_line(week)}")
    typer.echo("Adherence by session:")
    for label, planned, done in result.by_type:
        typer.echo(f"  {label}: {done} of {planned}")
    typer.echo(f"Pain trend: {result.trend}")
    typer.echo("Decisions:")
    for decision in result.decisions:
        typer.echo(f"  {decision.group}: {MOVE_WORDS[decision.move]} ({decision.reason})")
    for note in result.notes:
        typer.echo(f"hiprehab: note: {note}", err=True)
    for path in written:
        typer.echo(f"wrote {path}")
    if outcome.referred:
        typer.echo(
            "hiprehab: your log shows a pain pattern that needs a clinician; no next block was made:",
            err=True,
        )
        for reason in result.referral:
            typer.echo(f"  - {reason}", err=True)
        raise typer.Exit(int(ExitCode.PLAN_REFUSED))
    plan = outcome.plan
    if not written:
        typer.echo("hiprehab: give --out FILE.pdf (or --json, --ics) to write the next block", err=True)
    typer.echo(
        f"next block: {len(plan.weeks)} weeks from {plan.start.isoformat()} to {plan.end.isoformat()}, "
        f"starting in the phase '{plan.weeks[0].phase.title}'"
        if plan.weeks
        else "no next block: the screening refused it"
    )
