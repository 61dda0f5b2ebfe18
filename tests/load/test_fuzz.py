"""Bounded fuzzing: whatever the bytes, values or flags, the answer is a result or a located problem.

Each property runs a few dozen to a few hundred examples, so the whole file takes
seconds in CI; the shapes come from what broke before (numbers of thousands of
digits, control characters, lone commas, YAML tags and anchors).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hiprehab.cli import app
from hiprehab.errors import InvalidInputError, InvalidValueError, UsageError
from hiprehab.load.profile import build_profile
from hiprehab.load.yamlio import parse_yaml
from hiprehab.model.profile import Profile

YAML_BITS = st.sampled_from(
    [
        "a", ":", " ", "\n", "- ", "[", "]", "{", "}", ",", "'", '"', "&x ", "*x", "!!python/object ",
        "#", "---\n", "...\n", "? ", "|\n", ">\n", "9" * 5000, "1e999", "0x1F", "~", "null", "NO",
        "\t", "\x00", "\x1b[2J", "\u202e", "\ufeff", "é", "李", "\ud7ff", "%YAML 1.2\n", "  ",
    ]
)  # fmt: skip
YAML_TEXT = st.lists(YAML_BITS, max_size=40).map("".join) | st.text(max_size=200)

PROFILE_KEYS = st.sampled_from(
    ["name", "goal", "weeks", "start", "strength_days", "run_days", "units", "weekly_volume", "longest_run",
     "pain", "pain_sites", "conditions", "equipment", "red_flags", "cleared_by_clinician", "nonsense"]
)  # fmt: skip
SCALARS: st.SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", ",", " , ", "km,mi", "mon,,tue", "2027-01-04", "0", "86400", "9" * 5000])
)
VALUES = st.dictionaries(PROFILE_KEYS, SCALARS | st.lists(SCALARS, max_size=4), max_size=6)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=YAML_TEXT)
def test_yaml_reader_gives_a_document_or_located_problems(text: str) -> None:
    """Any text parses to a document or raises located problems; nothing else escapes."""
    data = text.encode("utf-8", "surrogatepass")
    raised: InvalidInputError | None = None
    try:
        parse_yaml(data, "fuzz.yaml")
    except InvalidInputError as err:
        raised = err
    if raised is not None:
        assert raised.problems
        assert all(p.path == "fuzz.yaml" and p.line >= 1 and p.column >= 1 for p in raised.problems)


@FUZZ
@given(values=VALUES)
def test_profile_values_give_a_profile_or_a_named_problem(values: dict[str, Any]) -> None:
    """Any mapping of profile keys gives a Profile or an error naming a field; never a crash."""
    outcome: Profile | InvalidValueError
    try:
        outcome = build_profile(None, values)
    except InvalidValueError as err:
        outcome = err
    if isinstance(outcome, InvalidValueError):
        assert outcome.field
        assert "\x1b" not in outcome.message
    else:
        assert isinstance(outcome, Profile)


@FUZZ
@given(text=YAML_TEXT)
def test_profile_files_give_a_profile_or_located_problems(text: str, tmp_path_factory: Any) -> None:
    """Any profile file gives a Profile or problems at file:line:col; never a crash."""
    path = tmp_path_factory.mktemp("fuzz") / "me.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    located = True
    try:
        build_profile(path)
    except InvalidInputError as err:
        located = all(p.path.endswith("me.yaml") and p.line >= 1 for p in err.problems)
    except (InvalidValueError, UsageError):
        pass
    assert located


FLAGS = st.sampled_from(
    ["--weeks", "--start", "--units", "--pain", "--pain-site", "--paper", "--run-days", "--strength-days",
     "--weekly-km", "--longest-run-km", "--equipment", "--condition", "--goal", "--name", "--red-flag"]
)  # fmt: skip
FLAG_VALUES = st.sampled_from(
    ["", ",", "km,mi", "9" * 5000, "-1", "nan", "\x1b[31m", "2027-02-30"]
) | st.text(max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arguments=st.lists(st.tuples(FLAGS, FLAG_VALUES), max_size=3))
def test_cli_arguments_end_with_a_documented_code(arguments: list[tuple[str, str]]) -> None:
    """Any flag values end with 0, 1, 2 or 3 and, unless 0 or 3, a message; never a traceback."""
    args = ["plan", "--start", "2027-01-04", "--no-red-flags", "--json", "-"]
    args += [f"{flag}={value}" for flag, value in arguments if "\x00" not in value]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in {0, 1, 2, 3}, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code in {1, 2}:
        assert result.stderr.strip()
        assert "\x1b" not in result.stderr
