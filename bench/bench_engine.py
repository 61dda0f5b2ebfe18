"""Benchmark: plan-building time in-process for 6, 12 and 52 weeks, both goals.

Target: <= 50 ms for 52 weeks, growing linearly. Prints figures only.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hiprehab.engine import build_plan  # noqa: E402
from hiprehab.load.catalogue import load_catalogue  # noqa: E402 - after the path set-up
from hiprehab.load.templates import load_templates  # noqa: E402
from hiprehab.model.profile import Profile  # noqa: E402

RUNS = 30


def main() -> None:
    """Print the figures."""
    catalogue = load_catalogue([ROOT / "exercises"])
    templates, rules = load_templates([ROOT / "templates"])
    start = dt.date(2027, 1, 4)
    for goal in ("manage", "prevent"):
        per_week = []
        for weeks in (6, 12, 52):
            profile = Profile(
                goal=goal,
                weeks=weeks,
                red_flags=(),
                weekly_volume=25.0,
                longest_run=10.0,
                pain=2,
                pain_sites=("lateral",),
                equipment=("band",),
            )
            times = []
            for _ in range(RUNS):
                begin = time.perf_counter()
                build_plan(catalogue, templates[goal], rules, profile, start)
                times.append(time.perf_counter() - begin)
            best, median = min(times), statistics.median(times)
            per_week.append(median / weeks)
            print(f"{goal:8s} {weeks:2d} weeks: best {best * 1000:6.2f} ms, median {median * 1000:6.2f} ms")
        ratio = per_week[-1] / per_week[0]
        print(
            f"{goal:8s} per-week cost, 52 vs 6 weeks: {ratio:.2f}x (1.0 = linear); target 52 weeks <= 50 ms"
        )


if __name__ == "__main__":
    main()
