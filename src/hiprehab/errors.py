"""The small hierarchy of errors hiprehab raises, and the exit code of each.

The core raises these; the CLI turns them into exit codes in one place
(:func:`hiprehab.cli.common.run_guarded`). A user never sees a traceback for anything
they could have caused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (README, "Exit codes")."""

    OK = 0
    INVALID_INPUT = 1
    USAGE = 2
    PLAN_REFUSED = 3
    PRINT_FAILED = 4


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


class HiprehabError(Exception):
    """Base of every error a user can cause."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT


class InvalidInputError(HiprehabError):
    """One or more input files (catalogue, template, profile) are invalid."""

    exit_code = ExitCode.INVALID_INPUT

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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
