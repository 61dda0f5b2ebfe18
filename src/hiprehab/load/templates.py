"""Load goal templates and the screening rules from template folders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.cache import read_checked
from hiprehab.load.catalogue import display_path, missing, yaml_files
from hiprehab.load.infile import os_reason
from hiprehab.model.screening import ScreeningRules
from hiprehab.model.template import Template

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

SCREENING_FILE = "screening.yaml"


def load_templates(sources: Sequence[Path]) -> tuple[dict[str, Template], ScreeningRules]:
    """Read every template folder in order; a later template replaces an earlier one by id.

    ``screening.yaml`` in a folder holds the red-flag rules (the last one found wins);
    every other YAML file is a goal template.
    """
    problems: list[Problem] = []
    templates: dict[str, Template] = {}
    origins: dict[str, Path] = {}
    rules: ScreeningRules | None = None
    for source in sources:
        absent = missing(source)
        if absent is not None:
            problems.append(absent)
            continue
        try:
            paths = yaml_files(source)
        except OSError as err:
            problems.append(Problem(display_path(source), 1, 1, "", f"cannot read it: {os_reason(err)}"))
            continue
        for path in paths:
            shown = display_path(path)
            try:
                if path.name == SCREENING_FILE:
                    _, rules = read_checked(path, shown, ScreeningRules)
                    continue
                doc, template = read_checked(path, shown, Template)
            except InvalidInputError as err:
                problems.extend(err.problems)
                continue
            previous = origins.get(template.id)
            # Two files of one folder may not share an id; a later folder replaces it.
            if previous is not None and previous.parent == path.parent:
                line, col = doc.where(("id",))
                problems.append(
                    Problem(
                        shown,
                        line,
                        col,
                        "id",
                        f"expected a unique template id, found '{template.id}' "
                        f"also in {display_path(previous)}",
                    )
                )
            templates[template.id] = template
            origins[template.id] = path
    if rules is None and not problems:
        shown = ", ".join(display_path(s) for s in sources)
        problems.append(
            Problem(shown, 1, 1, "", f"expected a {SCREENING_FILE} with the red-flag rules, found none")
        )
    if problems:
        raise InvalidInputError(problems)
    assert rules is not None  # noqa: S101 - guaranteed by the check above
    return templates, rules
