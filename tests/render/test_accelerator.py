"""ReportLab's optional C accelerator (the ``fast`` extra) draws the same PDF, byte for byte."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

# Renders a plan with or without the accelerator and writes the PDF to stdout. The
# accelerator is chosen at ReportLab's import, so each way needs a fresh process;
# a None entry in sys.modules makes ``import _rl_accel`` fail as if it were absent.
RENDER = """
import datetime, sys
if sys.argv[1] == "without":
    sys.modules["_rl_accel"] = None
from reportlab.lib import rl_accel
from hiprehab.api import make_plan
from hiprehab.render import pdf_bytes
assert bool(rl_accel._c_funcs) == (sys.argv[1] == "with"), rl_accel._c_funcs
plan = make_plan(
    {"name": "Zoë Runner", "goal": "manage", "weeks": 8, "weekly_volume": 20.0, "longest_run": 8.0,
     "pain": 3, "pain_sites": ["lateral"], "equipment": ["band"], "red_flags": []},
    start=datetime.date(2027, 1, 4), user_folder=False,
)
sys.stdout.buffer.write(pdf_bytes(plan))
"""


def render(way: str) -> bytes:
    """The PDF bytes of the plan above, drawn ``with`` or ``without`` the accelerator."""
    done = subprocess.run([sys.executable, "-c", RENDER, way], capture_output=True, check=True)
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("_rl_accel") is None, reason="rl_accel is not installed")
def test_the_accelerator_leaves_every_byte_as_it_was() -> None:
    """An 8-week plan with figures and an accented name: the same bytes with and without rl_accel."""
    with_accelerator, without = render("with"), render("without")
    assert with_accelerator.startswith(b"%PDF")
    assert with_accelerator == without
