"""Read a roster: one runner a row of a CSV file, or a list of profiles in a YAML file.

Every row is checked on its own, so one bad row never hides the others: a row
either becomes a checked :class:`Profile` or carries the problems that stop it,
each saying where it is (``roster.csv:4: pain: ...``, ``roster.yaml:12:5: pain: ...``).
Problems of the file as a whole (not CSV or YAML, an unknown column) stop the
whole roster, since every row would be misread.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import AliasChoices, ValidationError

from hiprehab.errors import InvalidInputError, Problem, UsageError
from hiprehab.load.catalogue import display_path
from hiprehab.load.problems import error_message, field_path
from hiprehab.load.yamlio import read_yaml, resolve_plain
from hiprehab.model.profile import Profile
from hiprehab.quote import describe, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from hiprehab.load.yamlio import Document


def _columns() -> dict[str, str]:
    """Each column a roster may have, and the profile key it sets (older names such as ``pain_site`` too)."""
    columns = {}
    for key, info in Profile.model_fields.items():
        columns[key] = key
        if isinstance(info.validation_alias, AliasChoices):
            columns |= {str(alias): key for alias in info.validation_alias.choices}
    return columns


KEY_OF: dict[str, str] = _columns()
COLUMNS: tuple[str, ...] = tuple(Profile.model_fields)
LIST_COLUMNS = ("strength_days", "run_days", "pain_sites", "conditions", "equipment", "red_flags")
NUMBER_COLUMNS = ("weeks", "weekly_volume", "longest_run", "pain")
DECIMAL_COLUMNS = ("weekly_volume", "longest_run")
# Lists where "none" means an empty list; the model reads "none" itself for the days,
# and "none" is a word of its own for equipment.
NONE_IS_EMPTY = ("conditions", "red_flags")
YES = frozenset({"true", "yes", "y"})
NO = frozenset({"false", "no", "n"})
STEM_LENGTH = 60
# File names Windows keeps for devices, whatever the extension.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)
CSV_UNANSWERED = (
    "expected the answers to the red-flag questions ('none' when none applies, else the names "
    "of those that apply, separated by ';'), found an empty cell"
)
YAML_UNANSWERED = (
    "expected the answers to the red-flag questions ([] when none applies, else the list of the "
    "names of those that apply), but it is missing"
)


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row: where (``roster.csv:4``), the column, what was expected and found."""

    where: str
    column: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.column}: {self.message}" if self.column else f"{self.where}: {self.message}"
        )


@dataclass(frozen=True)
class Row:
    """One runner of the roster: its number, its file stem, and its profile or its problems."""

    number: int
    stem: str
    profile: Profile | None
    problems: tuple[RowProblem, ...] = ()
    places: dict[str, str] = field(default_factory=dict)  # column -> where it is, "" -> the row

    def problem(self, column: str, message: str) -> RowProblem:
        """A problem with ``column`` of this row (the row itself when the column is unknown)."""
        return RowProblem(self.places.get(column, self.places.get("", "")), column, message)


@dataclass(frozen=True)
class Roster:
    """The rows of a roster file, in the file's order."""

    display: str
    rows: tuple[Row, ...]
    item: str = "row"
    """What the roster calls one runner: a CSV's "row", a YAML list's "profile" (counted from 1)."""

    def row(self, number: int) -> Row:
        """The row numbered ``number``."""
        return next(row for row in self.rows if row.number == number)


def read_roster(path: Path) -> Roster:
    """Read the CSV or YAML roster at ``path``; each row is checked on its own.

    Raises :class:`InvalidInputError` for a problem of the whole file and
    :class:`UsageError` for a file that is neither CSV nor YAML.
    """
    display = display_path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, display)
    if suffix in {".yaml", ".yml"}:
        return _read_yaml(path, display)
    raise UsageError(f"{display}: expected a roster ending in .csv, .yaml or .yml, found '{path.name}'")


def file_stem(name: str, number: int) -> str:
    """A safe file name for a runner: the name in lowercase ASCII words joined by hyphens, else ``row-N``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:STEM_LENGTH].rstrip("-")
    if not stem:
        return f"row-{number}"
    return f"{stem}-plan" if stem in RESERVED else stem


def unique_stems(names: Sequence[tuple[int, str]]) -> list[str]:
    """The file stem of each (row number, name), made unique in row order: ``a-runner``, ``a-runner-2``..."""
    taken: set[str] = set()
    stems = []
    for number, name in names:
        base = file_stem(name, number)
        stem, count = base, 1
        while stem in taken:
            count += 1
            stem = f"{base}-{count}"
        taken.add(stem)
        stems.append(stem)
    return stems


def _order(problem: RowProblem) -> int:
    """Problems of a row in the order of the profile's keys."""
    key = re.split(r"[\[.]", problem.column, maxsplit=1)[0]
    return COLUMNS.index(KEY_OF[key]) if key in KEY_OF else -1


Locate = tuple[str | int, ...]


def _check(
    values: dict[str, Any],
    where: Callable[[Locate], str],
    column: Callable[[Locate], str],
    unanswered: str,
) -> tuple[Profile | None, tuple[RowProblem, ...]]:
    """Check one row's values with the profile model; every problem, located."""
    problems = []
    profile = None
    try:
        profile = Profile.model_validate(values)
    except ValidationError as err:
        for error in err.errors():
            loc, message = error_message(Profile, error)
            problems.append(RowProblem(where(loc), column(loc), message))
    if values.get("red_flags") is None:
        # Screening needs an answer from the runner: a roster is never asked, and
        # a missing answer is never read as "none applies".
        problems.append(RowProblem(where(("red_flags",)), "red_flags", unanswered))
    return (None if problems else profile), tuple(sorted(problems, key=_order))


def _decode(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        byte = data[err.start : err.start + 1].hex()
        problem = Problem(
            display, line, err.start - before.rfind(b"\n"), "", f"expected UTF-8 text, found byte 0x{byte}"
        )
        raise InvalidInputError([problem]) from None


def _cell_value(column: str, text: str) -> Any:
    """A CSV cell as the profile value it stands for; an empty cell is None (not given)."""
    text = text.strip()
    if not text:
        return None
    if KEY_OF[column] in LIST_COLUMNS:
        if column in NONE_IS_EMPTY and text.lower() == "none":
            return []
        return [word.strip() for word in re.split(r"[;,]", text)]
    if column in NUMBER_COLUMNS:
        value = resolve_plain(text)
        return float(value) if column in DECIMAL_COLUMNS and type(value) is int else value
    if column == "cleared_by_clinician":
        word = text.lower()
        return True if word in YES else False if word in NO else text
    return text


def _header(header: list[str], display: str) -> list[str]:
    """The columns of the header row; unknown or repeated columns stop the whole roster."""
    columns = [name.strip() for name in header]
    problems = []
    seen: dict[str, int] = {}
    for index, name in enumerate(columns, start=1):
        if not name:
            continue
        if name not in KEY_OF:
            message = (
                f"unknown column{did_you_mean(name, KEY_OF)}; expected profile keys: {', '.join(COLUMNS)}"
            )
            problems.append(Problem(display, 1, index, name, message))
        elif KEY_OF[name] in seen:
            first = seen[KEY_OF[name]]
            problems.append(Problem(display, 1, index, name, f"column given twice (first as column {first})"))
        else:
            seen[KEY_OF[name]] = index
    if "red_flags" not in seen:
        message = "expected a column with each runner's answers to the red-flag questions, found none"
        problems.append(Problem(display, 1, 1, "red_flags", message))
    if problems:
        raise InvalidInputError(problems)
    return columns


def _read_csv(path: Path, display: str) -> Roster:
    try:
        text = _decode(path.read_bytes(), display)
    except OSError as err:
        raise InvalidInputError(
            [Problem(display, 1, 1, "", f"cannot read the file: {err.strerror}")]
        ) from None
    try:
        records = [
            (number, record)
            for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
        ]
    except csv.Error as err:
        raise InvalidInputError([Problem(display, 1, 1, "", f"not a CSV file: {err}")]) from None
    if not records:
        raise InvalidInputError(
            [Problem(display, 1, 1, "", "expected a header row naming the columns, the file is empty")]
        )
    columns = _header(records[0][1], display)
    runners = [(number, cells) for number, cells in records[1:] if any(cell.strip() for cell in cells)]
    names = [(number, _named(columns, cells)) for number, cells in runners]
    rows = [
        _csv_row(number, stem, columns, cells, f"{display}:{number}")
        for (number, cells), stem in zip(runners, unique_stems(names), strict=True)
    ]
    return Roster(display, tuple(rows))


def _csv_row(number: int, stem: str, columns: list[str], cells: list[str], where: str) -> Row:
    """One CSV row as a checked profile, or its problems located at ``where`` (``roster.csv:4``)."""
    values: dict[str, Any] = {}
    extra = []
    for index, cell in enumerate(cells):
        name = columns[index] if index < len(columns) else ""
        if name:
            value = _cell_value(name, cell)
            if value is not None:
                values[name] = value
        elif cell.strip():
            message = f"expected an empty cell, as the column has no name, found {describe(cell.strip())}"
            extra.append(RowProblem(where, f"column {index + 1}", message))
    profile, problems = _check(
        values, lambda _loc: where, lambda loc: str(loc[0]) if loc else "", CSV_UNANSWERED
    )
    # A cell past the named columns is most often a stray comma (a name not in quotes)
    # that has shifted the row's cells: the row is not made until it is fixed.
    return Row(number, stem, None if extra else profile, (*problems, *extra), {"": where})


def _named(columns: list[str], cells: list[str]) -> str:
    """The runner's name in a CSV row, or ""."""
    if "name" not in columns:
        return ""
    index = columns.index("name")
    return cells[index].strip() if index < len(cells) else ""


def _read_yaml(path: Path, display: str) -> Roster:
    doc = read_yaml(path, display)
    if not isinstance(doc.value, list):
        line, column = doc.where(())
        message = f"expected a list of profiles, each item starting with '- ', found {describe(doc.value)}"
        raise InvalidInputError([Problem(display, line, column, "", message)])
    items: list[Any] = doc.value
    names = [
        (n, str(item.get("name", "")) if isinstance(item, dict) else "")
        for n, item in enumerate(items, start=1)
    ]
    rows = []
    for (number, item), stem in zip(enumerate(items, start=1), unique_stems(names), strict=True):
        index = number - 1
        places = {"": _at(doc, (index,))}
        if not isinstance(item, dict):
            message = f"expected a mapping of profile keys, found {describe(item)}"
            rows.append(Row(number, stem, None, (RowProblem(places[""], "", message),), places))
            continue
        places |= {key: _at(doc, (index, key)) for key in item}
        profile, problems = _check(item, functools.partial(_within, doc, index), field_path, YAML_UNANSWERED)
        rows.append(Row(number, stem, profile, problems, places))
    return Roster(display, tuple(rows), item="profile")


def _within(doc: Document, index: int, loc: Locate) -> str:
    """Where ``loc`` of item ``index`` is (or the item itself, for a missing key)."""
    return _at(doc, (index, *loc))


def _at(doc: Document, loc: Locate) -> str:
    line, column = doc.where(loc)
    return f"{doc.path}:{line}:{column}"
