"""Benchmark the PDF renderer.

Prints:
  (a) a 12-week plan rendered in-process, and end to end as a process
      (``python -m hiprehab plan ... --out``), with the process's peak memory;
  (b) rendering time against a baseline: ReportLab laying out as many pages of
      plain Paragraphs and Tables in the same fonts (target: at most 2x);
  (c) pages and render time for 6, 12 and 52 weeks on A4 and Letter, against the
      page budget (6 weeks <= 16 pages, 12 <= 24, 52 <= 64: a page per week, at
      most four front pages, a library of three cards a page or more), and the
      time per page (should stay steady: pages grow with weeks);
  (d) a spread of plans (manage and prevent, 4 to 52 weeks, km and miles, A4 and
      Letter, large print): pages of the front matter, the weeks and the library,
      the cards a library page holds, and the render time; large print's budget
      is twice the regular one.

Targets: 12-week plan end to end <= 1.0 s wall time, peak memory <= 150 MB.
Times are the best of several runs. Run: ``python bench/bench_render.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pypdf  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from hiprehab import fonts as plan_fonts  # noqa: E402
from hiprehab.engine import build_plan  # noqa: E402
from hiprehab.load.catalogue import load_catalogue  # noqa: E402
from hiprehab.load.templates import load_templates  # noqa: E402
from hiprehab.model.plan import library_cards  # noqa: E402
from hiprehab.model.profile import Profile  # noqa: E402
from hiprehab.render import pdf_bytes  # noqa: E402
from hiprehab.render.styles import make_styles  # noqa: E402
from hiprehab.resources import data_dir  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from reportlab.platypus import Flowable

    from hiprehab.model.plan import Plan

START = dt.date(2027, 1, 4)
RUNS = 5
PROCESS_TARGET_S = 1.0
MEMORY_TARGET_MB = 150.0
RATIO_TARGET = 2.0
# Pages grow linearly with weeks (plus fixed front pages and library), so linear
# growth shows as a steady time per page; this much variation still counts.
LINEAR_SPREAD = 1.5
PAGE_BUDGET = {6: 16, 12: 24, 52: 64}  # pages of a plan of so many weeks, on A4 and on Letter
CLI_ARGS = [
    "plan", "--goal", "manage", "--name", "Bench Runner", "--no-red-flags",
    "--start", START.isoformat(), "--weeks", "12", "--run-days", "tue,thu,sat",
    "--weekly-km", "20", "--longest-run-km", "8", "--pain", "3", "--pain-site", "lateral",
]  # fmt: skip


def make_plan(weeks: int, goal: str = "manage", units: str = "km") -> Plan:
    """A real plan from the built-in catalogue and templates."""
    catalogue = load_catalogue([data_dir("exercises")])
    templates, rules = load_templates([data_dir("templates")])
    pain = {"pain": 3, "pain_sites": ("lateral",)} if goal == "manage" else {}
    profile = Profile(
        name="Bench Runner", goal=goal, weeks=weeks, run_days=("tue", "thu", "sat"), units=units,
        weekly_volume=20.0, longest_run=8.0, red_flags=(), **pain,
    )  # fmt: skip
    return build_plan(catalogue, templates[goal], rules, profile, START)


# (goal, weeks, units, paper, large print): the spread of plans of part (d).
SPREAD = [
    ("manage", 4, "km", "a4", False), ("manage", 6, "km", "a4", False),
    ("manage", 6, "mi", "letter", False), ("manage", 8, "km", "letter", False),
    ("prevent", 6, "km", "a4", False), ("prevent", 12, "km", "a4", False),
    ("prevent", 12, "mi", "letter", False), ("manage", 52, "km", "a4", False),
    ("manage", 52, "mi", "letter", False), ("manage", 6, "km", "a4", True),
    ("prevent", 12, "km", "letter", True), ("manage", 52, "km", "a4", True),
]  # fmt: skip


def budget_for(weeks: int, *, large_print: bool) -> int | None:
    """The page budget of a plan of ``weeks`` weeks (None where the issue sets none)."""
    budget = PAGE_BUDGET.get(weeks)
    if budget is None:
        return None
    return 2 * budget if large_print else budget


def sections(data: bytes) -> tuple[int, int, int]:
    """Pages of the front matter, the week sheets and the library of a plan's PDF (from its outline)."""
    pdf = pypdf.PdfReader(io.BytesIO(data))
    marks: dict[str, int] = {}
    for entry in pdf.outline:
        if not isinstance(entry, list):
            page = pdf.get_destination_page_number(entry)
            if page is not None:
                marks.setdefault(str(entry.title), page)
    total = len(pdf.pages)
    library = marks.get("Exercise library", total)
    first_week = min((page for title, page in marks.items() if title.startswith("Week")), default=library)
    return first_week, library - first_week, total - library


def spread() -> None:
    """Part (d): pages by section and render time for a spread of plans."""
    print("(d) pages by section and render time for a spread of plans:")
    print(f"    {'plan':29s} front weeks library  total  {'budget':24s} cards/page seconds")
    for goal, weeks, units, paper, large in SPREAD:
        plan = make_plan(weeks, goal, units)
        data = pdf_bytes(plan, paper=paper, large_print=large)
        front, week_pages, library = sections(data)
        total = front + week_pages + library
        runs = 1 if weeks > 12 else 3
        seconds = best(functools.partial(pdf_bytes, plan, paper=paper, large_print=large), runs=runs)
        cards = len(library_cards(plan)) / library if library else 0.0
        budget = budget_for(weeks, large_print=large)
        within = "" if budget is None else f"[{verdict(total <= budget)}: <= {budget}]"
        name = f"{goal} {weeks} wk {units} {paper}{' large' if large else ''}"
        print(f"    {name:29s} {front:5d} {week_pages:5d} {library:7d} {total:6d}  {within:24s} "
              f"{cards:4.1f} {seconds:8.2f}")  # fmt: skip


def best(action: Callable[[], object], runs: int = RUNS) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def page_count(data: bytes) -> int:
    """Pages of a ReportLab PDF (one ``/Type /Page`` object each)."""
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")


def baseline(pages: int) -> bytes:
    """``pages`` pages of plain paragraphs and a table each, in the plan's fonts."""
    plan_fonts.register_fonts()
    styles = make_styles()
    text = (
        "Lie on your back with your knees bent and feet flat, hip-width apart. Press through "
        "your heels and lift your hips until your shoulders, hips and knees form a straight line."
    )
    rows = [
        [Paragraph(f"Exercise {n}", styles.cell), Paragraph("2 x 10 reps per side", styles.cell)]
        for n in range(8)
    ]
    story: list[Flowable] = []
    for page in range(pages):
        story.append(Paragraph(f"Page {page + 1}", styles.h2))
        story += [Paragraph(text, styles.body) for _ in range(9)]
        table = Table(rows, colWidths=[250, 250])
        table.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), plan_fonts.REGULAR), ("BOX", (0, 0), (-1, -1), 0.5, "black")]
            )
        )
        story += [table, PageBreak()]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, invariant=1, pageCompression=1, initialFontName=plan_fonts.REGULAR)
    saved, rl_config.useA85 = rl_config.useA85, 0  # binary streams, as the plan writes them
    try:
        doc.build(story[:-1])
    finally:
        rl_config.useA85 = saved
    return buffer.getvalue()


def process_run(out: Path) -> float:
    """Wall time of one ``python -m hiprehab plan`` process writing ``out``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hiprehab", *CLI_ARGS, "--out", str(out)],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - start


def verdict(ok: bool) -> str:
    """How a figure compares with its target."""
    return "target met" if ok else "TARGET MISSED"


def main() -> None:
    """Run every measurement and print the figures; ``--spread`` runs part (d) alone."""
    if "--spread" in sys.argv[1:]:
        spread()
        return
    plan12 = make_plan(12)
    data12 = pdf_bytes(plan12)
    pages12 = page_count(data12)
    in_process = best(lambda: pdf_bytes(plan12))
    print(f"(a) 12-week plan, {pages12} pages: render in-process {in_process:.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "plan.pdf"
        wall = min(process_run(out) for _ in range(RUNS))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: kilobytes
    print(f"    whole process (python -m hiprehab plan --out): {wall:.3f} s "
          f"[{verdict(wall <= PROCESS_TARGET_S)}: <= {PROCESS_TARGET_S} s]")  # fmt: skip
    print(f"    peak memory of the process: {peak_mb:.0f} MB [{verdict(peak_mb <= MEMORY_TARGET_MB)}: "
          f"<= {MEMORY_TARGET_MB:.0f} MB]")  # fmt: skip

    base_data = baseline(pages12)
    # Interleaved, so that a busy machine slows both sides alike.
    plan_times, base_times = [], []
    for _ in range(RUNS):
        plan_times.append(best(lambda: pdf_bytes(plan12), runs=1))
        base_times.append(best(lambda: baseline(pages12), runs=1))
    base_time = min(base_times)
    ratio = min(plan_times) / base_time
    print(f"(b) baseline, {page_count(base_data)} pages of plain paragraphs and tables: {base_time:.3f} s")
    print(f"    plan / baseline = {ratio:.2f}x [{verdict(ratio <= RATIO_TARGET)}: <= {RATIO_TARGET}x]")

    print("(c) pages and render time by plan length:")
    per_page = []
    for weeks in (6, 12, 52):
        plan = make_plan(weeks)
        budget = PAGE_BUDGET[weeks]
        for paper in ("a4", "letter"):
            pages = page_count(pdf_bytes(plan, paper=paper))
            runs = 3 if weeks > 12 else RUNS
            seconds = best(lambda plan=plan, paper=paper: pdf_bytes(plan, paper=paper), runs=runs)  # type: ignore[misc]
            per_page.append(seconds / pages)
            per_page_ms = 1000 * seconds / pages
            within = f"[{verdict(pages <= budget)}: <= {budget}]"
            print(f"    {weeks:2d} weeks, {paper:6s} {pages:3d} pages {within}: "
                  f"{seconds:.3f} s ({per_page_ms:.1f} ms a page)")  # fmt: skip
    variation = max(per_page) / min(per_page)
    linear = verdict(variation <= LINEAR_SPREAD)
    print(f"    time per page varies {variation:.2f}x between plan lengths [{linear}: <= {LINEAR_SPREAD}x]")
    spread()


if __name__ == "__main__":
    main()
