"""The words a runner reads for what the engine decided: notices and doses.

One place, so the terminal and the printed plan say the same thing the same
way. Nothing here names a command-line flag: a plan is read on paper, where
flags mean nothing; the command line adds its own hints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.model.exercise import Dose
from hiprehab.vocab import WEEKDAYS

if TYPE_CHECKING:
    from collections.abc import Callable

    from hiprehab.model.notice import Notice
    from hiprehab.model.plan import Item
    from hiprehab.model.template import PainRules, ReviewRules


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

SESSION_LABELS = {
    "strength": "Strength",
    "activation": "Activation",
    "mobility": "Mobility",
    "run": "Run",
    "cross_training": "Cross-training",
    "recovery": "Recovery",
    "rest": "Rest",
}

# Each avoid_if word as a runner would say it: what a plan was built around, and whom an
# exercise is left out for. Pain sites first, then the conditions, in the vocabulary's order.
AVOID_LABELS = {
    "lateral": "pain on the outside of the hip",
    "groin": "groin pain",
    "buttock": "pain in the buttock",
    "front": "pain at the front of the hip",
    "tendinopathy": "gluteal tendinopathy",
    "bursitis": "bursitis",
    "muscle_strain": "a muscle strain",
    "osteoarthritis": "hip osteoarthritis",
    "labral_tear": "a labral tear",
    "fai": "hip impingement (FAI)",
    "stress_fracture": "a stress fracture",
}

EQUIPMENT_LABELS = {
    "none": "nothing",
    "mat": "exercise mat",
    "band": "resistance band",
    "chair": "sturdy chair",
    "step": "step or stair",
    "wall": "wall",
    "towel": "towel",
    "pillow": "pillow or cushion",
    "ice_pack": "ice pack or frozen peas",
    "heat_pack": "heat pack or hot-water bottle",
    "weights": "weights",
    "bike": "bike or exercise bike",
    "pool": "swimming pool",
    "elliptical": "elliptical trainer",
}

UNIT_LABELS = {"km": "km", "mi": "miles", "min": "minutes"}


def _few_exercises(notice: Notice) -> str:
    return (
        f"Only {notice['count']} {notice['block']} exercises fit your conditions and equipment "
        f"(the plan aims for {notice['aim']}); a physiotherapist can suggest more."
    )


# A pain site as a runner would say it, in a sentence.
SITE_WORDS = {
    "lateral": "on the outside of the hip",
    "groin": "in the groin",
    "buttock": "in the buttock",
    "front": "at the front of the hip",
}


def site_list(codes: str) -> str:
    """``groin,front`` as ``in the groin or at the front of the hip``."""
    words = [SITE_WORDS.get(code, code) for code in codes.split(",") if code]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _running_waits(notice: Notice) -> str:
    return (
        f"Pain {site_list(str(notice['sites']))} can come from a stress fracture of the hip bone, "
        "so this plan has no running until a doctor or physiotherapist has checked your hip. "
        "Walk or cross-train on your run days instead."
    )


_EMPTY_CAUSES = {
    "retired": "is retired from your catalogue",
    "avoided": "is left out for your hip",
    "equipment": "needs equipment you did not list",
}


def _no_cross_training(notice: Notice) -> str:
    causes = [_EMPTY_CAUSES[c] for c in str(notice["causes"]).split(",") if c in _EMPTY_CAUSES]
    why = (
        "every cross-training exercise " + " or ".join(causes)
        if causes
        else "the catalogue has no cross-training exercise for this goal"
    )
    return (
        f"This plan has no cross-training: {why}. On the days it would have used, "
        "rest, or walk easily if you feel like it."
    )


def _amount(value: object, units: object) -> str:
    """``12.5 km``, ``40 min``."""
    return f"{float(str(value)):g} {units}"


def _runs_below_volume(notice: Notice) -> str:
    days = int(notice["days"])
    run_days = "one run day" if days == 1 else f"{days} run days"
    return (
        f"With {run_days} a week and no run more than {notice['cap']}% of your longest recent run, "
        f"week {notice['week']} reaches {_amount(notice['reached'], notice['units'])} of running "
        f"instead of {_amount(notice['target'], notice['units'])}; the plan builds up from there "
        "within its caps. More run days, or a longer recent run, would let it reach your volume sooner."
    )


STEP_WORDS = {"min": "one minute", "km": "0.1 km", "mi": "0.1 mi"}
"""The smallest step a plan rounds running to, in words."""


def _running_too_small_to_grow(notice: Notice) -> str:
    units = notice["units"]
    volume = _amount(notice["volume"], units)
    step = STEP_WORDS.get(str(units), _amount(notice["step"], units))
    percent = notice["percent"]
    lighter = " (less in a lighter week)" if notice["lighter"] else ""
    return (
        f"Your running is small enough that {percent}% more, for the week or for a single run, is "
        f"less than {step}, the smallest step this plan uses, so from week {notice['week']} it stays "
        f"at {volume} a week{lighter} for the rest of the plan instead of growing. Running grows by at most "
        f"{percent}% a week, so a plan can grow it once your runs are about "
        f"{_amount(notice['grows_from'], units)} or longer; to build up to that safely, "
        "ask a physiotherapist or running coach."
    )


_NOTICES: dict[str, Callable[[Notice], str]] = {
    "few_exercises": _few_exercises,
    "no_cross_training": _no_cross_training,
    "no_run_days": lambda _: (
        "You gave no days for running, so this plan has no runs. "
        "Make the plan again with the days you can run to add them."
    ),
    "referred_hold": lambda _: (
        "Until a doctor or physiotherapist has cleared you, this plan has no running: walk or "
        "cross-train instead. The strength work stays at its first, gentle doses, with no step ups."
    ),
    "running_waits_for_check": _running_waits,
    "no_weekly_volume": lambda _: (
        "Your current weekly running is 0 or was not given, so this plan has no runs: it only "
        "grows running you already do. If you run now, make the plan again with your weekly "
        "running and your longest run of the last 30 days to add them."
    ),
    "no_longest_run": lambda _: (
        "You did not give your longest run of the last 30 days, so no run can be capped "
        "safely and this plan has no runs. Make the plan again with it to add runs."
    ),
    "condition_note": lambda notice: str(notice["text"]),
    "running_held_for_pain": lambda notice: (
        f"With hip pain of {notice['pain']} out of 10, your running stays at its current volume for "
        "this whole plan. It grows again only after two weeks without pain: make a new plan then."
    ),
    "long_run_held": lambda notice: (
        "With pain on the outside of the hip or a gluteal tendon problem, long runs press on the "
        f"tendon, so your long run stays at {_amount(notice['longest'], notice['units'])} in this plan."
    ),
    "runs_below_volume": _runs_below_volume,
    "running_too_small_to_grow": _running_too_small_to_grow,
    "rest_day_kept": lambda notice: (
        "Your run and strength days fill the whole week, so "
        f"{DAY_NAMES[WEEKDAYS.index(str(notice['weekday']))]} is a rest day instead of a run: "
        "every week keeps one day off."
    ),
    "strength_days_moved": lambda notice: (
        f"Strength work needs two sessions a week with at least a day between them, which your "
        f"strength days ({str(notice['given']).replace(',', ', ')}) do not allow, so this plan "
        f"uses {str(notice['used']).replace(',', ' and ')} instead."
    ),
    "run_days_capped": lambda notice: (
        f"This plan runs on at most {notice['most']} days a week; your other run days are days off running."
    ),
}


RUNNING_HOLD_CODES = frozenset({"referred_hold", "running_waits_for_check"})
"""Notices that hold every run until a clinician has checked the hip."""


RUNNING_MISSING_CODES = frozenset({"no_run_days", "no_weekly_volume", "no_longest_run"})
"""Notices that say which answer the plan's runs are waiting for."""


def no_running_text(notices: tuple[Notice, ...], *, run_days: bool) -> str:
    """Why a plan holds no running, in one plain sentence for its cover."""
    codes = {n.code for n in notices}
    if codes & RUNNING_HOLD_CODES:
        return (
            "No running in this plan until a physiotherapist or doctor has checked your hip; "
            "walk or cross-train on your run days until then."
        )
    if codes & RUNNING_MISSING_CODES:
        return "No running in this plan; the notes below say why."
    if not run_days:
        return "No running in this plan: you gave no days to run on."
    return "No running in this plan: its weeks all come before running starts."


def stops_growing_week(notices: tuple[Notice, ...]) -> int | None:
    """The week from which a plan's running stops growing, if it does: 1 when pain holds it throughout.

    Rounding may keep small running from growing from some week on; hip pain holds a
    runner's volume for the whole plan.
    """
    weeks = [int(n["week"]) for n in notices if n.code == "running_too_small_to_grow"]
    weeks += [1 for n in notices if n.code == "running_held_for_pain"]
    return min(weeks) if weeks else None


def not_growing_text(week: int, *, on_cover: bool) -> str:
    """A plan's own words about growing running, made to agree when running is held from ``week``."""
    notes = "the notes below" if on_cover else "the notes on the cover"
    when = "For this whole plan" if week <= 1 else f"From week {week}"
    return f"{when} your running stays where it is instead of growing; {notes} say why."


NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def see_clinician_text(review: ReviewRules, rules: PainRules) -> str:
    """When the log's pain needs a physiotherapist, from the same values ``hiprehab review`` applies."""
    weeks = NUMBER_WORDS.get(review.rising_weeks, str(review.rising_weeks))
    points = "1 point" if review.rising_by == 1 else f"{review.rising_by:g} points"
    days = "1 day" if review.red_days_per_week == 1 else f"{review.red_days_per_week} days"
    return (
        f"See a physiotherapist if a score reaches {review.refer_score(rules)}, a week's average pain "
        f"rises {weeks} weeks running ({points} or more in all) or {days} of one week are red."
    )


def notice_text(notice: Notice) -> str:
    """A notice in plain words, the same on paper and on the terminal."""
    return _NOTICES[notice.code](notice)


def dose_text(dose: Dose) -> str:
    """Say a dose the way the plan prints it: ``2 x 10 reps per side, rest 60 s``."""
    if dose.reps is not None:
        amount = f"{dose.reps} reps"
    elif dose.hold_s is not None:
        amount = f"{dose.hold_s} s hold"
    else:
        minutes = dose.duration_min or 0
        amount = f"{minutes:g} min"
    text = f"{dose.sets} x {amount}" if dose.sets > 1 or dose.duration_min is None else amount
    if dose.per_side:
        text += " per side"
    if dose.tempo:
        text += f", tempo {dose.tempo}"
    if dose.rest_s:
        text += f", rest {dose.rest_s} s between sets"
    return text


def item_dose_text(item: Item) -> str:
    """This session's dose of an item, worded like :func:`dose_text`."""
    dose = Dose(
        sets=item.sets,
        reps=item.reps,
        hold_s=item.hold_s,
        duration_min=item.duration_min,
        per_side=item.per_side,
        rest_s=item.rest_s,
        tempo=item.exercise.dose.tempo,
    )
    return dose_text(dose)
