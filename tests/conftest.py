"""Fixtures shared by every test: an isolated environment, a catalogue writer, a CLI runner."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from hiprehab.errors import InvalidInputError
from hiprehab.load import outfile
from hiprehab.load.catalogue import load_catalogue

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    WriteCatalogue = Callable[[Path, str, str | bytes], Path]

# The property tests draw the same examples in every run (derandomize), wherever
# they run, so a result never depends on luck and a failure is reproduced by running
# again. HIPREHAB_EXPLORE=1 asks hypothesis to explore new examples instead (and to
# keep the failures it finds in .hypothesis/): run it that way to look for new bugs.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile("explore" if os.environ.get("HIPREHAB_EXPLORE", "") not in ("", "0") else "ci")

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"


def _session_cache(factory: pytest.TempPathFactory) -> Path:
    folder = factory.getbasetemp() / "parse-cache"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _sigint_restored() -> Iterator[None]:
    """A command run in-process may hold Ctrl-C off once its files are written; undo that after each test."""
    yield
    outfile.HOLD_INTERRUPTS_AFTER_WRITING = False
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def user_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HIPREHAB_USER_DIR at an empty folder so no real user folder leaks in."""
    folder = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("HIPREHAB_USER_DIR", str(folder))
    # One parse cache for the whole run, never the real user's cache folder.
    monkeypatch.setenv("HIPREHAB_CACHE_DIR", str(_session_cache(tmp_path_factory)))
    monkeypatch.setenv("COLUMNS", "100")
    return folder


@pytest.fixture
def write_catalogue() -> WriteCatalogue:
    """Return a function that writes ``text`` to ``folder / name`` (making folders) and returns it."""

    def write(folder: Path, name: str, text: str | bytes) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner; typer's keeps stdout and stderr apart (``result.stdout``, ``result.stderr``)."""
    return CliRunner()


@pytest.fixture
def copy_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Return a function that copies a broken fixture into ``exercises/`` of the working folder.

    The working folder becomes ``tmp_path``, so messages name ``exercises/<file>``.
    """
    monkeypatch.chdir(tmp_path)

    def copy(name: str) -> Path:
        source, folder = BROKEN / name, Path("exercises")
        if source.is_dir():
            shutil.copytree(source, folder, dirs_exist_ok=True)
        else:
            folder.mkdir(exist_ok=True)
            shutil.copyfile(source, folder / name)
        return folder

    return copy


@pytest.fixture
def catalogue_problems() -> Callable[[list[Path]], list[str]]:
    """Return a function that loads catalogue sources and returns the message lines they fail with."""

    def problems(sources: list[Path]) -> list[str]:
        with pytest.raises(InvalidInputError) as caught:
            load_catalogue(sources)
        return str(caught.value).splitlines()

    return problems
