"""`hiprehab log-sheet` and `hiprehab review` from the command line: the whole loop, and its errors."""

from __future__ import annotations

import csv
import gc
import json
import logging
from typing import TYPE_CHECKING

import pypdf
import pytest
from typer.testing import CliRunner

from hiprehab.cli import app

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

PLAN = [
    "plan", "--goal", "manage", "--weeks", "6", "--start", "2027-01-04", "--weekly-km", "20",
    "--longest-run-km", "8", "--pain", "3", "--no-red-flags", "--no-figures",
]  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def plan_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A plan's PDF and its blank log, made once for this module's tests."""
    folder = tmp_path_factory.mktemp("plan")
    pdf, log = folder / "plan.pdf", folder / "log.csv"
    code, _, err = run(*PLAN, "--out", str(pdf))
    assert code == 0, err
    code, out, err = run("log-sheet", str(pdf), "--out", str(log))
    assert code == 0, err
    rows = sum(1 for _ in log.open(encoding="utf-8")) - 1
    assert out == f"wrote {log} ({rows} sessions to log)\n"
    return pdf, log


def filled(blank: Path, target: Path, rule: Callable[[list[str]], list[str]]) -> Path:
    """The blank log with every row filled in by ``rule``."""
    rows = list(csv.reader(blank.open(encoding="utf-8")))
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([rows[0], *(rule(r) for r in rows[1:])])
    return target


def test_green_log_writes_the_next_block(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """An all-green log moves up and writes the next block from the day after, with its chart and calendar."""
    pdf, blank = plan_files
    log = filled(blank, tmp_path / "log.csv", lambda r: [r[0], r[1], "yes", "2", "1", ""])
    out, js, ics, png = (tmp_path / n for n in ("next.pdf", "next.json", "next.ics", "chart.png"))
    code, stdout, err = run(
        "review", str(pdf), "--log", str(log), "--out", str(out), "--json", str(js), "--ics", str(ics),
        "--chart", str(png),
    )  # fmt: skip
    assert code == 0, err
    assert "  strength: move up (pain stayed at 3 or less" in stdout
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["start"] == "2027-02-15"
    assert data["weeks"][0]["phase"] == "return"
    assert png.read_bytes().startswith(b"\x89PNG")
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert stdout.endswith(
        "next block: 6 weeks from 2027-02-15 to 2027-03-28, starting in the phase 'Return to running'\n"
    )


def test_the_next_block_reviews_again(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """The next block's PDF is itself a plan the loop can log and review."""
    pdf, blank = plan_files
    log = filled(blank, tmp_path / "log.csv", lambda r: [r[0], r[1], "yes", "1", "1", ""])
    nxt = tmp_path / "next.pdf"
    assert run("review", str(pdf), "--log", str(log), "--out", str(nxt))[0] == 0
    code, _, err = run("log-sheet", str(nxt), "--out", str(tmp_path / "next.csv"))
    assert code == 0, err
    first = next(csv.reader((tmp_path / "next.csv").open(encoding="utf-8").readlines()[1:]))
    assert first[0] == "2027-02-15"


def test_high_pain_ends_in_a_referral(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """Pain of 7 in the log: no next block, a referral sheet instead, exit code 3."""
    pdf, blank = plan_files
    log = filled(blank, tmp_path / "log.csv", lambda r: [r[0], r[1], "yes", "7", "6", ""])
    out = tmp_path / "next.pdf"
    code, _, err = run("review", str(pdf), "--log", str(log), "--out", str(out))
    assert code == 3
    assert "hiprehab: your log shows a pain pattern that needs a clinician; no next block was made:\n" in err
    assert "  - pain reached 7/10 (56 sessions above 5, first on 2027-01-04)\n" in err
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("which", ["plan", "log"])
def test_an_input_is_never_overwritten(plan_files: tuple[Path, Path], tmp_path: Path, which: str) -> None:
    """Giving an input as the output is a usage error, and the input is left as it was."""
    pdf, blank = plan_files
    log = filled(blank, tmp_path / "log.csv", lambda r: [r[0], r[1], "yes", "1", "1", ""])
    target = pdf if which == "plan" else log
    before = target.read_bytes()
    code, _, err = run("review", str(pdf), "--log", str(log), "--out", str(target))
    assert code == 2
    assert err == f"hiprehab: {target}: this is an input of the review; write the result to another file\n"
    assert target.read_bytes() == before


def test_pain_outside_the_scale_is_an_error(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """A pain score of 12 is named at its line and column; nothing is written."""
    pdf, blank = plan_files
    log = filled(
        blank,
        tmp_path / "log.csv",
        lambda r: [r[0], r[1], "yes", "12" if r[0] == "2027-01-05" else "1", "1", ""],
    )
    code, _, err = run("review", str(pdf), "--log", str(log), "--out", str(tmp_path / "next.pdf"))
    assert code == 1
    assert err.startswith(f"{log}:")
    assert "pain_during: expected a whole number from 0 to 10, found '12'" in err
    assert err.endswith("hiprehab: 1 problem found; nothing was written\n")
    assert not (tmp_path / "next.pdf").exists()


def test_a_pdf_from_elsewhere_is_refused(tmp_path: Path) -> None:
    """A file that is not hiprehab's PDF is refused with exit code 1."""
    other = tmp_path / "other.pdf"
    other.write_bytes(b"not a pdf")
    code, _, err = run("log-sheet", str(other), "--out", str(tmp_path / "log.csv"))
    assert code == 1
    assert err == f"hiprehab: {other}: expected a PDF written by hiprehab plan; this file is not a PDF\n"


def test_a_damaged_pdf_gets_only_our_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A cut-off PDF is refused in review's own words, without pypdf's log lines ("EOF marker not found")."""
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\njunk junk\n")
    with caplog.at_level(logging.DEBUG):
        code, _, err = run("review", str(damaged), "--out", str(tmp_path / "next.pdf"))
    assert code == 1
    assert err.startswith(f"hiprehab: {damaged}: this PDF cannot be read (")
    assert err.count("\n") == 1
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []


def test_a_pdf_without_a_form_needs_a_log(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """Reviewing a plan printed without form fields and no --log says to give the CSV."""
    del plan_files
    pdf = tmp_path / "plain.pdf"
    assert run(*PLAN, "--no-form", "--out", str(pdf))[0] == 0
    code, _, err = run("review", str(pdf), "--out", str(tmp_path / "next.pdf"))
    assert code == 2
    assert err == (
        f"hiprehab: {pdf}: this PDF has no form to read; give the CSV you filled in with --log "
        "(hiprehab log-sheet makes a blank one)\n"
    )


def fill_form(pdf: Path, target: Path, value: Callable[[str], str | None]) -> Path:
    """``pdf`` with each form field set to ``value(name)`` (None leaves it empty), as a viewer saves it."""
    reader = pypdf.PdfReader(pdf)
    values = {name: v for name in reader.get_fields() or {} if (v := value(name)) is not None}
    writer = pypdf.PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)
    return target


def day_log(done: str, during: str, morning: str) -> Callable[[str], str | None]:
    """Every day's log filled in the same way; the exercises' own boxes left empty."""
    return lambda name: {
        ".day.done": done,
        ".day.pain_during": during,
        ".day.pain_next_morning": morning,
    }.get(name[name.index(".day.") :] if ".day." in name else "")


def test_a_form_filled_in_a_viewer_is_reviewed(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """Form fields filled with pypdf: the review reads them without a CSV and moves up."""
    pdf, _ = plan_files
    filled_pdf = fill_form(pdf, tmp_path / "filled.pdf", day_log("/Yes", "2", "1"))
    nxt = tmp_path / "next.json"
    code, out, err = run("review", str(filled_pdf), "--json", str(nxt))
    assert code == 0, err
    assert "  strength: move up (" in out
    assert json.loads(nxt.read_text(encoding="utf-8"))["start"] == "2027-02-15"


def test_a_worse_morning_in_the_form_steps_back(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """Next-morning pain up from 1 to 2 after the last week's Wednesday strength: step back."""
    pdf, _ = plan_files

    def value(name: str) -> str | None:
        week, day = (int(part[1:]) for part in name.split(".")[:2])
        if name.endswith(".day.done"):
            return "/Yes"
        if name.endswith(".day.pain_during"):
            return "2"
        if name.endswith(".day.pain_next_morning"):
            return "2" if week == 6 and day >= 3 else "1"
        return None

    code, out, err = run("review", str(fill_form(pdf, tmp_path / "filled.pdf", value)))
    assert code == 0, err
    assert (
        "  strength: step back (pain next morning was worse after 1 of 2 strength sessions in week 6" in out
    )


def test_a_score_outside_the_scale_in_the_form_is_named_on_its_own_line(
    plan_files: tuple[Path, Path], tmp_path: Path
) -> None:
    """A viewer's 12 and 'x' in two pain fields: each named by week, day and field; nothing written."""
    pdf, _ = plan_files
    bad = {"w1.d1.day.done": "/Yes", "w1.d1.day.pain_during": "12", "w2.d3.day.pain_next_morning": "x"}
    filled_pdf = fill_form(pdf, tmp_path / "filled.pdf", bad.get)
    code, _, err = run("review", str(filled_pdf), "--out", str(tmp_path / "next.pdf"))
    assert code == 1
    assert err.splitlines() == [
        (
            f"{filled_pdf}: week 1, day 1 (2027-01-04), pain during (field w1.d1.day.pain_during): "
            "expected a whole number from 0 to 10, found '12'"
        ),
        (
            f"{filled_pdf}: week 2, day 3 (2027-01-13), pain next morning "
            "(field w2.d3.day.pain_next_morning): expected a whole number from 0 to 10, found 'x'"
        ),
        "hiprehab: 2 problems found; nothing was written",
    ]
    assert not (tmp_path / "next.pdf").exists()


def test_the_cycle_collector_is_back_on_after_a_review(plan_files: tuple[Path, Path], tmp_path: Path) -> None:
    """A review runs without the cycle collector for speed, and leaves it on, even when it fails."""
    pdf, blank = plan_files
    bad = filled(blank, tmp_path / "log.csv", lambda r: [r[0], r[1], "yes", "11", "1", ""])
    assert gc.isenabled()
    assert run("review", str(pdf), "--log", str(bad), "--out", str(tmp_path / "next.pdf"))[0] == 1
    assert gc.isenabled()
