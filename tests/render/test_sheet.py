"""The contact sheet: whole names, and a footer that names files, never the folders they are in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.catalogue import Catalogue
from hiprehab.render.sheet import MIN_NAME_SIZE, NAME_SIZE, name_lines, render_contact_sheet
from hiprehab.resources import data_dir
from testing.render_fixtures import page_texts

if TYPE_CHECKING:
    from pathlib import Path

LONG = "Single-leg hip abduction hold against a wall with a folded towel, on the sore side"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_long_name_is_printed_whole(tmp_path: Path) -> None:
    """Regression: "Single-leg hip abduction hold agains…" was cut; every word of a long name prints."""
    catalogue = load_catalogue([data_dir("exercises")])
    first = catalogue.exercises[0].model_copy(update={"name": LONG})
    out = tmp_path / "sheet.pdf"
    render_contact_sheet(Catalogue(exercises=(first,)), out)
    text = page_texts(out.read_bytes())[0]
    assert LONG in _flat(text)
    assert "…" not in text


def test_a_name_shrinks_before_it_takes_a_third_line() -> None:
    """A name too long for two lines at the usual size is set smaller, still whole."""
    size, lines = name_lines(LONG, 100)
    assert MIN_NAME_SIZE <= size < NAME_SIZE
    assert " ".join(lines) == LONG


def test_the_footer_names_files_not_folders(tmp_path: Path) -> None:
    """The footer lists the catalogue's file names, and no folder of the machine it was made on."""
    catalogue = load_catalogue([data_dir("exercises")])
    out = tmp_path / "sheet.pdf"
    render_contact_sheet(catalogue, out)
    footer = _flat(page_texts(out.read_bytes())[0])
    folder = str(data_dir("exercises"))
    assert folder not in footer
    assert "/" not in footer.split("catalogue files:")[1]
    assert [f for f in catalogue.files if f.rsplit("/", 1)[-1] not in footer] == []
