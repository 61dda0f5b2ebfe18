"""The small hierarchy of errors hiprehab raises, and the exit code of each.

The core raises these; the CLI turns them into exit codes in one place
(:func:`hiprehab.cli.common.run_guarded`). A user never sees a traceback for anything
they could have caused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from itertools import groupby

# More problems than this in one file are summed up in one line: past a few
# dozen, a reader fixes the first ones and runs the check again.
MAX_PROBLEMS_PER_FILE = 50


class ExitCode(IntEnum):
    """Documented exit codes (README, "Exit codes")."""

    OK = 0
    INVALID_INPUT = 1
    USAGE = 2
    PLAN_REFUSED = 3
    PRINT_FAILED = 4
    INTERRUPTED = 130  # Ctrl-C, as shells report a process stopped by SIGINT


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, with where it is."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True, order=True)
class InputWarning(Problem):
    """Something in an input file that works, but likely not as its author meant (exit 0).

    ``hiprehab catalogue check --strict`` fails on warnings too.
    """

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        head = f"{where}: {self.field}" if self.field else where
        return f"{head}: warning: {self.message}"


_MORE = re.compile(r"and (\d+) more problems? in this file")
_UNKNOWN = "and more problems in this file (checking it stopped after the first {limit})"


def more_problems(path: str, line: int, column: int, count: int | None) -> Problem:
    """The line that stands for ``count`` problems not shown (None: not counted, checking stopped)."""
    if count is None:
        return Problem(path, line, column, "", _UNKNOWN.format(limit=MAX_PROBLEMS_PER_FILE))
    return Problem(
        path, line, column, "", f"and {count} more problem{'s' if count != 1 else ''} in this file"
    )


def _omitted(problem: Problem) -> int | bool | None:
    """How many problems a summary line stands for (None: uncounted); False for a real problem."""
    if problem.field:
        return False
    if problem.message == _UNKNOWN.format(limit=MAX_PROBLEMS_PER_FILE):
        return None
    match = _MORE.fullmatch(problem.message)
    return False if match is None else int(match.group(1))


def cap_problems(problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS_PER_FILE` problems per file, then one line for the rest.

    Summing up again is harmless: a summary line already in ``problems`` is counted in.
    """
    capped: list[Problem] = []
    for path, group in groupby(sorted(problems), key=lambda p: p.path):
        real: list[Problem] = []
        omitted: int | None = 0
        summaries: list[Problem] = []
        for problem in group:
            count = _omitted(problem)
            if count is False:
                real.append(problem)
                continue
            summaries.append(problem)
            omitted = None if count is None or omitted is None else omitted + int(count)
        extra = real[MAX_PROBLEMS_PER_FILE:]
        capped.extend(real[:MAX_PROBLEMS_PER_FILE])
        if not extra and not summaries:
            continue
        total = None if omitted is None else omitted + len(extra)
        at = extra[0] if extra else summaries[0]
        capped.append(more_problems(path, at.line, at.column, total))
    return capped


class HiprehabError(Exception):
    """Base of every error a user can cause."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT


class InvalidInputError(HiprehabError):
    """One or more input files (catalogue, template, profile) are invalid."""

    exit_code = ExitCode.INVALID_INPUT

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = cap_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def count(self) -> str:
        """How many problems, in words: ``1 problem``, ``70 problems``, ``more than 50 problems``."""
        total, uncounted = 0, False
        for problem in self.problems:
            omitted = _omitted(problem)
            uncounted = uncounted or omitted is None
            total += 1 if omitted is False else int(omitted or 0)
        if uncounted:
            return f"more than {total} problems"
        return f"{total} problem{'s' if total != 1 else ''}"


class UsageError(HiprehabError):
    """A value given to a command (or to the Python API) is wrong."""

    exit_code = ExitCode.USAGE


class InvalidValueError(UsageError):
    """A value given for one named setting is wrong: ``weeks``, ``pain_site``, ``paper``...

    The library names the setting by its profile field or keyword; the command line
    shows the flag the user typed instead (``--weeks``), so one message serves both.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class OutputError(HiprehabError):
    """An output file cannot be written where the user asked."""

    exit_code = ExitCode.INVALID_INPUT


class NotAPlanError(HiprehabError):
    """A file given to ``hiprehab print`` is not a plan PDF that hiprehab wrote."""

    exit_code = ExitCode.INVALID_INPUT


class PrintError(HiprehabError):
    """A plan could not be sent to a printer: no printing system, or the queue refused it."""

    exit_code = ExitCode.PRINT_FAILED
