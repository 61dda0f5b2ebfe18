"""``hiprehab print`` and ``hiprehab printers``: send a plan to a print queue, list the queues."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hiprehab.cli.app import app
from hiprehab.cli.common import fail, run_guarded
from hiprehab.errors import ExitCode, UsageError

PRINT = ExitCode.PRINT_FAILED
FLAGS = {"printer": "--printer", "copies": "--copies", "weeks": "--weeks", "pages": "--pages"}

PrinterOption = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="The print queue to use (default: the system's default printer)."),
]


def send(
    path: Path,
    *,
    printer: str | None = None,
    copies: int = 1,
    duplex: bool | None = None,
    weeks: str | None = None,
    pages: str | None = None,
) -> None:
    """Print ``path`` (or some of it) and say where it went; errors become messages and exit codes."""
    from hiprehab.printing import print_plan  # noqa: PLC0415 - keep --help fast

    with run_guarded(FLAGS):
        if weeks is not None and pages is not None:
            raise UsageError("--weeks and --pages choose pages in two ways; give one of them")
        job = print_plan(path, printer=printer, copies=copies, duplex=duplex, weeks=weeks, pages=pages)
    count = len(job.pages)
    what = f"{count} page{'s' if count != 1 else ''}"
    if weeks is not None:
        what += f" (week{'s' if '-' in weeks or ',' in weeks else ''} {weeks})"
    details = [f"{job.copies} copies"] if job.copies > 1 else []
    if job.duplex is not None:
        details.append("two-sided" if job.duplex else "one-sided")
    if job.paper is not None:
        details.append(job.paper)
    typer.echo(f"sent {what} of {job.path} to {job.printer} ({', '.join(details)}): request {job.request}")


@app.command("print")
def print_command(
    plan: Annotated[Path, typer.Argument(metavar="PLAN.pdf", help="A plan's PDF written by hiprehab plan.")],
    printer: PrinterOption = None,
    copies: Annotated[int, typer.Option(min=1, max=99, help="How many copies to print.")] = 1,
    duplex: Annotated[
        bool | None,
        typer.Option(
            "--duplex/--no-duplex",
            help="Print on both sides of the paper, or on one (default: the printer's own setting).",
            show_default=False,
        ),
    ] = None,
    weeks: Annotated[
        str | None, typer.Option(metavar="RANGE", help="Print only these weeks, e.g. 3 or 3-4 or 1,3.")
    ] = None,
    pages: Annotated[
        str | None, typer.Option(metavar="RANGE", help="Print only these pages, e.g. 1-4.")
    ] = None,
) -> None:
    """Send a plan's PDF to a printer (CUPS, on Linux and macOS), on the plan's paper size."""
    send(plan, printer=printer, copies=copies, duplex=duplex, weeks=weeks, pages=pages)


@app.command("printers")
def printers_command() -> None:
    """List the printers (CUPS queues) that hiprehab print can use, and the default one."""
    from hiprehab.printing import list_printers  # noqa: PLC0415 - keep --help fast

    with run_guarded(FLAGS):
        found = list_printers()
    if not found.running:
        fail("the CUPS scheduler is not running: start it (for example `sudo systemctl start cups`)", PRINT)
    if not found.names:
        typer.echo("hiprehab: no printer is set up; add one in the system's printer settings", err=True)
        return
    for name in found.names:
        typer.echo(f"{name} (default)" if name == found.default else name)
