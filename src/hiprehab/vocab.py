"""The fixed vocabularies of the catalogue, templates and profile.

Each is a ``Literal`` so that validation is strict and the JSON Schema lists the
allowed words; the tuples beside them give the order used in messages and help.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal[
    "strength",
    "isometric",
    "stretch",
    "mobility",
    "warmup",
    "cooldown",
    "cardio",
    "balance",
    "recovery",
]
Target = Literal[
    "glute_max",
    "glute_med",
    "hip_flexors",
    "hamstrings",
    "adductors",
    "quadriceps",
    "calves",
    "core",
    "hip_rotators",
    "tfl_itb",
]
Position = Literal["supine", "prone", "side_lying", "quadruped", "seated", "kneeling", "standing"]
Equipment = Literal[
    "none",
    "mat",
    "band",
    "chair",
    "step",
    "wall",
    "towel",
    "pillow",
    "ice_pack",
    "heat_pack",
    "weights",
    "bike",
    "pool",
    "elliptical",
]
Condition = Literal[
    "tendinopathy",
    "bursitis",
    "muscle_strain",
    "osteoarthritis",
    "labral_tear",
    "fai",
    "stress_fracture",
]
PainSite = Literal["lateral", "groin", "buttock", "front"]
AvoidWord = Literal[Condition, PainSite]  # an avoid_if word: a condition or a pain site
Goal = Literal["manage", "prevent"]
# The slot of a template an exercise can fill; a template block names the roles it takes.
Role = Literal[
    "glute-bridge",
    "hip-abduction",
    "lateral-walk",
    "squat",
    "lunge",
    "hinge",
    "adductor",
    "calf",
    "core",
    "balance",
    "stretch-hip-flexor",
    "stretch-hamstring",
    "stretch-glute",
    "stretch-adductor",
    "stretch-quad",
    "stretch-calf",
    "stretch-itb",
    "warm-up-aerobic",
    "warm-up",
    "running-drill",
    "cool-down",
    "cardio",
    "ice",
    "heat",
    "rest",
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

KINDS: tuple[str, ...] = get_args(Kind)
TARGETS: tuple[str, ...] = get_args(Target)
POSITIONS: tuple[str, ...] = get_args(Position)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
CONDITIONS: tuple[str, ...] = get_args(Condition)
PAIN_SITES: tuple[str, ...] = get_args(PainSite)
AVOID_WORDS: tuple[str, ...] = get_args(AvoidWord)
GOALS: tuple[str, ...] = get_args(Goal)
ROLES: tuple[str, ...] = get_args(Role)
WEEKDAYS: tuple[str, ...] = get_args(Weekday)

RedFlag = Literal[
    "persistent_pain",
    "severe_pain",
    "swelling_bruising",
    "limited_motion",
    "weight_bearing_pain",
    "numbness_tingling",
    "previous_injury",
    "cannot_bear_weight",
    "groin_pain_hopping",
    "night_pain",
    "fever_hot_joint",
    "trauma",
    "cancer_history",
    "steroid_use",
    "low_energy",
]
RED_FLAGS: tuple[str, ...] = get_args(RedFlag)
# These always stop a plan (docs/evidence.md 5.2); a coach's screening file may not soften them.
HARD_STOP_FLAGS: tuple[str, ...] = tuple(
    f for f in RED_FLAGS if f not in {"persistent_pain", "previous_injury", "low_energy"}
)
Units = Literal["km", "mi", "min"]
UNITS: tuple[str, ...] = get_args(Units)
# The shortest run a plan sets, and the step its run lengths are rounded down to, in
# each unit: a tenth of a kilometre or mile, or a whole minute.
RUN_STEP: dict[str, float] = {"km": 0.1, "mi": 0.1, "min": 1.0}
Paper = Literal["a4", "letter"]
PAPERS: tuple[str, ...] = get_args(Paper)

MAX_LEVEL = 20
"""The highest rung a ladder (an exercise family) may have."""

# Words people often use for a vocabulary word; "did you mean" offers the latter.
SYNONYMS: dict[str, str] = {
    "tendonitis": "tendinopathy",
    "tendinitis": "tendinopathy",
    "gluteal_tendinopathy": "tendinopathy",
    "trochanteric_bursitis": "bursitis",
    "impingement": "fai",
    "arthritis": "osteoarthritis",
    "oa": "osteoarthritis",
    "strain": "muscle_strain",
    "labrum": "labral_tear",
    "stress_reaction": "stress_fracture",
    "outside": "lateral",
    "side": "lateral",
    "stair": "step",
    "stairs": "step",
    "steps": "step",
    "box": "step",
    "dumbbell": "weights",
    "dumbbells": "weights",
    "kettlebell": "weights",
    "weight": "weights",
    "theraband": "band",
    "resistance_band": "band",
    "mini_band": "band",
    "bands": "band",
    "yoga_mat": "mat",
    "towel": "mat",
    "bicycle": "bike",
    "exercise_bike": "bike",
    "swimming_pool": "pool",
    "cross_trainer": "elliptical",
    "glutes": "glute_max",
    "quads": "quadriceps",
    "hams": "hamstrings",
    "itb": "tfl_itb",
    "it_band": "tfl_itb",
    "bridge": "glute-bridge",
    "abduction": "hip-abduction",
    "clamshell": "hip-abduction",
    "plank": "core",
    "deadlift": "hinge",
    "calf_raise": "calf",
    "adduction": "adductor",
    "warmup": "warm-up",
    "cooldown": "cool-down",
}
