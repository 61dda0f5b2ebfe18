"""The shipped JSON Schemas match the models, and the default files point at them."""

from __future__ import annotations

import json
from pathlib import Path

from hiprehab.schema import schema_text, schemas

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schemas_are_current() -> None:
    """Every file in schema/ equals what `python -m hiprehab.schema` would write."""
    for name, schema in schemas().items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == schema_text(schema), name


def test_schemas_are_draft_07() -> None:
    """Each schema declares draft-07 and uses `definitions`, not `$defs`."""
    for name in schemas():
        data = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(data)


def test_default_files_point_at_their_schema() -> None:
    """Every default catalogue and template file starts with its yaml-language-server comment."""
    for folder, schema in (("exercises", "catalogue"), ("templates", None)):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            expected = schema or ("screening" if path.name == "screening.yaml" else "template")
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schema/{expected}.schema.json", path
