"""Reading a roster: CSV rows and YAML items become checked profiles, or problems that say where."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiprehab.batch.roster import read_roster, unique_stems
from hiprehab.errors import InvalidInputError, UsageError

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
HEADER = "name,goal,pain,run_days,weekly_volume,longest_run,red_flags\n"


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder / name`` and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name the roster relative to the working folder: run in ``tmp_path``."""
    monkeypatch.chdir(tmp_path)


def test_csv_row_becomes_a_profile(tmp_path: Path) -> None:
    """Cells are read as profile values: numbers, lists split by ';', 'none' for no red flags."""
    path = write(tmp_path, "r.csv", HEADER + "A. Runner,prevent,1,tue;thu;sun,25,10,none\n")
    (row,) = read_roster(path).rows
    assert row.problems == ()
    assert row.profile is not None
    assert (row.number, row.stem, row.profile.name, row.profile.goal) == (
        2,
        "a-runner",
        "A. Runner",
        "prevent",
    )
    assert row.profile.run_days == ("tue", "thu", "sun")
    assert (row.profile.weekly_volume, row.profile.longest_run, row.profile.pain) == (25.0, 10.0, 1)
    assert row.profile.red_flags == ()


def test_empty_cells_take_the_profile_defaults(tmp_path: Path) -> None:
    """An empty cell is a value not given, exactly as a key left out of a profile file."""
    path = write(tmp_path, "r.csv", HEADER + "A. Runner,,,,,,none\n")
    (row,) = read_roster(path).rows
    assert row.profile is not None
    assert (row.profile.goal, row.profile.run_days, row.profile.weekly_volume) == (
        "manage",
        ("tue", "thu", "sat"),
        0.0,
    )


def test_missing_red_flag_answer_is_that_rows_error(tmp_path: Path) -> None:
    """An empty red_flags cell is never read as 'none applies': the row is refused, the others are not."""
    path = write(tmp_path, "r.csv", HEADER + "A,prevent,0,tue,20,8,\nB,prevent,0,tue,20,8,none\n")
    first, second = read_roster(path).rows
    assert first.profile is None
    assert [str(p) for p in first.problems] == [
        (
            "r.csv:2: red_flags: expected the answers to the red-flag questions ('none' when none applies, "
            "else the names of those that apply, separated by ';'), found an empty cell"
        )
    ]
    assert second.profile is not None


def test_every_problem_of_a_row_names_row_and_column(tmp_path: Path) -> None:
    """Each bad cell is reported as roster.csv:ROW: column: expected ..., found ...; good rows stay good."""
    path = write(tmp_path, "r.csv", HEADER + "A,prevent,0,tue,20,8,none\nB,prevent,11,mnday,20,8,none\n")
    good, bad = read_roster(path).rows
    assert good.profile is not None
    assert [str(p) for p in bad.problems] == [
        "r.csv:3: run_days: expected one of mon, tue, wed, thu, fri, sat, sun; found 'mnday'",
        "r.csv:3: pain: expected a whole number from 0 to 10, found 11",
    ]


def test_blank_rows_are_skipped_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    """Rows are numbered as a spreadsheet numbers them (header = 1); a blank row is no runner."""
    path = write(tmp_path, "r.csv", HEADER + "A,,,,,,none\n,,,,,,\n\nB,,,,,,none\n")
    assert [row.number for row in read_roster(path).rows] == [2, 5]


def test_a_cell_beyond_the_named_columns_is_refused(tmp_path: Path) -> None:
    """A value in a column without a name makes that row invalid (no plan), not silently dropped."""
    path = write(tmp_path, "r.csv", "name,red_flags\nA,none,oops\n")
    (row,) = read_roster(path).rows
    assert [str(p) for p in row.problems] == [
        "r.csv:2: column 3: expected an empty cell, as the column has no name, found 'oops'"
    ]
    assert row.profile is None


def test_unknown_and_repeated_columns_stop_the_whole_roster(tmp_path: Path) -> None:
    """A header problem would misread every row, so it is reported with its column and nothing is read."""
    path = write(tmp_path, "r.csv", "name,painn,name,red_flags\n")
    with pytest.raises(InvalidInputError) as caught:
        read_roster(path)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(
        "r.csv:1:2: painn: unknown column (did you mean 'pain'?); expected profile keys: name,"
    )
    assert lines[1] == "r.csv:1:3: name: column given twice (first as column 1)"


def test_a_roster_without_red_flag_column_is_refused(tmp_path: Path) -> None:
    """Without a red_flags column no row could be screened: the header is the problem."""
    path = write(tmp_path, "r.csv", "name,goal\nA,manage\n")
    with pytest.raises(InvalidInputError) as caught:
        read_roster(path)
    assert str(caught.value) == (
        "r.csv:1:1: red_flags: expected a column with each runner's answers to the red-flag questions, "
        "found none"
    )


def test_yaml_roster_problems_point_at_line_and_column(tmp_path: Path) -> None:
    """A YAML roster's problems name file:line:col and the key, from the strict reader's marks."""
    text = "- name: A\n  red_flags: []\n- name: B\n  pain: 11\n- name: C\n  red_flags: [trauma]\n"
    rows = read_roster(write(tmp_path, "r.yaml", text)).rows
    assert [row.number for row in rows] == [1, 2, 3]
    assert rows[0].profile is not None
    assert [str(p) for p in rows[1].problems] == [
        "r.yaml:4:9: pain: expected a whole number from 0 to 10, found 11",
        (
            "r.yaml:3:3: red_flags: expected the answers to the red-flag questions ([] when none applies, "
            "else the list of the names of those that apply), but it is missing"
        ),
    ]
    assert rows[2].profile is not None
    assert rows[2].profile.red_flags == ("trauma",)


def test_yaml_roster_must_be_a_list(tmp_path: Path) -> None:
    """A single profile file is not a roster: the message says what a roster is."""
    with pytest.raises(InvalidInputError) as caught:
        read_roster(write(tmp_path, "r.yaml", "name: A\nred_flags: []\n"))
    assert str(caught.value) == (
        "r.yaml:1:1: expected a list of profiles, each item starting with '- ', found a mapping"
    )


def test_yaml_roster_uses_the_strict_reader(tmp_path: Path) -> None:
    """Duplicate keys are refused with their line, as in every other YAML file."""
    with pytest.raises(InvalidInputError) as caught:
        read_roster(write(tmp_path, "r.yaml", "- name: A\n  name: B\n  red_flags: []\n"))
    assert str(caught.value) == "r.yaml:2:3: duplicate key 'name' (first given on line 1)"


def test_other_files_are_a_usage_error(tmp_path: Path) -> None:
    """Only .csv, .yaml and .yml rosters are read."""
    with pytest.raises(
        UsageError, match=r"expected a roster ending in \.csv, \.yaml or \.yml, found 'r\.txt'"
    ):
        read_roster(write(tmp_path, "r.txt", "name\n"))


@pytest.mark.parametrize("name", ["roster.csv", "roster.yaml"])
def test_the_documented_examples_read_cleanly(name: str) -> None:
    """The example rosters of docs/examples hold four valid runners each."""
    rows = read_roster(EXAMPLES / name).rows
    assert [row.stem for row in rows] == ["a-runner", "b-strider", "c-pacer", "d-hurdler"]
    assert all(row.profile is not None for row in rows)


def test_file_stems_are_unique_when_names_repeat() -> None:
    """Repeated, empty, accented and reserved names give distinct, safe stems."""
    names = [
        (2, "A. Runner"),
        (3, "A. Runner"),
        (4, ""),
        (5, "Zoë Ünal"),
        (6, "../etc"),
        (7, "CON"),
        (8, "a runner"),
    ]
    assert unique_stems(names) == [
        "a-runner",
        "a-runner-2",
        "row-4",
        "zoe-unal",
        "etc",
        "con-plan",
        "a-runner-3",
    ]


@given(st.lists(st.text(max_size=90), max_size=30))
def test_file_stems_are_always_unique_and_safe(names: list[str]) -> None:
    """Whatever the names, every stem is distinct, short and made of lowercase letters, digits and hyphens."""
    stems = unique_stems(list(enumerate(names, start=2)))
    assert len(set(stems)) == len(stems)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem) and len(stem) <= 70 for stem in stems)
