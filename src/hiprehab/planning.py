"""From files and flags to a plan and its output files: what ``hiprehab plan`` does.

The CLI parses flags and calls :func:`prepare_plan`, then :func:`write_outputs`.
Everything is computed before any output file is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from hiprehab.catalogue import load_catalogue
from hiprehab.engine import build_plan
from hiprehab.errors import InvalidInputError, Problem, UsageError
from hiprehab.export import plan_to_json
from hiprehab.model.profile import Profile
from hiprehab.options import coming_monday
from hiprehab.outfile import check_target, write_text_atomic
from hiprehab.templates import load_templates, read_profile
from hiprehab.validate import did_you_mean, error_message, field_path, problems_of
from hiprehab.vocab import RED_FLAGS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from pathlib import Path

    from hiprehab.catalogue import Catalogue
    from hiprehab.model.plan import Plan
    from hiprehab.model.screening import ScreeningRules


# The flag that sets each profile field, for messages about values given as flags.
FLAG_FOR = {
    "name": "--name",
    "goal": "--goal",
    "weeks": "--weeks",
    "start": "--start",
    "strength_days": "--strength-days",
    "run_days": "--run-days",
    "units": "--units",
    "weekly_volume": "--weekly-km",
    "longest_run": "--longest-run-km",
    "pain": "--pain",
    "pain_site": "--pain-site",
    "conditions": "--condition",
    "equipment": "--equipment",
    "red_flags": "--red-flag",
}


@dataclass(frozen=True)
class PlanRequest:
    """Everything ``hiprehab plan`` was given."""

    catalogue_sources: list[Path]
    template_sources: list[Path]
    today: dt.date
    profile_path: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    ask: Callable[[str], bool] | None = None
    """Asks one yes/no question; None when nobody can be asked (no terminal)."""


def _profile(request: PlanRequest) -> Profile:
    values: dict[str, Any] = {}
    doc = None
    if request.profile_path is not None:
        values, doc = read_profile(request.profile_path)
    values.update(request.overrides)
    try:
        return Profile.model_validate(values)
    except ValidationError as err:
        if doc is not None:
            raise InvalidInputError(problems_of(Profile, err, doc)) from None
        # Every value came from a flag: name the flag, in the same words as for a file.
        loc, message = error_message(Profile, err.errors()[0])
        name = str(loc[0]) if loc else ""
        raise UsageError(f"{FLAG_FOR.get(name, field_path(loc))}: {message}") from None


def _answer_red_flags(profile: Profile, rules: ScreeningRules, ask: Callable[[str], bool] | None) -> Profile:
    if profile.red_flags is not None:
        return profile
    if ask is None:
        raise UsageError(
            "the red-flag questions are unanswered and there is no terminal to ask them: "
            "give --no-red-flags if none applies, or --red-flag NAME for each that does "
            f"({', '.join(RED_FLAGS)})"
        )
    flags = tuple(f.id for f in sorted(rules.flags, key=lambda f: RED_FLAGS.index(f.id)) if ask(f.question))
    return profile.model_copy(update={"red_flags": flags})


def prepare_plan(request: PlanRequest) -> tuple[Plan, Catalogue]:
    """Load and check every input, screen, and build the plan (nothing is written).

    The catalogue comes back too: the PDF needs its folders to find users' pictures.
    """
    problems: list[Problem] = []
    catalogue = templates = rules = None
    try:
        catalogue = load_catalogue(request.catalogue_sources)
    except InvalidInputError as err:
        problems.extend(err.problems)
    try:
        templates, rules = load_templates(request.template_sources)
    except InvalidInputError as err:
        problems.extend(err.problems)
    try:
        profile = _profile(request)
    except InvalidInputError as err:
        problems.extend(err.problems)
    if problems:
        raise InvalidInputError(problems)
    assert catalogue is not None  # noqa: S101 - set unless a problem was raised above
    assert templates is not None  # noqa: S101
    assert rules is not None  # noqa: S101
    template = templates.get(profile.goal)
    if template is None:
        hint = did_you_mean(profile.goal, templates)
        raise UsageError(
            f"--goal: expected one of {', '.join(sorted(templates))}; found '{profile.goal}'{hint}"
        )
    profile = _answer_red_flags(profile, rules, request.ask)
    start = profile.start or coming_monday(request.today)
    return build_plan(catalogue, template, rules, profile, start), catalogue


def write_outputs(
    plan: Plan,
    *,
    pdf: Path | None,
    json_path: Path | None,
    paper: str,
    figures: bool,
    catalogue: Catalogue | None = None,
) -> list[Path]:
    """Write the PDF and/or JSON; check both targets before writing either. Each is atomic."""
    for target in (pdf, json_path):
        if target is not None:
            check_target(target)
    written: list[Path] = []
    # The PDF first: drawing is the step that can fail, and then nothing is written.
    if pdf is not None:
        from hiprehab.render import render_pdf  # noqa: PLC0415 - reportlab loads only when drawing

        render_pdf(plan, pdf, paper=paper, figures=figures, catalogue=catalogue)
        written.append(pdf)
    if json_path is not None:
        write_text_atomic(json_path, plan_to_json(plan))
        written.append(json_path)
    return written
