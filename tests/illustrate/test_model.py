"""The ``illustration:`` format: what it accepts, and where it says it is wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hiprehab.errors import InvalidInputError
from hiprehab.illustrate.body import FRONT, SEGMENTS, SIDE
from hiprehab.load.catalogue import load_catalogue
from hiprehab.model.illustration import VIEWS, Illustration, Pose

if TYPE_CHECKING:
    from pathlib import Path

HEAD = """\
exercises:
  - id: posed
    name: Posed move
    kind: strength
    family: posed
    summary: A test exercise.
    targets: [glute_max]
    position: supine
    equipment: [mat]
    dose: {sets: 1, reps: 5}
    goals: [manage]
    steps: [Lie down., Lift your hips., Lower them.]
    cues: [Breathe out as you lift.]
    mistakes: [Rushing.]
    sources: ["Test source. https://example.org/source"]
    illustration:
"""
# The illustration's own lines start at line 17.


def problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, illustration: str) -> list[str]:
    """The messages a catalogue with this ``illustration:`` block fails with."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "moves.yaml").write_text(HEAD + illustration, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue([tmp_path / "cat"])
    return [str(p) for p in caught.value.problems]


def test_a_full_pose_description_loads(tmp_path: Path) -> None:
    """Position, view, frames with angles and lengths, props (short and long), arrows, all together."""
    (tmp_path / "moves.yaml").write_text(
        HEAD.replace("equipment: [mat]", "equipment: [mat, band]")
        + """\
      pose:
        position: side_lying
        view: front
        anchor: ankle_l
        frames:
          - {}
          - {thigh_l: 40, shin_l: {angle: -35, length: 0.9}, lift: 0.02}
        props: [mat, {kind: band, at: knee_l, to: knee_r}]
        arrows: [{follow: knee_l}, {move: hip, direction: 90}, {turn: knee_l, twist: true}]
        in_front: [leg_l]
        mirror: true
""",
        encoding="utf-8",
    )
    exercise = load_catalogue([tmp_path]).exercises[0]
    assert exercise.illustration is not None
    pose = exercise.illustration.pose
    assert pose is not None
    assert pose.frames[1].thigh_l is not None
    assert (pose.frames[1].thigh_l.angle, pose.frames[1].thigh_l.length) == (40.0, 1.0)
    assert [p.kind for p in pose.props] == ["mat", "band"]
    assert pose.drawn_view == "front"


def test_a_pose_with_only_a_position_is_enough() -> None:
    """``{pose: {position: standing}}`` draws the preset as is, in the position's usual view."""
    illustration = Illustration.model_validate({"pose": {"position": "side_lying"}})
    assert illustration.pose is not None
    assert len(illustration.pose.frames) == 1
    assert illustration.pose.drawn_view == "front"


def test_a_misspelt_position_suggests_the_right_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown position lists the positions and suggests the closest, at its line."""
    assert problems(tmp_path, monkeypatch, "      pose: {position: supin}\n") == [
        (
            "cat/moves.yaml:17:24: exercises[0].illustration.pose.position: expected one of standing, "
            "walking, running, supine, hook_lying, prone, side_lying, quadruped, kneeling, half_kneeling, "
            "seated, long_sitting, cycling, swimming; found 'supin' (did you mean 'supine'?)"
        )
    ]


def test_a_misspelt_segment_suggests_the_right_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown segment in a frame names the segments, pointing at the key."""
    text = "      pose:\n        position: supine\n        frames: [{thigh_x: 40}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:19: exercises[0].illustration.pose.frames[0].thigh_x: unknown field "
            "(did you mean 'thigh_r'?); expected one of: trunk, head, upper_arm_l, forearm_l, upper_arm_r, "
            "forearm_r, thigh_l, shin_l, foot_l, thigh_r, shin_r, foot_r, lift"
        )
    ]


def test_an_angle_must_be_a_number_or_a_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word where an angle goes says what an angle can be."""
    text = "      pose:\n        position: supine\n        frames: [{thigh_l: up}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:28: exercises[0].illustration.pose.frames[0].thigh_l: expected an angle in "
            "degrees (a number) or a mapping with angle and length, found 'up'"
        )
    ]


def test_an_angle_out_of_range_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Angles run from -360 to 360 degrees."""
    text = "      pose:\n        position: supine\n        frames: [{thigh_l: 400}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:28: exercises[0].illustration.pose.frames[0].thigh_l.angle: "
            "expected a number from -360 to 360, found 400"
        )
    ]


def test_pose_and_image_together_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An illustration is a pose or a picture, not both."""
    text = "      pose: {position: supine}\n      image: me.jpg\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:17:7: exercises[0].illustration: "
            "expected exactly one of pose or image, found pose, image"
        )
    ]


def test_an_empty_illustration_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``illustration: {}`` says what it needs."""
    assert problems(tmp_path, monkeypatch, "      {}\n") == [
        "cat/moves.yaml:17:7: exercises[0].illustration: expected exactly one of pose or image, found none"
    ]


def test_grayscale_needs_a_picture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``grayscale`` only applies to pictures; on a pose it is pointed at."""
    text = "      pose: {position: supine}\n      grayscale: true\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:18:18: exercises[0].illustration.grayscale: "
            "only a picture (image) can be made grayscale"
        )
    ]


def test_an_arrow_needs_exactly_one_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An arrow with no point to follow, move, push or turn says so."""
    text = "      pose:\n        position: supine\n        arrows: [{both_ways: true}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:18: exercises[0].illustration.pose.arrows[0]: "
            "expected exactly one of follow, move, push or turn, found none"
        )
    ]


def test_a_push_arrow_needs_a_direction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A straight arrow without a direction is pointed at its missing field."""
    text = "      pose:\n        position: supine\n        arrows: [{push: hip}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:18: exercises[0].illustration.pose.arrows[0].direction: "
            "expected the angle a push arrow points to, it is missing"
        )
    ]


def test_a_follow_arrow_needs_two_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Following a point needs a movement: two frames or more."""
    text = "      pose:\n        position: supine\n        arrows: [{follow: hip}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:17: exercises[0].illustration.pose.arrows: "
            "a follow arrow needs two or more frames, found one frame"
        )
    ]


def test_a_prop_frame_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A prop tied to frame 2 of a one-frame pose is refused."""
    text = "      pose:\n        position: seated\n        props: [{kind: chair, frame: 2}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:16: exercises[0].illustration.pose.props: "
            "expected a frame from 1 to 1, found frame 2 (there is 1 frame)"
        )
    ]


def test_a_misspelt_prop_suggests_the_right_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A prop written as a bare word is checked like a full one."""
    text = "      pose:\n        position: supine\n        props: [matt]\n"
    (problem,) = problems(tmp_path, monkeypatch, text)
    assert problem.startswith(
        "cat/moves.yaml:19:17: exercises[0].illustration.pose.props[0].kind: expected one of mat,"
    )
    assert problem.endswith("found 'matt' (did you mean 'mat'?)")


def test_only_bands_and_balls_span_two_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``to`` on a chair is pointed at."""
    text = "      pose:\n        position: seated\n        props: [{kind: chair, to: knee_l}]\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:19:35: exercises[0].illustration.pose.props[0].to: "
            "only ball and band span two points, found it on chair"
        )
    ]


def test_a_view_the_position_lacks_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All fours can only be drawn from the side."""
    text = "      pose: {position: quadruped, view: front}\n"
    assert problems(tmp_path, monkeypatch, text) == [
        (
            "cat/moves.yaml:17:41: exercises[0].illustration.pose.view: "
            "the position quadruped can be drawn in the side view, found front"
        )
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../outside.png", "expected a path inside the catalogue folder, found '..' in '../outside.png'"),
        (
            "photos/../../x.png",
            "expected a path inside the catalogue folder, found '..' in 'photos/../../x.png'",
        ),
        (
            "/etc/passwd",
            "expected a path relative to the catalogue file, found the absolute path '/etc/passwd'",
        ),
        (
            "C:/photos/me.jpg",
            "expected a path relative to the catalogue file, found the absolute path 'C:/photos/me.jpg'",
        ),
        ("'photos\\\\me.jpg'", "expected a path with / between folders, found 'photos\\\\me.jpg'"),
    ],
)
def test_a_picture_path_must_stay_in_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, message: str
) -> None:
    """Paths that could leave the catalogue folder are refused before the disk is touched."""
    assert problems(tmp_path, monkeypatch, f"      image: {path}\n") == [
        f"cat/moves.yaml:17:14: exercises[0].illustration.image: {message}"
    ]


def test_every_view_of_every_position_has_a_preset() -> None:
    """Each view the format allows for a position has a preset with all twelve segments."""
    presets = {"side": SIDE, "front": FRONT}
    for position, views in VIEWS.items():
        for view in views:
            assert set(presets[view][position]) == set(SEGMENTS), (position, view)
            Pose.model_validate({"position": position, "view": view})
