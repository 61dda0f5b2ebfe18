"""Review a filled-in log and make the next block: read, decide, build, then write.

Everything is read and checked, and the next block computed, before any file is
written; no output may be one of the inputs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.api import load_catalogue, load_goals, plan_from, write_outputs
from hiprehab.errors import InvalidValueError, UsageError
from hiprehab.load.outfile import check_target, write_text_atomic
from hiprehab.load.profile import build_profile
from hiprehab.model.plan import Plan, Screening
from hiprehab.model.summary import BlockSummary, WeekPoint
from hiprehab.review.carry import carry_from, lookback_days, next_profile
from hiprehab.review.decide import MOVE_WORDS, review_log
from hiprehab.review.entries import LogError
from hiprehab.review.form import form_entries
from hiprehab.review.logfile import log_sheet_text, read_log
from hiprehab.review.record import read_plan_pdf

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from hiprehab.review.decide import Review
    from hiprehab.review.entries import Entry
    from hiprehab.review.record import PlanRecord


@dataclass(frozen=True)
class Outcome:
    """A review and what follows it: the next block, or a referral sheet when the pain needs help."""

    record: PlanRecord
    review: Review
    plan: Plan
    """The next block; a plan refused with the review's reasons when the pattern needs a clinician."""

    @property
    def referred(self) -> bool:
        """True when the review ends in a referral instead of a next block."""
        return bool(self.review.referral)


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def check_outputs(inputs: Iterable[Path], outputs: Iterable[Path | None]) -> None:
    """Refuse an output that is one of the inputs, or two outputs that are one file."""
    given = [p for p in outputs if p is not None]
    for out in given:
        for source in inputs:
            if _same(out, source):
                raise UsageError(f"{out}: this is an input of the review; write the result to another file")
        check_target(out)
    for i, out in enumerate(given):
        if any(_same(out, other) for other in given[i + 1 :]):
            raise UsageError(f"{out}: given for two outputs; give each its own file")


def write_log_sheet(plan_pdf: Path, out: Path) -> int:
    """Write a blank log CSV for the plan in ``plan_pdf``; return the number of rows."""
    check_outputs([plan_pdf], [out])
    record = read_plan_pdf(plan_pdf)
    if record.outcome == "stop":
        raise LogError(f"{plan_pdf}: this is a referral sheet, not a plan: there is nothing to log")
    write_text_atomic(out, log_sheet_text(record))
    return len(record.sessions)


def summary_of(review: Review, lines: list[str]) -> BlockSummary:
    """What the next block's first page shows of the review."""
    weeks = tuple(
        WeekPoint(w.week, w.planned, w.done, w.pain_during, w.pain_next_morning) for w in review.weeks
    )
    return BlockSummary("How your last block went", weeks, tuple(lines))


def review_lines(review: Review) -> list[str]:
    """The review in plain words, in the order it is printed: adherence, pain, decisions, notes."""
    lines = [
        "Sessions done: " + "; ".join(f"week {w.week}: {w.done} of {w.planned}" for w in review.weeks) + ".",
        "By kind: "
        + ", ".join(f"{label} {done} of {planned}" for label, planned, done in review.by_type)
        + ".",
        f"Pain: {review.trend}.",
    ]
    lines += [
        f"{d.group.capitalize()}: {MOVE_WORDS[d.move]}. {d.reason[0].upper()}{d.reason[1:]}."
        for d in review.decisions
    ]
    lines += [f"Note: {n[0].upper()}{n[1:]}." for n in review.notes]
    return lines


def run_review(
    plan_pdf: Path,
    log: Path | None,
    *,
    weeks: int | None = None,
    catalogues: Iterable[Path] = (),
    templates: Iterable[Path] = (),
    user_folder: bool = True,
) -> Outcome:
    """Read the plan and its log, review them, and compute the next block (nothing is written)."""
    record = read_plan_pdf(plan_pdf)
    if record.outcome == "stop":
        raise LogError(f"{plan_pdf}: this is a referral sheet, not a plan: there is nothing to review")
    if log is not None:
        entries: tuple[Entry, ...] | None = read_log(log, record)
    else:
        entries = form_entries(plan_pdf, plan_pdf.read_bytes(), record)
    if entries is None:
        raise UsageError(
            f"{plan_pdf}: this PDF has no form to read; give the CSV you filled in with --log "
            "(hiprehab log-sheet makes a blank one)"
        )
    goals = load_goals(templates, user_folder=user_folder)
    template = goals.templates.get(record.goal)
    if template is None:
        raise LogError(f"{plan_pdf}: the plan's goal '{record.goal}' has no template here; give --templates")
    # The zones the plan printed: a runner's condition may have its own (hip OA's).
    rules = template.for_conditions(build_profile(None, record.data["profile"]).conditions)
    review = review_log(record, entries, rules)
    values = next_profile(record, review, weeks, lookback_days(template))
    lines = review_lines(review)
    if review.referral:
        profile = build_profile(None, {**values, "weeks": values["weeks"] or template.weeks_default})
        start = review.last_day + dt.timedelta(days=1)
        reasons = tuple(f"Your log: {r}." for r in review.referral)
        refusal = Plan(
            template,
            profile,
            goals.rules,
            start,
            start,
            Screening("stop", reasons, ()),
            (),
            (),
            summary=summary_of(review, lines),
        )
        return Outcome(record, review, refusal)
    catalogue = load_catalogue(catalogues, user_folder=user_folder)
    carry = carry_from(record, review, catalogue)
    try:
        plan = plan_from(build_profile(None, values), catalogue, goals, carry=carry)
    except InvalidValueError as err:
        if err.field == "weeks":
            raise
        raise LogError(f"{plan_pdf}: the next block cannot be made from this plan: {err.message}") from None
    return Outcome(record, review, dataclasses.replace(plan, summary=summary_of(review, lines)))


def write_next_block(
    outcome: Outcome,
    inputs: Iterable[Path],
    *,
    pdf: Path | None,
    json_path: Path | None,
    ics: Path | None = None,
    chart: Path | None = None,
    paper: str = "a4",
    figures: bool = True,
    session_time: str | None = None,
    timezone: str | None = None,
) -> list[Path]:
    """Write the next block (or the referral sheet) and the chart; never over an input."""
    check_outputs(list(inputs), [pdf, json_path, ics, chart])
    written = write_outputs(
        outcome.plan,
        pdf=pdf,
        json_path=json_path,
        paper=paper,
        figures=figures,
        ics=ics,
        session_time=session_time,
        timezone=timezone,
    )
    if chart is not None and outcome.plan.summary is not None:
        from hiprehab.render.chart import write_chart_png  # noqa: PLC0415 - Pillow loads only when drawing

        write_chart_png(outcome.plan.summary, chart)
        written.append(chart)
    return written
