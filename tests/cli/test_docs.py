"""The docs cannot drift from the CLI: every command has help text and is in the README."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.main import get_command

from hiprehab.cli import app

if TYPE_CHECKING:
    from collections.abc import Iterator

    from typer import _click

README = Path(__file__).parents[2] / "README.md"


def walk(command: _click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, _click.Command]]:
    """Every command and group under ``command``, as (``hiprehab sub command``, command)."""
    yield " ".join(("hiprehab", *path)), command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


COMMANDS = dict(walk(get_command(app)))
SUBCOMMANDS = [name for name in COMMANDS if name != "hiprehab"]


def test_the_walk_finds_the_catalogue_commands() -> None:
    """The walk reaches nested commands, so the tests below cover them."""
    assert {"hiprehab exercises list", "hiprehab exercises show", "hiprehab catalogue check"} <= set(COMMANDS)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_has_help_text(name: str) -> None:
    """Every command and group says what it does in ``--help``."""
    assert (COMMANDS[name].help or "").strip()


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_parameter_has_help_text(name: str) -> None:
    """Every option and argument of a command has help text."""
    params = COMMANDS[name].params
    assert [p.name for p in params if not (getattr(p, "help", None) or "").strip()] == []


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_command_appears_in_readme(name: str) -> None:
    """Every command and group is named in README.md, written as the user types it."""
    assert name in README.read_text(encoding="utf-8")
