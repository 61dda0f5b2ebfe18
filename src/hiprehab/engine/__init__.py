"""The pure core: screening, selection, scheduling and progression.

It imports no typer, reportlab, PyYAML or Pillow, reads no clock and opens no file.
"""

from hiprehab.engine.build import build_plan

__all__ = ["build_plan"]
