"""The printable PDF plan (issue #4): ``hiprehab plan --out plan.pdf``.

Renderers only draw what the plan says; they decide nothing clinical. ReportLab
is imported only inside this package (and :mod:`hiprehab.illustrate`), so
``hiprehab --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.errors import UsageError
from hiprehab.outfile import check_target, write_atomic
from hiprehab.render.figures import Figures
from hiprehab.render.fonts import register_fonts, unsupported_characters
from hiprehab.render.story import make_document, plan_story
from hiprehab.render.styles import PAPER_SIZES, make_styles

if TYPE_CHECKING:
    from pathlib import Path

    from hiprehab.catalogue import Catalogue
    from hiprehab.model.plan import Plan

__all__ = ["PAPERS", "pdf_bytes", "render_pdf", "unsupported_characters"]

PAPERS: tuple[str, ...] = tuple(PAPER_SIZES)


def pdf_bytes(
    plan: Plan, *, paper: str = "a4", figures: bool = True, catalogue: Catalogue | None = None
) -> bytes:
    """The plan as PDF bytes; the same plan gives the same bytes.

    ``catalogue`` (the one the plan was built from) lets cards show users' own
    pictures, whose paths are relative to their catalogue files; pose figures
    need no catalogue.
    """
    if paper not in PAPER_SIZES:
        raise UsageError(f"--paper: expected one of {', '.join(PAPERS)}, found '{paper}'")
    register_fonts()
    styles = make_styles()
    doc = make_document(plan, paper, styles)
    story = plan_story(plan, styles, doc.content_width, Figures(catalogue, enabled=figures))
    return doc.render(story)


def render_pdf(
    plan: Plan,
    out: Path,
    *,
    paper: str = "a4",
    figures: bool = True,
    catalogue: Catalogue | None = None,
) -> None:
    """Write the plan to ``out`` as a PDF for ``paper`` ("a4" or "letter").

    The whole file is laid out in memory first and then written through a temp
    file beside ``out``, so a failure leaves no partial file and an existing file
    untouched. Raises :class:`~hiprehab.errors.OutputError` when ``out`` is a
    folder, its folder is missing, or it cannot be written.
    """
    check_target(out)
    data = pdf_bytes(plan, paper=paper, figures=figures, catalogue=catalogue)

    def produce(temp: Path) -> None:
        temp.write_bytes(data)

    write_atomic(out, produce)
