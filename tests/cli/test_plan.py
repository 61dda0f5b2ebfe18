"""`hiprehab plan`: flags, profile files, red-flag answers, outputs and exit codes."""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from hiprehab import api
from hiprehab.cli import app
from hiprehab.vocab import RED_FLAGS

if TYPE_CHECKING:
    from pathlib import Path

BASE = ["plan", "--start", "2027-01-04", "--no-red-flags"]


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_to_stdout() -> None:
    """`--json -` prints the plan and the summary goes to stderr."""
    code, out, err = run(*BASE, "--goal", "prevent", "--json", "-")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "hiprehab-plan/1"
    assert data["start"] == "2027-01-04"
    assert data["end"] == "2027-02-28"
    assert err.endswith("8 weeks from 2027-01-04 to 2027-02-28, goal: prevent\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "0"], "hiprehab: --weeks: expected a whole number from 2 to 52, found 0\n"),
        (
            ["--start", "2026-02-30"],
            "hiprehab: --start: expected a real date written YYYY-MM-DD, found '2026-02-30'\n",
        ),
        (
            ["--strength-days", "mon,mon"],
            "hiprehab: --strength-days: expected each word once, found 'mon' twice\n",
        ),
        (["--pain", "11"], "hiprehab: --pain: expected a whole number from 0 to 10, found 11\n"),
        (
            ["--start", "9999-12-20"],
            "hiprehab: --start: expected a date from 1900-01-01 to 2999-12-31, found 9999-12-20\n",
        ),
        (
            ["--weekly-km", "10", "--longest-run-km", "20"],
            "hiprehab: --longest-run-km: expected at most the weekly volume (10), found 20\n",
        ),
        (
            ["--units", "mi", "--weekly-km", "0.05", "--longest-run-km", "0.05"],
            (
                "hiprehab: --weekly-km: expected 0 (not running now) or at least 0.1 mi, "
                "the shortest run a plan sets; found 0.05\n"
            ),
        ),
        (
            ["--weekly-km", "10", "--longest-run-km", "0.04"],
            (
                "hiprehab: --longest-run-km: expected 0 (not running now) or at least 0.1 km, "
                "the shortest run a plan sets; found 0.04\n"
            ),
        ),
        (
            ["--equipment", "none,band"],
            (
                "hiprehab: --equipment: expected [none] alone or a list of equipment, "
                "found 'none' with other items\n"
            ),
        ),
        (
            ["--goal", "prevent", "--pain", "6"],
            (
                "hiprehab: --pain: the goal 'prevent' is for runners whose pain is at most 3 out of 10, "
                "found 6; use the goal 'manage' instead\n"
            ),
        ),
        (
            ["--condition", "tendonitis"],
            (
                "hiprehab: --condition: expected one of tendinopathy, bursitis, muscle_strain, "
                "osteoarthritis, labral_tear, fai, stress_fracture; "
                "found 'tendonitis' (did you mean 'tendinopathy'?)\n"
            ),
        ),
        (
            ["--goal", "prevnt"],
            "hiprehab: --goal: expected one of manage, prevent; found 'prevnt' (did you mean 'prevent'?)\n",
        ),
        (
            ["--run-days", "tue,thurs"],
            (
                "hiprehab: --run-days: expected one of mon, tue, wed, thu, fri, sat, sun; "
                "found 'thurs' (did you mean 'thu'?)\n"
            ),
        ),
    ],
)
def test_bad_flag_values_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    """Each wrong flag value gets its exact message and exit code 2."""
    code, _, err = run(*BASE, *args, "--json", str(tmp_path / "p.json"))
    assert code == 2
    assert err == message
    assert not (tmp_path / "p.json").exists()


def test_unanswered_red_flags_without_terminal_exit_2(tmp_path: Path) -> None:
    """Without answers and without a terminal the plan is not made; the message names the flags."""
    code, _, err = run("plan", "--json", str(tmp_path / "p.json"))
    assert code == 2
    assert "give --no-red-flags if none applies, or --red-flag NAME for each that does" in err
    assert not (tmp_path / "p.json").exists()


def test_stop_flag_writes_refusal_and_exits_3(tmp_path: Path) -> None:
    """A stop red flag writes the refused plan and exits 3 with the reason."""
    target = tmp_path / "p.json"
    code, _, err = run("plan", "--start", "2027-01-04", "--red-flag", "night_pain", "--json", str(target))
    assert code == 3
    assert "Pain at rest or at night is not typical of overuse and needs checking." in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["screening"]["outcome"] == "stop"
    assert data["weeks"] == []


def test_refer_flag_keeps_first_phase(tmp_path: Path) -> None:
    """A refer flag gives a plan that stays in the first phase and says so."""
    target = tmp_path / "p.json"
    code, _, err = run(
        "plan", "--start", "2027-01-04", "--red-flag", "previous_injury", "--json", str(target)
    )
    assert code == 0
    assert "See a doctor or physiotherapist before you start; the plan stays in its first phase." in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {w["phase"] for w in data["weeks"]} == {"settle"}


def test_contradicting_red_flag_answers_exit_2() -> None:
    """--red-flag with --no-red-flags is a usage error."""
    code, _, err = run("plan", "--red-flag", "trauma", "--no-red-flags")
    assert code == 2
    assert err == "hiprehab: --red-flag and --no-red-flags contradict each other; give one of them\n"


def test_profile_file_errors_point_at_lines(tmp_path: Path) -> None:
    """A bad profile file exits 1 with file:line:col messages."""
    profile = tmp_path / "me.yaml"
    profile.write_text("goal: manage\npain: eleven\nrun_days: [tue, tue]\n", encoding="utf-8")
    code, _, err = run(
        "plan", "--profile", str(profile), "--no-red-flags", "--json", str(tmp_path / "p.json")
    )
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"{profile}:2:7: pain: expected a whole number from 0 to 10, found 'eleven'"
    assert lines[1] == f"{profile}:3:11: run_days: expected each word once, found 'tue' twice"
    assert lines[-1] == "hiprehab: 2 problems found; nothing was written"


def test_profile_running_below_the_shortest_run_is_refused(tmp_path: Path) -> None:
    """A weekly volume above 0 but below one planned minute exits 1, located, nothing written."""
    profile = tmp_path / "me.yaml"
    profile.write_text(
        "goal: prevent\nweeks: 3\nrun_days: [mon]\nunits: min\n"
        "weekly_volume: 0.9375\nlongest_run: 0.9375\nred_flags: []\n",
        encoding="utf-8",
    )
    target = tmp_path / "p.json"
    code, _, err = run("plan", "--profile", str(profile), "--start", "2027-01-04", "--json", str(target))
    assert code == 1
    assert err.splitlines() == [
        (
            f"{profile}:5:16: weekly_volume: expected 0 (not running now) or at least 1 min, "
            "the shortest run a plan sets; found 0.9375"
        ),
        "hiprehab: 1 problem found; nothing was written",
    ]
    assert not target.exists()


def test_flags_override_profile(tmp_path: Path) -> None:
    """A flag wins over the same key in the profile file."""
    profile = tmp_path / "me.yaml"
    profile.write_text("goal: manage\nweeks: 4\nred_flags: []\n", encoding="utf-8")
    target = tmp_path / "p.json"
    code, _, _ = run(
        "plan", "--profile", str(profile), "--weeks", "3", "--start", "2027-01-04", "--json", str(target)
    )
    assert code == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["weeks"]) == 3


def test_missing_output_folder_is_an_error(tmp_path: Path) -> None:
    """An output in a folder that does not exist exits 1 and names it."""
    target = tmp_path / "nowhere" / "p.json"
    code, _, err = run(*BASE, "--json", str(target))
    assert code == 1
    assert err == f"hiprehab: {target}: the folder {target.parent} does not exist\n"


def test_folder_as_output_is_an_error(tmp_path: Path) -> None:
    """A folder given as the output file exits 1."""
    code, _, err = run(*BASE, "--json", str(tmp_path))
    assert code == 1
    assert err == f"hiprehab: {tmp_path}: expected a file name, found a folder\n"


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    """Two runs with the same flags write byte-identical JSON."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run(*BASE, "--goal", "prevent", "--weekly-km", "20", "--longest-run-km", "8", "--json", str(first))
    run(*BASE, "--goal", "prevent", "--weekly-km", "20", "--longest-run-km", "8", "--json", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_name_with_letters_the_font_lacks_is_warned(tmp_path: Path) -> None:
    """A name with characters the PDF font cannot draw gets a warning; the plan is still made."""
    target = tmp_path / "p.pdf"
    code, _, err = run(*BASE, "--name", "Zoë 李", "--weeks", "2", "--out", str(target))
    assert code == 0
    assert (
        "hiprehab: the PDF font has no letters for '李'; "
        "the plan says '(name not printable: write it here)' where the name goes"
    ) in err
    assert target.exists()


def test_red_flag_questions_are_asked_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At a terminal each question is asked; a yes to night pain stops the plan with exit 3."""
    monkeypatch.setattr("hiprehab.cli.plan.can_ask", lambda: True)
    answers = "".join("y\n" if flag == "night_pain" else "n\n" for flag in RED_FLAGS)
    target = tmp_path / "p.json"
    result = CliRunner().invoke(app, ["plan", "--start", "2027-01-04", "--json", str(target)], input=answers)
    assert result.exit_code == 3
    assert result.stderr.count("[y/N]") == len(RED_FLAGS)
    assert json.loads(target.read_text(encoding="utf-8"))["screening"]["flags"] == ["night_pain"]


def test_a_plan_is_made_without_the_cycle_collector_which_is_on_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan is made and written with the cycle collector off, which is on again after, even on failure."""
    seen: list[bool] = []
    write = api.write_outputs

    def watched(*args: Any, **kwargs: Any) -> list[Path]:
        seen.append(gc.isenabled())
        return write(*args, **kwargs)

    monkeypatch.setattr(api, "write_outputs", watched)
    assert gc.isenabled()
    assert run(*BASE, "--goal", "prevent", "--json", str(tmp_path / "p.json"))[0] == 0
    assert (seen, gc.isenabled()) == ([False], True)
    assert run(*BASE, "--goal", "prevent", "--weekly-km", "-3", "--json", str(tmp_path / "q.json"))[0] == 2
    assert gc.isenabled()


def test_running_too_small_to_grow_is_noted_on_stderr() -> None:
    """5 min a week cannot grow by 10% in whole minutes: the CLI says so on stderr."""
    code, _, err = run(
        *BASE,
        *("--goal", "prevent", "--weeks", "2", "--run-days", "tue,sat", "--units", "min"),
        *("--weekly-km", "5", "--longest-run-km", "2", "--pain", "0", "--json", "-"),
    )
    assert code == 0
    assert (
        "hiprehab: note: Your running is small enough that 10% more, for the week or for a single run, "
        "is less than one minute, the smallest step this plan uses, so from week 2 it stays at 4 min a week"
    ) in err
