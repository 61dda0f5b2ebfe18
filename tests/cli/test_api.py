"""The Python API: the README's example runs, the public names, and the layers of the package."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

import hiprehab

ROOT = Path(__file__).resolve().parents[2]


def readme_example() -> str:
    """The Python block of the README's "Python API" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_readme_example_writes_a_plan_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example runs as written and writes a PDF of the plan."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HIPREHAB_USER_DIR", str(tmp_path / "no-user-folder"))
    exec(compile(readme_example(), "README.md", "exec"), {})  # noqa: S102 - the README's own example
    reader = pypdf.PdfReader(tmp_path / "plan.pdf")
    assert "Prevent hip pain" in reader.pages[0].extract_text()


def test_import_hiprehab_lists_the_api() -> None:
    """``import hiprehab`` offers the plan, render and load functions, the models and the errors."""
    out = subprocess.run(
        [sys.executable, "-c", "import hiprehab; print(hiprehab.__all__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in ("make_plan", "render_pdf", "plan_to_json", "load_catalogue", "Profile", "Plan", "Catalogue"):
        assert f"'{name}'" in out
    assert "'HiprehabError'" in out


def test_every_public_name_resolves() -> None:
    """Each name of ``__all__`` is importable from the package."""
    for name in hiprehab.__all__:
        assert getattr(hiprehab, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name outside the API is refused like any missing attribute."""
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = hiprehab.nothing_here


def test_the_package_ships_its_type_information() -> None:
    """``py.typed`` marks the package as typed for users' type checkers."""
    assert (Path(hiprehab.__file__).parent / "py.typed").is_file()


def test_make_plan_names_a_wrong_value_by_its_profile_key() -> None:
    """A bad value given to the API is reported under its profile key."""
    with pytest.raises(hiprehab.InvalidValueError, match=r"^weeks: expected a whole number from 2 to 52"):
        hiprehab.make_plan({"weeks": 99, "red_flags": []}, user_folder=False)


def test_make_plan_without_red_flag_answers_refuses() -> None:
    """Without answers and without a way to ask, the API refuses to plan."""
    with pytest.raises(hiprehab.InvalidValueError) as raised:
        hiprehab.make_plan({"goal": "manage"}, user_folder=False)
    assert raised.value.field == "red_flags"


def test_the_import_contracts_hold() -> None:
    """Every stage imports only the stages below it (import-linter's contracts in pyproject.toml)."""
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:]
