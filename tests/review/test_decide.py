"""The review's decisions by the plan's pain rules, for scripted logs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hiprehab.review.carry import next_profile
from hiprehab.review.decide import Review, review_log
from hiprehab.review.entries import LogError
from testing.engine_inputs import default_inputs
from testing.review_inputs import Fill, fill, record, steady

if TYPE_CHECKING:
    from hiprehab.review.record import PlannedSession


def review(rule: Fill, *, weeks: int = 6, **thresholds: object) -> Review:
    """Review the manage plan's log filled in by ``rule``, with ``thresholds`` changed in its template."""
    template = default_inputs()[1]["manage"]
    if thresholds:
        changed = template.review.model_validate({**template.review.model_dump(), **thresholds})
        template = template.model_copy(update={"review": changed})
    rec = record("manage", weeks)
    return review_log(rec, fill(rec, rule), template)


def moves(result: Review) -> dict[str, str]:
    """Each group's move."""
    return {d.group: d.move for d in result.decisions}


def test_all_green_moves_up() -> None:
    """Every session done with pain at 3 or less, no worse next morning: strength and running move up."""
    result = review(steady(2, 1))
    assert moves(result) == {"strength": "up", "run": "up"}
    assert result.referral == ()
    strength = next(d for d in result.decisions if d.group == "strength")
    assert strength.reason == (
        "pain stayed at 3 or less during and the next morning in 2 of 2 strength sessions in week 6: move up"
    )


def test_amber_holds() -> None:
    """Pain of 4-5 during the sessions holds every group."""
    result = review(steady(4, 4))
    assert moves(result) == {"strength": "hold", "run": "hold"}
    assert next(d.reason for d in result.decisions if d.group == "strength") == (
        "pain reached 4-5 (amber) in 2 of 2 strength sessions in week 6: hold"
    )
    assert result.referral == ()


def test_worse_next_morning_steps_back() -> None:
    """Pain next morning worse than the morning before, after strength in the last week: step back."""
    rec = record()
    last_week = rec.sessions[-1].week

    def rule(session: PlannedSession) -> tuple[bool | None, int | None, int | None, str]:
        worse = session.week == last_week and session.type == "strength"
        return True, 2, 3 if worse else 1, ""

    result = review(rule)
    assert moves(result)["strength"] == "back"
    assert next(d.reason for d in result.decisions if d.group == "strength") == (
        "pain next morning was worse after 2 of 2 strength sessions in week 6: step back"
    )
    assert result.referral == ()


def test_rising_pain_refers() -> None:
    """Weekly pain rising two weeks running (by a point or more in all) ends in a referral."""
    result = review(lambda s: (True, min(5, s.week - 1), min(5, s.week - 1), ""))
    assert "pain rose two weeks in a row" in result.referral


def test_pain_of_six_refers() -> None:
    """A single pain score above the amber zone ends in a referral that says when."""
    rec = record()
    bad = rec.sessions[10]
    result = review(lambda s: (True, 6 if s == bad else 1, 1, ""))
    assert result.referral == (f"pain reached 6/10 (1 session above 5, first on {bad.date})",)


def test_three_red_days_in_a_week_refer() -> None:
    """Three days in a week worse the next morning than the morning before: see a clinician."""
    rec = record()
    week = 3
    reds = [s for s in rec.sessions if s.week == week and s.type == "strength"]
    assert len(reds) == 3  # Monday, Wednesday, Friday: each after a day at 1

    def rule(session: PlannedSession) -> tuple[bool | None, int | None, int | None, str]:
        return True, 1, 3 if session in reds else 1, ""

    result = review(rule)
    assert "3 or more days in one week in the red zone (week 3: 3)" in result.referral


def test_one_next_morning_score_counts_once_for_a_day_of_several_sessions() -> None:
    """A day of three sessions worse the next morning is one red day: it steps back, it does not refer."""
    rec = record()
    dates = [s.date for s in rec.sessions]
    # A day of three sessions after the first day, so there is a morning before it to be worse than.
    day = next(d for d in sorted(set(dates)) if d > dates[0] and dates.count(d) == 3)

    def rule(session: PlannedSession) -> tuple[bool | None, int | None, int | None, str]:
        return True, 1, 2 if session.date == day else 1, ""

    result = review(rule)
    week = next(w for w in result.weeks if w.week == next(s.week for s in rec.sessions if s.date == day))
    assert week.red_days == 1
    assert result.referral == ()


def test_the_trend_word_needs_a_change_of_the_templates_rising_by() -> None:
    """Weekly pain going 1 to 1.1 is steady; 1 to 2 is rising and 2 to 1 easing (rising_by: 1 point)."""
    rec = record()
    last = rec.sessions[-1].week
    one = next(s for s in rec.sessions if s.week == last)
    small = review(lambda s: (True, 2 if s == one else 1, 1, ""))
    during = small.weeks[-1].pain_during
    assert during is not None
    assert 1 < during < 1.5  # one session of the week at 2, the rest at 1
    assert small.trend.startswith("steady (")
    assert review(lambda s: (True, 2 if s.week == last else 1, 1, "")).trend.startswith("rising (")
    assert review(lambda s: (True, 1 if s.week == last else 2, 1, "")).trend.startswith("easing (")


def test_the_next_block_starts_from_the_logged_pain() -> None:
    """The next profile's pain is the last scored week's typical pain, not the first plan's 3."""
    rec = record()
    assert rec.data["profile"]["pain"] == 3
    last = rec.sessions[-1].week
    assert next_profile(rec, review(steady(2, 1)), None)["pain"] == 2
    # Only the last week counts: pain of 1 there after weeks at 2.
    easing = review(lambda s: (True, 1 if s.week == last else 2, 1, ""))
    assert next_profile(rec, easing, None)["pain"] == 1
    # The higher of the week's averages during and next morning.
    mornings = review(lambda s: (True, 1, 1 if s.week < last else 2, ""))
    assert next_profile(rec, mornings, None)["pain"] == 2


def test_a_templates_referral_score_changes_the_decision() -> None:
    """Amber pain of 5 holds by default; a template that refers from 5 sends the runner on instead."""
    assert review(steady(5, 2)).referral == ()
    result = review(steady(5, 2), refer_pain_score=5)
    first = record().sessions[0]
    assert result.referral[0].startswith("pain reached 5/10 (")
    assert result.referral[0].endswith(f"sessions above 4, first on {first.date})")


def test_a_templates_rising_and_red_thresholds_change_the_referral() -> None:
    """Two red days in a week refer, and a two-week rise does not, only under a template that says so."""
    rec = record()
    week = 3
    reds = [s for s in rec.sessions if s.week == week and s.type == "strength"][:2]

    def rule(session: PlannedSession) -> tuple[bool | None, int | None, int | None, str]:
        return True, 1, 3 if session in reds else 1, ""

    assert review(rule).referral == ()
    assert review(rule, red_days_per_week=2).referral == (
        "2 or more days in one week in the red zone (week 3: 2)",
    )
    rising: Fill = lambda s: (True, max(1, s.week - 3), max(1, s.week - 3), "")  # noqa: E731 - weeks 4-6: 1, 2, 3
    assert "pain rose two weeks in a row" in review(rising).referral
    assert not any(r.startswith("pain rose") for r in review(rising, rising_weeks=3).referral)
    assert not any(r.startswith("pain rose") for r in review(rising, rising_by=3.0).referral)


def test_a_templates_share_of_sessions_done_changes_the_move() -> None:
    """Half of the strength sessions done moves up by default; a template asking for all of them holds."""
    rec = record()
    last_week = rec.sessions[-1].week
    skipped = [s for s in rec.sessions if s.week == last_week and s.type == "strength"][:1]
    rule: Fill = lambda s: (s not in skipped, 1, 1, "")  # noqa: E731 - a one-line log
    assert moves(review(rule))["strength"] == "up"
    strict = review(rule, done_share_min=1.0)
    assert moves(strict)["strength"] == "hold"
    assert next(d.reason for d in strict.decisions if d.group == "strength") == (
        f"only 1 of 2 strength sessions in week {last_week} done: hold until all are done"
    )


@pytest.mark.parametrize(
    ("note", "sign"),
    [
        ("woke up at night with pain", "pain at night"),
        ("hip swollen after", "swelling"),
        ("Fell on ice", "a fall"),
    ],
)
def test_a_warning_sign_in_a_note_refers(note: str, sign: str) -> None:
    """A note that names a warning sign of the screening ends in a referral quoting it."""
    rec = record()
    noted = rec.sessions[5]
    result = review(lambda s: (True, 1, 1, note if s == noted else ""))
    assert result.referral == (f'your note on {noted.date} mentions {sign} ("{note}")',)


def test_a_harmless_note_does_not_refer() -> None:
    """A word that only contains a warning word (``photo``, ``knight``) does not refer."""
    result = review(lambda _: (True, 1, 1, "took a photo, felt like a knight"))
    assert result.referral == ()


def test_blank_rows_count_as_not_done_and_are_said() -> None:
    """A half-filled week: its blank sessions count as not done, and the review says so."""
    rec = record()
    blank = {s for s in rec.sessions if s.week == 2 and s.type == "mobility"}
    result = review(lambda s: (None, None, None, "") if s in blank else (True, 1, 1, ""))
    week2 = result.weeks[1]
    assert week2.done == week2.planned - len(blank)
    assert f"week 2: {len(blank)} sessions of {week2.planned} left blank, counted as not done" in result.notes


def test_nothing_logged_is_an_error() -> None:
    """A log with nothing filled in cannot be reviewed, and the error says what to do."""
    with pytest.raises(LogError, match="nothing is logged yet"):
        review(lambda _: (None, None, None, ""))


def test_the_review_stops_at_the_last_logged_day() -> None:
    """Sessions after the last filled-in row are not counted, and the partial week is named."""
    template = default_inputs()[1]["manage"]
    rec = record()
    day = rec.sessions[20].date
    result = review_log(rec, fill(rec, steady(1, 1), until=day), template)
    assert result.last_day == day
    assert all(x.session.date <= day for x in result.logged)
    assert not result.weeks[-1].complete
    assert (
        f"week {result.weeks[-1].week} is logged up to {day}; the next block starts the day after"
        in result.notes
    )
