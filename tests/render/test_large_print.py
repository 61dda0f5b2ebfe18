"""Large print: 14 pt body text on every week sheet; the default never goes below 10 pt."""

from __future__ import annotations

import re

import pytest

from testing.render_fixtures import reader, real_outline, real_pdf

HEADER_SIZE = 9.0  # the running header above every page's rule


def _sizes(data: bytes, page: int) -> set[float]:
    """The text sizes a page's own content sets (forms such as the footer not included)."""
    content = reader(data).pages[page].get_contents()
    assert content is not None
    return {float(size) for size in re.findall(rb" ([0-9.]+) Tf", content.get_data())}


def _week_pages(profile: str, *, large_print: bool) -> list[int]:
    return [page for depth, _, page in real_outline(profile, "a4", large_print=large_print) if depth == 1]


@pytest.mark.parametrize("profile", ["manage-6-lateral"])
def test_large_print_sets_week_text_at_14_pt(profile: str) -> None:
    """With --large-print every text of a week sheet but the running header is 14 pt or more."""
    data = real_pdf(profile, "a4", large_print=True)
    small = {
        page: sorted(s for s in _sizes(data, page) if s != HEADER_SIZE and s < 14)
        for page in _week_pages(profile, large_print=True)
    }
    assert {page: sizes for page, sizes in small.items() if sizes} == {}


@pytest.mark.parametrize("profile", ["manage-6-lateral", "prevent-12"])
def test_default_text_is_never_below_10_pt(profile: str) -> None:
    """In the default layout every text but the running header is 10 pt or more."""
    data = real_pdf(profile, "a4")
    small = {
        page: sorted(s for s in _sizes(data, page) if s != HEADER_SIZE and s < 10)
        for page in range(len(reader(data).pages))
    }
    assert {page: sizes for page, sizes in small.items() if sizes} == {}
