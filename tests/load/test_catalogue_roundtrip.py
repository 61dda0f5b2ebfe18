"""Property: any valid catalogue written out as YAML loads back equal."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.equipment import missing_equipment
from hiprehab.load.yamlio import resolve_plain
from hiprehab.model.exercise import Dose, Exercise
from hiprehab.model.illustration import VIEWS, Frame, Illustration, Pose
from hiprehab.vocab import AVOID_WORDS, EQUIPMENT, GOALS, KINDS, POSITIONS, TARGETS

SAFE = string.ascii_letters + string.digits + string.punctuation + " "
SEGMENTS = ("trunk", "head", "thigh_l", "shin_l", "thigh_r", "shin_r", "upper_arm_r")

slugs = st.from_regex(r"[a-z][a-z0-9]{0,9}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
texts = st.text(SAFE, min_size=1, max_size=40).filter(str.strip)


def words(vocabulary: tuple[str, ...], min_size: int = 1) -> st.SearchStrategy[tuple[str, ...]]:
    """Distinct words of ``vocabulary``, in any order."""
    return st.lists(st.sampled_from(vocabulary), min_size=min_size, max_size=4, unique=True).map(tuple)


def text_lists(min_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """A tuple of ``min_size`` to ``min_size + 2`` texts."""
    return st.lists(texts, min_size=min_size, max_size=min_size + 2).map(tuple)


@st.composite
def doses(draw: st.DrawFn) -> Dose:
    """A dose with exactly one measure."""
    measure: dict[str, Any] = draw(
        st.one_of(
            st.builds(dict, reps=st.integers(1, 50)),
            st.builds(dict, hold_s=st.integers(1, 600)),
            st.builds(dict, duration_min=st.floats(0.5, 120, allow_nan=False)),
        )
    )
    return Dose(
        sets=draw(st.integers(1, 10)),
        per_side=draw(st.booleans()),
        rest_s=draw(st.none() | st.integers(0, 600)),
        tempo=draw(st.none() | texts),
        **measure,
    )


@st.composite
def illustrations(draw: st.DrawFn) -> Illustration:
    """A picture path, or a pose in one of its position's views with a few segments turned."""
    if draw(st.booleans()):
        return Illustration(image=draw(slugs) + ".png", grayscale=draw(st.booleans()))
    position = draw(st.sampled_from(sorted(VIEWS)))
    angles = st.floats(-360, 360, allow_nan=False)
    frames = draw(
        st.lists(st.dictionaries(st.sampled_from(SEGMENTS), angles, max_size=3), min_size=1, max_size=3)
    )
    pose = Pose(
        position=position,
        view=draw(st.none() | st.sampled_from(VIEWS[position])),
        frames=tuple(Frame.model_validate(frame) for frame in frames),
    )
    return Illustration(pose=pose)


@st.composite
def exercises(draw: st.DrawFn, family: str) -> Exercise:
    """An exercise of ``family`` (level 1; the caller numbers the rungs)."""
    avoid_if = draw(words(AVOID_WORDS, min_size=0))
    fields: dict[str, Any] = {
        "id": draw(slugs),
        "name": draw(texts),
        "kind": draw(st.sampled_from(KINDS)),
        "family": family,
        "summary": draw(texts),
        "targets": draw(words(TARGETS)),
        "position": draw(st.sampled_from(POSITIONS)),
        "equipment": draw(st.just(("none",)) | words(EQUIPMENT[1:])),
        "dose": draw(doses()),
        "goals": draw(words(GOALS)),
        "steps": draw(text_lists(3)),
        "cues": draw(text_lists(1)),
        "mistakes": draw(text_lists(1)),
        "avoid_if": avoid_if,
        "avoid_note": draw(texts if avoid_if else st.none() | texts),
        "sources": draw(text_lists(1)),
        "illustration": draw(st.none() | illustrations()),
    }
    exercise = Exercise.model_validate(fields)
    # A random step that happens to name a wall or a mat would need it listed.
    assume(not missing_equipment(exercise))
    return exercise


@st.composite
def catalogues(draw: st.DrawFn) -> tuple[Exercise, ...]:
    """One to five exercises with distinct ids, in families whose levels run 1..n in file order."""
    families = draw(st.lists(slugs, min_size=1, max_size=3, unique=True))
    drawn = draw(
        st.lists(
            st.sampled_from(families).flatmap(exercises),
            min_size=1,
            max_size=5,
            unique_by=lambda e: e.id,
        )
    )
    levels: dict[str, int] = {}
    numbered = []
    for exercise in drawn:
        levels[exercise.family] = levels.get(exercise.family, 0) + 1
        numbered.append(exercise.model_copy(update={"level": levels[exercise.family]}))
    return tuple(numbered)


class _Yaml12Dumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1: it leaves ``09`` or ``1e5`` unquoted, which YAML 1.2 reads as numbers."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if resolve_plain(text) != text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'")
    return dumper.represent_str(text)


_Yaml12Dumper.add_representer(str, _represent_text)


@settings(max_examples=50, deadline=None)
@given(catalogues())
def test_written_catalogue_loads_back_equal(written: tuple[Exercise, ...]) -> None:
    """Exercises dumped as YAML under ``exercises:`` load back as equal exercises, in order."""
    document = {"exercises": [e.model_dump(mode="json") for e in written]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(yaml.dump(document, Dumper=_Yaml12Dumper, allow_unicode=True), encoding="utf-8")
        for exercise in written:
            # Pictures are checked on load, so each named one must exist and be an image.
            if exercise.illustration is not None and exercise.illustration.image is not None:
                Image.new("L", (4, 4), 255).save(Path(folder) / exercise.illustration.image, format="PNG")
        loaded = load_catalogue([Path(folder)]).exercises
        # Compare fields: the loader also keeps each checked picture's path, which YAML does not hold.
        assert [e.model_dump() for e in loaded] == [e.model_dump() for e in written]
