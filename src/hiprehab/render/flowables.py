"""The plan's own flowables: bookmarked headings, page references, section starts, figure boxes."""

from __future__ import annotations

import copy
import weakref
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ActionFlowable, Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import FrameBreak

from hiprehab.render import replay
from hiprehab.render.styles import BODY_SIZE, LIGHT_RULE

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.doctemplate import BaseDocTemplate


_SPLIT_IN_PLACE = getattr(rl_paragraph, "_split_blParaHard", None)
"""ReportLab's splitting of lines in its older form, which edits the lines it splits."""


class Para(Paragraph):
    """A Paragraph that parses each distinct markup once and measures again only at a new width.

    Parsing markup and wrapping lines are ReportLab's main costs. A plan repeats
    the same texts (exercise names, doses, labels) hundreds of times, and
    keep-together groups and tables wrap one paragraph several times at the same
    width; the parsed fragments are only read, and line breaks depend on the width
    alone.
    """

    _measured: tuple[float, float, float] | None = None
    _text_key: tuple[Any, ...] | None = None  # set when the text alone decides the lines
    _source: tuple[ParagraphStyle, tuple[Any, ...]] | None = None
    """For a part of a split paragraph: the style and text key of the paragraph it is part of."""
    _drawing: tuple[tuple[Any, ...], Any] | None = None
    """What decides the drawing of ``blPara`` when it is these lines: text, widths (and place in a split)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: str | None = None,  # noqa: N803 - ReportLab's name
        frags: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if frags is None and text is not None:
            parsed = _PARSED.setdefault(style, {})
            if len(parsed) >= MAX_PARSED:  # a bound on memory over a long roster, not a working limit
                parsed.clear()
            frags = parsed.get((text, bulletText))
            super().__init__(text, style, bulletText, frags, **kwargs)
            parsed.setdefault((text, bulletText), self.frags)
            if not kwargs:
                self._text_key = (text, bulletText)
        else:
            super().__init__(text, style, bulletText, frags, **kwargs)

    def breakLines(self, width: float | list[float] | tuple[float, ...]) -> Any:  # noqa: N802 - ReportLab's name
        """Paragraph.breakLines, shared by the paragraphs of one text and style at one width.

        Line breaks depend on the parsed text, the style and the widths alone, and
        drawing only reads them; a plan sets the same texts (doses, labels, tips) at
        the same widths many times.
        """
        key = self._text_key
        if key is None or not SHARE_LINES or getattr(self.style, "hyphenationLang", False):
            # Hyphenated breaks are changed in place when a paragraph is split: never shared.
            return super().breakLines(width)
        widths = (*width,) if isinstance(width, list | tuple) else (width,)
        broken = _BROKEN.setdefault(self.style, {})
        found = broken.get((key, widths))
        if found is None:
            if len(broken) >= MAX_PARSED:
                broken.clear()
            lines = super().breakLines(width)
            found = broken[(key, widths)] = (
                lines,
                {n: self.__dict__[n] for n in _BREAK_STATE if n in self.__dict__},
            )
        lines, state = found
        # Breaking also measures: tables read a paragraph's widest line to size their columns.
        self.__dict__.update(state)
        self._drawing = ((key, widths), lines)
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Paragraph.split; parts of shared lines are named by the paragraph, its widths and the split line.

        Parts split alike (a card's text at its figure's foot, in every plan that
        prints the card) then share their line breaks and drawing as whole
        paragraphs do.
        """
        drawing, key = self._drawing, self._text_key
        lines = self.__dict__.get("blPara")
        splitter = getattr(self, "_get_split_blParaFunc", None)  # ReportLab's, not in its stubs
        # Splitting the older form of lines edits them: never shared lines.
        named = not (drawing is None or key is None or drawing[1] is not lines or lines is None)
        named = named and splitter is not None and _SPLIT_IN_PLACE not in (None, splitter())
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not named or drawing is None or key is None:
            return parts
        match parts:
            case [Para() as head, Para() as tail]:
                pass
            case _:
                return parts
        # The parts' words follow from the lines and where they were split; each part
        # is measured again where it is placed, and breaks its words alike every time.
        split_at = (drawing[0], len(vars(head)["blPara"].lines))
        source = self._source or (self.style, key)
        for part, name in ((head, "head"), (tail, "tail")):
            part._text_key = (*split_at, name)  # noqa: SLF001 - a paragraph of this class
            part._source = source  # noqa: SLF001
        return parts

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - ReportLab's name
        """Paragraph.drawPara, replaying the operators of this paragraph drawn before (see :mod:`.replay`).

        Shared lines of one text, style and widths (or the head of such lines split
        at one line), drawn at one size and at the same offsets from the left (the
        lines beside a card's figure), draw the same operators; ReportLab's drawing
        reads nothing else of the paragraph unless it is set on this one (a leading
        of its own).
        """
        drawing = self._drawing
        if (
            not replay.REPLAY
            or debug
            or drawing is None
            or drawing[1] is not self.__dict__.get("blPara")
            or not _DRAWN_ALIKE.isdisjoint(self.__dict__)
            or self.style.wordWrap == "RTL"  # right-to-left drawing reverses the shared lines
        ):
            super().drawPara(debug)
            return
        offsets = self.__dict__.get("_offsets")
        at = None if offsets is None else (*offsets,)
        key = (drawing[0], self.width, self.height, self.__dict__.get("_JustifyLast"), at)
        style, text_key = self._source or (self.style, self._text_key)
        frags = _PARSED.get(style, {}).get(text_key)  # type: ignore[arg-type]  # set with the key
        replay.draw(self.style, key, self.canv, frags, self.bulletText, super().drawPara)

    def deepcopy(self) -> Paragraph:
        """The copy a card's text splits at a page's foot (and ReportLab's ``cdeepcopy`` at a figure's foot).

        Splitting reads the line breaks and makes new paragraphs; it writes
        into them only when it splits lines still in ReportLab's older form,
        which are then copied whole as ReportLab does. Otherwise a shallow copy
        splits alike, without copying the style and every fragment each time a
        card is measured.
        """
        lines = self.__dict__.get("blPara")
        splitter = getattr(self, "_get_split_blParaFunc", None)  # ReportLab's, not in its stubs
        if lines is None or splitter is None or _SPLIT_IN_PLACE in (None, splitter()):
            return copy.deepcopy(self)
        return copy.copy(self)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Paragraph.wrap, remembered for the last width."""
        measured = self._measured
        # Paragraph.split drops its line breaks when it cannot split; measure again then.
        if measured is not None and measured[0] == availWidth and "blPara" in self.__dict__:
            return measured[1], measured[2]
        width, height = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, width, height)
        return width, height


# Parsed fragments by style, then by (markup, bullet): the cache goes with the styles
# (kept by the process, so the plans of a roster share it).
MAX_PARSED = 20000
_PARSED: weakref.WeakKeyDictionary[ParagraphStyle, dict[tuple[str, str | None], list[Any]]] = (
    weakref.WeakKeyDictionary()
)
# Line breaks by style, then by ((markup, bullet), widths), with what breaking sets
# on the paragraph (_BREAK_STATE): besides sizes, ReportLab replaces a paragraph's
# fragments by the word list its lines index into, which splitting a paragraph
# reads. With that set too, a paragraph given shared breaks is the paragraph
# ReportLab would have made, so the breaks are shared across plans: a roster's
# plans repeat the same cards and labels.
_BROKEN: weakref.WeakKeyDictionary[
    ParagraphStyle, dict[tuple[tuple[str, str | None], tuple[float, ...]], tuple[Any, dict[str, Any]]]
] = weakref.WeakKeyDictionary()
_BREAK_STATE = ("_width_max", "height", "_splitLongWordCount", "_hyphenations", "frags")
_DRAWN_ALIKE = frozenset(("autoLeading",))
"""Settings of a paragraph of its own that change its drawing: such a paragraph is drawn afresh."""
SHARE_LINES = True  # False breaks every paragraph afresh (the tests compare the bytes both ways)


def forget_lines() -> None:
    """Forget the shared line breaks (memory only: the next plan's bytes are the same)."""
    _BROKEN.clear()


CELL_PADDING = 6.0
"""ReportLab's default left and right padding of a table cell."""


def one_line(text: str, font: str, width: float) -> bool:
    """True when plain ``text`` fits on one line of a table column ``width`` wide at body size.

    Such a cell can be a plain string, which a Table draws with one text operator:
    no markup to parse and no lines to break. It is drawn as is, so it needs no escaping.
    """
    return "\n" not in text and stringWidth(text, font, BODY_SIZE) <= width - 2 * CELL_PADDING


class Grid(Table):
    """A Table that measures itself again only at a new width (see :class:`Para`).

    Its cells' sizes depend on the width alone; splitting recomputes them anyway.
    """

    _measured: tuple[float, float, float] | None = None
    breaks: tuple[int, ...] = ()
    """Rows a page may best break before (the first row of each group), when a caller names them."""

    def row_heights(self) -> list[float]:
        """The heights of the rows, as the last wrap measured them."""
        return list(vars(self)["_rowHeights"])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Table.wrap, remembered for the last width."""
        measured = self._measured
        if measured is not None and measured[0] == availWidth:
            return measured[1], measured[2]
        width, height = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, width, height)
        return width, height


class Heading(Para):
    """A heading that also adds bookmarks (PDF outline entries) where it is drawn.

    ``outline`` holds (title, level) pairs; ``key`` names its destinations. The
    extra arguments have defaults so that ReportLab can split it like any
    Paragraph (the parts carry no bookmark).
    """

    def __init__(
        self,
        markup: str,
        style: ParagraphStyle,
        outline: tuple[tuple[str, int], ...] = (),
        key: str = "",
        page_key: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(markup, style, **kwargs)
        self.outline = outline
        self.key = key
        self.page_key = page_key

    def draw(self) -> None:
        """Draw the text, then bind its bookmarks to its top edge."""
        super().draw()
        canvas = self.canv
        for index, (title, level) in enumerate(self.outline):
            # One destination per entry: ReportLab keeps one title per destination name.
            key = f"{self.key}-{index}"
            canvas.bookmarkHorizontal(key, 0, self.height)
            canvas.addOutlineEntry(title, key, level=level, closed=False)
        marks = getattr(canvas, "page_marks", None)
        if self.page_key and marks is not None:
            marks.setdefault(self.page_key, canvas.getPageNumber())


class SectionStart(ActionFlowable):
    """Starts a part of the plan: a new page (unless first) and the running header's label."""

    def __init__(self, label: str, *, new_page: bool = True) -> None:
        super().__init__()
        self.label = label
        self.new_page = new_page

    def apply(self, doc: BaseDocTemplate) -> None:
        """Set the label before the page break, so the next page's header already shows it."""
        doc.section = self.label  # type: ignore[attr-defined]  # PlanDocument's attribute
        if self.new_page:
            doc.handle_pageBreak()


class PageRef(Flowable):
    """The number of the page where a :class:`Heading` with ``page_key`` ``key`` was drawn.

    Written as a PDF form that the canvas defines once the whole plan is laid
    out (see ``document._PlanCanvas``), so a page earlier in the plan can name a
    later page without a second layout pass.
    """

    def __init__(self, key: str, font: str, size: float, last: str = "") -> None:
        super().__init__()
        self.key = key
        self.last = last
        """With ``last``, the range from ``key``'s page to ``last``'s (a :class:`PageMark`'s): 18 to 21."""
        self.font = font
        self.size = size
        self.width = stringWidth(f"000{PAGE_RANGE_DASH}000" if last else "000", font, size)
        self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Room for three digits."""
        del availWidth, availHeight
        return self.width, self.height

    def draw(self) -> None:
        """Show the page number's form (defined when the plan is saved)."""
        self.canv.saveState()
        self.canv.translate(0, self.size * 0.2)
        scale = self.size / PAGE_REF_SIZE
        self.canv.scale(scale, scale)
        if self.last:
            ranges = getattr(self.canv, "page_ranges", None)
            if ranges is not None:
                ranges.add((self.key, self.last))
            self.canv.doForm(page_form(f"{self.key}-{self.last}"))
        else:
            self.canv.doForm(page_form(self.key))
        self.canv.restoreState()


class PageMark(Flowable):
    """Takes no room; records the page it lands on under ``key``, for a :class:`PageRef` range's end."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """No room at all."""
        del availWidth, availHeight
        return 0.0, 0.0

    def draw(self) -> None:
        """Record the page number (the last mark under a key wins)."""
        marks = getattr(self.canv, "page_marks", None)
        if marks is not None:
            marks[self.key] = self.canv.getPageNumber()


PAGE_RANGE_DASH = "\u2013"  # an en dash: 18-21 in print
PAGE_REF_SIZE = 10.0
"""The text size of the page-number forms; a reference scales them to its own size."""


def page_form(key: str) -> str:
    """The name of the form holding the page number of ``key``."""
    return f"hiprehabPage.{key}"


class FigureBox(Flowable):
    """A framed box of fixed size, with the exercise's figure inside when there is one.

    The figure is drawn once per document into a PDF form named ``form``, which
    every card of that exercise then shows: smaller files, faster renders.
    """

    def __init__(
        self, width: float, height: float, inside: Flowable | None = None, pad: float = 0.0, form: str = ""
    ) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.inside = inside
        self.pad = pad
        self.form = form

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Always the same size, so cards line up whether or not a figure is drawn."""
        del availWidth, availHeight
        return self.width, self.height

    def _restrictSize(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802, N803 - ReportLab's names
        """Text flowing around the box (ImageAndFlowables) asks its size this way: it never shrinks."""
        return self.wrap(availWidth, availHeight)

    def _unRestrictSize(self) -> None:  # noqa: N802 - ReportLab's name
        """Nothing to undo: the box never shrinks."""

    def _draw_inside(self) -> None:
        assert self.inside is not None  # noqa: S101 - only called with a figure
        c = self.canv
        inner_w, inner_h = self.width - 2 * self.pad, self.height - 2 * self.pad
        w, h = self.inside.wrapOn(c, inner_w, inner_h)
        self.inside.drawOn(c, self.pad + (inner_w - w) / 2, self.pad + (inner_h - h) / 2)

    def _draw_form(self) -> None:
        """The figure's form: drawn once per process, its drawing operators kept for later documents.

        Only operators that stand alone are kept: a figure that registers anything
        with the document (a picture, a font, transparency, a colour space) is drawn
        in each document.
        """
        c: Any = self.canv  # ReportLab's accumulators are not in its type stubs
        key = (id(self.inside), self.width, self.height, self.pad)
        kept = _FIGURE_CODE.get(key)
        c.beginForm(self.form, 0, 0, self.width, self.height)
        if kept is not None and kept[0] is self.inside and not c._code:  # noqa: SLF001
            c._code.extend(kept[1])  # noqa: SLF001
        else:
            before = replay.registered(c, with_fonts=True) if not c._code else None  # noqa: SLF001
            self._draw_inside()
            code = list(c._code)  # noqa: SLF001
            alone = before is not None and replay.registered(c, with_fonts=True) == before
            if alone and not any(" Tf" in op for op in code):
                if len(_FIGURE_CODE) >= MAX_FIGURE_CODE:
                    _FIGURE_CODE.clear()
                _FIGURE_CODE[key] = (self.inside, code)
        c.endForm()

    def draw(self) -> None:
        """Draw the figure (through its form when named), then the frame around it."""
        c = self.canv
        if self.inside is not None:
            if not self.form:
                self._draw_inside()
            else:
                if not c.hasForm(self.form):
                    self._draw_form()
                c.doForm(self.form)
        c.saveState()
        c.setStrokeColor(LIGHT_RULE)
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()


# The drawing operators of each figure form by (figure, box width, height, padding),
# with the figure itself (kept alive, so its id is not reused).
MAX_FIGURE_CODE = 1000  # far more than a catalogue has figures; a bound on memory
_FIGURE_CODE: dict[tuple[int, float, float, float], tuple[Flowable | None, list[str]]] = {}


def forget_figures() -> None:
    """Forget the kept figure operators (memory only: the next plan's bytes are the same)."""
    _FIGURE_CODE.clear()


class KeepIfFits(KeepTogether):
    """Keeps its content on one page when it fits on one; otherwise starts it where it is.

    Three fixes to ReportLab's KeepTogether. It measures nested groups by their
    content (KeepTogether reports a huge height to force a split, so a group
    holding one always looked too tall). Content taller than a whole page starts
    where it is instead of leaving a mostly empty page behind. And a heading is
    never left alone at a page foot (ReportLab's keepWithNext cannot see into a
    group): content starts only where its lead fits, the headings plus the first
    block (whole if they fit a page together, else that block's own lead), and
    that first block is then glued to its headings: it starts right after them
    rather than moving on to the next page by itself.
    """

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables)
        self.content = list(flowables)
        self.needed = 0.0
        self.glued = False
        self._heights: list[float] = []
        self._measured: tuple[float, float] | None = None  # (available width, width taken) last time

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Measure the content, then ask to be split, as KeepTogether does.

        The content is measured at unlimited height, so its sizes depend on the
        width alone: a group asked again at the same width (as a page fills, and
        each enclosing group asks its own) reuses them.
        """
        self.__dict__["_wrapInfo"] = (availWidth, availHeight)  # KeepTogether.split checks it
        measured = self._measured
        if measured is not None and measured[0] == availWidth:
            return measured[1], _UNLIMITED
        width = 0.0
        self._heights = []
        for index, flowable in enumerate(self.content):
            w, h = flowable.wrapOn(self.canv, availWidth, _UNLIMITED)
            if isinstance(flowable, KeepIfFits):
                h = flowable.needed
            h += flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0.0)
            width = max(width, w)
            self._heights.append(h)
        self.needed = sum(self._heights)
        self._measured = (availWidth, width)
        return width, _UNLIMITED

    def _first_block(self) -> int:
        """Index of the first flowable that is not a heading or other paragraph."""
        return next(
            (i for i, f in enumerate(self.content) if not isinstance(f, Paragraph)), len(self.content)
        )

    def lead(self, page: float) -> float:
        """Height that must fit where the content starts, for frames ``page`` high."""
        first = self._first_block()
        headings = sum(self._heights[:first])
        if first == len(self.content):
            return headings
        block, height = self.content[first], self._heights[first]
        if isinstance(block, KeepIfFits) and headings + height > page:
            return headings + block.lead(page) + height - block.needed
        return headings + height

    def min_lead(self) -> float:
        """The least that must fit for the content to start: its headings and first whole piece."""
        first = self._first_block()
        headings = sum(self._heights[:first])
        if first == len(self.content):
            return headings
        block, height = self.content[first], self._heights[first]
        if isinstance(block, KeepIfFits):
            return headings + block.min_lead() + height - block.needed
        return headings + height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Everything here if it fits; else on the next page if it fits one; else from here.

        Glued content (the first block under headings that have started) starts right
        here as long as its headings and first whole piece fit, so headings are never
        left alone on a nearly empty page.
        """
        if vars(self).get("_wrapInfo") != (availWidth, availHeight):
            self.wrap(availWidth, availHeight)
        content: list[Flowable] = list(self.content)
        if self.needed <= availHeight:
            return content
        frame = vars(self).get("_frame")
        page = frame._height if frame is not None else _UNLIMITED  # noqa: SLF001 - ReportLab's frame
        at_top = frame is not None and bool(frame._atTop)  # noqa: SLF001
        moving_helps = self.needed <= page and not self.glued
        glued_fits = self.glued and self.min_lead() <= availHeight
        if at_top or glued_fits or (not moving_helps and self.lead(page) <= availHeight):
            first = self._first_block()
            block = content[first] if 0 < first < len(content) else None
            if isinstance(block, KeepIfFits):
                block.glued = True
            return content
        return [FrameBreak(), *content]


_UNLIMITED = 0xFFFFFF
