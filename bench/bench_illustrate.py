"""Benchmark: the cost of figures.

Prints the time to lay out and draw every default figure (vector and PNG), then
renders a 12-week plan with and without figures and compares time and size.
Targets: figures add at most 30% render time and 50% file size to a 12-week
plan. Prints figures; asserts nothing (machines are noisy).
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402 - after the path set-up

from hiprehab.engine import build_plan  # noqa: E402
from hiprehab.illustrate.draw_pdf import drawing_for  # noqa: E402
from hiprehab.illustrate.draw_png import scene_image  # noqa: E402
from hiprehab.illustrate.geometry import pose_scene  # noqa: E402
from hiprehab.load.catalogue import load_catalogue  # noqa: E402
from hiprehab.load.templates import load_templates  # noqa: E402
from hiprehab.model.profile import Profile  # noqa: E402
from hiprehab.render import pdf_bytes  # noqa: E402

RUNS = 5
FIGURE_PT = 80.0  # a little larger than a card's figure box


def median_seconds(action: object, runs: int = RUNS) -> float:
    """Median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def figures() -> None:
    """Time every default pose: layout alone, as a PDF drawing, and as a 240 px PNG."""
    catalogue = load_catalogue([ROOT / "exercises"])
    poses = [e.illustration.pose for e in catalogue.exercises if e.illustration and e.illustration.pose]
    print(f"{len(poses)} of {len(catalogue.exercises)} default exercises have a pose figure")
    if not poses:
        return

    def layout() -> None:
        for pose in poses:
            pose_scene(pose)

    def vector() -> None:
        canvas = Canvas(io.BytesIO(), invariant=1)
        for pose in poses:
            drawing_for(pose, FIGURE_PT, FIGURE_PT).drawOn(canvas, 0, 0)
        canvas.save()

    def raster() -> None:
        for pose in poses:
            scene_image(pose_scene(pose), 240, 240)

    for label, action in (("layout", layout), ("PDF drawing", vector), ("PNG 240 px", raster)):
        total = median_seconds(action)
        print(f"  {label:12s} all: {total * 1000:7.1f} ms   per figure: {total / len(poses) * 1000:6.2f} ms")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    for pose in poses:
        drawing_for(pose, FIGURE_PT, FIGURE_PT).drawOn(canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    print(f"  PDF bytes per figure (compressed page of its own): {len(buffer.getvalue()) / len(poses):.0f}")


def plan_cost() -> None:
    """Render a 12-week plan with and without figures; compare time and size."""
    catalogue = load_catalogue([ROOT / "exercises"])
    templates, rules = load_templates([ROOT / "templates"])
    profile = Profile(
        goal="manage",
        weeks=12,
        red_flags=(),
        weekly_volume=25.0,
        longest_run=10.0,
        pain=2,
        pain_sites=("lateral",),
        equipment=("band", "mat", "chair", "step", "wall"),
    )
    plan = build_plan(catalogue, templates["manage"], rules, profile, dt.date(2027, 1, 4))
    results = {}
    for with_figures in (False, True):
        data = pdf_bytes(plan, figures=with_figures)
        seconds = median_seconds(lambda f=with_figures: pdf_bytes(plan, figures=f))
        results[with_figures] = (seconds, len(data))
        label = "with figures" if with_figures else "without figures"
        print(f"12-week plan {label:16s}: {seconds * 1000:7.1f} ms, {len(data) / 1024:7.1f} KiB")
    (plain_s, plain_b), (fig_s, fig_b) = results[False], results[True]
    print(f"  figures add {100 * (fig_s / plain_s - 1):5.1f}% time (target <= 30%)")
    print(f"  figures add {100 * (fig_b / plain_b - 1):5.1f}% size (target <= 50%)")


def main() -> None:
    """Print the figures."""
    figures()
    plan_cost()


if __name__ == "__main__":
    main()
