"""The default catalogue and templates, loaded once for the engine tests."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.templates import load_templates

if TYPE_CHECKING:
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.template import Template

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def default_inputs() -> tuple[Catalogue, dict[str, Template], ScreeningRules]:
    """The shipped catalogue, templates by id, and screening rules (loading costs ~20 ms)."""
    catalogue = load_catalogue([ROOT / "exercises"])
    templates, rules = load_templates([ROOT / "templates"])
    return catalogue, templates, rules
