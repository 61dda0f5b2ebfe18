"""Strict YAML reading of catalogue files: every rejection says where and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.load.catalogue import load_catalogue
from hiprehab.load.yamlio import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.conftest import WriteCatalogue

    Copy = Callable[[str], Path]
    Problems = Callable[[list[Path]], list[str]]

VALID = """\
exercises:
  - id: fixture-valid
    name: Fixture bridge
    kind: strength
    family: fixture-valid
    summary: Lifts the hips off the floor.
    targets: [glute_max]
    position: supine
    equipment: [mat]
    dose: {sets: 2, reps: 10}
    goals: [manage]
    steps: [Lie on your back., Lift your hips., Lower them slowly.]
    cues: [Squeeze your buttocks.]
    mistakes: [Arching your back.]
    sources: ["Fixture source. https://example.org/"]
"""


def test_syntax_error_is_reported_with_its_position(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """An unclosed flow list is a YAML syntax error at the line where the parser gave up."""
    assert catalogue_problems([copy_broken("yaml-syntax-error.yaml")]) == [
        (
            "exercises/yaml-syntax-error.yaml:10:13: YAML syntax error: "
            "while parsing a flow sequence did not find expected ',' or ']'"
        )
    ]


def test_duplicate_key_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A key given twice is rejected at the second one, naming the line of the first."""
    assert catalogue_problems([copy_broken("duplicate-key.yaml")]) == [
        "exercises/duplicate-key.yaml:6:5: duplicate key 'name' (first given on line 4)"
    ]


def test_anchor_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """Anchors and aliases are refused, at the anchor."""
    assert catalogue_problems([copy_broken("anchor-alias.yaml")]) == [
        "exercises/anchor-alias.yaml:12:11: anchors and aliases are not allowed (found '&dose')"
    ]


def test_alias_is_rejected(
    tmp_path: Path, write_catalogue: WriteCatalogue, catalogue_problems: Problems
) -> None:
    """An alias is refused at the alias itself, even with no anchor before it."""
    text = VALID.replace("dose: {sets: 2, reps: 10}", "dose: {sets: 2, reps: 10, tempo: *t}")
    write_catalogue(tmp_path, "alias.yaml", text)
    assert catalogue_problems([tmp_path]) == [
        f"{tmp_path}/alias.yaml:10:38: anchors and aliases are not allowed (found '*t')"
    ]


def test_python_object_tag_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A ``!!python/object`` tag is refused, never constructed."""
    assert catalogue_problems([copy_broken("python-object-tag.yaml")]) == [
        (
            "exercises/python-object-tag.yaml:12:11: "
            "tags are not allowed (found '!!python/object:hiprehab.model.exercise.Dose')"
        )
    ]


def test_non_utf8_byte_is_reported_at_its_line_and_column(
    copy_broken: Copy, catalogue_problems: Problems
) -> None:
    """A Latin-1 byte is reported with its line, column and value."""
    assert catalogue_problems([copy_broken("non-utf8.yaml")]) == [
        "exercises/non-utf8.yaml:4:14: expected UTF-8 text, found byte 0xe9"
    ]


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path, write_catalogue: WriteCatalogue) -> None:
    """A file saved with a UTF-8 byte order mark loads like one without."""
    write_catalogue(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + VALID.encode())
    assert [e.id for e in load_catalogue([tmp_path]).exercises] == ["fixture-valid"]


def test_file_over_one_mib_is_rejected_unread(
    tmp_path: Path, write_catalogue: WriteCatalogue, catalogue_problems: Problems
) -> None:
    """A file of 1.5 MiB is refused by its size, with the size in the message."""
    write_catalogue(tmp_path, "huge.yaml", VALID + "#" * (MAX_BYTES * 3 // 2 - len(VALID)))
    assert catalogue_problems([tmp_path]) == [
        f"{tmp_path}/huge.yaml:1:1: file is 1.5 MiB; the limit is 1 MiB"
    ]


def test_file_of_exactly_one_mib_is_accepted(tmp_path: Path, write_catalogue: WriteCatalogue) -> None:
    """The size limit is inclusive: a file of exactly 1 MiB loads."""
    padding = "#" * (MAX_BYTES - len(VALID) - 1) + "\n"
    path = write_catalogue(tmp_path, "full.yaml", VALID + padding)
    assert path.stat().st_size == MAX_BYTES
    assert [e.id for e in load_catalogue([tmp_path]).exercises] == ["fixture-valid"]


def test_second_yaml_document_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """A ``---`` starting a second document is refused at that line."""
    assert catalogue_problems([copy_broken("multiple-documents.yaml")]) == [
        "exercises/multiple-documents.yaml:18:1: expected a single YAML document, found another one"
    ]


def test_empty_file_is_rejected(copy_broken: Copy, catalogue_problems: Problems) -> None:
    """An empty file says which top-level key it should hold."""
    assert catalogue_problems([copy_broken("empty.yaml")]) == [
        "exercises/empty.yaml:1:1: expected a mapping with the key(s) exercises, the file is empty"
    ]


def test_no_and_clock_time_stay_text(tmp_path: Path, write_catalogue: WriteCatalogue) -> None:
    """Unquoted ``NO`` and ``18:00`` are read as text (YAML 1.2), not as false or a number."""
    text = VALID.replace("name: Fixture bridge", "name: NO").replace(
        "dose: {sets: 2, reps: 10}", "dose: {sets: 2, reps: 10, tempo: 18:00}"
    )
    write_catalogue(tmp_path, "words.yaml", text)
    (exercise,) = load_catalogue([tmp_path]).exercises
    assert (exercise.name, exercise.dose.tempo) == ("NO", "18:00")


def test_per_side_yes_is_rejected_as_not_true_or_false(
    copy_broken: Copy, catalogue_problems: Problems
) -> None:
    """``per_side: yes`` is text in YAML 1.2, so it fails with the true/false message."""
    assert catalogue_problems([copy_broken("per-side-yes.yaml")]) == [
        ("exercises/per-side-yes.yaml:12:41: exercises[0].dose.per_side: expected true or false, found 'yes'")
    ]


def test_unreadable_source_is_reported(tmp_path: Path, catalogue_problems: Problems) -> None:
    """A source that does not exist is one problem, not a crash."""
    assert catalogue_problems([tmp_path / "missing"]) == [f"{tmp_path}/missing:1:1: no such file or folder"]
