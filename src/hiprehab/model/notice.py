"""Notices: what the engine tells a runner about choices it made, as a code and its values.

The engine never words them; :mod:`hiprehab.wording` does, once, for the
terminal and for paper, so the same notice reads right in both places and no
command-line flag ends up printed in a plan.
"""

from __future__ import annotations

from dataclasses import dataclass

Value = str | int | float


@dataclass(frozen=True)
class Notice:
    """One notice: ``code`` names what happened, ``values`` fill in its words."""

    code: str
    values: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, code: str, **values: Value) -> Notice:
        """A notice with named values, in a stable order."""
        return cls(code, tuple(sorted(values.items())))

    def __getitem__(self, key: str) -> Value:
        return dict(self.values)[key]
