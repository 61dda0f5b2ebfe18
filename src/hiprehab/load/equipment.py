"""Check that an exercise lists the equipment its steps name and its figure draws.

A card's "You need" line comes from ``equipment``; a runner who reads "nothing"
and then meets "stand next to a wall" or "wrap an ice pack" has been let down,
and a runner without a band must not be handed an exercise whose steps need one.
So every thing a step names (a wall, a chair, a band, an ice pack...) and every
prop its figure draws must have its equipment word in the list.

Wording matters, so the rules read a step the way a runner would:

- things joined by "or" are alternatives: "a chair or a bench", "a dumbbell or a
  water bottle" (a water bottle needs no equipment word, so that pair needs none);
- a thing named in a clause that makes it optional ("if you have a band", "if you
  like", "if you need") is not required, and the figure may draw it;
- a chair used as a measure ("chair height", "a chair seat") is not a chair to fetch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from hiprehab.errors import Problem
    from hiprehab.model.exercise import Exercise

# What a step may name, and the equipment word it needs ("" for none: a thing
# no equipment word stands for).
_TERMS: tuple[tuple[str, str], ...] = (
    (r"walls?", "wall"),
    (r"mats?", "mat"),
    (r"(?:resistance |loop )?bands?", "band"),
    # A chair as a measure ("chair height", "a chair seat") is not one to fetch.
    (r"chairs?(?! height| seat)|bench(?:es)?", "chair"),
    (r"(?:bottom )?stairs?|(?:low|sturdy) step|(?:on|onto|off) the step", "step"),
    (r"ice packs?|ice|(?:bag of )?frozen peas", "ice_pack"),
    (r"heat packs?|hot-water bottles?|heat", "heat_pack"),
    (r"(?:folded |thin )?(?:towels?|cloth)", "towel"),
    (r"(?:folded )?(?:pillows?|cushions?)|soft ball", "pillow"),
    (r"dumbbells?|kettlebells?|weights", "weights"),
    # Things every home has, offered instead of equipment: "a dumbbell or a water
    # bottle", "against the band or your hands".
    (r"water bottles?|backpack|(?:your )?hands?", ""),
    (r"(?:swimming )?pool", "pool"),
    (r"exercise bike|bike|saddle|pedals?", "bike"),
    (r"elliptical(?: trainer)?|cross-trainer|the machine", "elliptical"),
)
_PATTERN = re.compile("|".join(f"(?P<t{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_TERMS)), re.IGNORECASE)
# Two things of one clause are alternatives when only a few words with an "or" stand between them.
_OR_BETWEEN = re.compile(r"^.{0,30}\bor\b.{0,30}$", re.IGNORECASE)
# A clause with one of these makes what it names optional ("if you have a band").
_OPTIONAL = re.compile(
    r"\bif (?:you have (?:one|an?)\b|you like|you need|you wish|one is available)", re.IGNORECASE
)
_CLAUSE = re.compile(r"[^.;,]+")

# The equipment word each prop of a figure stands for (a roller and a bed have none).
PROP_EQUIPMENT = {
    "mat": "mat",
    "band": "band",
    "chair": "chair",
    "step": "step",
    "wall": "wall",
    "ball": "pillow",  # a soft ball between the knees, or a folded pillow
    "bike": "bike",
    "exercise_bike": "bike",
    "elliptical": "elliptical",
    "water": "pool",
    "ice_pack": "ice_pack",
    "heat_pack": "heat_pack",
    "weight": "weights",
}


@dataclass(frozen=True)
class Need:
    """Something a step names or a figure draws, and the equipment words that would cover it."""

    words: tuple[str, ...]  # any one of them will do; empty when nothing is needed
    text: str  # the words of the step, or the prop's kind
    step: int | None  # 1-based; None for the figure
    optional: bool = False


def _named(step: str, number: int) -> list[Need]:
    """The things one step names, clause by clause, alternatives grouped, optional ones marked."""
    needs: list[Need] = []
    for clause in _CLAUSE.finditer(step):
        text = clause.group()
        optional = _OPTIONAL.search(text) is not None
        group: list[re.Match[str]] = []
        for match in _PATTERN.finditer(text):
            if group and not _OR_BETWEEN.match(text[group[-1].end() : match.start()]):
                needs.append(_need(text, group, number, optional=optional))
                group = []
            group.append(match)
        if group:
            needs.append(_need(text, group, number, optional=optional))
    return needs


def _need(text: str, group: list[re.Match[str]], number: int, *, optional: bool) -> Need:
    words = [_TERMS[int(str(m.lastgroup)[1:])][1] for m in group]
    # An alternative that needs no equipment word covers the whole group.
    covered = () if "" in words else tuple(dict.fromkeys(words))
    return Need(covered, text[group[0].start() : group[-1].end()], number, optional=optional)


def needs_of(exercise: Exercise) -> list[Need]:
    """Everything ``exercise`` uses: the things its steps name, then the props its figure draws."""
    needs = [need for n, step in enumerate(exercise.steps, 1) for need in _named(step, n)]
    pose = exercise.illustration.pose if exercise.illustration is not None else None
    for prop in pose.props if pose is not None else ():
        word = PROP_EQUIPMENT.get(prop.kind)
        if word is not None:
            needs.append(Need((word,), prop.kind.replace("_", " "), None))
    return needs


def missing_equipment(exercise: Exercise) -> list[Need]:
    """What ``exercise`` uses but does not list, the first mention of each equipment word only.

    An optional mention needs nothing, and it also covers a figure drawing that
    thing: the figure may show the version with the optional band.
    """
    listed = set(exercise.equipment)
    needs = needs_of(exercise)
    optional = {w for need in needs if need.optional for w in need.words}
    missing: list[Need] = []
    reported: set[tuple[str, ...]] = set()
    for need in needs:
        if need.optional or not need.words or listed.intersection(need.words):
            continue
        if need.step is None and optional.intersection(need.words):
            continue
        if need.words not in reported:
            reported.add(need.words)
            missing.append(need)
    return missing


def _message(need: Need, found: tuple[str, ...]) -> str:
    expected = " or ".join(f"'{w}'" for w in need.words)
    if need.step is not None:
        why = f"step {need.step} names '{need.text}'"
    else:
        article = "an" if need.text[0] in "aeiou" else "a"
        why = f"the figure draws {article} {need.text}"
    return f"expected {expected} ({why}), found [{', '.join(found)}]"


def check_equipment(exercise: Exercise, problem: Callable[[str, str], Problem]) -> list[Problem]:
    """One problem at ``equipment`` for each equipment word ``exercise`` uses but does not list.

    ``problem(field, message)`` places a message at a field of the exercise.
    """
    return [problem("equipment", _message(need, exercise.equipment)) for need in missing_equipment(exercise)]
