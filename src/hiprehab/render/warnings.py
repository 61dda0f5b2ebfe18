"""Stop and see a doctor if...: every warning sign of the screening rules, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from hiprehab.render.flowables import Grid, Heading, Para, SectionStart
from hiprehab.render.styles import LIGHT_RULE, RULE, SHADE, table_style
from hiprehab.render.words import esc

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.model.screening import ScreeningRules
    from hiprehab.render.styles import Styles

WARNINGS_TITLE = "Stop and see a doctor if..."
WARNING_MARK = "!"
URGENCY_HEADINGS = {
    "today": "Get help today",
    "appointment": "Book an appointment",
}


def sign_table(rules: ScreeningRules, styles: Styles, width: float) -> Grid:
    """Every warning sign, one a row marked with a "!", grouped by how soon to get help."""
    mark = 10 * mm
    data: list[list[Flowable | str]] = []
    heads: list[int] = []
    for urgency, flags in rules.by_urgency():
        heads.append(len(data))
        data.append([Para(esc(URGENCY_HEADINGS[urgency]), styles.cell_bold), ""])
        data += [[Para(WARNING_MARK, styles.mark), Para(esc(flag.sign), styles.cell)] for flag in flags]
    table = Grid(data, colWidths=[mark, width - mark])
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 1.2, RULE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT_RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *(("SPAN", (0, row), (-1, row)) for row in heads),
            *(("BACKGROUND", (0, row), (-1, row), SHADE) for row in heads),
        )
    )
    return table


def tell_doctor(rules: ScreeningRules, styles: Styles) -> list[Flowable]:
    """What to tell the doctor, as a list."""
    return [
        Para("What to tell the doctor", styles.h2),
        *(Para(esc(text), styles.bullet, bulletText="•") for text in rules.tell_doctor),
    ]


def warnings_section(rules: ScreeningRules, styles: Styles, width: float) -> list[Flowable]:
    """The warning signs, straight after the how-to pages (no page of their own)."""
    return [
        SectionStart("Warning signs", new_page=False),
        Heading(WARNINGS_TITLE, styles.h1, ((WARNINGS_TITLE, 0),), "warnings"),
        Para(
            "Stop the plan and see a doctor or physiotherapist if any of these happens, "
            "even if the plan says to carry on.",
            styles.body_bold,
        ),
        sign_table(rules, styles, width),
        *tell_doctor(rules, styles),
    ]
