"""The built-in figures show what their steps say: measured on the posed joints, floor at height 0.

Each test names the step it checks. Heights and lengths are in figure heights
(a standing figure is about one unit tall).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest

from hiprehab.illustrate.body import ARM_WIDTH, LEG_WIDTH
from hiprehab.illustrate.geometry import frames_on_floor, layout, pose_scene
from hiprehab.illustrate.props import MAT_HEIGHT, PROP_TONE, PROP_WIDTH
from hiprehab.illustrate.scene import Disc, Point, Stroke, bounds
from hiprehab.load.catalogue import load_catalogue
from hiprehab.resources import data_dir

if TYPE_CHECKING:
    from hiprehab.illustrate.body import Skeleton
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.illustration import Pose


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """The built-in catalogue, loaded once."""
    return load_catalogue([data_dir("exercises")])


def pose_of(catalogue: Catalogue, exercise_id: str) -> Pose:
    """The pose description of a built-in exercise."""
    exercise = catalogue.get(exercise_id)
    assert exercise is not None
    assert exercise.illustration is not None
    assert exercise.illustration.pose is not None
    return exercise.illustration.pose


def last_frame(catalogue: Catalogue, exercise_id: str) -> Skeleton:
    """The joints of the solid (last) frame, floor at height 0."""
    return frames_on_floor(pose_of(catalogue, exercise_id))[-1]


def bend(a: Point, joint: Point, b: Point) -> float:
    """How far the limb bends at ``joint``, in degrees: 0 when a, joint and b are in line."""
    first = math.atan2(joint[1] - a[1], joint[0] - a[0])
    second = math.atan2(b[1] - joint[1], b[0] - joint[0])
    return abs((math.degrees(second - first) + 180) % 360 - 180)


@pytest.mark.parametrize("exercise_id", ["single-leg-stand", "single-leg-stand-eyes-closed"])
def test_single_leg_stand_lifts_one_foot_clearly(catalogue: Catalogue, exercise_id: str) -> None:
    """'Lift one foot off the floor': the lifted foot's sole is a tenth of the height above the floor."""
    p = last_frame(catalogue, exercise_id).points
    lifted = min(p["ankle_l"][1], p["toe_l"][1]) - LEG_WIDTH / 2
    standing = min(p["ankle_r"][1], p["toe_r"][1]) - LEG_WIDTH / 2
    assert standing == pytest.approx(0.0, abs=0.005)
    assert lifted > 0.1


def test_single_leg_abduction_hold_lifts_the_foot_by_the_wall(catalogue: Catalogue) -> None:
    """'So that foot lifts a little off the floor': the foot by the wall is off the floor."""
    p = last_frame(catalogue, "single-leg-abduction-hold-wall").points
    assert min(p["ankle_l"][1], p["toe_l"][1]) - LEG_WIDTH / 2 > 0.08


@pytest.mark.parametrize(
    "exercise_id", ["side-plank", "side-plank-leg-lift", "copenhagen-short-lever", "copenhagen-long-lever"]
)
def test_side_planks_rest_on_the_forearm_under_the_shoulder(catalogue: Catalogue, exercise_id: str) -> None:
    """'Elbow under your shoulder, forearm flat': the lower forearm lies on the mat, the upper arm upright."""
    p = last_frame(catalogue, exercise_id).points
    shoulder, elbow, hand = p["shoulder_r"], p["elbow_r"], p["hand_r"]
    assert abs(elbow[0] - shoulder[0]) < 0.03
    assert shoulder[1] - elbow[1] > 0.15
    assert abs(hand[1] - elbow[1]) < 0.01
    assert abs(hand[0] - elbow[0]) > 0.08
    assert elbow[1] - ARM_WIDTH / 2 == pytest.approx(MAT_HEIGHT, abs=0.005)


def test_side_plank_starts_on_bent_knees(catalogue: Catalogue) -> None:
    """'Bend both knees so your feet are behind you': the lower knee on the mat, both bent over 60 degrees."""
    p = last_frame(catalogue, "side-plank").points
    for side in ("l", "r"):
        assert bend(p[f"hip_{side}"], p[f"knee_{side}"], p[f"ankle_{side}"]) > 60
    assert p["knee_r"][1] - LEG_WIDTH / 2 == pytest.approx(MAT_HEIGHT, abs=0.01)
    # Body straight from head to knees: the thighs carry on the line of the trunk.
    thigh = (p["knee_l"][0] - p["hip_l"][0], p["knee_l"][1] - p["hip_l"][1])
    assert bend(p["shoulder"], p["hip"], (p["hip"][0] + thigh[0], p["hip"][1] + thigh[1])) < 5


def _seat_height(pose: Pose) -> float:
    """The top of the chair's seat: its highest level grey stroke."""
    seats = [
        item.points[0][1]
        for item in pose_scene(pose).items
        if isinstance(item, Stroke)
        and item.tone == PROP_TONE
        and len(item.points) == 2
        and item.points[0][1] == item.points[1][1]
    ]
    return max(seats) + PROP_WIDTH / 2


@pytest.mark.parametrize(
    ("exercise_id", "resting"), [("copenhagen-short-lever", "knee_l"), ("copenhagen-long-lever", "ankle_l")]
)
def test_copenhagen_bottom_leg_floats_under_the_seat(
    catalogue: Catalogue, exercise_id: str, resting: str
) -> None:
    """'Let the bottom leg float just under the seat': the top leg is on the seat, the bottom one free."""
    pose = pose_of(catalogue, exercise_id)
    p = last_frame(catalogue, exercise_id).points
    seat = _seat_height(pose)
    assert p[resting][1] - LEG_WIDTH / 2 == pytest.approx(seat, abs=0.01)
    bottom_leg = [p[n][1] for n in ("knee_r", "ankle_r", "toe_r")]
    assert max(bottom_leg) + LEG_WIDTH / 2 < seat - PROP_WIDTH
    assert min(bottom_leg) - LEG_WIDTH / 2 > MAT_HEIGHT + 0.04


def test_copenhagen_leg_lift_goes_from_the_floor_to_the_seat(catalogue: Catalogue) -> None:
    """'Lower the bottom leg until the foot lightly touches the floor', then raise it to the seat."""
    low, high = frames_on_floor(pose_of(catalogue, "copenhagen-leg-lift"))
    assert low.points["toe_r"][1] - LEG_WIDTH / 2 == pytest.approx(MAT_HEIGHT, abs=0.01)
    assert high.points["ankle_r"][1] - low.points["ankle_r"][1] > 0.15


def test_stationary_cycling_draws_an_upright_exercise_bike(catalogue: Catalogue) -> None:
    """An exercise bike, not a road bike: one flywheel, no wheels on the floor, a rider sitting up."""
    pose = pose_of(catalogue, "stationary-cycling")
    assert [p.kind for p in pose.props] == ["exercise_bike"]
    items = pose_scene(pose).items
    # Grey discs larger than a hub (the head is a black one).
    wheels = [i for i in items if isinstance(i, Disc) and i.tone > 0 and i.radius > 0.05]
    assert len(wheels) == 1
    wheel = wheels[0]
    assert wheel.centre[1] - wheel.radius > 0.02  # the flywheel clears the floor
    assert bounds(list(items)).bottom == pytest.approx(0.0, abs=0.02)  # the stand's feet are on it
    trunk = layout(pose).stances[-1].angles["trunk"]
    assert trunk > 65  # upright, not bent over drop handlebars


def test_knee_across_body_crosses_in_front_of_the_body(catalogue: Catalogue) -> None:
    """'Draw the right knee across your body', from the side: the far knee is up over the trunk, in front."""
    pose = pose_of(catalogue, "knee-across-body-stretch")
    assert pose.drawn_view == "side"
    assert "leg_r" in pose.in_front
    p = last_frame(catalogue, "knee-across-body-stretch").points
    assert p["knee_r"][1] - p["hip"][1] > 0.2
    assert p["knee_r"][0] < p["hip"][0]  # toward the head, which lies to the left
    # 'Hold the outside of it with your left hand': the near hand is at the knee.
    assert math.dist(p["hand_l"], p["knee_r"]) < LEG_WIDTH
