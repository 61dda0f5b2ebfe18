"""`hiprehab batch`: a roster in, one PDF a runner out, progress, a summary, and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hiprehab.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
HEADER = "name,goal,weeks,start,pain,red_flags\n"
GOOD = "A. Runner,manage,2,2027-01-04,2,none\n"


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in ``tmp_path``, so messages name the roster and folder as typed."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.slow
def test_the_example_roster_makes_every_kind_of_outcome(tmp_path: Path) -> None:
    """docs/examples/roster.csv: two plans, a referred runner and a stopped one; exit 3; a summary by row."""
    shutil.copyfile(EXAMPLES / "roster.csv", tmp_path / "roster.csv")
    code, out, err = run("batch", "roster.csv", "--out-dir", "plans", "--jobs", "1")
    assert code == 3
    assert out == (
        "made         2  rows 2-3\n"
        "referred     1  row 4\n"
        "stopped      1  row 5\n"
        "invalid      0\n"
    )  # fmt: skip
    lines = err.splitlines()
    assert [line for line in lines if line.startswith("[")] == [
        "[1/4] row 2: made: plans/a-runner.pdf",
        "[2/4] row 3: made: plans/b-strider.pdf",
        "[3/4] row 4: referred (see a doctor first): plans/c-pacer.pdf",
        "[4/4] row 5: stopped: a referral sheet: plans/d-hurdler.pdf",
    ]
    # The referred runner's notices (no running until cleared...) follow its line, named by its row.
    notes = lines[3:-1]
    assert notes
    assert all(line.startswith("roster.csv:4: note: ") for line in notes)
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == [
        "a-runner.pdf", "b-strider.pdf", "c-pacer.pdf", "d-hurdler.pdf",
    ]  # fmt: skip


def test_a_bad_row_is_reported_and_the_others_are_made(tmp_path: Path) -> None:
    """Problems read roster.csv:ROW: column: ...; the good row is still made and the exit code is 1."""
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + GOOD + "B. Strider,manage,two,2027-01-04,2,\n", encoding="utf-8")
    code, out, err = run("batch", "roster.csv", "--jobs", "1")
    assert code == 1
    assert err.splitlines() == [
        "roster.csv:3: weeks: expected a whole number from 2 to 52, found 'two'",
        (
            "roster.csv:3: red_flags: expected the answers to the red-flag questions "
            "('none' when none applies, else the names of those that apply, separated by ';'), "
            "found an empty cell"
        ),
        "[1/1] row 2: made: a-runner.pdf",
    ]
    assert out.splitlines()[0] == "made         1  row 2"
    assert out.splitlines()[-1] == "invalid      1  row 3"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-runner.pdf", "roster.csv"]


@pytest.mark.slow
def test_rerunning_after_a_fix_leaves_the_other_files_byte_identical(tmp_path: Path) -> None:
    """Fixing one row and running again adds its plan and rewrites the others with the same bytes."""
    roster = tmp_path / "roster.csv"
    second = "B. Strider,prevent,2,2027-01-04,{pain},none\n"
    roster.write_text(HEADER + GOOD + second.format(pain=5), encoding="utf-8")
    code, _, err = run("batch", "roster.csv", "--out-dir", "out", "--json", "--jobs", "1")
    assert code == 1
    assert "roster.csv:3: pain: the goal 'prevent' is for runners whose pain is at most 3 out of 10" in err
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert sorted(before) == ["a-runner.json", "a-runner.pdf"]
    roster.write_text(HEADER + GOOD + second.format(pain=1), encoding="utf-8")
    code, out, _ = run("batch", "roster.csv", "--out-dir", "out", "--json", "--jobs", "1")
    assert code == 0
    assert out.splitlines()[0] == "made         2  rows 2-3"
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert sorted(after) == ["a-runner.json", "a-runner.pdf", "b-strider.json", "b-strider.pdf"]
    assert {name: after[name] for name in before} == before
    assert json.loads(after["b-strider.json"])["profile"]["name"] == "B. Strider"


def test_a_yaml_roster_reports_lines_and_columns(tmp_path: Path) -> None:
    """A YAML roster's bad item is named by file:line:col; nothing is made when no row is valid."""
    (tmp_path / "squad.yaml").write_text("- name: A\n  pain: 12\n  red_flags: []\n", encoding="utf-8")
    code, out, err = run("batch", "squad.yaml", "--jobs", "1")
    assert code == 1
    assert err == "squad.yaml:2:9: pain: expected a whole number from 0 to 10, found 12\n"
    assert out.splitlines()[-1] == "invalid      1  profile 1"  # a YAML list's items are profiles


def test_a_roster_that_is_not_csv_or_yaml_is_a_usage_error(tmp_path: Path) -> None:
    """Exit 2 and a message naming the file."""
    (tmp_path / "roster.txt").write_text("name\n", encoding="utf-8")
    code, _, err = run("batch", "roster.txt")
    assert code == 2
    assert (
        err == "hiprehab: roster.txt: expected a roster ending in .csv, .yaml or .yml, found 'roster.txt'\n"
    )


def test_catalogue_problems_stop_before_any_plan(tmp_path: Path) -> None:
    """A broken catalogue is reported once, with its lines, and nothing is written."""
    (tmp_path / "roster.csv").write_text(HEADER + GOOD, encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "x.yaml").write_text("exercises: [\n", encoding="utf-8")
    code, out, err = run("batch", "roster.csv", "--catalogue", "mine", "--out-dir", "out")
    assert code == 1
    assert out == ""
    assert err.startswith("mine/x.yaml:2:1: YAML syntax error:")
    assert err.endswith("hiprehab: 1 problem found; nothing was written\n")
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    """--out-dir naming a file exits 1 before any plan is made."""
    (tmp_path / "roster.csv").write_text(HEADER + GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    code, _, err = run("batch", "roster.csv", "--out-dir", "out")
    assert code == 1
    assert err == "hiprehab: out: expected a folder for the plans, found a file\n"


def test_a_wrong_paper_names_the_flag() -> None:
    """--paper is checked before the roster is read."""
    code, _, err = run("batch", "roster.csv", "--paper", "a3")
    assert code == 2
    assert err == "hiprehab: --paper: expected one of a4, letter; found 'a3'\n"


def test_a_calendar_time_without_a_calendar_is_a_usage_error() -> None:
    """--session-time without --ics would be silently ignored: it is refused instead."""
    code, _, err = run("batch", "roster.csv", "--session-time", "07:30")
    assert code == 2
    assert err == "hiprehab: --session-time sets the time of the calendar's events: give --ics too\n"


def test_a_wrong_session_time_is_refused_before_any_row(tmp_path: Path) -> None:
    """The calendar's time is checked once, naming the flag, and nothing is made."""
    (tmp_path / "roster.csv").write_text(HEADER + GOOD, encoding="utf-8")
    code, out, err = run("batch", "roster.csv", "--ics", "--session-time", "25:00")
    assert code == 2
    assert err == "hiprehab: --session-time: expected a time of day as HH:MM, e.g. 07:30; found '25:00'\n"
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]


def test_ics_writes_a_calendar_beside_each_plan(tmp_path: Path) -> None:
    """--ics adds NAME.ics for each made plan, with timed events when --session-time is given."""
    (tmp_path / "roster.csv").write_text(HEADER + GOOD, encoding="utf-8")
    code, _, err = run("batch", "roster.csv", "--ics", "--session-time", "07:30", "--jobs", "1")
    assert code == 0, err
    assert err == "[1/1] row 2: made: a-runner.pdf, a-runner.ics\n"
    assert "DTSTART:20270104T073000" in (tmp_path / "a-runner.ics").read_text(encoding="utf-8")
