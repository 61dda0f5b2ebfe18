"""Safe, strict YAML reading that remembers where every value came from.

PyYAML's loaders are too forgiving for files that a coach edits by hand: they
silently keep the last of two duplicate keys, expand aliases (a few hundred bytes
can grow to millions of nodes), honour tags such as ``!!python/object`` and read
``NO`` as false or ``18:00`` as a number (YAML 1.1). This module walks PyYAML's
event stream itself and builds plain Python values with YAML 1.2 core-schema
scalars, rejecting all of the above with a line and column.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hiprehab.errors import InvalidInputError, Problem
from hiprehab.load.infile import MIB, UnreadableError, mib, read_limited

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MAX_BYTES = MIB
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_MAX_DIGITS = min(100, sys.get_int_max_str_digits() or 100)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its value and the position of every node in it."""

    path: str
    value: Any
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Return (line, column) of ``loc``, or of its nearest ancestor that has one."""
        probe = tuple(loc)
        while probe:
            if key and probe in self.key_marks:
                return self.key_marks[probe]
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


class _Stop(Exception):  # noqa: N818 - internal control flow, never escapes this module
    def __init__(self, line: int, column: int, message: str) -> None:
        self.line, self.column, self.message = line, column, message


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def resolve_plain(text: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema (``NO`` stays text)."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        # Python refuses to read an integer of thousands of digits; no count of
        # anything here is that long, so it stays text and fails as "expected a number".
        return int(text) if len(text) <= _MAX_DIGITS else text
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _load_yaml() -> Any:
    import yaml  # noqa: PLC0415 - only when a file is actually parsed

    return yaml


class _Builder:
    def __init__(self, events: Iterator[Any], yaml: Any) -> None:
        self.events = events
        self.yaml = yaml  # PyYAML, for its event classes
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.key_marks: dict[PathKey, tuple[int, int]] = {}

    def _reject_decorations(self, event: Any) -> None:
        line, col = _pos(event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Stop(line, col, f"anchors and aliases are not allowed (found '&{event.anchor}')")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Stop(line, col, f"tags are not allowed (found '{shown}')")

    def node(self, event: Any, path: PathKey, depth: int) -> Any:
        if depth > MAX_DEPTH:
            line, col = _pos(event.start_mark)
            raise _Stop(line, col, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
        if isinstance(event, self.yaml.AliasEvent):
            line, col = _pos(event.start_mark)
            raise _Stop(line, col, f"anchors and aliases are not allowed (found '*{event.anchor}')")
        self._reject_decorations(event)
        self.marks[path] = _pos(event.start_mark)
        if isinstance(event, self.yaml.ScalarEvent):
            # The C parser reports a plain scalar's style as "", the Python one as None.
            return resolve_plain(event.value) if not event.style else event.value
        if isinstance(event, self.yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in self.events:
                if isinstance(child, self.yaml.SequenceEndEvent):
                    return items
                items.append(self.node(child, (*path, len(items)), depth + 1))
        if isinstance(event, self.yaml.MappingStartEvent):
            return self._mapping(path, depth)
        line, col = _pos(event.start_mark)  # pragma: no cover - the parser forbids it
        raise _Stop(line, col, "unexpected YAML structure")

    def _mapping(self, path: PathKey, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, self.yaml.MappingEndEvent):
                return mapping
            line, col = _pos(key_event.start_mark)
            if not isinstance(key_event, self.yaml.ScalarEvent):
                raise _Stop(line, col, "expected a plain text key, found a list or mapping")
            self._reject_decorations(key_event)
            key = str(key_event.value)
            if key in mapping:
                first = self.key_marks[(*path, key)][0]
                raise _Stop(line, col, f"duplicate key '{key}' (first given on line {first})")
            self.key_marks[(*path, key)] = (line, col)
            mapping[key] = self.node(next(self.events), (*path, key), depth + 1)
        raise _Stop(1, 1, "unexpected end of file")  # pragma: no cover - parser ensures close


def _decode(data: bytes, display: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        byte = data[err.start : err.start + 1].hex()
        problem = Problem(display, line, column, "", f"expected UTF-8 text, found byte 0x{byte}")
        raise InvalidInputError([problem]) from None


def parse_yaml(data: bytes, display: str) -> Document:
    """Parse ``data`` (the bytes of the file shown as ``display``) strictly."""
    if len(data) > MAX_BYTES:
        size = f"{mib(len(data))} MiB"
        raise InvalidInputError(
            [Problem(display, 1, 1, "", f"file is {size}; the limit is 1 MiB")],
        )
    text = _decode(data, display)
    yaml = _load_yaml()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    builder = _Builder(iter(yaml.parse(text, Loader=loader)), yaml)
    value: Any = None
    documents = 0
    try:
        for event in builder.events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    line, col = _pos(event.start_mark)
                    raise _Stop(line, col, "expected a single YAML document, found another one")  # noqa: TRY301
                value = builder.node(next(builder.events), (), 0)
    except _Stop as stop:
        raise InvalidInputError([Problem(display, stop.line, stop.column, "", stop.message)]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark) if mark is not None else (1, 1)
        what = " ".join(part for part in (err.context, err.problem) if part)
        problem = Problem(display, line, col, "", f"YAML syntax error: {what}")
        raise InvalidInputError([problem]) from None
    except yaml.YAMLError as err:
        problem = Problem(display, 1, 1, "", f"YAML error: {err}")
        raise InvalidInputError([problem]) from None
    if documents == 0:
        builder.marks[()] = (1, 1)
    return Document(display, value, builder.marks, builder.key_marks)


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """The bytes of the file at ``path``, refusing one over the size limit; errors name it as ``display``."""
    shown = display if display is not None else str(path)
    try:
        return read_limited(path, MAX_BYTES)
    except UnreadableError as err:
        message = err.message if err.expected else f"cannot read the file: {err.message}"
        raise InvalidInputError([Problem(shown, 1, 1, "", message)]) from None


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read and parse the YAML file at ``path``; errors name it as ``display``."""
    shown = display if display is not None else str(path)
    return parse_yaml(read_bytes(path, shown), shown)
