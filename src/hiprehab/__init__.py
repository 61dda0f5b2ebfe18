"""hiprehab: printable, evidence-based hip exercise plans for runners.

A plan and its PDF from Python, the same as ``hiprehab plan`` makes::

    import datetime, hiprehab
    plan = hiprehab.make_plan({"goal": "prevent", "weekly_volume": 20, "longest_run": 8, "red_flags": []},
                              start=datetime.date(2027, 1, 4))
    hiprehab.render_pdf(plan, "plan.pdf")

The names below are the public API; everything else is internal and may change.
They are imported on first use, so ``import hiprehab`` (and the command line's
start-up) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from hiprehab.version import __version__

if TYPE_CHECKING:
    from hiprehab.api import (
        CheckReport,
        Goals,
        check_catalogue,
        load_catalogue,
        load_goals,
        make_plan,
        write_outputs,
    )
    from hiprehab.errors import (
        ExitCode,
        HiprehabError,
        InputWarning,
        InvalidInputError,
        InvalidValueError,
        OutputError,
        Problem,
        UsageError,
    )
    from hiprehab.export.plan import plan_to_dict, plan_to_json
    from hiprehab.model.catalogue import Catalogue
    from hiprehab.model.plan import Plan
    from hiprehab.model.profile import Profile
    from hiprehab.render import pdf_bytes, render_pdf

_HOMES = {
    "make_plan": "hiprehab.api",
    "load_catalogue": "hiprehab.api",
    "load_goals": "hiprehab.api",
    "write_outputs": "hiprehab.api",
    "Goals": "hiprehab.api",
    "CheckReport": "hiprehab.api",
    "check_catalogue": "hiprehab.api",
    "InputWarning": "hiprehab.errors",
    "render_pdf": "hiprehab.render",
    "pdf_bytes": "hiprehab.render",
    "plan_to_json": "hiprehab.export.plan",
    "plan_to_dict": "hiprehab.export.plan",
    "Profile": "hiprehab.model.profile",
    "Plan": "hiprehab.model.plan",
    "Catalogue": "hiprehab.model.catalogue",
    "ExitCode": "hiprehab.errors",
    "HiprehabError": "hiprehab.errors",
    "InvalidInputError": "hiprehab.errors",
    "OutputError": "hiprehab.errors",
    "Problem": "hiprehab.errors",
    "UsageError": "hiprehab.errors",
    "InvalidValueError": "hiprehab.errors",
}

__all__ = [
    "Catalogue",
    "CheckReport",
    "ExitCode",
    "Goals",
    "HiprehabError",
    "InputWarning",
    "InvalidInputError",
    "InvalidValueError",
    "OutputError",
    "Plan",
    "Problem",
    "Profile",
    "UsageError",
    "__version__",
    "check_catalogue",
    "load_catalogue",
    "load_goals",
    "make_plan",
    "pdf_bytes",
    "plan_to_dict",
    "plan_to_json",
    "render_pdf",
    "write_outputs",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'hiprehab' has no attribute '{name}'")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
