"""The format documents show every field the file formats have, and their whole template is valid."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from hiprehab.cli import app
from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.problems import validate_document
from hiprehab.load.templates import check_references
from hiprehab.load.yamlio import parse_yaml
from hiprehab.model.exercise import Dose, Exercise
from hiprehab.model.screening import FlagText, ScreeningRules
from hiprehab.model.template import Template
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from typer.testing import CliRunner

DOCS = Path(__file__).resolve().parents[2] / "docs"
YAML_BLOCK = re.compile(r"^```yaml([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
KEY = re.compile(r"([a-z_]+):")


def _yaml_blocks(name: str) -> list[tuple[str, str]]:
    """The ```yaml blocks of ``docs/name``: (the words after ``yaml``, the text)."""
    text = (DOCS / name).read_text(encoding="utf-8")
    return [(m.group(1).strip(), m.group(2)) for m in YAML_BLOCK.finditer(text)]


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """``model`` and every model its fields hold, however deep (lists, dicts and optionals too)."""
    found = {model}
    stack: list[Any] = [info.annotation for info in model.model_fields.values()]
    while stack:
        annotation = stack.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found |= _models(annotation)
        elif get_origin(annotation) is not None or isinstance(annotation, types.UnionType):
            stack.extend(get_args(annotation))
    return found


def _fields(model: type[BaseModel]) -> set[str]:
    return {name for each in _models(model) for name in each.model_fields}


def _keys(blocks: list[tuple[str, str]]) -> set[str]:
    """Every key written in ``blocks`` (block and flow style alike), comments left out."""
    text = "\n".join(re.sub(r"#.*", "", body) for _, body in blocks)
    return set(KEY.findall(text))


def _block(name: str, tag: str) -> str:
    return next(body for words, body in _yaml_blocks(name) if words == tag)


def test_the_catalogue_format_shows_every_exercise_field() -> None:
    """Each field of an exercise and of its dose is a key in an example of docs/catalogue-format.md."""
    shown = _keys(_yaml_blocks("catalogue-format.md"))
    assert (set(Exercise.model_fields) | set(Dose.model_fields)) - shown == set()


def test_the_template_format_shows_every_template_field() -> None:
    """Each field of a template, its phases, blocks, doses and rules appears in docs/template-format.md."""
    shown = _keys(_yaml_blocks("template-format.md"))
    assert _fields(Template) - shown == set()


def test_the_whole_template_of_the_docs_is_valid() -> None:
    """The complete template in docs/template-format.md loads, and every name it gives exists."""
    doc = parse_yaml(_block("template-format.md", "template").encode(), "docs/template-format.md")
    template = validate_document(Template, doc)
    catalogue = load_catalogue([data_dir("exercises")])
    goals = {template.id: template, "manage": template}
    assert check_references(template, doc, goals, catalogue) == []


@pytest.mark.parametrize(("model", "index"), [(ScreeningRules, None), (FlagText, 0)])
def test_the_screening_example_has_every_field(model: type[BaseModel], index: int | None) -> None:
    """The screening example names each field of the screening rules and of a warning sign, and no other."""
    value = parse_yaml(_block("template-format.md", "screening").encode(), "screening").value
    keys = set(value if index is None else value["flags"][index])
    assert keys == set(model.model_fields)


def test_the_misspelt_family_example_is_what_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    """The message docs/template-format.md shows for a misspelt family is the one `catalogue check` prints."""
    text = (DOCS / "template-format.md").read_text(encoding="utf-8")
    shown = next(m.group(1) for m in re.finditer(r"^```text\n(.*?)\n```", text, re.MULTILINE | re.DOTALL))
    monkeypatch.chdir(tmp_path)
    Path("mine").mkdir()
    template = (data_dir("templates") / "prevent.yaml").read_text(encoding="utf-8")
    misspelt = template.replace("families: [bridge,", "families: [brigde,", 1)
    Path("mine/prevent.yaml").write_text(misspelt, encoding="utf-8")
    result = runner.invoke(app, ["catalogue", "check", "mine"])
    assert (result.exit_code, result.stderr.splitlines()[0]) == (1, shown)
