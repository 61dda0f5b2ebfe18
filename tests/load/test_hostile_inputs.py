"""Inputs that are not what they claim: each is refused at once with a located, plain problem."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hiprehab.errors import MAX_PROBLEMS_PER_FILE, InvalidInputError, Problem, cap_problems
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.profile import build_profile
from hiprehab.load.yamlio import MAX_BYTES, parse_yaml, read_yaml
from hiprehab.quote import describe, printable
from tests.load.test_yaml_loading import VALID


def _problems(call: object, *args: object) -> list[str]:
    assert callable(call)
    with pytest.raises(InvalidInputError) as caught:
        call(*args)
    return str(caught.value).splitlines()


def test_named_pipe_as_profile_is_refused_without_waiting(tmp_path: Path) -> None:
    """A FIFO given as the profile is refused at once instead of waiting for a writer."""
    fifo = tmp_path / "me.yaml"
    os.mkfifo(fifo)
    assert _problems(build_profile, fifo) == [f"{fifo}:1:1: expected a file, found a named pipe (FIFO)"]


def test_endless_device_as_profile_is_refused_unread() -> None:
    """``/dev/zero`` as the profile is refused by its kind, not read until memory runs out."""
    assert _problems(build_profile, Path("/dev/zero")) == [
        "/dev/zero:1:1: expected a file, found a character device"
    ]


def test_folder_as_profile_is_refused(tmp_path: Path) -> None:
    """A folder where a profile file is expected says so."""
    assert _problems(build_profile, tmp_path) == [f"{tmp_path}:1:1: expected a file, found a folder"]


def test_symlink_loop_as_profile_catalogue_and_folder_is_reported(tmp_path: Path) -> None:
    """A loop of links, as a profile or a catalogue source, is a problem that names the loop."""
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    loop = tmp_path / "a.yaml"
    assert _problems(build_profile, loop) == [
        f"{loop}:1:1: cannot read the file: the path is a loop of symbolic links"
    ]
    assert _problems(load_catalogue, [loop]) == [
        f"{loop}:1:1: cannot read it: the path is a loop of symbolic links"
    ]


def test_name_over_the_system_limit_is_reported(tmp_path: Path) -> None:
    """A path component longer than the system allows is a problem, not a crash."""
    long = tmp_path / ("x" * 300 + ".yaml")
    assert _problems(build_profile, long) == [
        f"{long}:1:1: cannot read the file: the name is longer than the system allows"
    ]
    assert _problems(load_catalogue, [long]) == [
        f"{long}:1:1: cannot read it: the name is longer than the system allows"
    ]


def test_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    """The limit holds while reading: bytes past 1 MiB are never kept, whatever stat said."""
    path = tmp_path / "me.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 10))
    assert _problems(read_yaml, path) == [f"{path}:1:1: file is 1.1 MiB; the limit is 1 MiB"]


def test_integer_of_thousands_of_digits_is_a_clean_problem(tmp_path: Path) -> None:
    """A 5,000-digit number (past Python's int-from-text limit) fails as 'expected a whole number'."""
    path = tmp_path / "me.yaml"
    path.write_text(f"goal: prevent\nweeks: {'9' * 5000}\n", encoding="utf-8")
    assert _problems(build_profile, path) == [
        f"{path}:2:8: weeks: expected a whole number from 2 to 52, found '{'9' * 57}...'"
    ]


@pytest.mark.parametrize(
    ("written", "shown"), [("0", "0"), ("'86400'", "'86400'"), ("2027", "2027"), ("2027-1-4", "'2027-1-4'")]
)
def test_profile_start_is_a_date_written_yyyy_mm_dd_only(tmp_path: Path, written: str, shown: str) -> None:
    """``start: 0``, ``'86400'`` or ``2027`` is never read as seconds or a year: file:line:col: problem."""
    path = tmp_path / "me.yaml"
    path.write_text(f"goal: prevent\nstart: {written}\n", encoding="utf-8")
    assert _problems(build_profile, path) == [
        f"{path}:2:8: start: expected a real date written YYYY-MM-DD, found {shown}"
    ]


def test_problems_per_file_are_capped_with_a_count_of_the_rest(tmp_path: Path) -> None:
    """Past 50 problems a file gets one line saying how many more there are."""
    entries = "".join(f"  - {{id: x{i}}}\n" for i in range(10))  # a few problems each, 10 entries
    path = tmp_path / "many.yaml"
    path.write_text("exercises:\n" + entries, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([path])
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_PROBLEMS_PER_FILE + 1
    total = int(caught.value.count.split()[0])
    assert total > MAX_PROBLEMS_PER_FILE
    assert lines[-1].endswith(f": and {total - MAX_PROBLEMS_PER_FILE} more problems in this file")


def test_capping_twice_keeps_the_count() -> None:
    """Merging capped problems (as the API does for catalogue, templates and profile) keeps the total."""
    many = [Problem("f.yaml", line, 1, "x", "bad") for line in range(1, 81)]
    once = cap_problems(many)
    twice = cap_problems([*once, Problem("g.yaml", 1, 1, "", "bad")])
    assert [str(p) for p in twice if p.path == "f.yaml"] == [str(p) for p in once]
    assert str(once[-1]) == "f.yaml:51:1: and 30 more problems in this file"


def test_a_mib_of_empty_entries_costs_no_more_than_reading_it(tmp_path: Path) -> None:
    """1 MiB of ``[{},{},...]`` (350,000 entries) is checked in about the time it takes to parse.

    It once took minutes and gigabytes building millions of messages; checking now
    stops after a file's worth of problems.
    """
    path = tmp_path / "flood.yaml"
    body = b"{}," * ((MAX_BYTES - 20) // 3)
    path.write_bytes(b"exercises: [" + body + b"{}]\n")
    data = path.read_bytes()
    started = time.perf_counter()
    parse_yaml(data, "flood.yaml")
    parsing = time.perf_counter() - started
    started = time.perf_counter()
    lines = _problems(load_catalogue, [path])
    loading = time.perf_counter() - started
    assert lines[-1].endswith("and more problems in this file (checking it stopped after the first 50)")
    assert loading < 3 * parsing


def test_hidden_files_in_a_catalogue_folder_are_skipped(tmp_path: Path) -> None:
    """``._x.yaml`` (left by macOS beside a copy) is not read as a catalogue file."""
    (tmp_path / "mine.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "._mine.yaml").write_bytes(b"\x00\x05\x16\x07 Mac OS X resource fork")
    assert [e.id for e in load_catalogue([tmp_path]).exercises] == ["fixture-valid"]


def test_yaml_entries_that_are_not_files_are_reported(tmp_path: Path) -> None:
    """A folder or a pipe named ``*.yaml`` in a catalogue folder is a problem, not silently skipped."""
    (tmp_path / "mine.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "more.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    assert _problems(load_catalogue, [tmp_path]) == [
        f"{tmp_path}/more.yaml:1:1: expected a file, found a folder",
        f"{tmp_path}/pipe.yaml:1:1: expected a file, found a named pipe (FIFO)",
    ]


def test_terminal_escapes_in_a_value_are_shown_escaped(tmp_path: Path) -> None:
    """An escape sequence in a catalogue value reaches the message as visible text, never raw."""
    text = VALID.replace("kind: strength", 'kind: "\\e[2J\\e[31mboom"')
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    (line,) = _problems(load_catalogue, [path])
    assert "\x1b" not in line
    assert "found '\\x1b[2J\\x1b[31mboom'" in line


def test_describe_and_printable_escape_control_and_format_characters() -> None:
    """Control characters, bidi overrides and line separators are escaped; letters of any script are kept."""
    assert describe("a\x1b[0m\u202eb\nc") == "'a\\x1b[0m\\u202eb\\nc'"
    assert printable("Zoë 李 ☺ مرحبا") == "Zoë 李 ☺ مرحبا"
