"""Make the plan of every row of a roster, in worker processes that each load the catalogue once.

Each row's plan is made exactly as ``hiprehab plan`` makes it alone (the same
library calls, the same bytes); only the catalogue and goal templates are loaded
once per process instead of once per plan. Each file is written atomically, so
an interrupted run leaves whole files or none.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from hiprehab.api import load_catalogue, load_goals, plan_from, write_outputs
from hiprehab.errors import HiprehabError, InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from hiprehab.api import Goals
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.profile import Profile

Status = Literal["made", "referred", "stopped", "invalid"]
STATUSES: tuple[Status, ...] = ("made", "referred", "stopped", "invalid")
_OUTCOMES: dict[str, Status] = {"proceed": "made", "refer": "referred", "stop": "stopped"}
# Spawned workers start the same way on every system (fork is not available
# everywhere and copies a parent's threads badly), so a roster gives the same
# files everywhere.
START_METHOD = "spawn"


@dataclass(frozen=True)
class Settings:
    """What every row shares: where files go, which catalogue and templates, the paper."""

    out_dir: Path
    today: dt.date
    catalogues: tuple[Path, ...] = ()
    templates: tuple[Path, ...] = ()
    paper: str = "a4"
    figures: bool = True
    json: bool = False
    ics: bool = False
    session_time: str | None = None
    timezone: str | None = None
    user_folder: bool = True
    large_print: bool = False
    form: bool = True


@dataclass(frozen=True)
class Job:
    """One row to plan: its number, its file stem, its checked profile."""

    number: int
    stem: str
    profile: Profile


@dataclass(frozen=True)
class Outcome:
    """What became of one row: made, referred, stopped (a referral sheet) or invalid."""

    number: int
    status: Status
    written: tuple[Path, ...] = ()
    notices: tuple[str, ...] = ()
    field: str = ""  # for an invalid row: the profile key at fault ("" for the row)
    message: str = ""


_loaded: tuple[Settings, Catalogue, Goals] | None = None


def _load(settings: Settings) -> None:
    """Load the catalogue and goals of ``settings`` once for this process."""
    global _loaded  # noqa: PLW0603 - a worker process's one catalogue, loaded by the pool's initializer
    catalogue = load_catalogue(settings.catalogues, user_folder=settings.user_folder)
    goals = load_goals(
        settings.templates,
        user_folder=settings.user_folder,
        catalogues=settings.catalogues,
        check_against=catalogue,
    )
    _loaded = (settings, catalogue, goals)


# Drawing a plan makes hundreds of thousands of short-lived objects, and Python's
# cyclic collector, run every 700 new objects, would spend about a tenth of the
# time looking through them (and through the catalogue, which lives as long as the
# process: frozen out of its sight once loaded). Each row is made with the collector
# off and one look at the young objects after it (make_row); between rows it runs
# rarely. Only memory changes, never a byte.
COLLECT_EVERY = 50_000


def _collect_less() -> tuple[int, int, int]:
    """Run the cyclic garbage collector less often, never over what is loaded; the old thresholds."""
    saved = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(COLLECT_EVERY, *saved[1:])
    return saved


def _collect_as_before(saved: tuple[int, int, int]) -> None:
    """Undo :func:`_collect_less`."""
    gc.set_threshold(*saved)
    gc.unfreeze()


def _start_worker(settings: Settings) -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides, then
    # terminates the workers and removes any temporary file they leave.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load(settings)
    _collect_less()  # for the worker's whole life


def make_row(job: Job) -> Outcome:
    """Make, screen and write one row's plan with this process's catalogue.

    The cyclic collector stays off while the plan is made and looks once, after
    it, at the young objects only: nearly all a plan makes lives until its file
    is written, so passes during it find little (see :data:`COLLECT_EVERY`).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        return _make_row(job)
    finally:
        gc.collect(0)
        if was:
            gc.enable()


def _make_row(job: Job) -> Outcome:
    from hiprehab.wording import notice_text  # noqa: PLC0415 - the words only when a row is done

    assert _loaded is not None  # noqa: S101 - set by _load before any row
    settings, catalogue, goals = _loaded
    try:
        plan = plan_from(job.profile, catalogue, goals, today=settings.today)
        written = write_outputs(
            plan,
            pdf=settings.out_dir / f"{job.stem}.pdf",
            json_path=settings.out_dir / f"{job.stem}.json" if settings.json else None,
            paper=settings.paper,
            figures=settings.figures,
            ics=settings.out_dir / f"{job.stem}.ics" if settings.ics else None,
            session_time=settings.session_time,
            timezone=settings.timezone,
            large_print=settings.large_print,
            form=settings.form,
        )
    except InvalidValueError as err:
        return Outcome(job.number, "invalid", field=err.field, message=err.message)
    except HiprehabError as err:
        return Outcome(job.number, "invalid", message=str(err))
    notices = tuple(notice_text(notice) for notice in plan.notices)
    return Outcome(job.number, _OUTCOMES[plan.screening.outcome], tuple(written), notices)


def default_jobs() -> int:
    """The processors this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1  # pragma: no cover - systems without affinity masks


def make_plans(jobs: Sequence[Job], settings: Settings, *, workers: int = 1) -> Iterator[Outcome]:
    """Make every job's plan with ``workers`` processes; yield each outcome as it is done.

    Outcomes come in the order the rows finish, not the roster's order. One
    worker makes the plans in this process.
    """
    if not jobs:
        return
    if workers <= 1 or len(jobs) == 1:
        _load(settings)
        saved = _collect_less()
        try:
            for job in jobs:
                yield make_row(job)
        finally:
            _collect_as_before(saved)
        return
    context = multiprocessing.get_context(START_METHOD)
    finished = False
    try:
        with context.Pool(min(workers, len(jobs)), initializer=_start_worker, initargs=(settings,)) as pool:
            yield from pool.imap_unordered(make_row, jobs, chunksize=1)
            pool.close()
            pool.join()
        finished = True
    finally:
        if not finished:
            _sweep(settings.out_dir, [job.stem for job in jobs])


def _sweep(folder: Path, stems: Sequence[str]) -> None:
    """Remove temporary files a terminated worker may have left for these stems."""
    for stem in stems:
        for temp in folder.glob(f".{stem}.*.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()
