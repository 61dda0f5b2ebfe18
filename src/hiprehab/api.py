"""The Python API: a plan and its PDF in a few lines, the same as ``hiprehab plan`` makes.

    import hiprehab
    plan = hiprehab.make_plan({"goal": "prevent", "weekly_volume": 20, "longest_run": 8,
                               "red_flags": []}, start=datetime.date(2027, 1, 4))
    hiprehab.render_pdf(plan, "plan.pdf")

Catalogues and templates are layered here, for the command line and Python
callers alike: the built-in ones, then the user's folder, then those given.
Everything is loaded and checked, and every problem gathered, before the plan
is computed; nothing is written until the whole plan exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hiprehab.engine import build_plan
from hiprehab.errors import InvalidInputError, InvalidValueError, Problem
from hiprehab.export.plan import plan_to_json
from hiprehab.load import catalogue as catalogue_loader
from hiprehab.load import templates as template_loader
from hiprehab.load.check import catalogue_warnings
from hiprehab.load.layers import catalogue_sources, template_sources
from hiprehab.load.outfile import bytes_writer, check_distinct, check_target, write_all
from hiprehab.load.profile import build_profile
from hiprehab.model.profile import Profile
from hiprehab.quote import did_you_mean
from hiprehab.vocab import RED_FLAGS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from hiprehab.errors import InputWarning
    from hiprehab.model.carry import Carry
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.plan import Plan
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.template import Template


@dataclass(frozen=True)
class Goals:
    """The goal templates by id, and the red-flag screening rules."""

    templates: dict[str, Template]
    rules: ScreeningRules
    files: tuple[str, ...] = ()
    """The template and screening files read, in order."""


def load_catalogue(folders: Iterable[Path | str] = (), *, user_folder: bool = True) -> Catalogue:
    """The built-in exercises, then the user's folder, then each of ``folders`` (files work too).

    Raises :class:`~hiprehab.errors.InvalidInputError` listing every problem of every file.
    """
    return catalogue_loader.load_catalogue(catalogue_sources(folders, user=user_folder))


def load_goals(
    folders: Iterable[Path | str] = (),
    *,
    user_folder: bool = True,
    catalogues: Iterable[Path | str] = (),
    check_against: Catalogue | None = None,
    partial: bool = False,
) -> Goals:
    """The built-in goal templates and screening rules, the user's, those in ``catalogues``, then ``folders``.

    A catalogue folder made by ``hiprehab catalogue init`` brings its ``templates/`` along.
    With ``check_against`` (the loaded catalogue), every family and role a template's
    slots name must exist in it: a misspelt family is an error, not an empty slot.
    ``partial``: ``check_against`` holds only the exercises that loaded; names alone are checked.
    Raises :class:`~hiprehab.errors.InvalidInputError` listing every problem of every file.
    """
    sources = template_sources(folders, user=user_folder, catalogues=catalogues)
    loaded = template_loader.read_templates(sources, check_against, partial=partial)
    return Goals(loaded.templates, loaded.rules, loaded.files)


@dataclass(frozen=True)
class CheckReport:
    """What ``hiprehab catalogue check`` found: the loaded catalogue and goals, and the warnings."""

    catalogue: Catalogue
    goals: Goals
    warnings: tuple[InputWarning, ...]


def check_catalogue(folders: Iterable[Path | str] = (), *, user_folder: bool = True) -> CheckReport:
    """Load and check the catalogue and templates as a plan would use them; gather the warnings.

    Problems are raised as :class:`~hiprehab.errors.InvalidInputError` (every one of
    the exercises and the templates at once). Warnings are about the exercises the
    user adds or changes (in ``folders`` or the user folder), not unchanged built-in
    ones: one that no template ever plans, or whose dose a template's ranges change.
    """
    folders = tuple(folders)
    problems: list[Problem] = []
    goals = None
    # Every problem in one run: the templates are checked against the exercises that did load.
    catalogue, problems = catalogue_loader.read_catalogue(catalogue_sources(folders, user=user_folder))
    partial = bool(problems)
    try:
        goals = load_goals(
            user_folder=user_folder, catalogues=folders, check_against=catalogue, partial=partial
        )
    except InvalidInputError as err:
        problems.extend(err.problems)
    if problems:
        raise InvalidInputError(problems)
    assert goals is not None  # noqa: S101 - set unless a problem was raised above
    last = {r.id: r for r in catalogue.replacements}
    changed = {i for i, r in last.items() if not r.same} | catalogue.added
    warnings = catalogue_warnings(catalogue, goals.templates, about=lambda i: i in changed)
    return CheckReport(catalogue, goals, tuple(warnings))


def coming_monday(today: dt.date) -> dt.date:
    """The default start: today if it is a Monday, else the next Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def _profile(profile: Profile | Mapping[str, Any] | Path | str | None, values: Mapping[str, Any]) -> Profile:
    if isinstance(profile, Profile):
        return profile.model_copy(update=dict(values)) if values else profile
    if isinstance(profile, str | Path):
        return build_profile(Path(profile), values)
    return build_profile(None, {**(profile or {}), **values})


def _answer_red_flags(profile: Profile, rules: ScreeningRules, ask: Callable[[str], bool] | None) -> Profile:
    if profile.red_flags is not None:
        return profile
    if ask is None:
        raise InvalidValueError(
            "red_flags",
            "the red-flag questions are unanswered and nobody can be asked them: answer each "
            f"(an empty list when none applies; the names are {', '.join(RED_FLAGS)})",
        )
    flags = tuple(f.id for f in sorted(rules.flags, key=lambda f: RED_FLAGS.index(f.id)) if ask(f.question))
    return profile.model_copy(update={"red_flags": flags})


def make_plan(
    profile: Profile | Mapping[str, Any] | Path | str | None = None,
    *,
    values: Mapping[str, Any] | None = None,
    catalogues: Iterable[Path | str] = (),
    templates: Iterable[Path | str] = (),
    start: dt.date | None = None,
    today: dt.date | None = None,
    ask: Callable[[str], bool] | None = None,
    user_folder: bool = True,
    carry: Carry | None = None,
) -> Plan:
    """Load and check every input, screen, and compute the whole plan (nothing is written).

    ``profile`` is a :class:`Profile`, a mapping of profile keys, or a profile
    YAML file; ``values`` are laid over it (the command line's flags). The plan
    starts on ``start``, else the profile's start, else the Monday on or after
    ``today`` (default: the clock's today). ``ask`` poses each red-flag question
    when the profile has not answered them. ``carry`` starts a next block where
    the last one ended (see ``hiprehab review``). Every problem of every input
    file is raised at once as :class:`~hiprehab.errors.InvalidInputError`.
    """
    problems: list[Problem] = []
    catalogue = goals = chosen = None
    catalogues = tuple(catalogues)
    try:
        catalogue = load_catalogue(catalogues, user_folder=user_folder)
    except InvalidInputError as err:
        problems.extend(err.problems)
    try:
        goals = load_goals(templates, user_folder=user_folder, catalogues=catalogues, check_against=catalogue)
    except InvalidInputError as err:
        problems.extend(err.problems)
    try:
        chosen = _profile(profile, values or {})
    except InvalidInputError as err:
        problems.extend(err.problems)
    if problems:
        raise InvalidInputError(problems)
    assert catalogue is not None  # noqa: S101 - set unless a problem was raised above
    assert goals is not None  # noqa: S101
    assert chosen is not None  # noqa: S101
    return plan_from(chosen, catalogue, goals, start=start, today=today, ask=ask, carry=carry)


def plan_from(
    profile: Profile,
    catalogue: Catalogue,
    goals: Goals,
    *,
    start: dt.date | None = None,
    today: dt.date | None = None,
    ask: Callable[[str], bool] | None = None,
    carry: Carry | None = None,
) -> Plan:
    """Screen and compute the plan of a checked ``profile`` from an already loaded catalogue and goals.

    :func:`make_plan` is this after loading; many plans from one catalogue (a
    roster) call it directly so that the catalogue is loaded once.
    """
    chosen = profile
    template = goals.templates.get(chosen.goal)
    if template is None:
        hint = did_you_mean(chosen.goal, goals.templates)
        raise InvalidValueError(
            "goal", f"expected one of {', '.join(sorted(goals.templates))}; found '{chosen.goal}'{hint}"
        )
    chosen = _answer_red_flags(chosen, goals.rules, ask)
    first = start or chosen.start or coming_monday(today or dt.date.today())  # noqa: DTZ011 - the API may read the clock; the engine never does
    return build_plan(catalogue, template, goals.rules, chosen, first, carry)


def write_outputs(
    plan: Plan,
    *,
    pdf: Path | None,
    json_path: Path | None,
    paper: str = "a4",
    figures: bool = True,
    ics: Path | None = None,
    session_time: str | None = None,
    timezone: str | None = None,
    large_print: bool = False,
    form: bool = True,
) -> list[Path]:
    """Write the PDF, JSON and/or calendar; check every target before writing any. Each is atomic.

    ``large_print`` sets the PDF's body text at 14 pt with larger tick boxes;
    ``form`` makes its log boxes fillable in a PDF viewer.

    The calendar has all-day events, or events at ``session_time`` (``HH:MM``) in
    ``timezone`` (``Europe/Berlin``; without it, the calendar's own local time).
    A plan refused by the screening has no sessions, so no calendar is written.
    """
    if ics is None and (session_time or timezone):
        raise InvalidValueError(
            "session_time" if session_time else "timezone",
            "sets the time of the calendar's events, and no calendar file was asked for",
        )
    calendar = None
    if ics is not None and plan.weeks:
        from hiprehab.export.ics import CalendarTime, plan_to_ics  # noqa: PLC0415 - icalendar loads only when asked

        calendar = plan_to_ics(plan, CalendarTime.parse(session_time, timezone))
    named = [
        (flag, path) for flag, path in (("pdf", pdf), ("json", json_path), ("ics", ics)) if path is not None
    ]
    check_distinct(named)
    for _, target in named:
        check_target(target)
    # Everything is made before anything is written: drawing is the step that can
    # fail, and then nothing is. The files are then written together (temporary
    # files first, renamed when all are complete), so a plan's PDF is never left
    # new beside a stale JSON.
    outputs = []
    if pdf is not None:
        from hiprehab.render import pdf_bytes  # noqa: PLC0415 - reportlab loads only when drawing

        outputs.append(
            (
                pdf,
                bytes_writer(
                    pdf_bytes(plan, paper=paper, figures=figures, large_print=large_print, form=form)
                ),
            )
        )
    if json_path is not None:
        outputs.append((json_path, bytes_writer(plan_to_json(plan).encode("utf-8"))))
    if ics is not None and calendar is not None:
        outputs.append((ics, bytes_writer(calendar)))
    write_all(outputs)
    return [path for path, _ in outputs]
