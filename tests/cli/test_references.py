"""Nothing a user reads cites a file or an issue they do not have."""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from hiprehab.api import load_catalogue, load_goals, make_plan
from hiprehab.render import pdf_bytes

ROOT = Path(__file__).resolve().parents[2]
INTERNAL = re.compile(r"evidence\.md|STYLE\.md|DEVELOPERS\.md|PRODUCT\.md|issue #\d|shared/")
START = dt.date(2027, 1, 4)


def _strings_outside_docstrings(path: Path) -> list[str]:
    """Every string literal of a module except its docstrings (which no user sees)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_message_or_label_in_the_code_cites_an_internal_file() -> None:
    """No string the program can print (messages, labels, help) names an internal file or issue."""
    found = [
        (str(path.relative_to(ROOT)), text)
        for path in sorted((ROOT / "src" / "hiprehab").rglob("*.py"))
        for text in _strings_outside_docstrings(path)
        if INTERNAL.search(text)
    ]
    assert found == []


def test_no_shipped_schema_cites_an_internal_file() -> None:
    """The JSON Schemas editors show a coach cite published sources only."""
    for path in sorted((ROOT / "schema").glob("*.json")):
        assert not INTERNAL.search(path.read_text(encoding="utf-8")), path.name


def test_no_catalogue_or_template_text_cites_an_internal_file() -> None:
    """Every field of the built-in exercises, templates and screening rules is free of internal references."""
    catalogue = load_catalogue(user_folder=False)
    goals = load_goals(user_folder=False)
    texts = [json.dumps(e.model_dump(mode="json")) for e in catalogue.exercises]
    texts += [json.dumps(t.model_dump(mode="json")) for t in goals.templates.values()]
    texts.append(json.dumps(goals.rules.model_dump(mode="json")))
    assert [t[:80] for t in texts if INTERNAL.search(t)] == []


@pytest.mark.parametrize(
    "profile",
    [
        {
            "goal": "manage",
            "pain": 3,
            "pain_site": "lateral",
            "conditions": "osteoarthritis",
            "red_flags": [],
        },
        {"goal": "prevent", "weekly_volume": 20.0, "longest_run": 8.0, "red_flags": []},
        {"goal": "manage", "pain": 2, "red_flags": "persistent_pain"},
        {"goal": "manage", "pain": 2, "red_flags": "night_pain"},
    ],
    ids=["manage", "prevent", "refer", "stop"],
)
def test_no_printed_plan_cites_an_internal_file(profile: dict[str, object]) -> None:
    """The text of a printed plan (any outcome) names no internal file or issue."""
    plan = make_plan({"weeks": 4, **profile}, start=START, user_folder=False)
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(plan, figures=False)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert not INTERNAL.search(text)
