"""Template and screening files: what a coach's own copy may and may not change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hiprehab.errors import InvalidInputError
from hiprehab.load.templates import load_templates

ROOT = Path(__file__).resolve().parents[2]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        load_templates([folder])
    return [str(p) for p in caught.value.problems]


def test_shipped_templates_load() -> None:
    """The built-in folder gives the manage and prevent goals and the screening rules."""
    templates, rules = load_templates([ROOT / "templates"])
    assert sorted(templates) == ["manage", "prevent"]
    assert rules.severe_pain_score == 7


def test_a_stop_flag_cannot_be_softened(tmp_path: Path) -> None:
    """A screening file that turns night pain into a referral is rejected with its line."""
    folder = _copy(tmp_path)
    path = folder / "screening.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: night_pain\n    outcome: stop")
    path.write_text(
        text[:start] + text[start:].replace("outcome: stop", "outcome: refer", 1), encoding="utf-8"
    )
    line = text[:start].count("\n") + 2  # the outcome line under "- id: night_pain"
    index = text[:start].count("  - id: ")
    assert _problems(folder) == [
        (
            f"{path}:{line}:14: flags[{index}].outcome: expected stop for night_pain "
            "(a warning sign that always needs a doctor), found refer"
        )
    ]


def test_every_pain_site_needs_a_rule(tmp_path: Path) -> None:
    """A template that drops the groin rule is rejected: the FAI routing would vanish."""
    folder = _copy(tmp_path)
    path = folder / "manage.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  groin: [fai, labral_tear, muscle_strain]\n", "", 1), encoding="utf-8")
    problems = _problems(folder)
    assert len(problems) == 1
    assert problems[0].endswith("site_rules: expected a rule for every pain site, missing groin")


def test_a_coach_template_adds_a_goal(tmp_path: Path) -> None:
    """A template with a new id in a coach's folder is a new goal beside the built-in ones."""
    own = tmp_path / "mine"
    own.mkdir()
    text = (ROOT / "templates" / "prevent.yaml").read_text(encoding="utf-8")
    (own / "squad.yaml").write_text(text.replace("id: prevent\n", "id: squad\n", 1), encoding="utf-8")
    templates, _ = load_templates([ROOT / "templates", own])
    assert sorted(templates) == ["manage", "prevent", "squad"]


def test_a_referral_score_inside_the_green_zone_is_refused(tmp_path: Path) -> None:
    """A review that would refer a runner for green-zone pain is rejected, naming both settings."""
    folder = _copy(tmp_path)
    path = folder / "manage.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  refer_pain_score: 6 ", "  refer_pain_score: 3 ", 1), encoding="utf-8")
    problems = _problems(folder)
    assert len(problems) == 1
    assert problems[0].endswith(
        "review.refer_pain_score: expected more than pain_rules.green.max_score (3), found 3"
    )
