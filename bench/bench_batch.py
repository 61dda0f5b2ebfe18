"""Benchmark ``hiprehab batch``: plans per second for a squad of varied runners.

Prints, for N varied profiles (a fixed seed; default 1,000):
  (a) plans per second made by one worker, in this process;
  (b) plans per second with every processor as a worker (spawned processes);
  (c) for comparison, a few plans made the old way, one ``python -m hiprehab plan``
      process each, scaled to N.
Each line gives wall time and CPU time (this process and its workers, from
``resource.getrusage``), so a busy shared machine can be told apart from slow code.

Target: 1,000 plans in at most 60 s of wall time on two cores.
Run: ``python bench/bench_batch.py [N]``; ``--jobs-only`` skips (a).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hiprehab.batch.run import Job, Settings, default_jobs, make_plans  # noqa: E402
from hiprehab.model.profile import Profile  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

SEED = 14
COUNT = 1000
TARGET_S = 60.0
TARGET_CORES = 2
OLD_WAY_SAMPLE = 5
TODAY = dt.date(2027, 1, 1)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CONDITIONS = ("tendinopathy", "bursitis", "muscle_strain", "osteoarthritis", "labral_tear", "fai")
SITES = (None, "lateral", "groin", "buttock", "front")
EQUIPMENT = ("band", "weights", "bike", "pool", "elliptical")
REFER = ("persistent_pain", "previous_injury", "low_energy")
STOP = ("night_pain", "trauma", "fever_hot_joint")


def profiles(count: int, seed: int = SEED) -> list[Profile]:
    """``count`` varied runners: both goals, 2 to 16 weeks, every kind of week, a few referred or stopped."""
    rng = random.Random(seed)  # noqa: S311 - a fixed seed for repeatable profiles, not secrets
    out = []
    for number in range(count):
        goal = rng.choice(("manage", "prevent"))
        runs = tuple(sorted(rng.sample(DAYS, rng.randint(0, 4)), key=DAYS.index))
        weekly = float(rng.choice((0, 10, 15, 20, 25, 30, 40, 50)))
        draw = rng.random()
        flags = (rng.choice(STOP),) if draw < 0.03 else (rng.choice(REFER),) if draw < 0.08 else ()
        out.append(
            Profile(
                name=f"Runner {number + 1}",
                goal=goal,
                weeks=rng.randint(2, 16),
                strength_days=rng.choice(
                    (("mon", "wed", "fri"), ("tue", "thu"), ("mon", "thu"), ("wed", "sat"))
                ),
                run_days=runs,
                weekly_volume=weekly,
                longest_run=round(weekly * rng.choice((0.3, 0.4, 0.5)), 1),
                pain=rng.randint(0, 3 if goal == "prevent" else 6),
                pain_sites=(site,) if (site := rng.choice(SITES)) else (),
                conditions=tuple(rng.sample(CONDITIONS, rng.choice((0, 0, 1, 2)))),
                equipment=tuple(rng.sample(EQUIPMENT, rng.randint(0, 3))),
                red_flags=flags,
                cleared_by_clinician=bool(flags) and rng.random() < 0.3,
            )
        )
    return out


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(action: Callable[[], int]) -> tuple[int, float, float]:
    """(plans made, wall seconds, CPU seconds) of ``action``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    made = action()
    return made, time.perf_counter() - wall, cpu_seconds() - cpu


def batch(squad: list[Profile], workers: int) -> Callable[[], int]:
    """A batch run of ``squad`` with ``workers`` into a fresh folder, counting the files written."""

    def run() -> int:
        with tempfile.TemporaryDirectory() as folder:
            jobs = [Job(n, f"runner-{n}", p) for n, p in enumerate(squad, start=1)]
            outcomes = list(make_plans(jobs, Settings(out_dir=Path(folder), today=TODAY), workers=workers))
            return sum(1 for o in outcomes if o.status != "invalid")

    return run


def old_way(squad: list[Profile]) -> Callable[[], int]:
    """One ``python -m hiprehab plan --profile`` process per runner, as a script would do it."""

    def run() -> int:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        with tempfile.TemporaryDirectory() as folder:
            for number, profile in enumerate(squad):
                path = Path(folder) / f"p{number}.json"
                path.write_text(profile.model_dump_json(exclude_none=True), encoding="utf-8")
                out = Path(folder) / f"p{number}.pdf"
                args = ["plan", "--profile", str(path), "--start", "2027-01-04", "--out", str(out)]
                subprocess.run(
                    [sys.executable, "-m", "hiprehab", *args], check=False, env=env, capture_output=True
                )
        return len(squad)

    return run


def line(label: str, made: int, wall: float, cpu: float) -> None:
    """One measured line, with the time 1,000 plans would take at this rate."""
    per_1000 = 1000 * wall / made
    print(f"{label}: {made} plans, {made / wall:.1f} plans/s, wall {wall:.1f} s, CPU {cpu:.1f} s "
          f"({1000 * cpu / made:.0f} ms CPU a plan); 1,000 plans: {per_1000:.0f} s wall")  # fmt: skip


def main() -> None:
    """Run the measurements and print the figures."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else COUNT
    squad = profiles(count)
    cores = default_jobs()
    print(f"{count} varied profiles (seed {SEED}), {cores} processors; load average {os.getloadavg()[0]:.1f}")
    if "--jobs-only" not in sys.argv:
        line("(a) 1 worker", *measure(batch(squad, 1)))
    made, wall, cpu = measure(batch(squad, cores))
    line(f"(b) {cores} workers", made, wall, cpu)
    per_1000 = 1000 * wall / made * cores / TARGET_CORES
    verdict = "target met" if per_1000 <= TARGET_S else "TARGET MISSED"
    print(f"    1,000 plans on {TARGET_CORES} cores: {per_1000:.0f} s wall [{verdict}: <= {TARGET_S:.0f} s]")
    print(f"    if the cores were free: {1000 * cpu / made / TARGET_CORES:.0f} s (CPU time / {TARGET_CORES})")
    if "--no-old-way" not in sys.argv:
        sample = squad[:OLD_WAY_SAMPLE]
        made, wall, cpu = measure(old_way(sample))
        line(f"(c) one process per plan, {OLD_WAY_SAMPLE} plans", made, wall, cpu)


if __name__ == "__main__":
    main()
