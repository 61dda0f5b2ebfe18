"""Close the loop: read a plan's log back, review it by the plan's pain rules, make the next block.

:mod:`~hiprehab.review.decide` and :mod:`~hiprehab.review.carry` decide (pure);
:mod:`~hiprehab.review.record` and :mod:`~hiprehab.review.logfile` read files;
:mod:`~hiprehab.review.run` puts them together and writes.
"""

from hiprehab.review.run import Outcome, run_review, write_log_sheet, write_next_block

__all__ = ["Outcome", "run_review", "write_log_sheet", "write_next_block"]
