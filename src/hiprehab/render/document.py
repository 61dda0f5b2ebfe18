"""The page: size, margins, running header, footer with disclaimer and "page X of Y".

One layout pass: "of Y" is a PDF form drawn on every page and defined once the
page count is known, just before the file is saved, so the plan is laid out
once however long it is.
"""

from __future__ import annotations

import functools
import io
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from hiprehab import fonts
from hiprehab.render.attach import Attachment, embed_files
from hiprehab.render.flowables import PAGE_RANGE_DASH, PAGE_REF_SIZE, KeepIfFits, SectionStart, page_form
from hiprehab.render.replay import document_faces, seed_fonts
from hiprehab.render.streams import remembered_streams
from hiprehab.render.styles import (
    FOOTER_GAP,
    FOOTER_SIZE,
    HEADER_HEIGHT,
    HEADER_RULE_DROP,
    HEADER_SIZE,
    LIGHT_RULE,
    MARGIN,
    PAPER_SIZES,
)
from hiprehab.render.words import esc
from hiprehab.version import __version__

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from hiprehab.render.styles import Styles

_TOTAL_FORM = "hiprehabPageTotal"
_DISCLAIMER_FORM = "hiprehabDisclaimer"
_PAGE_NUMBER_WIDTH = 30 * mm  # kept free at the right of the footer for "page X of Y"


class _PlanCanvas(Canvas):
    """A canvas that defines the "of Y" form once the last page is done, and carries attachments.

    Its document names ``faces`` and encodes the plan's own characters before
    anything is drawn, alike in every plan (see :mod:`hiprehab.render.replay`).
    """

    def __init__(
        self,
        *args: Any,
        attachments: tuple[Attachment, ...] = (),
        form_fields: bool = False,
        faces: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        seed_fonts(self, faces)
        self.showOutline()
        self.attachments = attachments
        self.form_fields = form_fields
        """Whether the log boxes also get PDF form fields (see :mod:`hiprehab.render.fields`)."""
        self.page_marks: dict[str, int] = {}
        """Page number of each bookmarked heading with a ``page_key``, as drawn."""
        self.page_ranges: set[tuple[str, str]] = set()
        """Pairs of ``page_key`` whose range of pages a :class:`PageRef` shows."""

    def save(self) -> None:
        """Write the page count and the named pages into the forms pages refer to, then save."""
        total = self.getPageNumber() - 1
        self.beginForm(_TOTAL_FORM)
        self.setFont(fonts.REGULAR, HEADER_SIZE)
        self.drawString(0, 0, str(total))
        self.endForm()
        for key, page in sorted(self.page_marks.items()):
            self.beginForm(page_form(key))
            self.setFont(fonts.REGULAR, PAGE_REF_SIZE)
            self.drawString(0, 0, str(page))
            self.endForm()
        for first, last in sorted(self.page_ranges):
            self.beginForm(page_form(f"{first}-{last}"))
            self.setFont(fonts.REGULAR, PAGE_REF_SIZE)
            pages = (self.page_marks.get(first), self.page_marks.get(last))
            self.drawString(0, 0, PAGE_RANGE_DASH.join(str(p) for p in pages if p is not None))
            self.endForm()
        if self.attachments:
            embed_files(self, self.attachments)
        with remembered_streams():  # fonts and forms alike from plan to plan: made once
            super().save()
        # A saved canvas is not used again, but its text objects hold it (and so its
        # thousands of PDF objects) in reference cycles until the collector finds
        # them: the objects are let go now, freed at once.
        vars(self._doc).clear()  # type: ignore[attr-defined]


class PlanDocument(BaseDocTemplate):
    """The plan's document template; ``section`` is the running header's right-hand label.

    ``sheet`` marks a referral sheet, which prints in fewer faces than a plan.
    """

    def __init__(
        self,
        paper: str,
        *,
        styles: Styles,
        header: str,
        disclaimer: str,
        title: str,
        subject: str,
        keywords: list[str],
        attachments: tuple[Attachment, ...] = (),
        form: bool = False,
        sheet: bool = False,
    ) -> None:
        self.buffer = io.BytesIO()
        self.attachments = attachments
        self.form = form
        self.faces = document_faces(styles.card_text.fontName, sheet=sheet)
        super().__init__(
            self.buffer,
            pagesize=PAPER_SIZES[paper],
            title=title,
            author="hiprehab",
            subject=subject,
            keywords=keywords,
            creator=f"hiprehab {__version__}",
            lang="en",
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            # Headings kept with what follows them use our group, which measures
            # nested groups correctly (see KeepIfFits).
            keepTogetherClass=KeepIfFits,
        )
        self.section = ""
        self.header = header
        page_width, page_height = self.pagesize
        content_width = page_width - 2 * MARGIN
        self.disclaimer = Paragraph(esc(disclaimer), styles.footer)
        _, footer_height = self.disclaimer.wrap(content_width - _PAGE_NUMBER_WIDTH, page_height)
        self.footer_height = max(footer_height, FOOTER_SIZE * 1.25)
        bottom = MARGIN + self.footer_height + FOOTER_GAP
        self.frame_height = page_height - MARGIN - HEADER_HEIGHT - bottom
        frame = Frame(
            MARGIN,
            bottom,
            content_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=self._header, onPageEnd=self._footer)]
        )

    @property
    def content_width(self) -> float:
        """Width of the text frame."""
        return float(self.pagesize[0] - 2 * MARGIN)

    def render(self, story: list[Flowable]) -> bytes:
        """Lay out ``story`` and return the PDF's bytes."""
        # The first page begins before the story's first flowable is handled, so
        # its header label is set here rather than by that SectionStart.
        if story and isinstance(story[0], SectionStart):
            self.section = story[0].label
        # Binary (Flate only) streams: ReportLab's default ASCII85 wrapping makes
        # the file a quarter larger and costs a tenth of the render time. The
        # setting is global in ReportLab, so it is restored straight after.
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self.build(
                story,
                canvasmaker=functools.partial(
                    _PlanCanvas, attachments=self.attachments, form_fields=self.form, faces=self.faces
                ),
            )
        finally:
            rl_config.useA85 = saved
        return self.buffer.getvalue()

    def _header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        del doc
        page_width, page_height = self.pagesize
        baseline = page_height - MARGIN - HEADER_SIZE
        canvas.saveState()
        right = self.section
        right_width = canvas.stringWidth(right, fonts.BOLD, HEADER_SIZE)
        # Left part first, so text extraction reads the header left to right.
        canvas.setFont(fonts.REGULAR, HEADER_SIZE)
        room = page_width - 2 * MARGIN - right_width - 12
        canvas.drawString(MARGIN, baseline, _fit(self.header, room))
        canvas.setFont(fonts.BOLD, HEADER_SIZE)
        canvas.drawRightString(page_width - MARGIN, baseline, right)
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, baseline - HEADER_RULE_DROP, page_width - MARGIN, baseline - HEADER_RULE_DROP)
        canvas.restoreState()

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        del doc
        page_width, _ = self.pagesize
        canvas.saveState()
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        top = MARGIN + self.footer_height
        canvas.line(MARGIN, top + FOOTER_GAP / 2, page_width - MARGIN, top + FOOTER_GAP / 2)
        # The disclaimer is the same on every page: drawn once into a form, shown on each.
        if not canvas.hasForm(_DISCLAIMER_FORM):
            width = page_width - 2 * MARGIN - _PAGE_NUMBER_WIDTH
            bleed = 4  # room for descenders below the last line, inside the form's clip
            canvas.beginForm(_DISCLAIMER_FORM, -bleed, -bleed, width + bleed, self.footer_height + bleed)
            self.disclaimer.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(MARGIN, MARGIN)
        canvas.doForm(_DISCLAIMER_FORM)
        canvas.restoreState()
        canvas.setFont(fonts.REGULAR, HEADER_SIZE)
        label = f"page {canvas.getPageNumber()} of "
        x = page_width - MARGIN - _PAGE_NUMBER_WIDTH + 4 * mm
        y = top - HEADER_SIZE
        canvas.drawString(x, y, label)
        canvas.translate(x + canvas.stringWidth(label, fonts.REGULAR, HEADER_SIZE), y)
        canvas.doForm(_TOTAL_FORM)
        canvas.restoreState()


def _fit(text: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` at the header's size."""
    if stringWidth(text, fonts.REGULAR, HEADER_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", fonts.REGULAR, HEADER_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"
