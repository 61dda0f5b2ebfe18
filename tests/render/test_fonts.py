"""Characters the embedded font cannot draw, found before they vanish from the PDF."""

from __future__ import annotations

from hiprehab.render import unsupported_characters


def test_unsupported_characters_are_those_without_a_glyph() -> None:
    """Latin and Cyrillic letters are drawn; a Chinese character is reported."""
    assert unsupported_characters("Zoë 李 Дмитрий") == "李"


def test_unsupported_characters_are_distinct_in_order_of_first_appearance() -> None:
    """Each missing character is reported once, where it first appears."""
    assert unsupported_characters("王李王 🏃 李") == "王李🏃"


def test_a_drawable_name_has_no_unsupported_characters() -> None:
    """Greek, Polish and Norwegian letters are all in the font."""
    assert unsupported_characters("Γιώργος Łukasz Ødegård") == ""
