"""Names and texts print as written: Unicode round-trips, markup characters stay literal."""

from __future__ import annotations

import pytest
from render_fixtures import make_plan, page_texts, reader

from hiprehab.render import pdf_bytes


@pytest.mark.parametrize("name", ["Zoë Ødegård", "Łukasz Żółć", "Дмитрий Шостакович", "Γιώργος Παπαδόπουλος"])
def test_unicode_names_copy_out(name: str) -> None:
    """Latin, Greek and Cyrillic names come back out of the PDF's text unchanged."""
    cover = page_texts(pdf_bytes(make_plan(name=name)))[0]
    assert f"for {name}" in cover
    assert cover.startswith(f"{name} · ")


def test_markup_in_a_name_prints_literally() -> None:
    """A name holding "<b>&" is printed as those characters, not read as markup."""
    data = pdf_bytes(make_plan(name="Ann <b>& Co</b>"))
    assert "for Ann <b>& Co</b>" in page_texts(data)[0]
    metadata = reader(data).metadata
    assert metadata is not None
    assert metadata.title == "Your hip exercise plan: Ann <b>& Co</b>, Manage hip pain after running"


def test_markup_in_a_notice_prints_literally() -> None:
    """Plan texts with markup characters are escaped too."""
    data = pdf_bytes(make_plan(notices=("Use <i>less</i> load & rest > 2 days.",)))
    assert "Use <i>less</i> load & rest > 2 days." in " ".join(page_texts(data))


def test_an_unnamed_runner_gets_a_neutral_word() -> None:
    """A profile without a name prints "Runner", not an empty line."""
    cover = page_texts(pdf_bytes(make_plan(name="")))[0]
    assert "for Runner" in cover
