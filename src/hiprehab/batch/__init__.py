"""Plans for a whole roster at once: ``hiprehab batch roster.csv``.

:func:`read_roster` checks each row on its own; :func:`make_plans` makes each
row's plan in worker processes that load the catalogue once, and yields each
row's outcome as it is done.
"""

from __future__ import annotations

from hiprehab.batch.roster import Roster, Row, RowProblem, read_roster
from hiprehab.batch.run import Outcome, Settings, make_plans

__all__ = ["Outcome", "Roster", "Row", "RowProblem", "Settings", "make_plans", "read_roster"]
