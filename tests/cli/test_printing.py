"""``hiprehab print`` and ``hiprehab printers`` on a real CUPS queue (cups-pdf), and their errors."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from hiprehab.api import make_plan
from hiprehab.cli import app
from hiprehab.printing import _paper, read_plan
from hiprehab.render import render_pdf
from testing.cups import CLOSED_QUEUE, QUEUE, CupsUnavailableError, PrivateCups, start_cups
from testing.render_fixtures import reader

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from typer.testing import CliRunner

MONDAY = dt.date(2027, 1, 4)
PLAN_VALUES = {"goal": "manage", "weeks": 2, "pain": 3, "pain_site": "lateral", "red_flags": ()}


@pytest.fixture(scope="module")
def cups() -> Iterator[PrivateCups]:
    """A private CUPS scheduler with a cups-pdf queue, stopped after this module; skipped where impossible."""
    try:
        server = start_cups()
    except CupsUnavailableError as err:
        pytest.skip(f"no CUPS queue to print to: {err}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def on_cups(cups: PrivateCups, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> PrivateCups:
    """Point the CUPS commands at the private scheduler, with no user default printer."""
    for key, value in cups.env.items():
        monkeypatch.setenv(key, value)
    for key in ("LPDEST", "PRINTER"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.cups/lpoptions of the user running the tests
    return cups


@pytest.fixture(scope="session")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real 2-week manage plan on Letter (the test queue's own paper is A4), by the engine and renderer."""
    path = tmp_path_factory.mktemp("print") / "plan.pdf"
    render_pdf(make_plan(None, values=PLAN_VALUES, today=MONDAY), path, paper="letter")
    return path


def texts(path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it (much faster than pypdf)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils; scripts/test.sh installs it)")
    command = ["pdftotext", str(path), "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout.split("\f")[:-1]


def words(path: Path) -> list[list[str]]:
    """The words of each page, letters and digits only, sorted.

    Printing keeps every glyph, but not what the symbols (a tick, an arrow) mean as text,
    nor always the order the text was drawn in.
    """
    return [sorted(re.findall(r"[^\W_]+", page)) for page in texts(path)]


def request_of(output: str) -> str:
    """The request id in ``hiprehab print``'s report."""
    match = re.search(r"request (\S+)$", output.strip())
    assert match is not None, output
    return match[1]


def printed_paper(path: Path) -> str:
    """The printed file's paper size, "A4" or "Letter" (it is not a plan, so read its page directly)."""
    return _paper(reader(path.read_bytes()).pages[0]) or "another size"


def test_print_sends_the_whole_plan(runner: CliRunner, on_cups: PrivateCups, plan_pdf: Path) -> None:
    """The queue prints every page of the plan on the plan's paper, with the same text on each page."""
    result = runner.invoke(app, ["print", str(plan_pdf), "--printer", QUEUE, "--no-duplex"])
    assert result.exit_code == 0, result.stderr
    assert f"to {QUEUE} (one-sided, Letter)" in result.stdout
    printed = on_cups.wait_for(request_of(result.stdout))
    sent_words = words(plan_pdf)
    printed_words = words(printed)
    assert len(printed_words) == len(sent_words) == read_plan(plan_pdf).page_count
    assert printed_words == sent_words
    assert printed_paper(printed) == "Letter"  # without media=Letter, the queue prints on A4


def test_print_weeks_sends_the_pages_of_that_week(
    runner: CliRunner, on_cups: PrivateCups, plan_pdf: Path
) -> None:
    """``--weeks 2`` prints exactly the pages the outline gives week 2, and nothing else."""
    week = next(w for w in read_plan(plan_pdf).weeks if w.number == 2)
    on_cups.run("lpadmin", "-d", QUEUE)  # the default queue, so no --printer is needed
    result = runner.invoke(app, ["print", str(plan_pdf), "--weeks", "2"])
    assert result.exit_code == 0, result.stderr
    printed = on_cups.wait_for(request_of(result.stdout))
    sent = words(plan_pdf)[week.first - 1 : week.last]
    printed_words = words(printed)
    assert printed_words == sent
    printed_text = [page.split("\n") for page in texts(printed)]
    assert any(re.match(r"Week 2\b", line) for line in printed_text[0])
    assert not any(re.match(r"Week 1\b", line) for page in printed_text for line in page)


def test_printers_lists_the_queues_and_the_default(runner: CliRunner, on_cups: PrivateCups) -> None:
    """``hiprehab printers`` lists every queue, one a line, and marks the default."""
    on_cups.run("lpadmin", "-d", QUEUE)
    result = runner.invoke(app, ["printers"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [CLOSED_QUEUE, f"{QUEUE} (default)"]


def test_unknown_printer_lists_the_known_ones(
    runner: CliRunner, on_cups: PrivateCups, plan_pdf: Path
) -> None:
    """A queue that does not exist is a usage error naming --printer and the queues there are."""
    del on_cups
    result = runner.invoke(app, ["print", str(plan_pdf), "--printer", "office"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"hiprehab: --printer: no printer is called 'office'; the printers are: {CLOSED_QUEUE}, {QUEUE}"
    )


def test_without_printer_the_default_is_needed(
    runner: CliRunner, on_cups: PrivateCups, plan_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no --printer and no default printer, print is a usage error listing the printers."""
    on_cups.run("lpadmin", "-d", QUEUE)
    monkeypatch.setenv("LPDEST", "garage")  # a user's default that does not exist hides the system's
    result = runner.invoke(app, ["print", str(plan_pdf)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"hiprehab: --printer: there is no default printer; choose one of: {CLOSED_QUEUE}, {QUEUE}"
    )


def test_a_refused_job_shows_lps_message(runner: CliRunner, on_cups: PrivateCups, plan_pdf: Path) -> None:
    """A queue that refuses jobs makes exit code 4, with lp's own words."""
    del on_cups
    result = runner.invoke(app, ["print", str(plan_pdf), "--printer", CLOSED_QUEUE])
    assert result.exit_code == 4
    assert f"the printer '{CLOSED_QUEUE}' did not take the job; lp said:" in result.stderr
    assert "not accepting jobs" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "9"], "--weeks: the plan has 2 weeks, numbered 1 to 2; found '9'"),
        (["--weeks", "2-1"], "--weeks: a range goes from low to high, such as 3-4; found '2-1'"),
        (["--weeks", "two"], "--weeks: expected a week number or a range such as 3-4"),
        (["--pages", "0-2"], "--pages: the plan has"),
        (["--weeks", "1", "--pages", "1"], "--weeks and --pages choose pages in two ways"),
    ],
)
def test_bad_ranges_are_usage_errors_naming_the_flag(
    runner: CliRunner, plan_pdf: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    """A week or page range the plan does not have is refused before CUPS is asked anything."""
    monkeypatch.setenv("PATH", "")  # no lp to run: the ranges are checked first
    result = runner.invoke(app, ["print", str(plan_pdf), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"hiprehab: {message}")


def test_no_cups_says_how_to_print_by_hand(
    runner: CliRunner, plan_pdf: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without CUPS's commands, print fails with exit 4 and says how to print from a PDF viewer."""
    monkeypatch.setenv("PATH", str(tmp_path))
    result = runner.invoke(app, ["print", str(plan_pdf)])
    assert result.exit_code == 4
    assert "no CUPS printing commands (`lp` and `lpstat` not found)" in result.stderr
    assert f"open {plan_pdf} in a PDF viewer and print it at actual size on Letter paper" in result.stderr
    assert "On Windows, printing is always done from a PDF viewer" in result.stderr
    printers = runner.invoke(app, ["printers"])
    assert printers.exit_code == 4
    assert "no CUPS printing commands" in printers.stderr


def test_a_pdf_hiprehab_did_not_write_is_not_sent(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF from another program is refused with exit 1, before any printer is looked for."""
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    monkeypatch.setenv("PATH", "")
    other = tmp_path / "letter.pdf"
    canvas = Canvas(str(other))
    canvas.setCreator("Writer")
    canvas.drawString(72, 720, "Dear runner")
    canvas.save()
    result = runner.invoke(app, ["print", str(other)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"hiprehab: {other}: not a plan written by hiprehab (its creator is 'Writer')"
    )
    assert "nothing was sent" in result.stderr


def test_plan_print_writes_then_prints(
    runner: CliRunner, on_cups: PrivateCups, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``hiprehab plan --print --printer Q`` writes the PDF, then sends that file to Q."""
    monkeypatch.chdir(tmp_path)
    args = ["plan", "--goal", "manage", "--weeks", "2", "--pain", "3", "--pain-site", "lateral"]
    result = runner.invoke(
        app, [*args, "--no-red-flags", "--start", "2027-01-04", "--no-figures", "--print", "--printer", QUEUE]
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "wrote plan.pdf"
    assert lines[-1].startswith(
        f"sent {read_plan(tmp_path / 'plan.pdf').page_count} pages of plan.pdf to {QUEUE}"
    )
    request = request_of(lines[-1])
    jobs = on_cups.run("lpstat", "-W", "all", "-o", QUEUE).stdout.split()
    on_cups.run("cancel", request)  # what the queue prints is compared in the tests above
    assert request in jobs


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--printer", QUEUE], "--printer says where --print sends the plan; give --print too"),
        (["--print", "--json", "plan.json"], "--print prints the plan's PDF; give --out FILE.pdf too"),
    ],
)
def test_plan_print_needs_a_pdf(runner: CliRunner, args: list[str], message: str) -> None:
    """``--printer`` without ``--print``, or ``--print`` with no PDF written, are usage errors."""
    result = runner.invoke(app, ["plan", "--goal", "manage", "--no-red-flags", *args])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"hiprehab: {message}"
