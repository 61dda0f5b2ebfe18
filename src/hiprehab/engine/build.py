"""Build a plan: screen, allocate the phases, then schedule every week.

Pure: no clock, no files. The same catalogue, template, profile and start date
always give the same plan.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from hiprehab.engine.running import LEAD_IN_WEEKS, TOLERANCE
from hiprehab.engine.schedule import Scheduler
from hiprehab.engine.screen import screen
from hiprehab.engine.select import Selector
from hiprehab.errors import InvalidValueError
from hiprehab.model.notice import Notice
from hiprehab.model.plan import Plan

if TYPE_CHECKING:
    from hiprehab.model.carry import Carry
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.profile import Profile
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.template import Phase, Template


def allocate_phases(
    template: Template, weeks: int, *, first_only: bool, no_running: bool = False, first: int = 0
) -> list[Phase]:
    """The phase of each week: shares of the plan, rounded, each phase within its week limits.

    Each phase gets at least its ``min_weeks`` and at most its ``max_weeks`` (the next
    phase takes the rest). Earlier phases come first: a plan too short for every phase
    leaves out its last ones rather than rush the early ones. A referred plan stays in
    the first phase; with ``no_running`` the phases without running share the plan,
    when there are any. Phases that start after the walk-run ladder are not allocated
    here: :func:`build_plan` switches to them when the ladder is done. A next block
    starts at phase ``first`` (an index), the one the last block ended in, and shares
    the weeks among that phase and the ones after it.
    """
    if first_only:
        return [template.phases[first]] * weeks
    phases = tuple(p for i, p in enumerate(template.phases[first:]) if i == 0 or not p.after_ladder)
    if no_running and any(p.running == "none" for p in phases):
        phases = tuple(p for p in phases if p.running == "none")
    scale = sum(p.share for p in phases) or 1.0
    out: list[Phase] = []
    total = 0.0
    for index, phase in enumerate(phases):
        total += phase.share / scale
        last = index == len(phases) - 1
        ideal = weeks - len(out) if last else math.floor(total * weeks + 0.5) - len(out)
        wanted = max(ideal, phase.min_weeks, 1 if index == 0 else 0)
        if phase.max_weeks is not None and not last:
            wanted = min(wanted, phase.max_weeks)
        out.extend([phase] * max(0, min(wanted, weeks - len(out))))
    if len(out) < weeks:  # every phase had its share; the last one carries on
        out.extend([out[-1]] * (weeks - len(out)))
    return out


def _after_ladder(template: Template, phase: Phase) -> Phase | None:
    """The phase that follows ``phase`` once the walk-run ladder is done, if the template has one."""
    later = template.phases[template.phases.index(phase) + 1 :] if phase in template.phases else ()
    return next((p for p in later if p.after_ladder), None)


def _hold_notices(referred: bool, check_sites: tuple[str, ...]) -> list[Notice]:
    """Why the plan has no running yet, first on the list."""
    notices = []
    if referred:
        # docs/evidence.md 5.3, 5.6: until a clinician has cleared the runner, prevention
        # advice only: no running, strength held at its first-phase doses.
        notices.append(Notice.of("referred_hold"))
    if check_sites:
        notices.append(Notice.of("running_waits_for_check", sites=",".join(check_sites)))
    return notices


def _input_notices(template: Template, profile: Profile, phases: list[Phase], *, held: bool) -> list[Notice]:
    """Condition notes, and what the profile left out that running needs (unless running is held)."""
    notices = [
        Notice.of("condition_note", condition=c, text=template.condition_notes[c])
        for c in profile.conditions
        if c in template.condition_notes
    ]
    if held:
        return notices
    if any(p.running != "none" for p in phases) and not profile.run_days:
        notices.append(Notice.of("no_run_days"))
    elif any(p.running == "build" for p in phases):
        if profile.weekly_volume <= 0:
            notices.append(Notice.of("no_weekly_volume"))
        elif profile.longest_run <= 0:
            # Frandsen/Nielsen 2025: each run is capped by the longest of the last 30 days.
            notices.append(Notice.of("no_longest_run"))
    return notices


def _running_notices(scheduler: Scheduler, profile: Profile) -> list[Notice]:
    """What the running caps changed: held volume or long run, growth rounded away, short weeks."""
    volume = scheduler.volume
    if volume is None or not volume.longest or volume.base_longest <= 0:
        return []  # no week grew a runner's volume, or the input notices say why not
    notices = []
    if volume.hold and any(volume.weeks[-len(volume.longest) :]):
        notices.append(Notice.of("running_held_for_pain", pain=profile.pain))
    if volume.hold_long and any(volume.longest):
        notices.append(Notice.of("long_run_held", longest=volume.base_longest, units=volume.units))
    planned = volume.weeks[LEAD_IN_WEEKS:]
    if volume.stalled and max(planned[volume.stalled[0][0] - 1 :]) <= volume.stalled[0][1] + TOLERANCE:
        week, stays = volume.stalled[0]  # held from this week to the end of the plan
        increase = volume.rules.weekly_increase_max
        notices.append(
            Notice.of(
                "running_too_small_to_grow",
                week=week,
                volume=stays,
                units=volume.units,
                percent=round(100 * increase),
                step=volume.step,
                lighter=int(min(planned[week - 1 :]) < stays),  # a lighter week follows
                grows_from=round(math.ceil(1 / increase - TOLERANCE) * volume.step, 6),
            )
        )
    if volume.short_weeks:
        week, target, reached, days = volume.short_weeks[0]
        notices.append(
            Notice.of(
                "runs_below_volume",
                week=week,
                target=target,
                reached=reached,
                days=days,
                units=volume.units,
                cap=round(100 * volume.rules.single_run_cap),
            )
        )
    return notices


def build_plan(
    catalogue: Catalogue,
    template: Template,
    rules: ScreeningRules,
    profile: Profile,
    start: dt.date,
    carry: Carry | None = None,
) -> Plan:
    """Compute the whole plan for ``profile`` from ``start``, or a refusal.

    Screening runs first: a stop outcome gives a plan with no weeks; a refer
    outcome keeps every week in the template's first, gentle phase. With
    ``carry`` (a next block), the plan starts in the phase, rungs, doses and
    walk-run stage the last block reached, with its decisions applied.
    """
    # A condition with its own pain zones (hip OA: NEMEX, docs/evidence.md 1.4, 5.6) prints
    # and uses them throughout the plan.
    template = template.for_conditions(profile.conditions)
    weeks = profile.weeks or template.weeks_default
    if not template.weeks_min <= weeks <= template.weeks_max:
        raise InvalidValueError(
            "weeks",
            f"expected {template.weeks_min} to {template.weeks_max} for goal '{template.id}', found {weeks}",
        )
    end = start + dt.timedelta(days=7 * weeks - 1)
    verdict = screen(profile, rules)
    if verdict.outcome == "stop":
        return Plan(template, profile, rules, start, end, verdict, (), ())
    if template.entry_pain_max is not None and profile.pain > template.entry_pain_max:
        instead = f"; use the goal '{template.entry_pain_goal}' instead" if template.entry_pain_goal else ""
        raise InvalidValueError(
            "pain",
            f"the goal '{template.id}' is for runners whose pain is at most "
            f"{template.entry_pain_max} out of 10, found {profile.pain}{instead}",
        )
    selector = Selector.for_runner(catalogue, template, profile)
    referred = verdict.outcome == "refer"
    # Groin or front-of-hip pain can hide a femoral neck stress fracture: no running
    # until a clinician has checked the hip (docs/evidence.md 5.2, 5.6).
    check_sites = (
        ()
        if profile.cleared_by_clinician
        else tuple(site for site in profile.pain_sites if site in rules.bone_stress_sites)
    )
    held = referred or bool(check_sites)
    scheduler = Scheduler(
        catalogue, template, profile, start, selector, referred=referred, running_held=held, carry=carry
    )
    ids = [p.id for p in template.phases]
    first = ids.index(carry.phase) if carry is not None and carry.phase in ids else 0
    phases = allocate_phases(template, weeks, first_only=referred, no_running=bool(check_sites), first=first)
    built = []
    for index, planned in enumerate(phases, start=1):
        phase = planned
        following = _after_ladder(template, planned) if planned.running == "walk_run" else None
        if following is not None and scheduler.ladder is not None and scheduler.ladder.finished:
            phase = following  # docs/evidence.md 2.2, 5.1: continuous running, then steady growth
        deload = template.deload_every > 0 and index % template.deload_every == 0
        built.append(scheduler.week(index, phase, deload))
    notices = _hold_notices(referred, check_sites) + scheduler.notices
    notices += _input_notices(template, profile, phases, held=held)
    notices += _running_notices(scheduler, profile)
    return Plan(
        template,
        profile,
        rules,
        start,
        end,
        verdict,
        tuple(built),
        tuple(scheduler.library.values()),
        tuple(notices),
        avoided=tuple(sorted(selector.avoid)),
        excluded=selector.left_out(),
        card_doses=scheduler.card_doses,
    )
