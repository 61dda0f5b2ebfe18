"""The command line under hostile use: closed or full streams, empty values, no answers.

Each case ends with a documented exit code and one line on stderr, never a traceback.
The stream cases run the real program in a subprocess, since they are about file
descriptors the test runner would otherwise replace.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hiprehab.cli import app, main
from hiprehab.vocab import RED_FLAGS

BASE = ["plan", "--start", "2027-01-04", "--no-red-flags"]


def test_closed_stdin_when_questions_would_be_asked_is_a_usage_error() -> None:
    """With stdin closed (``<&-``) nobody can answer: exit 2 with the flags that answer instead."""
    result = subprocess.run(
        [sys.executable, "-m", "hiprehab", "plan", "--start", "2027-01-04", "--json", "-"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=lambda: __import__("os").close(0),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("hiprehab: the red-flag questions are unanswered")


def test_end_of_input_at_a_question_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-D after two answers assumes nothing: exit 2, 'the input ended', not 'invalid input'."""
    monkeypatch.setattr("hiprehab.cli.plan.can_ask", lambda: True)
    result = CliRunner().invoke(app, ["plan", "--start", "2027-01-04", "--json", "-"], input="n\nn\n")
    assert result.exit_code == 2
    assert result.stderr.count("[y/N]") == 3
    assert result.stderr.splitlines()[-1].startswith(
        "hiprehab: the input ended before the red-flag questions were answered: give --no-red-flags"
    )
    assert result.stdout == ""


def test_an_unclear_answer_is_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer other than y or n is asked again rather than read as no."""
    monkeypatch.setattr("hiprehab.cli.plan.can_ask", lambda: True)
    answers = "maybe\n" + "n\n" * len(RED_FLAGS)
    result = CliRunner().invoke(app, ["plan", "--start", "2027-01-04", "--json", "-"], input=answers)
    assert result.exit_code == 0
    assert result.stderr.count("Please answer y or n.") == 1


def test_closed_stdout_loses_no_json_silently() -> None:
    """``--json -`` with stdout closed (``>&-``) ends with exit 1 and says so."""
    result = subprocess.run(
        [sys.executable, "-m", "hiprehab", *BASE, "--json", "-"],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert result.returncode == 1
    assert result.stderr == "hiprehab: cannot write to standard output: it is closed\n"


def test_full_stdout_loses_no_json_silently() -> None:
    """``--json -`` to ``/dev/full`` ends with exit 1 and the reason, never 0 with the JSON lost."""
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "hiprehab", *BASE, "--json", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr == "hiprehab: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--pain-site", "", "--pain-site: expected words separated by commas, found an empty word in ''"),
        ("--pain-site", ",", "--pain-site: expected words separated by commas, found an empty word in ','"),
        ("--units", "", "--units: expected one of km, mi, min; found ''"),
        ("--units", ",", "--units: expected one word, found the list ','"),
        ("--units", "km,mi", "--units: expected one word, found the list 'km,mi'"),
        ("--paper", "", "--paper: expected one of a4, letter; found ''"),
        ("--paper", ",", "--paper: expected one of a4, letter; found ','"),
        ("--weeks", "", "--weeks: expected a whole number from 2 to 52, found ''"),
        ("--condition", "", "--condition: expected words separated by commas, found an empty word in ''"),
        ("--equipment", ",,", "--equipment: expected words separated by commas, found an empty word in ',,'"),
    ],
)
def test_empty_and_comma_only_values_are_refused(flag: str, value: str, message: str) -> None:
    """An empty or comma-only value, or a list where one word is allowed, is exit 2 naming the flag."""
    result = CliRunner().invoke(app, [*BASE, "--json", "-", f"{flag}={value}"])
    assert result.exit_code == 2
    assert result.stderr == f"hiprehab: {message}\n"
    assert result.stdout == ""


def test_output_clash_is_refused_before_any_work(tmp_path: Path) -> None:
    """``--out x --json x`` is a usage error even when the catalogue is broken: nothing is read first."""
    broken = tmp_path / "mycat"
    broken.mkdir()
    (broken / "bad.yaml").write_text("exercises: nope\n", encoding="utf-8")
    same = tmp_path / "x"
    result = CliRunner().invoke(
        app, [*BASE, "--catalogue", str(broken), "--out", str(same), "--json", str(same)]
    )
    assert result.exit_code == 2
    assert (
        result.stderr == f"hiprehab: --json and --out name the same file ({same}); give two different files\n"
    )
    assert not same.exists()


def test_output_inside_a_catalogue_folder_is_refused(tmp_path: Path) -> None:
    """``--out mycat/strength.yaml`` with ``--catalogue mycat`` would destroy an input: exit 2, file kept."""
    folder = tmp_path / "mycat"
    folder.mkdir()
    mine = folder / "strength.yaml"
    mine.write_text("exercises: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, [*BASE, "--catalogue", str(folder), "--out", str(mine)])
    assert result.exit_code == 2
    assert "would overwrite the input given by --catalogue" in result.stderr
    assert mine.read_text(encoding="utf-8") == "exercises: []\n"


def test_out_dash_writes_the_pdf_to_stdout_and_no_file_named_dash(tmp_path: Path) -> None:
    """``--out -`` sends the PDF to standard output; the summary goes to stderr; no file '-' appears."""
    with (tmp_path / "plan.pdf").open("wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "hiprehab", *BASE, "--weeks", "2", "--out", "-"],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
            cwd=tmp_path,
        )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "-").exists()
    assert result.stderr.endswith("2 weeks from 2027-01-04 to 2027-01-17, goal: manage\n")


def test_out_dash_with_json_dash_is_refused() -> None:
    """Two outputs on standard output cannot both be read back: exit 2."""
    result = CliRunner().invoke(app, [*BASE, "--out", "-", "--json", "-"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "hiprehab: --out - and --json - would both write to standard output; give a file for one\n"
    )


def test_unknown_option_is_a_usage_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The program itself (not the test runner) ends an unknown option with exit 2 and typer's usage."""
    monkeypatch.setattr(sys, "argv", ["hiprehab", "review", "plan.pdf", "--bogus"])
    with pytest.raises(SystemExit) as ended:
        main()
    err = capsys.readouterr().err
    assert ended.value.code == 2
    assert err.splitlines()[0] == "Usage: hiprehab review [OPTIONS] {PLAN.pdf}"
    assert "Error: No such option: --bogus" in err
    assert "Traceback" not in err
