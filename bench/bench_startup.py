"""Benchmark: the fixed cost of a run, before and beside the work of laying out pages.

Targets: `hiprehab plan --json -` (no PDF) at most 0.15 s; the fixed part of a
PDF run (the whole process minus the time its pages take to lay out and draw)
at most 0.35 s. Prints wall time and CPU time (user + system: steadier than wall
time on a shared machine), with the parse cache cold and warm, and the floors no
code of ours can go below: Python itself, and importing typer's parameter
machinery (typer builds a pydantic TypeAdapter for every option).
Prints figures; asserts nothing (machines are noisy).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = 9
PLAN = [
    "plan", "--goal", "prevent", "--no-red-flags", "--start", "2027-01-04", "--weeks", "2",
    "--run-days", "tue,thu,sun", "--weekly-km", "20", "--longest-run-km", "8",
]  # fmt: skip


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) of ``RUNS`` runs of ``command``."""
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        begin = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - begin)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def cpu_now() -> float:
    """CPU seconds (user + system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def in_process_render_seconds() -> tuple[float, float]:
    """Median (wall, CPU) seconds to lay out and draw the same 2-week plan in a warm process."""
    sys.path.insert(0, str(ROOT / "src"))
    from hiprehab.api import make_plan  # noqa: PLC0415 - after the path set-up
    from hiprehab.render import pdf_bytes  # noqa: PLC0415

    profile = {"goal": "prevent", "weeks": 2, "run_days": "tue,thu,sun", "weekly_volume": 20.0}
    plan = make_plan({**profile, "longest_run": 8.0, "red_flags": []}, start=dt.date(2027, 1, 4))
    pdf_bytes(plan)  # fonts registered, figures' code loaded
    walls, cpus = [], []
    for _ in range(RUNS):
        begin, begin_cpu = time.perf_counter(), cpu_now()
        pdf_bytes(plan)
        walls.append(time.perf_counter() - begin)
        cpus.append(cpu_now() - begin_cpu)
    return statistics.median(walls), statistics.median(cpus)


def line(label: str, figures: tuple[float, float], target: float | None = None) -> None:
    """One printed row: wall and CPU seconds, and the target when there is one."""
    wall, cpu = figures
    note = "" if target is None else f"   target <= {target:.2f} s: {'met' if wall <= target else 'NOT met'}"
    print(f"{label:44s} wall {wall:.3f} s   cpu {cpu:.3f} s{note}")


def main() -> None:
    """Print the figures."""
    hiprehab = str(BIN / "hiprehab")
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "HIPREHAB_CACHE_DIR": str(Path(folder) / "cache")}
        env["HIPREHAB_USER_DIR"] = str(Path(folder) / "user")
        out = str(Path(folder) / "plan.pdf")
        line("python -c pass (floor)", measure([sys.executable, "-c", "pass"], env))
        line(
            "import typer's option machinery (floor)",
            measure([sys.executable, "-c", "import typer._adapters"], env),
        )
        line("hiprehab --help", measure([hiprehab, "--help"], env))
        cold_env = {**env, "HIPREHAB_NO_CACHE": "1"}
        line("plan --json - (no parse cache)", measure([hiprehab, *PLAN, "--json", "-"], cold_env))
        subprocess.run(
            [hiprehab, *PLAN, "--json", "-"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        json_run = measure([hiprehab, *PLAN, "--json", "-"], env)
        line("plan --json - (warm parse cache)", json_run, 0.15)
        pdf_run = measure([hiprehab, *PLAN, "--out", out], env)
        line("plan --out (2 weeks, warm cache)", pdf_run)
        shutil.rmtree(Path(folder) / "cache", ignore_errors=True)
    render = in_process_render_seconds()
    line("laying out and drawing its pages (in process)", render)
    fixed = (pdf_run[0] - render[0], pdf_run[1] - render[1])
    line("fixed part of a PDF run", fixed, 0.35)


if __name__ == "__main__":
    main()
