"""Benchmark: load and validate the default catalogue; time `hiprehab --help`.

Targets: catalogue load <= 50 ms in-process; `hiprehab --help` <= 0.3 s
process wall time. Prints figures; asserts nothing (machines are noisy).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hiprehab.load.catalogue import load_catalogue  # noqa: E402 - after the path set-up
from hiprehab.load.templates import load_templates  # noqa: E402


def best_of(runs: int, action: object) -> tuple[float, float]:
    """(best, median) seconds of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - begin)
    return min(times), statistics.median(times)


def main() -> None:
    """Print the figures."""
    folder = ROOT / "exercises"
    count = len(load_catalogue([folder]).exercises)
    best, median = best_of(20, lambda: load_catalogue([folder]))
    print(
        f"catalogue load+validate ({count} exercises): "
        f"best {best * 1000:.1f} ms, median {median * 1000:.1f} ms"
    )
    print("  target <= 50 ms")
    best, median = best_of(20, lambda: load_templates([ROOT / "templates"]))
    print(f"templates load+validate: best {best * 1000:.1f} ms, median {median * 1000:.1f} ms")
    command = [sys.executable, "-m", "hiprehab", "--help"]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    best, median = best_of(
        10, lambda: subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    )
    print(f"hiprehab --help process wall time: best {best:.3f} s, median {median:.3f} s  (target <= 0.3 s)")
    best, median = best_of(
        10, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)
    )
    print(f"  (bare python start-up for comparison: best {best:.3f} s, median {median:.3f} s)")


if __name__ == "__main__":
    main()
