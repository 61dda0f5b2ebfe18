"""Where the built-in catalogue, templates, schemas and fonts live.

In a wheel they are packaged under ``hiprehab/_data``; in a source checkout
(editable install, tests) they are the folders at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The built-in folder ``name`` (``exercises``, ``templates`` or ``schema``)."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / name
