"""Load goal templates and the screening rules from template folders, and check what they name.

A template's slots name exercise families and roles, and ``entry_pain_goal``
names another template. Each name is checked against the catalogue the plan
will use, so that a misspelt family is an error at its line rather than an
exercise that silently never appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.cache import read_checked
from hiprehab.load.catalogue import display_path, is_folder, missing, yaml_files
from hiprehab.load.infile import os_reason
from hiprehab.load.layers import SCREENING_FILE
from hiprehab.load.problems import field_path
from hiprehab.model.screening import ScreeningRules
from hiprehab.model.template import Template
from hiprehab.quote import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

    from hiprehab.load.yamlio import Document, PathKey
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.exercise import Exercise
    from hiprehab.model.template import Block

PHASE_BLOCKS = ("strength", "activation", "mobility", "cross_training")
TEMPLATE_BLOCKS = ("warmup", "cooldown", "ice", "rest_day", "held_running")


@dataclass(frozen=True)
class LoadedTemplates:
    """The goal templates by id, the screening rules, and the files they were read from."""

    templates: dict[str, Template]
    rules: ScreeningRules
    files: tuple[str, ...]


def load_templates(
    sources: Sequence[Path], catalogue: Catalogue | None = None
) -> tuple[dict[str, Template], ScreeningRules]:
    """Read every template folder in order; a later template replaces an earlier one by id.

    ``screening.yaml`` in a folder holds the red-flag rules (the last one found wins);
    every other YAML file is a goal template. With ``catalogue``, the families and
    roles each template names are checked against it.
    """
    loaded = read_templates(sources, catalogue)
    return loaded.templates, loaded.rules


def read_templates(
    sources: Sequence[Path], catalogue: Catalogue | None = None, *, partial: bool = False
) -> LoadedTemplates:
    """:func:`load_templates`, also telling which files were read.

    ``partial``: ``catalogue`` holds only the exercises that loaded (the others have
    problems), so only the names of families and roles are checked, and a problem says so.
    """
    problems: list[Problem] = []
    templates: dict[str, Template] = {}
    docs: dict[str, Document] = {}
    origins: dict[str, Path] = {}
    files: list[str] = []
    rules: ScreeningRules | None = None
    for number, source in enumerate(sources):
        for path in _files_of(source, problems, own=number > 0):
            shown = display_path(path)
            files.append(shown)
            read = _read_file(path, shown, problems)
            if not isinstance(read, tuple):
                rules = read or rules
                continue
            doc, template = read
            previous = origins.get(template.id)
            # Two files of one folder may not share an id; a later folder replaces it.
            if previous is not None and previous.parent == path.parent:
                line, col = doc.where(("id",))
                message = (
                    f"expected a unique template id, found '{template.id}' also in {display_path(previous)}"
                )
                problems.append(Problem(shown, line, col, "id", message))
            templates[template.id] = template
            docs[template.id] = doc
            origins[template.id] = path
    # A template that failed to load may be the one another names: its id is then not known.
    goal_ids = None if problems else templates
    for template_id, template in templates.items():
        problems.extend(check_references(template, docs[template_id], goal_ids, catalogue, partial=partial))
    if rules is None and not problems:
        shown = ", ".join(display_path(s) for s in sources)
        problems.append(
            Problem(shown, 1, 1, "", f"expected a {SCREENING_FILE} with the red-flag rules, found none")
        )
    if problems:
        raise InvalidInputError(problems)
    assert rules is not None  # noqa: S101 - guaranteed by the check above
    return LoadedTemplates(templates, rules, tuple(files))


def _files_of(source: Path, problems: list[Problem], *, own: bool) -> list[Path]:
    """The YAML files of ``source``; an absent or unreadable source, or an empty own folder, is a problem."""
    absent = missing(source)
    if absent is not None:
        problems.append(absent)
        return []
    try:
        paths = yaml_files(source)
    except OSError as err:
        problems.append(Problem(display_path(source), 1, 1, "", f"cannot read it: {os_reason(err)}"))
        return []
    if own and not paths and is_folder(source):
        problems.append(Problem(display_path(source), 1, 1, "", "expected YAML files (*.yaml), found none"))
    return paths


def _read_file(
    path: Path, shown: str, problems: list[Problem]
) -> ScreeningRules | tuple[Document, Template] | None:
    """The screening rules or a template from ``path``; None (and its problems added) if it fails."""
    try:
        if path.name == SCREENING_FILE:
            return read_checked(path, shown, ScreeningRules)[1]
        return read_checked(path, shown, Template)
    except InvalidInputError as err:
        problems.extend(err.problems)
        return None


def _blocks(template: Template) -> Iterator[tuple[PathKey, Block]]:
    """Every block of ``template`` with where it is: each phase's four, then the template's own."""
    for index, phase in enumerate(template.phases):
        for name in PHASE_BLOCKS:
            yield ("phases", index, name), getattr(phase, name)
    for name in TEMPLATE_BLOCKS:
        yield (name,), getattr(template, name)


def check_references(
    template: Template,
    doc: Document,
    templates: dict[str, Template] | None,
    catalogue: Catalogue | None,
    *,
    partial: bool = False,
) -> list[Problem]:
    """The families, roles and goals ``template`` names that do not exist (or fit nothing).

    Its ``entry_pain_goal`` is checked against ``templates`` and its slots against
    ``catalogue``; either is skipped when None.
    """
    problems: list[Problem] = []

    def report(loc: PathKey, message: str) -> None:
        line, col = doc.where(loc)
        problems.append(
            Problem(doc.path, line, col, field_path(loc), message + (PARTIAL_NOTE if partial else ""))
        )

    found = template.entry_pain_goal
    if templates is not None and found is not None and found not in templates:
        report(
            ("entry_pain_goal",),
            f"expected the id of a goal template ({', '.join(sorted(templates))}), "
            f"found '{found}'{did_you_mean(found, templates)}",
        )
    if catalogue is not None:
        for loc, block in _blocks(template):
            _check_slots(template.exercise_goal, block, loc, catalogue, report, names_only=partial)
        for loc, family in _named_families(template):
            if not catalogue.ladder(family) and family not in catalogue.retired_names:
                report(loc, _unknown_family(family, catalogue))
    return problems


PARTIAL_NOTE = " (checked against the exercises that loaded: fix the exercise problems too)"
"""Added to a template's name problem when some exercises did not load."""


def _unknown_family(family: str, catalogue: Catalogue) -> str:
    return f"expected a family of the catalogue, found '{family}'{did_you_mean(family, catalogue.families)}"


def _check_slots(
    goal: str,
    block: Block,
    loc: PathKey,
    catalogue: Catalogue,
    report: Callable[[PathKey, str], None],
    *,
    names_only: bool = False,
) -> None:
    """Report each family or role of ``block`` that no exercise of ``goal`` (and its kinds) has.

    ``names_only``: report only a family or role no exercise has at all.
    """

    def fits(exercise: Exercise) -> bool:
        return names_only or (goal in exercise.goals and (not block.kinds or exercise.kind in block.kinds))

    kinds = f" and kind {' or '.join(block.kinds)}" if block.kinds else ""
    for index, family in enumerate(block.families):
        rungs = catalogue.ladder(family)
        if not rungs and family in catalogue.retired_names:
            continue  # every rung retired: the slot stays empty, as the coach chose
        if not rungs:
            report((*loc, "families", index), _unknown_family(family, catalogue))
        elif not any(fits(e) for e in rungs):
            report(
                (*loc, "families", index),
                f"expected a family with an exercise for goal '{goal}'{kinds}, "
                f"found '{family}', none of whose exercises is",
            )
    for index, role in enumerate(block.roles):
        if role in catalogue.retired_names and not any(e.role == role for e in catalogue.exercises):
            continue  # every exercise of the role retired
        if not any(e.role == role and fits(e) for e in catalogue.exercises):
            report(
                (*loc, "roles", index),
                f"expected a role that an exercise for goal '{goal}'{kinds} has, "
                f"found '{role}', which none has",
            )


def _named_families(template: Template) -> Iterator[tuple[PathKey, str]]:
    """The families ``template`` names outside its blocks: those put first for a site, the entry test's."""
    for site, listed in template.site_first.items():
        for index, family in enumerate(listed):
            yield ("site_first", site, index), family
    if template.walk_run is not None:
        for index, family in enumerate(template.walk_run.entry_test_families):
            yield ("walk_run", "entry_test_families", index), family
