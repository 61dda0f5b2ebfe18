"""Which exercises a runner may be given, and the nearest rung they can do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hiprehab.model.catalogue import Catalogue
from hiprehab.vocab import EQUIPMENT, MAX_LEVEL

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from hiprehab.model.exercise import Exercise
    from hiprehab.model.profile import Profile
    from hiprehab.model.template import Block, Template

# Things every home has, so no runner is left without an exercise for want of
# them: a towel or rug for a mat, a chair, a wall, a stair, a towel, a pillow, a
# bag of frozen peas for an ice pack and a hot-water bottle for a heat pack.
HOUSEHOLD = frozenset({"mat", "chair", "wall", "step", "towel", "pillow", "ice_pack", "heat_pack"})


@dataclass(frozen=True)
class Selector:
    """Filters the catalogue for one runner and one goal."""

    catalogue: Catalogue
    goal: str
    avoid: frozenset[str]
    have: frozenset[str]
    known: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    """What :meth:`allowed` said of each exercise id: a plan asks about each many times."""
    fitting: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    """The ids of the allowed exercises of each set of kinds :meth:`pool` was asked for."""

    @classmethod
    def for_runner(cls, catalogue: Catalogue, template: Template, profile: Profile) -> Selector:
        """Build the filter: the template's goal, the runner's exclusions and equipment."""
        avoid = set(profile.avoid_words)
        for site in profile.pain_sites:  # every site's exclusions apply
            avoid.update(template.site_rules.get(site, ()))
        have = HOUSEHOLD | {e for e in profile.equipment if e != "none"}
        return cls(catalogue, template.exercise_goal, frozenset(avoid), frozenset(have))

    def allowed(self, exercise: Exercise) -> bool:
        """True when the exercise suits the goal, is not contraindicated and needs nothing missing."""
        answer = self.known.get(exercise.id)
        if answer is None:
            answer = (
                self.goal in exercise.goals
                and not self.avoid.intersection(exercise.avoid_if)
                and exercise.needs <= self.have
            )
            self.known[exercise.id] = answer
        return answer

    def left_out(self) -> tuple[Exercise, ...]:
        """Exercises of the goal that a condition or the pain site rules out, in catalogue order."""
        return tuple(
            e
            for e in self.catalogue.exercises
            if self.goal in e.goals and self.avoid.intersection(e.avoid_if)
        )

    def fits(self, exercise: Exercise, kinds: Sequence[str], max_level: int = MAX_LEVEL) -> bool:
        """True when the exercise is allowed, of one of ``kinds`` (any when none), not above ``max_level``."""
        return (
            self.allowed(exercise) and (not kinds or exercise.kind in kinds) and exercise.level <= max_level
        )

    def rung(self, family: str, level: int, kinds: Sequence[str], max_level: int) -> Exercise | None:
        """The allowed rung nearest ``level``: easier ones first, never above ``max_level``."""
        ladder = [e for e in self.catalogue.ladder(family) if self.fits(e, kinds, max_level)]
        if not ladder:
            return None
        return min(ladder, key=lambda e: (abs(e.level - level), e.level > level))

    def easier(self, exercise: Exercise) -> Exercise | None:
        """The nearest allowed rung below."""
        below = [
            e for e in self.catalogue.ladder(exercise.family) if e.level < exercise.level and self.allowed(e)
        ]
        return below[-1] if below else None

    def next_rung(self, exercise: Exercise, kinds: Sequence[str], max_level: int) -> Exercise | None:
        """The next allowed rung up that fits the block's kinds and the phase's ceiling."""
        for candidate in self.catalogue.ladder(exercise.family):
            if exercise.level < candidate.level and self.fits(candidate, kinds, max_level):
                return candidate
        return None

    def for_role(
        self,
        role: str,
        level: int,
        kinds: Sequence[str],
        max_level: int,
        taken: Collection[str] = (),
        *,
        added_only: bool = False,
    ) -> Exercise | None:
        """The allowed exercise of ``role`` nearest ``level``, from a family not in ``taken``.

        Easier rungs come first; among equally near ones, an exercise the user added
        (an id the built-in catalogue lacks) comes before a built-in one, then
        catalogue order.
        """
        candidates = [
            (index, e)
            for index, e in enumerate(self.catalogue.exercises)
            if e.role == role
            and e.family not in taken
            and (not added_only or e.id in self.catalogue.added)
            and self.fits(e, kinds, max_level)
        ]
        if not candidates:
            return None
        added = self.catalogue.added
        _, best = min(
            candidates,
            key=lambda c: (abs(c[1].level - level), c[1].level > level, c[1].id not in added, c[0]),
        )
        return best

    def block(self, block: Block, level: int, max_level: int) -> list[Exercise]:
        """One exercise per slot: each of the block's families, then each of its roles.

        A family's slot is open to the user's own exercises of that family's role: one
        as near ``level`` as the family's rung takes the slot instead. A block that
        names neither families nor roles takes the nearest rung of every family of its kinds.
        """
        chosen: list[Exercise] = []
        taken: set[str] = set()
        for family in block.families:
            pick = self.rung(family, level, block.kinds, max_level) if family not in taken else None
            if pick is not None and pick.role is not None and self.catalogue.added:
                busy = taken | set(block.families)
                own = self.for_role(pick.role, level, block.kinds, max_level, busy, added_only=True)
                if own is not None and abs(own.level - level) <= abs(pick.level - level):
                    pick = own
            if pick is not None:
                chosen.append(pick)
                taken.update((family, pick.family))
        for role in block.roles:
            pick = self.for_role(role, level, block.kinds, max_level, taken)
            if pick is not None:
                chosen.append(pick)
                taken.add(pick.family)
        if block.families or block.roles or not block.kinds:
            return chosen
        for family in self.catalogue.families:
            pick = self.rung(family, level, block.kinds, max_level)
            if pick is not None:
                chosen.append(pick)
        return chosen

    def pool(self, block: Block, default_kinds: Sequence[str]) -> list[Exercise]:
        """Every allowed exercise a block takes: its families' ladders, then its roles (the user's first).

        A block that names neither takes every exercise of its kinds (``default_kinds``
        when it names none).
        """
        if not block.families and not block.roles:
            return self.of_kinds(block.kinds or default_kinds)
        fits = self.fitting.get(block.kinds)
        if fits is None:
            fits = frozenset(e.id for e in self.catalogue.exercises if self.fits(e, block.kinds))
            self.fitting[block.kinds] = fits
        picked = [e for family in block.families for e in self.catalogue.ladder(family) if e.id in fits]
        by_role = [
            e for e in self.catalogue.exercises if e.id in fits and e.role in block.roles and e not in picked
        ]
        # The user's own exercises of a role come before the built-in ones, as in :meth:`for_role`.
        return picked + sorted(by_role, key=lambda e: e.id not in self.catalogue.added)

    def why_empty(self, block: Block, default_kinds: Sequence[str]) -> tuple[str, ...]:
        """Why :meth:`pool` found nothing for ``block``: ``retired``, ``avoided`` and ``equipment``.

        Each cause is named when taking it away would give the block an exercise: one retired
        from the catalogue, one left out for the runner's pain site or condition, one that
        needs equipment the runner did not list. Empty when the catalogue never had one.
        """
        everything = frozenset(EQUIPMENT)
        causes = []
        gone = tuple(r.exercise for r in self.catalogue.retired if r.exercise is not None)
        if gone and Selector(Catalogue(gone), self.goal, frozenset(), everything).pool(block, default_kinds):
            causes.append("retired")
        if Selector(self.catalogue, self.goal, frozenset(), self.have).pool(block, default_kinds):
            causes.append("avoided")
        if Selector(self.catalogue, self.goal, self.avoid, everything).pool(block, default_kinds):
            causes.append("equipment")
        return tuple(causes)

    def of_kinds(self, kinds: Sequence[str]) -> list[Exercise]:
        """Every allowed exercise of these kinds, in catalogue order."""
        return [e for e in self.catalogue.exercises if kinds and self.fits(e, kinds)]

    def could_fill(
        self, block: Block, exercise: Exercise, max_level: int, default_kinds: Sequence[str] = ()
    ) -> bool:
        """True when some slot of ``block`` can hold ``exercise`` for a runner it is allowed for.

        The rules of :meth:`block` and :meth:`pool`, with every other exercise left
        out: its family is one of the block's, or its role; or it is the user's own
        and a family's slot is open to its role; or the block names neither and takes
        every exercise of its kinds (``default_kinds`` when it names none; a block of
        :meth:`block` has none).
        """
        if not block.families and not block.roles:
            kinds = block.kinds or default_kinds
            return bool(kinds) and self.fits(exercise, kinds, max_level)
        if not self.fits(exercise, block.kinds, max_level):
            return False
        if exercise.family in block.families or (exercise.role is not None and exercise.role in block.roles):
            return True
        return (
            exercise.role is not None
            and exercise.id in self.catalogue.added
            and any(r.role == exercise.role for f in block.families for r in self.catalogue.ladder(f))
        )
