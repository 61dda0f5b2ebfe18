"""Plans for the PDF renderer's tests, built by hand (no plan engine), and PDF readers.

The goal template and screening rules are the shipped ones, so the texts the PDF
prints (disclaimer, warning signs, pain rules) are real; the weeks, days and
exercises are small and fixed, so tests can name exactly what must appear.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pypdf

from hiprehab.load.templates import load_templates
from hiprehab.model.exercise import Dose, Exercise
from hiprehab.model.notice import Notice
from hiprehab.model.plan import Day, Interval, Item, Plan, Run, Screening, Session, Week
from hiprehab.model.profile import Profile
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.template import Template

START = dt.date(2027, 1, 4)  # a Monday
SOURCE = "Test source. https://example.org/source"
AVOID_NOTE = "Lying on the sore side presses on the tendon."


def exercise(
    ex_id: str,
    name: str,
    kind: str,
    family: str,
    dose: Dose,
    *,
    level: int = 1,
    equipment: tuple[str, ...] = ("mat",),
    avoid_if: tuple[str, ...] = (),
    avoid_note: str | None = None,
    illustration: dict[str, Any] | None = None,
) -> Exercise:
    """A catalogue entry with short but complete texts, unique to this exercise."""
    return Exercise.model_validate(
        {
            "id": ex_id,
            "name": name,
            "kind": kind,
            "family": family,
            "level": level,
            "summary": f"What {name.lower()} is for, in one sentence.",
            "targets": ("glute_med",),
            "position": "standing",
            "equipment": equipment,
            "dose": dose,
            "goals": ("manage", "prevent"),
            "steps": (
                f"Get into the start position for {name.lower()}.",
                "Move slowly through the whole range you can manage without pain.",
                f"Finish the last step of {name.lower()} and rest.",
            ),
            "cues": ("Keep your pelvis level.", "Breathe out as you work."),
            "mistakes": (f"Rushing the {name.lower()}.",),
            "avoid_if": avoid_if,
            "avoid_note": avoid_note,
            "sources": (SOURCE,),
            "illustration": illustration,
        }
    )


BRIDGE = exercise("double-leg-bridge", "Double-leg bridge", "strength", "bridge", Dose(sets=2, reps=10))
MARCH = exercise(
    "marching-bridge", "Marching bridge", "strength", "bridge", Dose(sets=2, reps=8, per_side=True), level=2
)
CLAM = exercise(
    "clamshell",
    "Clamshell",
    "strength",
    "clam",
    Dose(sets=2, reps=12, rest_s=60, tempo="2-1-2"),
    equipment=("mat", "band"),
    avoid_if=("lateral", "bursitis"),
    avoid_note=AVOID_NOTE,
)
SIDE_PLANK = exercise(
    "side-plank", "Side plank", "isometric", "plank", Dose(sets=3, hold_s=20, per_side=True)
)
STRETCH = exercise("hip-flexor-stretch", "Hip flexor stretch", "stretch", "hipflex", Dose(sets=2, hold_s=30))
SWINGS = exercise("leg-swings", "Leg swings", "warmup", "swing", Dose(sets=1, reps=10, per_side=True))
WALK = exercise("easy-walk", "Easy walk", "cooldown", "walk", Dose(sets=1, duration_min=5.0))
BIKE = exercise("easy-bike", "Easy bike ride", "cardio", "bike", Dose(sets=1, duration_min=30.0))

# Left out of a plan for lateral pain: never scheduled, named on the how-to pages.
ABDUCTION_NOTE = "Lifting the leg to the side loads the gluteal tendons hard."
ABDUCTION = exercise(
    "side-lying-abduction",
    "Side-lying hip abduction",
    "strength",
    "abduction",
    Dose(sets=2, reps=10, per_side=True),
    avoid_if=("lateral", "tendinopathy"),
    avoid_note=ABDUCTION_NOTE,
)

SCHEDULED = (BRIDGE, CLAM, SIDE_PLANK, STRETCH, SWINGS, WALK, BIKE)
LIBRARY = (*SCHEDULED, MARCH)


def item(ex: Exercise, part: str = "main", **extra: Any) -> Item:
    """An item at the exercise's catalogue dose."""
    d = ex.dose
    return Item(
        exercise=ex,
        sets=d.sets,
        reps=d.reps,
        hold_s=d.hold_s,
        duration_min=d.duration_min,
        per_side=d.per_side,
        rest_s=d.rest_s,
        part=part,  # type: ignore[arg-type]
        easier=extra.pop("easier", None),
        harder=extra.pop("harder", None),
        **extra,
    )


@functools.cache
def _templates() -> tuple[dict[str, Template], ScreeningRules]:
    return load_templates([data_dir("templates")])


def template(goal: str = "manage") -> Template:
    """The built-in goal template (texts and rules exactly as shipped)."""
    return _templates()[0][goal]


def rules() -> ScreeningRules:
    """The built-in screening rules."""
    return _templates()[1]


def _strength(week: int) -> Session:
    return Session(
        type="strength",
        title="Hip strength",
        items=(
            item(BRIDGE, harder=MARCH, change="One more set than last week." if week == 2 else None),
            item(CLAM),
            item(SIDE_PLANK, optional=True),
            item(STRETCH, part="cooldown"),
        ),
        note="Move slowly; quality before quantity.",
    )


def _run(stage: int, *, long_run: bool = False) -> Session:
    run = Run(
        total_min=15.0,
        distance_km=None,
        distance=None,
        units="km",
        intervals=None if long_run else (Interval(run_min=1.0, walk_min=2.0, repeats=5),),
        stage=None if long_run else stage,
        long_run=long_run,
        note="Flat ground only.",
    )
    return Session(
        type="run",
        title="Long easy run" if long_run else "Walk-run",
        items=(item(SWINGS, part="warmup"), item(WALK, part="cooldown")),
        run=run,
    )


def _days(week: int, first: dt.date) -> tuple[Day, ...]:
    rest = Session(type="rest", title="Rest", items=(), note="Walk if you like.")
    cross = Session(type="cross_training", title="Bike", items=(item(BIKE),))
    sessions = (
        (_strength(week),),
        (_run(week),),
        (cross,),
        (_run(week),),
        (_strength(week), cross),
        (_run(week, long_run=True),),
        (rest,),
    )
    return tuple(Day(date=first + dt.timedelta(days=i), sessions=s) for i, s in enumerate(sessions))


def make_plan(
    *,
    weeks: int = 2,
    name: str = "Sample Runner",
    outcome: str = "proceed",
    start: dt.date = START,
    notices: tuple[Notice, ...] = (
        Notice.of("condition_note", text="Exercises that press on the outside of the hip are left out."),
    ),
    avoided: tuple[str, ...] = (),
    excluded: tuple[Exercise, ...] = (),
) -> Plan:
    """A plan of ``weeks`` weeks; ``outcome`` "stop" gives a plan with no weeks."""
    profile = Profile(name=name, start=start, weeks=weeks, red_flags=())
    stopped = outcome == "stop"
    phases = template().phases
    week_list = tuple(
        Week(
            number=n,
            phase=phases[0] if n <= max(1, weeks // 2) else phases[1],
            deload=n % 4 == 0,
            days=_days(n, start + dt.timedelta(weeks=n - 1)),
            running_target=12.0 if n > 1 else None,
        )
        for n in range(1, weeks + 1)
    )
    reasons = ("Pain at night needs a doctor's check.", "A fall needs checking for a fracture.")
    return Plan(
        template=template(),
        profile=profile,
        rules=rules(),
        start=start,
        end=start + dt.timedelta(days=7 * weeks - 1),
        screening=Screening(
            outcome=outcome,  # type: ignore[arg-type]
            reasons=() if outcome == "proceed" else reasons,
            flags=(),
        ),
        weeks=() if stopped else week_list,
        library=() if stopped else LIBRARY,
        notices=notices,
        avoided=avoided,
        excluded=excluded,
    )


def with_exercise(plan: Plan, old: Exercise, new: Exercise) -> Plan:
    """``plan`` with every use of ``old`` (scheduled and in the library) replaced by ``new``."""

    def swap_item(i: Item) -> Item:
        return replace(i, exercise=new) if i.exercise == old else i

    weeks = tuple(
        replace(
            w,
            days=tuple(
                replace(
                    d,
                    sessions=tuple(
                        replace(s, items=tuple(swap_item(i) for i in s.items)) for s in d.sessions
                    ),
                )
                for d in w.days
            ),
        )
        for w in plan.weeks
    )
    library = tuple(new if e == old else e for e in plan.library)
    return replace(plan, weeks=weeks, library=library)


# Reading a PDF back.


def reader(data: bytes) -> pypdf.PdfReader:
    """A pypdf reader over ``data``."""
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """The text of each page, whitespace runs folded to one space."""
    return list(_page_texts(data))


@functools.lru_cache(maxsize=8)
def _page_texts(data: bytes) -> tuple[str, ...]:
    """:func:`page_texts`, read once per document: pypdf's text extraction is the slow part of many tests."""
    return tuple(" ".join(page.extract_text().split()) for page in reader(data).pages)


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, page index), in order."""
    pdf = reader(data)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                page = pdf.get_destination_page_number(entry)
                assert page is not None, f"bookmark {entry.title!r} points at no page"
                found.append((depth, str(entry.title), page))

    walk(pdf.outline, 0)
    return found


def section_pages(data: bytes, first: str, after: str | None) -> range:
    """Page indexes from the bookmark titled ``first`` up to (not including) ``after``'s."""
    marks = {title: page for _, title, page in outline(data)}
    end = marks[after] if after is not None else len(reader(data).pages)
    return range(marks[first], end)


PAGE_NUMBER = re.compile(r"page (\d+) of\s*(\d+)")


def pages_through(data: bytes, first: str, last: str) -> range:
    """Page indexes from the bookmark ``first`` through the page of ``last`` (parts may share a page)."""
    marks = {title: page for _, title, page in outline(data)}
    return range(marks[first], marks[last] + 1)


# Real plans from the engine, rendered once per test run: the layout rules hold for
# what the engine makes, not only for the small hand-made plans above.

REAL_START = dt.date(2027, 1, 4)
RUNNING: dict[str, Any] = {"run_days": ("tue", "thu", "sat"), "weekly_volume": 20.0, "longest_run": 8.0}
ALL_EQUIPMENT = ("band", "weights", "bike", "pool", "elliptical")

PROFILES: dict[str, dict[str, Any]] = {
    "manage-6-lateral": {"goal": "manage", "weeks": 6, "pain": 3, "pain_sites": ("lateral",), **RUNNING},
    "manage-6-no-running": {"goal": "manage", "weeks": 6, "pain": 2, "run_days": ()},
    "manage-8-groin-mi": {"goal": "manage", "weeks": 8, "pain_sites": ("groin",), "units": "mi", **RUNNING},
    "prevent-12": {"goal": "prevent", "weeks": 12, **RUNNING},
    "prevent-12-mi": {"goal": "prevent", "weeks": 12, "units": "mi", **RUNNING},
    "prevent-5-four-runs": {
        "goal": "prevent", "weeks": 5, "run_days": ("mon", "wed", "fri", "sun"),
        "weekly_volume": 35.0, "longest_run": 14.0, "equipment": ("band", "weights"),
    },
    "manage-6-every-site": {
        "goal": "manage", "weeks": 6, "pain": 4, "pain_sites": ("front", "groin", "lateral", "buttock"),
        "conditions": ("tendinopathy", "bursitis", "muscle_strain", "osteoarthritis", "labral_tear", "fai"),
    },
    "manage-6-lateral-all-equipment": {
        "goal": "manage", "weeks": 6, "pain": 4, "pain_sites": ("lateral",),
        "equipment": ("band", "weights", "bike", "pool", "elliptical"),
    },
    "manage-52": {"goal": "manage", "weeks": 52, "pain": 3, **RUNNING},
    "manage-52-all-equipment": {
        "goal": "manage", "weeks": 52, "pain": 1, "equipment": ALL_EQUIPMENT,
    },
    "prevent-52-four-runs-all-equipment": {
        "goal": "prevent", "weeks": 52, "run_days": ("mon", "wed", "fri", "sun"),
        "weekly_volume": 30.0, "longest_run": 12.0, "equipment": ALL_EQUIPMENT,
    },
}  # fmt: skip


@functools.cache
def real_plan(profile: str) -> Plan:
    """The engine's plan for one of :data:`PROFILES`, from the shipped catalogue and templates."""
    from hiprehab.engine import build_plan  # noqa: PLC0415 - only the tests of real plans need the engine
    from hiprehab.load.catalogue import load_catalogue  # noqa: PLC0415

    catalogue = load_catalogue([data_dir("exercises")])
    values = PROFILES[profile]
    chosen = Profile(name="Zoë Ødegård", red_flags=(), **values)
    return build_plan(catalogue, template(values["goal"]), rules(), chosen, REAL_START)


@functools.cache
def real_pdf(profile: str, paper: str = "a4", *, large_print: bool = False) -> bytes:
    """:func:`real_plan` rendered (once per run) on ``paper``."""
    from hiprehab.render import pdf_bytes  # noqa: PLC0415 - reportlab loads only for render tests

    return pdf_bytes(real_plan(profile), paper=paper, large_print=large_print)


@functools.cache
def real_outline(
    profile: str, paper: str = "a4", *, large_print: bool = False
) -> tuple[tuple[int, str, int], ...]:
    """The bookmarks of :func:`real_pdf`, read back once."""
    return tuple(outline(real_pdf(profile, paper, large_print=large_print)))


@functools.cache
def real_page_count(profile: str, paper: str = "a4", *, large_print: bool = False) -> int:
    """The page count of :func:`real_pdf`, read back once."""
    return len(reader(real_pdf(profile, paper, large_print=large_print)).pages)
