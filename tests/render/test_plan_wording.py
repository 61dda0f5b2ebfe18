"""The plan's own words: each said once, and only what holds for this runner."""

from __future__ import annotations

from testing.render_fixtures import page_texts, real_pdf


def test_week_footer_names_each_run_once() -> None:
    """The week sheet's run notes read "Easy run: 6 km", not "Run: Easy run: 6 km"."""
    text = " ".join(page_texts(real_pdf("prevent-12")))
    assert "Easy run:" in text
    assert "Long run:" in text
    assert "Run: Easy run" not in text
    assert "Run: Long run" not in text
