"""The paper a plan is printed on: one of :data:`hiprehab.vocab.PAPERS`."""

from __future__ import annotations

from hiprehab.errors import InvalidValueError
from hiprehab.vocab import PAPERS


def check_paper(paper: str) -> str:
    """The paper word, trimmed and lowercased; anything but a known paper is refused."""
    word = paper.strip().lower()
    if word not in PAPERS:
        raise InvalidValueError("paper", f"expected one of {', '.join(PAPERS)}; found '{paper}'")
    return word
