"""Send a plan's PDF to a printer through CUPS (``lp``), and list the printers (``lpstat``).

Linux and macOS print through CUPS. Its commands run with ``LC_ALL=C``, so their
answers read the same in every language. The PDF is read with pypdf: its
metadata says whether hiprehab wrote it, its first page gives the paper size, and
its outline (the bookmarks "Week 3: Load"...) gives each week's pages. Nothing is
sent unless the file is a plan and every value given is right.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pypdf

from hiprehab.errors import InvalidValueError, NotAPlanError, PrintError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

# Every plan's title begins with this (render/cover.py); every plan, a see-a-doctor
# sheet included, has this among its keywords (render/story.py).
PLAN_TITLE = "Your hip exercise plan"
PLAN_KEYWORD = "exercise plan"
CREATOR = re.compile(r"hiprehab \d+(\.\d+)*\S*")
WEEK_TITLE = re.compile(r"Week (\d+)(?!\d)")
# Paper sizes in points, portrait; the plan is written on one of them.
PAPERS = {"A4": (595.276, 841.89), "Letter": (612.0, 792.0)}
PAPER_TOLERANCE = 2.0
# A bookmark further down its page than this share of the page's height starts
# mid-page, so that page also ends the part before it.
TOP_OF_PAGE = 0.75
MAX_COPIES = 99
LP_TIMEOUT = 60.0
LPSTAT_TIMEOUT = 30.0
LPSTAT = ("lpstat", "-r", "-d", "-e")


@dataclass(frozen=True)
class WeekPages:
    """The pages of one week of a plan, numbered from 1 like a PDF viewer numbers them."""

    number: int
    title: str
    first: int
    last: int

    @property
    def pages(self) -> tuple[int, ...]:
        """Every page of the week."""
        return tuple(range(self.first, self.last + 1))


@dataclass(frozen=True)
class PlanPdf:
    """What printing needs to know about a plan's PDF."""

    path: Path
    title: str
    page_count: int
    paper: str | None  # "A4" or "Letter"; None for another size
    weeks: tuple[WeekPages, ...]


@dataclass(frozen=True)
class Printers:
    """The print queues CUPS knows, its default queue, and whether its scheduler runs."""

    names: tuple[str, ...]
    default: str | None
    running: bool

    def find(self, name: str) -> str | None:
        """The queue called ``name`` (CUPS ignores case in queue names), or None."""
        return next((known for known in self.names if known.lower() == name.lower()), None)


@dataclass(frozen=True)
class PrintJob:
    """A job the queue accepted."""

    path: Path
    printer: str
    request: str  # lp's request id, e.g. "office-12"
    pages: tuple[int, ...]  # the pages sent, every page when none were chosen
    copies: int
    duplex: bool | None  # None: the printer's own setting
    paper: str | None
    command: tuple[str, ...]


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's warnings about damaged files off the terminal; the error says it all."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_plan(path: Path | str) -> PlanPdf:
    """Read a plan's PDF; raise :class:`NotAPlanError` for a file hiprehab did not write as a plan."""
    path = Path(path)
    try:
        with _quiet_pypdf():
            reader = pypdf.PdfReader(path)
            encrypted = reader.is_encrypted
            meta = {} if encrypted else dict(reader.metadata or {})
            page_count = 0 if encrypted else len(reader.pages)
            paper = _paper(reader.pages[0]) if page_count else None
            outline = [] if encrypted else _outline(reader)
    except FileNotFoundError:
        raise NotAPlanError(f"{path}: no such file; nothing was sent") from None
    except IsADirectoryError:
        raise NotAPlanError(f"{path}: is a folder, not a plan's PDF; nothing was sent") from None
    except OSError as err:
        raise NotAPlanError(f"{path}: cannot be read ({err.strerror}); nothing was sent") from None
    except Exception as err:  # noqa: BLE001 - a damaged file can make pypdf raise almost anything
        raise NotAPlanError(f"{path}: not a PDF that can be read ({err}); nothing was sent") from None
    title = str(meta.get("/Title") or "")
    _check_plan(path, encrypted=encrypted, meta=meta, title=title)
    return PlanPdf(path, title, page_count, paper, _weeks(outline, page_count))


def _check_plan(path: Path, *, encrypted: bool, meta: dict[str, Any], title: str) -> None:
    """Refuse a PDF whose metadata does not say that ``hiprehab plan`` wrote it."""
    remake = f"make one with `hiprehab plan --out {path.name}`; nothing was sent"
    if encrypted:
        raise NotAPlanError(f"{path}: is encrypted, so it is not a plan hiprehab wrote; {remake}")
    creator = str(meta.get("/Creator") or "")
    if not CREATOR.fullmatch(creator):
        made_by = f"its creator is '{creator}'" if creator else "it names no creator"
        raise NotAPlanError(f"{path}: not a plan written by hiprehab ({made_by}); {remake}")
    keywords = str(meta.get("/Keywords") or "")
    if not title.startswith(PLAN_TITLE) and PLAN_KEYWORD not in keywords:
        raise NotAPlanError(f"{path}: hiprehab wrote it, but not as a plan (it is '{title}'); {remake}")


def _paper(page: pypdf.PageObject) -> str | None:
    """The paper of a page, either way up: "A4", "Letter", or None for any other size."""
    box = page.mediabox
    size = sorted((float(box.width), float(box.height)))
    for name, (width, height) in PAPERS.items():
        if abs(size[0] - width) <= PAPER_TOLERANCE and abs(size[1] - height) <= PAPER_TOLERANCE:
            return name
    return None


@dataclass(frozen=True)
class _Entry:
    """One bookmark: its title, its depth (0 at the top), its page (from 0) and how high on it."""

    title: str
    level: int
    page: int
    low_on_page: bool


def _outline(reader: pypdf.PdfReader) -> list[_Entry]:
    """The bookmarks in reading order; those pointing nowhere are left out."""
    entries: list[_Entry] = []

    def walk(items: Sequence[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            page = reader.get_destination_page_number(item)
            if page is None or not 0 <= page < len(reader.pages):
                continue
            top = item.get("/Top")
            height = float(reader.pages[page].mediabox.height)
            low = isinstance(top, int | float) and float(top) < height * TOP_OF_PAGE
            entries.append(_Entry(str(item.title or ""), level, page, low_on_page=low))

    walk(reader.outline, 0)
    return entries


def _weeks(entries: list[_Entry], page_count: int) -> tuple[WeekPages, ...]:
    """Each week's pages: from its bookmark's page to the next top-level or week bookmark.

    Only a bookmark whose title begins "Week N" marks a week; the next one of those,
    or the next top-level bookmark ("Exercise library"), ends it. When that next
    bookmark starts lower down a page, the page is shared and belongs to both.
    """
    weeks: dict[int, WeekPages] = {}
    for index, entry in enumerate(entries):
        match = WEEK_TITLE.match(entry.title)
        if match is None or int(match[1]) in weeks:
            continue
        last = page_count - 1
        for after in entries[index + 1 :]:
            if after.level == 0 or WEEK_TITLE.match(after.title):
                last = after.page if after.low_on_page else after.page - 1
                break
        number = int(match[1])
        weeks[number] = WeekPages(number, entry.title, entry.page + 1, max(last, entry.page) + 1)
    return tuple(weeks[number] for number in sorted(weeks))


def parse_ranges(text: str, field: str, count: int, noun: str) -> tuple[int, ...]:
    """The numbers of ``text`` ("3", "3-4", "1-2,5"), each from 1 to ``count``, in order.

    Raises :class:`InvalidValueError` naming ``field`` for anything else.
    """
    numbers: set[int] = set()
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if match is None:
            raise InvalidValueError(
                field, f"expected a {noun} number or a range such as 3-4 (several: 1-2,5); found '{text}'"
            )
        low = int(match[1])
        high = int(match[2]) if match[2] is not None else low
        if low > high:
            found = part.strip()
            raise InvalidValueError(field, f"a range goes from low to high, such as 3-4; found '{found}'")
        if low < 1 or high > count:
            have = f"{count} {noun}{'s' if count != 1 else ''}"
            numbered = f"numbered 1 to {count}" if count > 1 else "numbered 1"
            raise InvalidValueError(field, f"the plan has {have}, {numbered}; found '{text}'")
        numbers.update(range(low, high + 1))
    return tuple(sorted(numbers))


def select_pages(plan: PlanPdf, *, weeks: str | None = None, pages: str | None = None) -> tuple[int, ...]:
    """The pages to print: those of ``weeks`` ("3-4"), or ``pages`` ("1-4"), or all of them."""
    if weeks is not None and pages is not None:
        raise InvalidValueError("pages", "give pages or weeks, not both")
    if pages is not None:
        return parse_ranges(pages, "pages", plan.page_count, "page")
    if weeks is None:
        return tuple(range(1, plan.page_count + 1))
    if not plan.weeks:
        raise InvalidValueError("weeks", f"{plan.path} has no weeks to choose from (no 'Week N' bookmarks)")
    by_number = {week.number: week for week in plan.weeks}
    chosen = parse_ranges(weeks, "weeks", max(by_number), "week")
    missing = [str(number) for number in chosen if number not in by_number]
    if missing:
        raise InvalidValueError("weeks", f"{plan.path} has no week {', '.join(missing)}; found '{weeks}'")
    return tuple(sorted({page for number in chosen for page in by_number[number].pages}))


def page_ranges(pages: Sequence[int]) -> str:
    """Pages as lp's ``-P`` wants them: (1, 2, 3, 7) -> "1-3,7"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ",".join(str(low) if low == high else f"{low}-{high}" for low, high in runs)


def by_hand(path: Path | None, paper: str | None) -> str:
    """How to print without CUPS."""
    what = f"open {path} in a PDF viewer" if path is not None else "open the plan's PDF in a PDF viewer"
    size = f" on {paper} paper" if paper else ""
    return f"To print it by hand, {what} and print it at actual size{size}."


def _commands(path: Path | None, paper: str | None) -> None:
    """Refuse, saying how to print by hand, when this system has no CUPS commands."""
    missing = [name for name in ("lp", "lpstat") if shutil.which(name) is None]
    if sys.platform == "win32" or missing:
        found = f" ({' and '.join(f'`{name}`' for name in missing)} not found)" if missing else ""
        raise PrintError(
            f"this system has no CUPS printing commands{found}. {by_hand(path, paper)} "
            "On Windows, printing is always done from a PDF viewer; on Linux, install CUPS "
            "(the 'cups' package) to print from hiprehab."
        )


def _c_locale() -> dict[str, str]:
    """The environment with CUPS's messages in plain English, whatever the user's language."""
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    env.update(LC_ALL="C", LANG="C")
    return env


def _run(args: Sequence[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a CUPS command; a command that hangs or cannot start is a print failure."""
    try:
        return subprocess.run(  # noqa: S603 - fixed CUPS commands; the file is a checked plan
            list(args),
            capture_output=True,
            text=True,
            errors="replace",
            env=_c_locale(),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PrintError(f"the printing system did not answer within {timeout:g} s (`{args[0]}`)") from None
    except OSError as err:
        raise PrintError(f"cannot run `{args[0]}`: {err.strerror}") from None


def list_printers() -> Printers:
    """The queues ``lpstat -e`` lists, the default of ``lpstat -d``, the scheduler's state (``-r``)."""
    _commands(None, None)
    done = _run(LPSTAT, LPSTAT_TIMEOUT)
    return parse_lpstat(done.stdout)


def parse_lpstat(text: str) -> Printers:
    """Read ``LC_ALL=C lpstat -r -d -e``: status lines hold spaces, queue names never do."""
    names: list[str] = []
    default = None
    running = True
    for raw in text.splitlines():
        line = raw.strip()
        if line == "scheduler is not running":
            running = False
        elif line.startswith("system default destination:"):
            default = line.partition(":")[2].strip() or None
        elif line and " " not in line:
            names.append(line)
    return Printers(tuple(dict.fromkeys(names)), default, running)


def _queue(printer: str | None, printers: Printers, plan: PlanPdf) -> str:
    """The queue to print to: the one named, else the default; explain when there is none."""
    if not printers.names:
        if not printers.running:
            raise PrintError(
                "the CUPS scheduler is not running, so there is no printer to send to: start it "
                f"(for example `sudo systemctl start cups`). {by_hand(plan.path, plan.paper)}"
            )
        raise PrintError(
            "no printer is set up on this system: add one in the system's printer settings. "
            f"{by_hand(plan.path, plan.paper)}"
        )
    known = ", ".join(printers.names)
    if printer is None:
        if printers.default is None or printers.find(printers.default) is None:
            raise InvalidValueError("printer", f"there is no default printer; choose one of: {known}")
        return printers.default
    found = printers.find(printer)
    if found is None:
        raise InvalidValueError("printer", f"no printer is called '{printer}'; the printers are: {known}")
    return found


def lp_command(
    plan: PlanPdf, queue: str, *, pages: Sequence[int], copies: int, duplex: bool | None
) -> tuple[str, ...]:
    """The ``lp`` command that prints ``pages`` of ``plan`` on ``queue``."""
    args = ["lp", "-d", queue, "-n", str(copies), "-t", plan.path.name]
    if plan.paper is not None:
        args += ["-o", f"media={plan.paper}"]
    if duplex is not None:
        args += ["-o", f"sides={'two-sided-long-edge' if duplex else 'one-sided'}"]
    if len(pages) != plan.page_count:
        args += ["-P", page_ranges(pages)]
    # An absolute path never reads as an option, whatever the file is called.
    return (*args, str(plan.path.resolve()))


def print_plan(
    path: Path | str,
    *,
    printer: str | None = None,
    copies: int = 1,
    duplex: bool | None = None,
    weeks: str | None = None,
    pages: str | None = None,
) -> PrintJob:
    """Send a plan's PDF (or some weeks or pages of it) to a CUPS queue with ``lp``.

    The paper size is the plan's. ``printer`` defaults to the system's default
    queue; ``duplex`` None keeps the printer's own setting. Raises
    :class:`NotAPlanError` for a file hiprehab did not write as a plan,
    :class:`InvalidValueError` for a wrong ``weeks``, ``pages``, ``copies`` or
    ``printer``, and :class:`PrintError` when there is no CUPS or the queue
    refuses the job; nothing is sent in any of these cases.
    """
    plan = read_plan(path)
    chosen = select_pages(plan, weeks=weeks, pages=pages)
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidValueError("copies", f"expected a whole number from 1 to {MAX_COPIES}; found {copies}")
    _commands(plan.path, plan.paper)
    queue = _queue(printer, list_printers(), plan)
    command = lp_command(plan, queue, pages=chosen, copies=copies, duplex=duplex)
    done = _run(command, LP_TIMEOUT)
    said = " ".join((done.stderr.strip() or done.stdout.strip()).split())
    if done.returncode != 0:
        raise PrintError(f"the printer '{queue}' did not take the job; lp said: {said or 'nothing'}")
    match = re.search(r"request id is (\S+)", done.stdout)
    request = match[1] if match else said
    return PrintJob(plan.path, queue, request, chosen, copies, duplex, plan.paper, command)
