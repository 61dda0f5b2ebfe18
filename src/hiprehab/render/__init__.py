"""The printable PDF plan: ``hiprehab plan --out plan.pdf``.

Renderers only draw what the plan says; they decide nothing clinical. ReportLab
is imported only inside this package (and :mod:`hiprehab.illustrate`), so
``hiprehab --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from hiprehab.fonts import register_fonts, unsupported_characters
from hiprehab.illustrate.draw_pdf import clear_drawings
from hiprehab.load.outfile import check_target, write_atomic
from hiprehab.model.paper import check_paper
from hiprehab.render import streams
from hiprehab.render.figures import Figures, forget_shapes
from hiprehab.render.flowables import forget_figures, forget_lines
from hiprehab.render.replay import forget_drawing
from hiprehab.render.story import make_document, plan_story
from hiprehab.render.styles import Styles, forget_derived, make_styles

if TYPE_CHECKING:
    from hiprehab.model.plan import Plan

__all__ = ["clear_caches", "pdf_bytes", "render_pdf", "unsupported_characters"]

# The styles of this process, by large print. Styles are only read while drawing,
# and the markup parsed for them and its line breaks (flowables.Para) are kept as
# long as they are, so a second plan in one process (hiprehab batch) parses and
# breaks only the texts it adds.
_STYLES: dict[bool, Styles] = {}


def _styles(*, large_print: bool) -> Styles:
    if large_print not in _STYLES:
        _STYLES[large_print] = make_styles(large_print=large_print)
    return _STYLES[large_print]


def clear_caches() -> None:
    """Forget the styles, parsed markup, figures, font subsets and compressed streams kept between plans.

    Only memory changes: a plan drawn after this has the same bytes as before.
    """
    _STYLES.clear()
    forget_derived()
    forget_lines()
    forget_drawing()
    forget_figures()
    forget_shapes()
    clear_drawings()
    streams.forget()


def pdf_bytes(
    plan: Plan, *, paper: str = "a4", figures: bool = True, large_print: bool = False, form: bool = True
) -> bytes:
    """The plan as PDF bytes; the same plan gives the same bytes.

    Users' pictures come from the paths the catalogue loader checked and kept
    on each exercise; pose figures are drawn from their descriptions.
    ``large_print`` sets the body text at 14 pt with larger tick boxes and figures.
    ``form`` makes the log boxes PDF form fields too (they print the same either way).
    """
    check_paper(paper)
    register_fonts()
    styles = _styles(large_print=large_print)
    doc = make_document(plan, paper, styles, form=form)
    story = plan_story(
        plan, styles, doc.content_width, Figures(enabled=figures, size=styles.figure_size), doc.frame_height
    )
    return doc.render(story)


def render_pdf(
    plan: Plan,
    out: Path | str | BinaryIO,
    *,
    paper: str = "a4",
    figures: bool = True,
    large_print: bool = False,
    form: bool = True,
) -> None:
    """Write the plan as a PDF for ``paper`` ("a4" or "letter") to a file path or a binary file.

    The whole file is laid out in memory first. A path is written through a temp
    file beside it, so a failure leaves no partial file and an existing file
    untouched; raises :class:`~hiprehab.errors.OutputError` when it cannot be
    written. A file object gets the bytes as they are.
    """
    if isinstance(out, str | Path):
        target = Path(out)
        check_target(target)
        data = pdf_bytes(plan, paper=paper, figures=figures, large_print=large_print, form=form)

        def produce(temp: Path) -> None:
            temp.write_bytes(data)

        write_atomic(target, produce)
        return
    out.write(pdf_bytes(plan, paper=paper, figures=figures, large_print=large_print, form=form))
