"""How the last block went, printed on the first page of the next one: a chart and the decisions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WeekPoint:
    """One week of the last block: sessions planned and done, average pain (None when not scored)."""

    week: int
    planned: int
    done: int
    pain_during: float | None
    pain_next_morning: float | None


@dataclass(frozen=True)
class BlockSummary:
    """The review of the last block, as the next block's first page shows it."""

    title: str
    weeks: tuple[WeekPoint, ...]
    lines: tuple[str, ...]
    """The review's findings in plain words: adherence, pain trend, decisions, notes."""
