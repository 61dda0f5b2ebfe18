"""Build a plan: screen, allocate the phases, then schedule every week.

Pure: no clock, no files. The same catalogue, template, profile and start date
always give the same plan.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from hiprehab.engine.schedule import Scheduler
from hiprehab.engine.screen import screen
from hiprehab.engine.select import Selector
from hiprehab.errors import InvalidValueError
from hiprehab.model.notice import Notice
from hiprehab.model.plan import Plan

if TYPE_CHECKING:
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.profile import Profile
    from hiprehab.model.screening import ScreeningRules
    from hiprehab.model.template import Phase, Template


def allocate_phases(template: Template, weeks: int, *, first_only: bool) -> list[Phase]:
    """The phase of each week: shares of the plan, rounded, each phase at least its ``min_weeks``.

    Earlier phases come first: a plan too short for every phase leaves out its last
    ones rather than rush the early ones. A referred plan stays in the first phase.
    """
    if first_only:
        return [template.phases[0]] * weeks
    out: list[Phase] = []
    total = 0.0
    for index, phase in enumerate(template.phases):
        total += phase.share
        last = index == len(template.phases) - 1
        ideal = weeks - len(out) if last else math.floor(total * weeks + 0.5) - len(out)
        wanted = max(ideal, phase.min_weeks, 1 if index == 0 else 0)
        out.extend([phase] * max(0, min(wanted, weeks - len(out))))
    if len(out) < weeks:  # every phase had its share; the last one carries on
        out.extend([out[-1]] * (weeks - len(out)))
    return out


def build_plan(
    catalogue: Catalogue,
    template: Template,
    rules: ScreeningRules,
    profile: Profile,
    start: dt.date,
) -> Plan:
    """Compute the whole plan for ``profile`` from ``start``, or a refusal.

    Screening runs first: a stop outcome gives a plan with no weeks; a refer
    outcome keeps every week in the template's first, gentle phase.
    """
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
    scheduler = Scheduler(catalogue, template, profile, start, selector, referred=referred)
    phases = allocate_phases(template, weeks, first_only=referred)
    built = []
    for index, phase in enumerate(phases, start=1):
        deload = template.deload_every > 0 and index % template.deload_every == 0
        built.append(scheduler.week(index, phase, deload))
    scheduler.notices.extend(
        Notice.of("condition_note", condition=c, text=template.condition_notes[c])
        for c in profile.conditions
        if c in template.condition_notes
    )
    if any(p.running != "none" for p in phases) and not profile.run_days:
        scheduler.notices.append(Notice.of("no_run_days"))
    elif any(p.running == "build" for p in phases):
        if referred and profile.weekly_volume > 0:
            # docs/evidence.md 5.3: until a clinician has cleared the runner, prevention
            # advice only; running is kept where it is, never increased.
            scheduler.notices.append(Notice.of("referred_running_held"))
        if profile.weekly_volume <= 0:
            scheduler.notices.append(Notice.of("no_weekly_volume"))
        elif profile.longest_run <= 0:
            # Frandsen/Nielsen 2025: each run is capped by the longest of the last 30 days.
            scheduler.notices.append(Notice.of("no_longest_run"))
    return Plan(
        template,
        profile,
        rules,
        start,
        end,
        verdict,
        tuple(built),
        tuple(scheduler.library.values()),
        tuple(scheduler.notices),
        avoided=tuple(sorted(selector.avoid)),
        excluded=selector.left_out(),
    )
