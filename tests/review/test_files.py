"""Reading a plan back from its PDF, writing a blank log, and reading a filled one with located errors."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest
from reportlab.pdfgen.canvas import Canvas

from hiprehab.engine import build_plan
from hiprehab.errors import InvalidInputError
from hiprehab.export.plan import plan_to_dict, plan_to_json
from hiprehab.load.profile import build_profile
from hiprehab.model.plan import ATTACHMENT
from hiprehab.render import pdf_bytes
from hiprehab.render.attach import Attachment, embed_files
from hiprehab.review import run_review
from hiprehab.review.entries import LogError
from hiprehab.review.logfile import COLUMNS, log_sheet_text, read_log
from hiprehab.review.record import PlanFileError, plan_in_bytes, read_plan_pdf
from testing.engine_inputs import default_inputs
from testing.review_inputs import RUNNER, START, first_plan, record

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.model.plan import Plan


def write_log(path: Path, rows: list[list[str]]) -> Path:
    """A log CSV with the header and ``rows``."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([list(COLUMNS), *rows])
    return path


def test_the_pdf_gives_back_its_sessions(tmp_path: Path) -> None:
    """The plan read from its PDF has the sessions the JSON has, every one a logged kind."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(pdf_bytes(first_plan(), figures=False))
    read = read_plan_pdf(target)
    assert read.sessions == record().sessions
    assert read.start == first_plan().start
    assert {s.type for s in read.sessions} <= {"strength", "activation", "mobility", "run", "cross_training"}


def test_a_pdf_the_tool_did_not_write_is_refused(tmp_path: Path) -> None:
    """A PDF without the plan's JSON is named and refused."""
    target = tmp_path / "other.pdf"
    canvas = Canvas(str(target))
    canvas.drawString(100, 700, "A plan from somewhere else")
    canvas.save()
    with pytest.raises(PlanFileError) as caught:
        read_plan_pdf(target)
    assert str(caught.value) == (
        f"{target}: this PDF was not written by hiprehab plan (it carries no hiprehab-plan.json); "
        "give the PDF that hiprehab plan wrote"
    )


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    """A CSV given where the plan's PDF belongs says it is not a PDF."""
    target = write_log(tmp_path / "log.csv", [])
    with pytest.raises(PlanFileError, match="this file is not a PDF"):
        read_plan_pdf(target)


def test_the_blank_log_has_one_dated_row_per_session() -> None:
    """The log sheet lists every planned session with its date and kind, and nothing filled in."""
    rec = record()
    rows = list(csv.reader(log_sheet_text(rec).splitlines()))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [[s.date.isoformat(), s.label, "", "", "", ""] for s in rec.sessions]


def test_a_filled_log_reads_back(tmp_path: Path) -> None:
    """Ticks, pain scores and notes come back for the sessions they were written for."""
    rec = record()
    first, second = rec.sessions[0], rec.sessions[1]
    log = write_log(
        tmp_path / "log.csv",
        [
            [first.date.isoformat(), first.label, "x", "2", "1", "easy"],
            [second.date.isoformat(), second.label.upper(), "no", "", "", ""],
        ],
    )
    entries = read_log(log, rec)
    assert [(e.session, e.done, e.pain_during, e.pain_next_morning, e.note) for e in entries] == [
        (first, True, 2, 1, "easy"),
        (second, False, None, None, ""),
    ]


def test_every_problem_is_named_at_its_line_and_column(tmp_path: Path) -> None:
    """Pain outside 0-10, a date outside the plan, a bad tick and an unplanned session: all reported."""
    rec = record()
    day = rec.sessions[0].date.isoformat()
    log = write_log(
        tmp_path / "log.csv",
        [
            [day, rec.sessions[0].label, "yes", "11", "-1", ""],
            ["2031-05-05", "strength", "yes", "2", "2", ""],
            [day, "swimming", "maybe", "2", "2", ""],
        ],
    )
    with pytest.raises(InvalidInputError) as caught:
        read_log(log, rec)
    planned = ", ".join(s.label for s in rec.sessions if s.date == rec.sessions[0].date)
    assert str(caught.value).splitlines() == [
        f"{log}:2:27: pain_during: expected a whole number from 0 to 10, found '11'",
        f"{log}:2:30: pain_next_morning: expected a whole number from 0 to 10, found '-1'",
        f"{log}:3:1: date: expected a date of the plan ({rec.start} to {rec.end}), found 2031-05-05",
        f"{log}:4:12: session: expected a session planned on {day} ({planned}), found 'swimming'",
        f"{log}:4:21: done: expected yes or no (or x for done, or leave it blank), found 'maybe'",
    ]


def test_a_log_for_another_plan_is_refused(tmp_path: Path) -> None:
    """A log whose every date lies outside the plan is for another plan, and the error says both ranges."""
    rec = record()
    log = write_log(tmp_path / "log.csv", [["2030-03-04", "strength", "yes", "1", "1", ""]])
    with pytest.raises(LogError) as caught:
        read_log(log, rec)
    assert str(caught.value) == (
        f"{log}: this log is for another plan: its dates run from 2030-03-04 to 2030-03-04, "
        f"and the plan (plan.pdf) runs from {rec.start} to {rec.end}"
    )


def test_a_wrong_header_is_named(tmp_path: Path) -> None:
    """A CSV without the log's columns is refused at line 1."""
    log = tmp_path / "log.csv"
    log.write_text("day,what\n2027-01-04,strength\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_log(log, record())
    assert str(caught.value) == (
        f"{log}:1:1: expected the columns date, session, done, pain_during, pain_next_morning, note; "
        "found day, what"
    )


def test_a_session_twice_is_named(tmp_path: Path) -> None:
    """Two rows for one session: the second is named with the line of the first."""
    rec = record()
    row = [rec.sessions[0].date.isoformat(), rec.sessions[0].label, "yes", "1", "1", ""]
    log = write_log(tmp_path / "log.csv", [row, row])
    with pytest.raises(InvalidInputError) as caught:
        read_log(log, rec)
    assert str(caught.value) == (
        f"{log}:3:1: expected one row per session; {row[0]} {row[1]} is already on line 2"
    )


def carrying(plan: Plan, target: Path) -> Path:
    """A one-page PDF that carries ``plan``'s JSON as hiprehab's PDFs do (nothing drawn: fast)."""
    canvas = Canvas(str(target), invariant=1)
    canvas.showPage()
    embed_files(canvas, (Attachment(ATTACHMENT, plan_to_json(plan).encode(), "application/json", "plan"),))
    canvas.save()
    return target


def test_a_runner_with_osteoarthritis_is_reviewed_by_the_zones_their_plan_printed(tmp_path: Path) -> None:
    """Pain of 3 is green on the usual traffic light but amber in hip OA's zones: the review holds."""
    catalogue, templates, rules = default_inputs()
    profile = build_profile(None, {**RUNNER, "conditions": ["osteoarthritis"]})
    plan = build_plan(catalogue, templates["manage"], rules, profile, START)
    pdf = carrying(plan, tmp_path / "plan.pdf")
    rows = [[s.date.isoformat(), s.label, "yes", "3", "1", ""] for s in read_plan_pdf(pdf).sessions]
    outcome = run_review(pdf, write_log(tmp_path / "log.csv", rows), user_folder=False)
    strength = next(d for d in outcome.review.decisions if d.group == "strength")
    assert (strength.move, strength.reason) == (
        "hold",
        f"pain reached 3-5 (amber) in 2 of 2 strength sessions in week {plan.weeks[-1].number}: hold",
    )


def test_the_plan_is_read_straight_from_the_bytes_hiprehab_wrote() -> None:
    """A plan's PDF gives its JSON without a PDF library: the one embedded plan, decoded."""
    assert plan_in_bytes(pdf_bytes(first_plan(), figures=False)) == plan_to_dict(first_plan())


def test_two_embedded_plans_are_told_apart_by_name(tmp_path: Path) -> None:
    """With another plan attached beside it, the bytes are not guessed at: the named attachment is read."""
    other = first_plan(weeks=4)
    target = tmp_path / "plan.pdf"
    canvas = Canvas(str(target), invariant=1)
    canvas.showPage()
    attachments = (
        Attachment(ATTACHMENT, plan_to_json(first_plan()).encode(), "application/json", "plan"),
        Attachment("older.json", plan_to_json(other).encode(), "application/json", "an older plan"),
    )
    embed_files(canvas, attachments)
    canvas.save()
    assert plan_in_bytes(target.read_bytes()) is None
    assert read_plan_pdf(target).sessions == record().sessions
