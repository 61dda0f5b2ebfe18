"""The first page of a next block: how the last block went, as a chart and in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiprehab.render.chart import chart_drawing
from hiprehab.render.flowables import Heading, Para, SectionStart
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.summary import BlockSummary
    from hiprehab.render.styles import Styles

CHART_HEIGHT = 200


def summary_section(summary: BlockSummary, styles: Styles, width: float, *, new_page: bool) -> list[Flowable]:
    """The review page: heading, the week-by-week chart, then the findings and decisions."""
    return [
        SectionStart(summary.title, new_page=new_page),
        Heading(esc(summary.title), styles.h1, ((summary.title, 0),), "review"),
        chart_drawing(summary, width, CHART_HEIGHT),
        *(Para(esc(line), styles.bullet, bulletText="•") for line in summary.lines),
    ]
