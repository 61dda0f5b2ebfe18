"""Load exercise catalogues from folders and files, in layers, and check them whole.

A catalogue is built from layers: the built-in folder first, then the user's
folder, then each ``--catalogue`` given, in order. A later layer replaces an
exercise of an earlier one by ``id`` (each replacement is reported); two files of
one layer may not define the same ``id``.
"""

from __future__ import annotations

import contextlib
import errno
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.cache import read_checked
from hiprehab.load.equipment import check_equipment
from hiprehab.load.infile import os_reason
from hiprehab.load.pictures import check_picture
from hiprehab.model.catalogue import Catalogue, Origin, Replacement, Retirement
from hiprehab.model.exercise import RETIRED_FILE, CatalogueFile, Exercise, RetiredFile
from hiprehab.quote import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from hiprehab.load.yamlio import Document

YAML_SUFFIXES = (".yaml", ".yml")
# Fields a later check (a warning) may point at.
_MARKED = ("id", "role", "family", "level", "dose", "kind", "goals")


def display_path(path: Path) -> str:
    """Show ``path`` relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder; a link loop; an over-long name
        return str(path)


def yaml_files(source: Path) -> list[Path]:
    """The YAML files of a folder (in name order), or the file itself.

    Hidden files (``._bridges.yaml`` that macOS leaves beside a copy) are not
    catalogue files; any other ``.yaml`` entry is read, so one that is not a
    file (a folder, a pipe) is reported rather than silently skipped.
    """
    if is_folder(source):
        return sorted(p for p in source.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
    return [source]


def is_folder(path: Path) -> bool:
    """True for a folder (or a link to one); False for anything else, including a path that fails."""
    try:
        return path.is_dir()
    except OSError:  # an over-long name
        return False


def missing(source: Path) -> Problem | None:
    """The problem with a source that cannot be looked at (absent, a link loop...), else None."""
    try:
        source.stat()
    except OSError as err:
        reason = (
            "no such file or folder" if err.errno == errno.ENOENT else f"cannot read it: {os_reason(err)}"
        )
        return Problem(display_path(source), 1, 1, "", reason)
    return None


@dataclass
class _Entry:
    exercise: Exercise
    origin: Origin
    doc: Document
    index: int

    def problem(self, key: str, message: str) -> Problem:
        """A problem about one field of this entry, at that field's position."""
        line, col = self.doc.where(("exercises", self.index, key))
        return Problem(self.origin.path, line, col, f"exercises[{self.index}].{key}", message)


def _read_file(path: Path, folder: Path, problems: list[Problem]) -> list[_Entry]:
    shown = display_path(path)
    try:
        doc, parsed = read_checked(path, shown, CatalogueFile)
    except InvalidInputError as err:
        problems.extend(err.problems)
        return []
    entries = []
    for index, exercise in enumerate(parsed.exercises):
        line, col = doc.where(("exercises", index))
        marks = {key: doc.where(("exercises", index, key), key=True) for key in _MARKED}
        entries.append(_Entry(exercise, Origin(shown, line, col, folder, index, marks), doc, index))
        problems.extend(check_picture(exercise, index, doc, path))
    _check_unique_in(entries, problems)
    return entries


def _check_unique_in(entries: list[_Entry], problems: list[Problem]) -> None:
    seen: dict[str, _Entry] = {}
    for entry in entries:
        first = seen.setdefault(entry.exercise.id, entry)
        if first is not entry:
            problems.append(
                entry.problem(
                    "id",
                    f"expected a unique id, found '{entry.exercise.id}' again "
                    f"(first on line {first.doc.where(('exercises', first.index, 'id'))[0]})",
                )
            )


def _read_retired(path: Path, folder: Path, problems: list[Problem]) -> list[tuple[str, Origin]]:
    """The ids ``retired.yaml`` lists, each with where it is written."""
    shown = display_path(path)
    try:
        doc, parsed = read_checked(path, shown, RetiredFile)
    except InvalidInputError as err:
        problems.extend(err.problems)
        return []
    return [
        (exercise_id, Origin(shown, *doc.where(("retire", index)), folder, index))
        for index, exercise_id in enumerate(parsed.retire)
    ]


def _read_layer(source: Path, problems: list[Problem]) -> tuple[dict[str, _Entry], list[tuple[str, Origin]]]:
    """Read one folder (or file), and the ids its ``retired.yaml`` leaves out.

    The same id in two of its files is a problem.
    """
    layer: dict[str, _Entry] = {}
    retire: list[tuple[str, Origin]] = []
    absent = missing(source)
    if absent is not None:
        problems.append(absent)
        return layer, retire
    try:
        files = yaml_files(source)
    except OSError as err:
        problems.append(Problem(display_path(source), 1, 1, "", f"cannot read it: {os_reason(err)}"))
        return layer, retire
    if is_folder(source) and not files:
        problems.append(Problem(display_path(source), 1, 1, "", "expected YAML files (*.yaml), found none"))
    for path in files:
        if path.name == RETIRED_FILE:
            retire += _read_retired(path, source, problems)
            continue
        for entry in _read_file(path, source, problems):
            earlier = layer.get(entry.exercise.id)
            if earlier is not None and earlier.origin.path != entry.origin.path:
                problems.append(
                    entry.problem(
                        "id",
                        f"expected a unique id in this folder, found '{entry.exercise.id}' "
                        f"also in {earlier.origin.path}:{earlier.origin.line}",
                    )
                )
            elif earlier is None:
                layer[entry.exercise.id] = entry
    return layer, retire


def _check_ladders(entries: Iterable[_Entry], problems: list[Problem]) -> None:
    families: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        families[entry.exercise.family].append(entry)
    for family, members in sorted(families.items()):
        levels = sorted(m.exercise.level for m in members)
        expected = list(range(1, len(members) + 1))
        if levels == expected:
            continue
        seen: set[int] = set()
        for member in sorted(members, key=lambda m: (m.exercise.level, m.origin.path, m.origin.line)):
            level = member.exercise.level
            repeat = level in seen
            seen.add(level)
            if repeat or level > len(members):
                what = "a repeat" if repeat else "a gap below it"
                problems.append(
                    member.problem(
                        "level",
                        f"expected the levels of family '{family}' to run 1 to {len(members)} "
                        f"with no gap or repeat, found {', '.join(map(str, levels))} "
                        f"(level {level} is {what})",
                    )
                )


def load_catalogue(sources: Sequence[Path]) -> Catalogue:
    """Load each source (folder or file) as a layer, later ones replacing earlier ones by id.

    The first source is the base (the built-in catalogue); ids it lacks are the
    user's own (:attr:`Catalogue.added`).

    Every problem of every file is gathered and raised at once as
    :class:`InvalidInputError`.
    """
    catalogue, problems = read_catalogue(sources)
    if problems:
        raise InvalidInputError(problems)
    return catalogue


def read_catalogue(sources: Sequence[Path]) -> tuple[Catalogue, list[Problem]]:
    """:func:`load_catalogue` without raising: the exercises that loaded, and every problem found.

    With problems, the catalogue holds only the exercises that were read whole: a checker
    can still test the names a template gives against it.
    """
    problems: list[Problem] = []
    merged: dict[str, _Entry] = {}
    replacements: list[Replacement] = []
    files: list[str] = []
    built_in: set[str] = set()
    retired: dict[str, tuple[_Entry, Origin]] = {}
    for number, source in enumerate(sources):
        if missing(source) is None:
            with contextlib.suppress(OSError):  # an unreadable folder is reported by _read_layer
                files.extend(display_path(p) for p in yaml_files(source))
        layer, retire = _read_layer(source, problems)
        for exercise_id, entry in layer.items():
            if number == 0:
                built_in.add(exercise_id)
            if exercise_id in merged:
                earlier = merged[exercise_id]
                same = earlier.exercise == entry.exercise
                replacements.append(Replacement(exercise_id, earlier.origin, entry.origin, same=same))
            merged[exercise_id] = entry
            retired.pop(exercise_id, None)  # a later folder may bring a retired exercise back
        for exercise_id, where in retire:
            problem = _retire_problem(exercise_id, where, merged, retired)
            if problem is not None:
                problems.append(problem)
            else:
                retired[exercise_id] = (merged.pop(exercise_id), where)
    # A retired rung keeps its place in the ladder's numbering; its neighbours link past it.
    _check_ladders([*merged.values(), *(entry for entry, _ in retired.values())], problems)
    for entry in merged.values():
        problems.extend(check_equipment(entry.exercise, entry.problem))
    ordered = list(merged.values())
    catalogue = Catalogue(
        exercises=tuple(e.exercise for e in ordered),
        origins={e.exercise.id: e.origin for e in ordered},
        replacements=tuple(replacements),
        files=tuple(files),
        added=frozenset(merged) - built_in,
        retired=tuple(
            Retirement(i, gone.origin, where, built_in=i in built_in, exercise=gone.exercise)
            for i, (gone, where) in retired.items()
        ),
    )
    return catalogue, problems


def _retire_problem(
    exercise_id: str,
    where: Origin,
    merged: dict[str, _Entry],
    retired: dict[str, tuple[_Entry, Origin]],
) -> Problem | None:
    """What is wrong with retiring ``exercise_id`` here, if anything."""
    field = f"retire[{where.index}]"
    if exercise_id in retired:
        first = retired[exercise_id][1]
        return Problem(
            where.path,
            where.line,
            where.column,
            field,
            f"expected an exercise still in use, found '{exercise_id}', "
            f"already retired at {first.path}:{first.line}",
        )
    if exercise_id not in merged:
        hint = did_you_mean(exercise_id, [*merged, *retired])
        return Problem(
            where.path,
            where.line,
            where.column,
            field,
            f"expected the id of an exercise to leave out, found '{exercise_id}'{hint}",
        )
    return None
