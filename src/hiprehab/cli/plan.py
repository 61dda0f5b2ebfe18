"""``hiprehab plan``: make a plan from a profile and flags, write its PDF and JSON."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hiprehab.cli.app import app
from hiprehab.cli.common import (
    CatalogueOption,
    FiguresOption,
    PaperOption,
    SessionTimeOption,
    TemplatesOption,
    TimezoneOption,
    ask_yes_no,
    can_ask,
    run_guarded,
    without_collector,
)
from hiprehab.cli.printing import PrinterOption, send
from hiprehab.errors import ExitCode, InvalidValueError, UsageError
from hiprehab.load import outfile
from hiprehab.load.yamlio import resolve_plain
from hiprehab.quote import printable
from hiprehab.vocab import RED_FLAGS

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

# The flag that sets each profile field (and each keyword of the library), for messages.
FLAGS = {
    "name": "--name",
    "goal": "--goal",
    "weeks": "--weeks",
    "start": "--start",
    "strength_days": "--strength-days",
    "run_days": "--run-days",
    "units": "--units",
    "weekly_volume": "--weekly-km",
    "longest_run": "--longest-run-km",
    "pain": "--pain",
    "pain_sites": "--pain-site",
    "conditions": "--condition",
    "equipment": "--equipment",
    "red_flags": "--red-flag",
    "paper": "--paper",
    "session_time": "--session-time",
    "timezone": "--timezone",
}
NUMBERS = ("weeks", "weekly_volume", "longest_run", "pain")  # read like YAML scalars: 6, 20.5
ANSWER = (
    f"give --no-red-flags if none applies, or --red-flag NAME for each that does ({', '.join(RED_FLAGS)})"
)
UNANSWERED = "the red-flag questions are unanswered and there is no terminal to ask them: " + ANSWER
HINTS = {  # what to give on the command line for a notice the engine made
    "referred_hold": "once a clinician has cleared you, add --cleared-by-clinician",
    "running_waits_for_check": "once a clinician has checked your hip, add --cleared-by-clinician",
    "no_run_days": "give --run-days to plan runs",
    "runs_below_volume": "check --weekly-km and --longest-run-km, or give more --run-days",
    "run_days_capped": "give at most six --run-days",
    "strength_days_moved": "give --strength-days with a day between them, e.g. mon,wed,fri",
    "no_weekly_volume": "give --weekly-km and --longest-run-km to plan runs",
    "no_longest_run": "give --longest-run-km to plan runs",
}


def profile_values(given: dict[str, Any]) -> dict[str, Any]:
    """The flags that were given, as profile values; the profile model checks each one."""
    values = {key: value for key, value in given.items() if value not in (None, [], False)}
    for key in NUMBERS:
        # An empty value stays text, so the model refuses it instead of it meaning "not given".
        if isinstance(values.get(key), str) and values[key].strip():
            values[key] = resolve_plain(values[key].strip())
    if values.get("weekly_volume") is not None and isinstance(values["weekly_volume"], int):
        values["weekly_volume"] = float(values["weekly_volume"])
    if values.get("longest_run") is not None and isinstance(values["longest_run"], int):
        values["longest_run"] = float(values["longest_run"])
    return values


def _stop_now(signum: int, frame: object) -> None:
    """Ctrl-C: remove this run's temporary files, say so, and end with 130 at once."""
    del signum, frame
    outfile.discard_temporaries()
    os.write(2, b"hiprehab: interrupted\n")
    os._exit(int(ExitCode.INTERRUPTED))


def _ask(question: str) -> bool:
    return ask_yes_no(
        question, ended="the input ended before the red-flag questions were answered: " + ANSWER
    )


@app.command("plan")
def plan(
    out: Annotated[
        Path | None, typer.Option(help="Write the printable PDF plan here (default: plan.pdf).")
    ] = None,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Also write the plan as JSON here ('-': standard output).")
    ] = None,
    profile: Annotated[Path | None, typer.Option(help="A profile YAML file; flags override it.")] = None,
    name: Annotated[str | None, typer.Option(help="The runner's name, printed on the plan.")] = None,
    goal: Annotated[
        str | None, typer.Option(help="manage (hip pain now) or prevent, or a template of your own.")
    ] = None,
    weeks: Annotated[
        str | None, typer.Option(help="Plan length in weeks (2 to 52; manage 6, prevent 8).")
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="First day, YYYY-MM-DD (default: the coming Monday, today if Monday).")
    ] = None,
    strength_days: Annotated[
        str | None, typer.Option(help="Days for strength work, e.g. mon,wed,fri (never two in a row).")
    ] = None,
    run_days: Annotated[str | None, typer.Option(help="Days you can run, e.g. tue,thu,sat, or none.")] = None,
    weekly_km: Annotated[
        str | None, typer.Option(help="Your running now: weekly total, in km unless --units says mi or min.")
    ] = None,
    longest_run_km: Annotated[
        str | None, typer.Option(help="Your longest run of the last 30 days, in --units.")
    ] = None,
    units: Annotated[
        str | None, typer.Option(help="km, mi or min (minutes) for the running figures.")
    ] = None,
    pain: Annotated[str | None, typer.Option(help="Your hip pain today, 0 (none) to 10 (worst).")] = None,
    pain_site: Annotated[
        str | None,
        typer.Option(help="Where it hurts: lateral, groin, buttock, front (several: lateral,groin) or none."),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME", help="A diagnosed or suspected condition (repeatable), e.g. tendinopathy."
        ),
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(
            help=(
                "What you have beyond household things (a mat, chair, wall, stair, towel, pillow, "
                "ice pack): e.g. band,weights,bike,pool."
            )
        ),
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
    templates: TemplatesOption = None,
    paper: PaperOption = "a4",
    figures: FiguresOption = True,
    form: Annotated[bool, typer.Option(help="Make the log boxes fillable in a PDF viewer.")] = True,
    ics: Annotated[Path | None, typer.Option(help="Also write a calendar file: one event per day.")] = None,
    session_time: SessionTimeOption = None,
    timezone: TimezoneOption = None,
    print_: Annotated[bool, typer.Option("--print", help="Also print the PDF (see hiprehab print).")] = False,
    printer: PrinterOption = None,
    large_print: Annotated[
        bool,
        typer.Option("--large-print", help="Body text at 14 pt and larger tick boxes, for easier reading."),
    ] = False,
) -> None:
    """Make a week-by-week plan and write it as a printable PDF (and JSON)."""
    # Ctrl-C ends the run on the spot, wherever it is (inside the PDF library too,
    # which would turn the interrupt into an error of its own): nothing is in place
    # before the final renames, which hold Ctrl-C off, so removing the temporary
    # files is all there is to undo.
    signal.signal(signal.SIGINT, _stop_now)
    from hiprehab.api import write_outputs  # noqa: PLC0415 - keep --help fast
    from hiprehab.export.plan import plan_to_json  # noqa: PLC0415
    from hiprehab.model.paper import check_paper  # noqa: PLC0415

    with without_collector(), run_guarded(FLAGS):
        if printer is not None and not print_:
            raise UsageError("--printer says where --print sends the plan; give --print too")
        if print_ and out is None and json_out is not None:
            raise UsageError("--print prints the plan's PDF; give --out FILE.pdf too")
        if red_flag and no_red_flags:
            raise UsageError("--red-flag and --no-red-flags contradict each other; give one of them")
        values = profile_values(
            {
                "name": name, "goal": goal, "weeks": weeks, "start": start, "strength_days": strength_days,
                "run_days": run_days, "weekly_volume": weekly_km, "longest_run": longest_run_km,
                "units": units, "pain": pain, "pain_sites": pain_site,
                "conditions": ",".join(condition) if condition else None, "equipment": equipment,
                "red_flags": ",".join(red_flag) if red_flag else None,
                "cleared_by_clinician": cleared_by_clinician,
            }
        )  # fmt: skip
        if no_red_flags:
            values["red_flags"] = ()
        paper = check_paper(paper)
        pdf_path = out if out is not None or json_out is not None else Path("plan.pdf")
        pdf_to_stdout = pdf_path is not None and str(pdf_path) == "-"
        to_stdout = json_out == "-"
        json_path = None if json_out in (None, "-") else Path(json_out)
        _check_outputs(
            [("--out", None if pdf_to_stdout else pdf_path), ("--json", json_path), ("--ics", ics)],
            [("--profile", profile), *(("--catalogue", c) for c in catalogue or ()),
             *(("--templates", t) for t in templates or ())],
            pdf_to_stdout=pdf_to_stdout, json_to_stdout=to_stdout, printing=print_,
        )  # fmt: skip
        today = dt.date.today()  # noqa: DTZ011 - the command line may read the clock; the engine never does
        result = _make(profile, values, catalogue or [], templates or [], today)
        _warn_name(result.profile.name if pdf_path is not None else "")
        pdf_data = (
            _pdf_data(result, paper, figures=figures, large_print=large_print, form=form)
            if pdf_to_stdout
            else None
        )
        # Once its files are in place the command's work is done: Ctrl-C after that
        # must not say "interrupted" over a plan that was written.
        outfile.HOLD_INTERRUPTS_AFTER_WRITING = True
        written = write_outputs(
            result, pdf=None if pdf_to_stdout else pdf_path, json_path=json_path, paper=paper,
            figures=figures, ics=ics, session_time=session_time, timezone=timezone, large_print=large_print,
            form=form,
        )  # fmt: skip
    if pdf_data is not None:
        _write_stdout(pdf_data)
    if to_stdout:
        typer.echo(plan_to_json(result), nl=False)
    try:
        _report(result, written, quiet=to_stdout or pdf_to_stdout)
    finally:  # a see-a-doctor sheet is printed too, before exit code 3
        if print_ and pdf_path is not None and not pdf_to_stdout:
            send(pdf_path, printer=printer)


def _make(
    profile: Path | None, values: dict[str, Any], catalogue: list[Path], templates: list[Path], today: dt.date
) -> Plan:
    """The plan, asking the red-flag questions when a person can answer them."""
    from hiprehab.api import make_plan  # noqa: PLC0415 - keep --help fast

    ask = _ask if can_ask() else None
    try:
        return make_plan(
            profile, values=values, catalogues=catalogue, templates=templates, today=today, ask=ask
        )
    except InvalidValueError as err:
        if err.field == "red_flags" and ask is None and "unanswered" in err.message:
            raise UsageError(UNANSWERED) from None
        raise


def _pdf_data(result: Plan, paper: str, *, figures: bool, large_print: bool, form: bool) -> bytes:
    from hiprehab.render import pdf_bytes  # noqa: PLC0415 - reportlab loads only when drawing

    return pdf_bytes(result, paper=paper, figures=figures, large_print=large_print, form=form)


def _check_outputs(
    outputs: list[tuple[str, Path | None]],
    inputs: list[tuple[str, Path | None]],
    *,
    pdf_to_stdout: bool,
    json_to_stdout: bool,
    printing: bool,
) -> None:
    """Refuse, before any work, outputs that clash with each other, with an input or with the terminal."""
    from hiprehab.load.outfile import check_distinct, check_target  # noqa: PLC0415

    if pdf_to_stdout and json_to_stdout:
        raise UsageError("--out - and --json - would both write to standard output; give a file for one")
    if pdf_to_stdout and printing:
        raise UsageError("--print prints the plan's PDF from a file; give --out FILE.pdf instead of -")
    if pdf_to_stdout and _stdout_is_terminal():
        raise UsageError(
            "--out -: a PDF would be written on the terminal; redirect it (> plan.pdf) or name a file"
        )
    given = [(flag, path) for flag, path in outputs if path is not None]
    check_distinct(given, [(flag, path) for flag, path in inputs if path is not None])
    for _, path in given:
        check_target(path)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (ValueError, OSError, AttributeError):
        return False


def _write_stdout(data: bytes) -> None:
    """Write bytes to standard output; a closed one fails like any other write (exit 1, a message)."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise OSError(errno.EBADF, "it is closed")
    stream.write(data)
    stream.flush()


def _warn_name(name: str) -> None:
    """Say, before the plan is printed, how the name will differ on paper and why."""
    if not name.strip():
        return
    from hiprehab.fonts import name_on_paper  # noqa: PLC0415 - reportlab only here

    paper = name_on_paper(name)
    if paper.right_to_left:
        shown = printable(name.strip())
        reason = f"the PDF cannot print the right-to-left name '{shown}' (it would come out reversed)"
    elif paper.missing:
        reason = f"the PDF font has no letters for '{printable(paper.missing)}'"
    else:
        reason = ""
    if reason:
        typer.echo(f"hiprehab: {reason}; the plan says '{paper.text}' where the name goes", err=True)
    if paper.dropped:
        typer.echo(
            f"hiprehab: the PDF font cannot draw '{printable(paper.dropped)}' in the name; it is left out",
            err=True,
        )


def _report(result: Plan, written: list[Path], *, quiet: bool) -> None:
    """What was written, what the plan could not honour, and the screening's verdict."""
    from hiprehab.wording import notice_text  # noqa: PLC0415

    for path in written:
        typer.echo(f"wrote {path}", err=quiet)
    for notice in result.notices:
        hint = HINTS.get(notice.code)
        typer.echo(
            f"hiprehab: note: {printable(notice_text(notice))}{f' ({hint})' if hint else ''}", err=True
        )
    outcome = result.screening.outcome
    if outcome == "stop":
        typer.echo(f"hiprehab: {printable(result.rules.stop_title)}. No exercise plan was made:", err=True)
        for reason in result.screening.reasons:
            typer.echo(f"  - {printable(reason)}", err=True)
        raise typer.Exit(int(ExitCode.PLAN_REFUSED))
    if outcome == "refer":
        typer.echo(
            f"hiprehab: {printable(result.rules.refer_title)}; the plan stays in its first phase.", err=True
        )
    typer.echo(
        f"{len(result.weeks)} weeks from {result.start.isoformat()} to {result.end.isoformat()}, "
        f"goal: {result.template.id}",
        err=quiet,
    )
