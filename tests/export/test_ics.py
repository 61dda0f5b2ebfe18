"""The calendar export: RFC 5545 structure, dates against the plan, stable UIDs, same bytes."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from icalendar import Calendar, Event
from typer.testing import CliRunner

from hiprehab.api import make_plan, write_outputs
from hiprehab.cli import app
from hiprehab.errors import InvalidValueError
from hiprehab.export.ics import CalendarTime, plan_to_ics
from hiprehab.export.plan import plan_to_dict
from hiprehab.model.plan import card_numbers

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)
RUNNER = {
    "name": "Ann",
    "goal": "manage",
    "weeks": 8,
    "weekly_volume": 20.0,
    "longest_run": 8.0,
    "pain": 3,
    "pain_site": "lateral",
    "red_flags": [],
}


def plan_for(**changes: Any) -> Plan:
    """The test runner's plan, with ``changes`` laid over the profile."""
    return make_plan({**RUNNER, **changes}, start=START, user_folder=False)


def unfold(data: bytes) -> list[str]:
    """A strict reading of RFC 5545 section 3.1: CRLF lines of at most 75 octets, folds joined."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    lines: list[str] = []
    for raw in physical:
        assert len(raw) <= 75, raw
        assert b"\n" not in raw
        assert b"\r" not in raw
        if raw.startswith((b" ", b"\t")):
            assert lines, "a continuation line cannot come first"
            lines[-1] += raw[1:].decode()
        else:
            lines.append(raw.decode())
    return lines


CONTENT_LINE = re.compile(r"([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^;:]+)*):(.*)")


def parse_strict(data: bytes) -> list[dict[str, tuple[str, str]]]:
    """Events as {name: (parameters, value)}, checking nesting and each calendar's required lines."""
    stack: list[str] = []
    events: list[dict[str, tuple[str, str]]] = []
    calendar: dict[str, str] = {}
    current: dict[str, tuple[str, str]] | None = None
    for line in unfold(data):
        match = CONTENT_LINE.fullmatch(line)
        assert match, line
        name, params, value = match.groups()
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                assert current is not None
                events.append(current)
                current = None
        elif stack == ["VCALENDAR"]:
            calendar[name] = value
        elif current is not None and stack[-1] == "VEVENT":
            assert name not in current or name == "CATEGORIES", f"{name} twice in one event"
            current[name] = (params, value)
    assert not stack
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//hiprehab//")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event
    return events


def read_events(data: bytes) -> list[Event]:
    """The events as the icalendar library reads them."""
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    return calendar.events


def training_dates(plan: Plan) -> list[str]:
    """The dates of the plan's JSON that have a session other than rest."""
    data = plan_to_dict(plan)
    return [
        day["date"]
        for week in data["weeks"]
        for day in week["days"]
        if any(s["type"] != "rest" for s in day["sessions"])
    ]


def test_one_all_day_event_per_training_day_read_by_icalendar() -> None:
    """The icalendar library reads one all-day event for each plan day with a session, on that day."""
    plan = plan_for()
    events = read_events(plan_to_ics(plan))
    assert [e.start.isoformat() for e in events] == training_dates(plan)
    for event in events:
        assert type(event.start) is dt.date
        assert event.end == event.start + dt.timedelta(days=1)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_the_strict_parser_reads_the_same_dates() -> None:
    """A second, line-based parser finds the same dates and well-formed lines."""
    plan = plan_for()
    events = parse_strict(plan_to_ics(plan))
    dates = [dt.date.fromisoformat(e["DTSTART"][1]).isoformat() for e in events]
    assert dates == training_dates(plan)
    assert all(e["DTSTART"][0] == ";VALUE=DATE" for e in events)
    assert {e["DTSTAMP"][1] for e in events} == {"20270104T000000Z"}


def test_summary_and_description_name_sessions_doses_and_cards() -> None:
    """A run day says its week and run in the summary; the description lists doses and card numbers."""
    plan = plan_for()
    events = read_events(plan_to_ics(plan))
    week, day = next((w, d) for w in plan.weeks for d in w.days if any(s.run for s in d.sessions))
    event = next(e for e in events if e.start == day.date)
    run = next(s.run for s in day.sessions if s.run)
    assert str(event["SUMMARY"]).startswith(f"Hip plan wk {week.number}: ")
    assert f"walk-run stage {run.stage} {run.total_min:g} min" in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    cards = card_numbers(plan)
    for session in day.sessions:
        for item in session.items:
            assert f"- {item.exercise.name}" in description
            assert f"(card {cards[item.exercise.id]})" in description


def test_same_plan_same_bytes() -> None:
    """Two exports of the same plan are byte-identical, timed ones too."""
    plan = plan_for()
    when = CalendarTime.parse("07:30", "Europe/Berlin")
    assert plan_to_ics(plan) == plan_to_ics(plan_for())
    assert plan_to_ics(plan, when) == plan_to_ics(plan_for(), when)


def test_a_changed_plan_keeps_the_uids_of_its_days() -> None:
    """Re-made with other running figures, the plan's unchanged days keep their UIDs, so events update."""
    before = {e.start: e for e in read_events(plan_to_ics(plan_for()))}
    after = {e.start: e for e in read_events(plan_to_ics(plan_for(weekly_volume=30.0, weeks=10)))}
    unchanged = [
        day for day in before if day in after and before[day]["DESCRIPTION"] == after[day]["DESCRIPTION"]
    ]
    changed = [day for day in before if day in after and day not in unchanged]
    assert unchanged
    assert changed  # the running differs, so some days do
    for day in before:
        if day in after:
            assert before[day]["UID"] == after[day]["UID"]


def test_another_runner_gets_other_uids() -> None:
    """Plans of two runners imported into one calendar do not replace each other's events."""
    ann = {e.start: str(e["UID"]) for e in read_events(plan_to_ics(plan_for()))}
    bob = {e.start: str(e["UID"]) for e in read_events(plan_to_ics(plan_for(name="Bob")))}
    assert set(ann.values()).isdisjoint(bob.values())


def test_timed_events_carry_their_zone() -> None:
    """With a session time and a zone, events start then, in that zone, with its VTIMEZONE."""
    plan = plan_for()
    data = plan_to_ics(plan, CalendarTime.parse("07:30", "Europe/Berlin"))
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    for event in calendar.events:
        start = event.start
        assert isinstance(start, dt.datetime)
        assert start.time() == dt.time(7, 30)
        assert str(start.tzinfo) == "Europe/Berlin"
        assert event.end > start
    events = parse_strict(data)
    assert {e["DTSTART"][0] for e in events} == {";TZID=Europe/Berlin"}


def test_a_time_without_a_zone_floats() -> None:
    """A session time alone gives local ("floating") times, as RFC 5545 allows."""
    events = parse_strict(plan_to_ics(plan_for(), CalendarTime.parse("18:05", None)))
    assert {e["DTSTART"][0] for e in events} == {""}
    assert all(e["DTSTART"][1].endswith("T180500") for e in events)


@pytest.mark.parametrize(
    ("time", "zone", "field", "message"),
    [
        ("7.30", None, "session_time", "expected a time of day as HH:MM, e.g. 07:30; found '7.30'"),
        ("24:00", None, "session_time", "expected a time of day as HH:MM, e.g. 07:30; found '24:00'"),
        (
            "07:30",
            "Mars/Olympus",
            "timezone",
            "expected a time zone name such as Europe/Berlin or America/New_York; found 'Mars/Olympus'",
        ),
        (
            "07:30",
            "../etc/passwd",
            "timezone",
            "expected a time zone name such as Europe/Berlin or America/New_York; found '../etc/passwd'",
        ),
        (
            None,
            "Europe/Paris",
            "timezone",
            "a time zone only matters for timed events: give a session time too",
        ),
    ],
)
def test_bad_times_and_zones_are_named(time: str | None, zone: str | None, field: str, message: str) -> None:
    """A bad time or zone names its setting and says what was expected."""
    with pytest.raises(InvalidValueError) as caught:
        CalendarTime.parse(time, zone)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_a_refused_plan_writes_no_calendar(tmp_path: Path) -> None:
    """A plan the screening refused has no sessions, so no calendar file is written."""
    plan = plan_for(red_flags=["fever_hot_joint"])
    assert plan.screening.outcome == "stop"
    target = tmp_path / "p.ics"
    assert write_outputs(plan, pdf=None, json_path=None, ics=target) == []
    assert not target.exists()


def test_cli_writes_the_calendar_beside_the_json(tmp_path: Path) -> None:
    """`plan --ics` writes the calendar with the JSON, its events on the JSON's days."""
    ics, plan_json = tmp_path / "p.ics", tmp_path / "p.json"
    args = ["plan", "--start", "2027-01-04", "--no-red-flags", "--weekly-km", "20", "--longest-run-km", "8"]
    result = CliRunner().invoke(
        app, [*args, "--json", str(plan_json), "--ics", str(ics), "--session-time", "06:45"]
    )
    assert result.exit_code == 0, result.stderr
    assert f"wrote {ics}\n" in result.stdout
    data = json.loads(plan_json.read_text(encoding="utf-8"))
    days = [d["date"].replace("-", "") for w in data["weeks"] for d in w["days"]]
    starts = [e["DTSTART"][1] for e in parse_strict(ics.read_bytes())]
    assert starts == [f"{d}T064500" for d in days if f"{d}T064500" in starts]
    assert len(starts) == sum(
        any(s["type"] != "rest" for s in d["sessions"]) for w in data["weeks"] for d in w["days"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--ics", "{tmp}/p.ics", "--session-time", "07:30", "--timezone", "Mars/Olympus"],
            (
                "hiprehab: --timezone: expected a time zone name such as Europe/Berlin or America/New_York; "
                "found 'Mars/Olympus'\n"
            ),
        ),
        (
            ["--session-time", "07:30"],
            (
                "hiprehab: --session-time: sets the time of the calendar's events, "
                "and no calendar file was asked for\n"
            ),
        ),
    ],
)
def test_cli_names_the_calendar_flags(args: list[str], message: str, tmp_path: Path) -> None:
    """A bad calendar flag exits 2, names the flag, and writes nothing."""
    given = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(
        app, ["plan", "--start", "2027-01-04", "--no-red-flags", "--json", str(tmp_path / "p.json"), *given]
    )
    assert result.exit_code == 2
    assert result.stderr == message
    assert list(tmp_path.iterdir()) == []
