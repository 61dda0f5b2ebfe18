"""The parse cache: the same answers as parsing, never stale, and only from a folder the user owns."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

import pytest

from hiprehab.api import make_plan
from hiprehab.errors import InvalidInputError
from hiprehab.export.plan import plan_to_json
from hiprehab.load.cache import read_checked
from hiprehab.model.exercise import CatalogueFile
from hiprehab.render import pdf_bytes

if TYPE_CHECKING:
    from pathlib import Path

PROFILE = {"goal": "prevent", "weekly_volume": 20.0, "longest_run": 8.0, "red_flags": []}
START = dt.date(2027, 1, 4)

ONE = """\
exercises:
  - id: a
    name: A move
    kind: strength
    family: a
    summary: A move.
    targets: [glute_max]
    position: supine
    equipment: [none]
    dose: {sets: 2, reps: 10}
    goals: [manage]
    steps: [one, two, three]
    cues: [cue]
    mistakes: [mistake]
    sources: [a source]
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("HIPREHAB_CACHE_DIR", str(folder))
    monkeypatch.delenv("HIPREHAB_NO_CACHE", raising=False)
    return folder


def test_a_warm_cache_gives_the_same_plan_bytes(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan made from cached files is byte-identical, as JSON and as PDF, to one made without the cache."""
    monkeypatch.setenv("HIPREHAB_NO_CACHE", "1")
    plain = make_plan(PROFILE, start=START, user_folder=False)
    monkeypatch.delenv("HIPREHAB_NO_CACHE")
    make_plan(PROFILE, start=START, user_folder=False)  # fills the cache
    assert any(cache.glob("*.pickle"))
    warm = make_plan(PROFILE, start=START, user_folder=False)
    assert plan_to_json(warm) == plan_to_json(plain)
    assert pdf_bytes(warm, figures=False) == pdf_bytes(plain, figures=False)


def test_a_changed_file_is_read_again(cache: Path, tmp_path: Path) -> None:
    """Editing a file gives the new content, never the cached old one."""
    path = tmp_path / "mine.yaml"
    path.write_text(ONE, encoding="utf-8")
    _, first = read_checked(path, "mine.yaml", CatalogueFile)
    path.write_text(ONE.replace("name: A move", "name: Another move"), encoding="utf-8")
    _, second = read_checked(path, "mine.yaml", CatalogueFile)
    assert (first.exercises[0].name, second.exercises[0].name) == ("A move", "Another move")
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_cached_file_keeps_its_positions_under_a_new_name(cache: Path, tmp_path: Path) -> None:
    """The same bytes read under another name report problems with that name."""
    path = tmp_path / "mine.yaml"
    path.write_text(ONE, encoding="utf-8")
    read_checked(path, "first/name.yaml", CatalogueFile)
    doc, _ = read_checked(path, "second/name.yaml", CatalogueFile)
    assert doc.path == "second/name.yaml"
    assert doc.where(("exercises", 0, "dose")) == (10, 11)
    assert cache.is_dir()


def test_problems_are_never_cached(cache: Path, tmp_path: Path) -> None:
    """A broken file fails every time, with the same message."""
    path = tmp_path / "bad.yaml"
    path.write_text(ONE.replace("sets: 2", "sets: two"), encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(InvalidInputError) as raised:
            read_checked(path, "bad.yaml", CatalogueFile)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "exercises[0].dose.sets" in messages[0]
    assert not list(cache.glob("*.pickle"))


def test_a_damaged_entry_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    """A cache entry that cannot be read is ignored: the file is parsed and the answer is right."""
    path = tmp_path / "mine.yaml"
    path.write_text(ONE, encoding="utf-8")
    read_checked(path, "mine.yaml", CatalogueFile)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    _, parsed = read_checked(path, "mine.yaml", CatalogueFile)
    assert parsed.exercises[0].id == "a"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is a POSIX idea")
def test_a_folder_others_can_write_is_never_read(cache: Path, tmp_path: Path) -> None:
    """Entries in a group- or world-writable folder are not unpickled (anyone could have planted them)."""
    path = tmp_path / "mine.yaml"
    path.write_text(ONE, encoding="utf-8")
    read_checked(path, "mine.yaml", CatalogueFile)
    cache.chmod(0o777)
    entry = next(cache.glob("*.pickle"))
    entry.write_bytes(b"\x80\x04K\x01.")  # a valid pickle of the number 1: would be used if trusted
    _, parsed = read_checked(path, "mine.yaml", CatalogueFile)
    assert parsed.exercises[0].id == "a"


def test_no_cache_writes_nothing(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``HIPREHAB_NO_CACHE=1`` reads files without touching the cache folder."""
    monkeypatch.setenv("HIPREHAB_NO_CACHE", "1")
    path = tmp_path / "mine.yaml"
    path.write_text(ONE, encoding="utf-8")
    read_checked(path, "mine.yaml", CatalogueFile)
    assert not cache.exists()
