"""Reader for PDF plans (``pdf``).

Each page's glyphs and rules come from pdf.page (pypdfium2), one page at a
time, as displayed (``/Rotate`` applied); its tables from pdf.grid where it
has ruling lines in both directions and from pdf.unruled among the words and
horizontal rules outside those grids (text alignment, rules or shading if
any); the words outside the tables are its lines of text. pdf.stitch then
joins the pages. Tolerances come from ``Settings.pdf``.
A PDF with pages but no text at all is a scan, and said to be one.

Pages are read one ahead: a line in the top or bottom margin is a running
line, dropped before tables are looked for, only when the page before or
after prints it in its margin too (digits folded), or when it is a page
number; a table header at the page top is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium

from planextract.extract.model import RawDocument
from planextract.extract.pdf import glyphs as bulk
from planextract.extract.pdf.columns import cell_groups
from planextract.extract.pdf.document import no_text_error, open_pdf, reopen
from planextract.extract.pdf.grid import find_tables
from planextract.extract.pdf.label_rows import LabelRun, label_rows
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import PageContent, Word, _bulk, read_page
from planextract.extract.pdf.stitch import (
    PAGE_NUMBER,
    PageItems,
    PageLine,
    PageTable,
    drain,
    heading_levels,
    running_lines,
    stitch,
)
from planextract.extract.pdf.unruled import unruled_tables
from planextract.settings import DEFAULT, PdfSettings, Settings


def _in_margin(top: float, height: float, settings: PdfSettings) -> bool:
    return top < settings.margin * height or top > (1 - settings.margin) * height


def _fold(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def margin_lines(page: PageContent, settings: PdfSettings) -> list[list[Word]]:
    """The page's printed lines in its top and bottom margins that could be
    running lines: not a line of three or more cells (a table's header
    repeated at the page top)."""
    return [line for line in printed_lines(
        [w for w in page.words if _in_margin(w.top, page.height, settings)], settings)
        if _in_margin(line[0].top, page.height, settings)
        and len(cell_groups(line, settings.cell_gap)) < 3]


def _text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def _outside(boxes: list[tuple[float, float, float, float]]) -> Callable[[Word], bool]:
    """Whether a word's centre lies outside every box."""
    def test(word: Word) -> bool:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                return False
        return True
    return test


def _page_line(line: list[Word], page: PageContent) -> PageLine:
    """A printed line of text: its words, where it starts and ends, its size and weight."""
    return PageLine(" ".join(w.text for w in line), line[0].x0, line[-1].x1, line[0].top,
                    max(w.size for w in line), all(w.bold for w in line), page.number,
                    page.height)


def _read_page(page: PageContent, columns: list[float] | None, margin: list[list[Word]],
               running: set[str], settings: PdfSettings, warnings: list[str]
               ) -> tuple[PageItems, list[float] | None, Counter]:
    """The page's tables and lines of text, top to bottom; the columns of an
    unruled table it ends with; how many characters it sets in each size.

    Ruled grids first; then tables without vertical rules among the words and
    horizontal rules outside the grids, less proven running lines (both kinds
    may share a page: a ruled key above an unruled plan); the words left are
    lines of text."""
    problems: list[str] = []
    grids = find_tables(page.rules, page.words, settings, problems)
    warnings.extend(f"page {page.number}: {p}" for p in problems)
    tables = [PageTable([[c or "" for c in r] for r in t.rows], t.top, t.bottom,
                        page.number, page.height, list(zip(t.xs, t.xs[1:])), t.open_bottom)
              for t in grids]
    outside = _outside([t.bbox for t in grids])
    words = [w for w in page.words if outside(w)] if grids else page.words
    flat = [r for r in page.rules if r.horizontal and (
        not grids or outside(Word("", r.x0, r.x1, r.top, r.bottom, 0, False)))]
    rules = sorted(r.top for r in flat)
    extent = (min(r.x0 for r in flat), max(r.x1 for r in flat)) if flat else None
    dropped = {id(w) for line in margin
               if _fold(_text(line)) in running or PAGE_NUMBER.match(_text(line)) for w in line}
    found = unruled_tables([w for w in words if id(w) not in dropped] if dropped else words,
                           rules, columns, settings, extent, page.bands)
    tables += [PageTable(t.rows, t.top, t.bottom, page.number, page.height, t.spans)
               for t in found]
    if found:
        outside = _outside([(0, t.top - 1, page.width, t.bottom + 1) for t in found])
        words = [w for w in words if outside(w)]
    result = PageItems()
    result.items.extend(tables)
    lines = printed_lines(words, settings)
    # a running header or a page number ends a run of a form's lines (stitch drops it)
    furniture = {k for k, line in enumerate(lines) if all(id(w) in dropped for w in line)}
    for line in label_rows(lines, settings, ends=furniture):
        if isinstance(line, LabelRun):  # a form with no vertical rule: a table of two
            fallback = None if line.lines is None else [
                _page_line(each, page) for each in line.lines]
            result.items.append(PageTable(line.rows, line.top, line.bottom, page.number,
                                          page.height, line.spans, labels=line.labels,
                                          fallback=fallback))
            continue
        result.items.append(_page_line(line, page))
    result.items.sort(key=lambda item: item.top)
    last = max(tables, key=lambda t: t.top, default=None)
    ends_unruled = bool(found) and last is not None and last.top == found[-1].top
    sizes: Counter = Counter()
    for word in page.words:
        sizes[round(word.size, 1)] += len(word.text)
    return result, found[-1].columns if ends_unruled else None, sizes


@dataclass
class PageRead:
    """One page as read: its items, warnings, characters by font size and count,
    and the unruled columns carried out of it (the state the next page is read
    with). Picklable and compact (no glyphs): what a worker reading part of a
    long PDF sends back (pipeline/pdf_split.py)."""

    items: PageItems
    warnings: list[str]
    sizes: Counter
    chars: int
    columns: list[float] | None


def _contents(document: pdfium.PdfDocument, start: int, stop: int, pdf: PdfSettings,
              data: bytes | None = None) -> Iterator[PageContent]:
    """Pages [start, stop) (0-based) read one at a time, each closed after use.
    Given the PDF's bytes, every ``pdf.reopen_pages`` pages are read from a
    document opened afresh and closed after them: pdfium keeps each parsed
    object until its document closes, about 5 MB a thousand pages."""
    scratch = bulk.Scratch() if _bulk(pdf) else None
    step = pdf.reopen_pages if data is not None and pdf.reopen_pages > 0 else 0
    for first in range(start, stop, step or max(stop - start, 1)):
        last = min(first + step, stop) if step else stop
        source = reopen(data) if step and data is not None else document
        try:
            for index in range(first, last):
                page = source[index]
                try:
                    yield read_page(page, index + 1, pdf, scratch)
                finally:
                    page.close()
        finally:
            if source is not document:
                source.close()


def share_cell_texts(page: PageItems, texts: dict[str | None, str | None]) -> None:
    """Make the page's equal table cell texts one string, the first seen in
    ``texts`` (issue 11: a long plan repeats its owners, dates and statuses
    on every page, and all its pages are held until the running lines are
    known; a 3,014-page plan's cell strings were 11.2 MB, 6.8 MB distinct)."""
    share = texts.setdefault
    for item in page.items:
        if isinstance(item, PageTable):  # each row a tuple: no list's spare room
            item.rows = [tuple(map(share, row, row)) for row in item.rows]


def read_range(document: pdfium.PdfDocument, start: int, stop: int, pdf: PdfSettings,
               columns: list[float] | None = None, data: bytes | None = None
               ) -> list[PageRead]:
    """Pages [start, stop) (0-based), ``columns`` carried into the first. The
    page before and the page after are read too, for their margins only (a
    running line is one a neighbour prints too), so a range gives the same
    pages as the whole document read at once. ``data``, the document's bytes,
    lets a long range reopen it (``_contents``)."""
    out: list[PageRead] = []
    pending: tuple[PageContent, list[list[Word]], set[str]] | None = None
    before: set[str] = set()
    texts: dict[str | None, str | None] = {}  # one string per distinct cell text

    def finish(page: PageContent, lines: list[list[Word]], own: set[str], after: set[str]
               ) -> None:
        nonlocal columns
        warnings: list[str] = []
        result, columns, sizes = _read_page(page, columns, lines, own & (before | after),
                                            pdf, warnings)
        share_cell_texts(result, texts)
        out.append(PageRead(result, warnings, sizes, page.chars, columns))

    for page in _contents(document, max(start - 1, 0), min(stop + 1, len(document)), pdf,
                          data):
        lines = margin_lines(page, pdf)
        margin = {_fold(_text(line)) for line in lines}
        if page.number - 1 < start:  # the page before: its margin only
            before = margin
            continue
        if pending is not None:
            finish(*pending, margin)
            before = pending[2]
        pending = (page, lines, margin)
        if page.number - 1 >= stop:  # the page after: its margin only
            pending = None
            break
    if pending is not None:
        finish(*pending, set())
    return out


def whole(document: pdfium.PdfDocument, data: bytes, pdf: PdfSettings) -> list[PageRead]:
    """Every page, read here in order (the signature of a reader that hands
    pages to other processes; ``data`` lets the read reopen the document)."""
    return read_range(document, 0, len(document), pdf, data=data)


def read_pdf(data: bytes, settings: Settings = DEFAULT,
             read_pages: Callable[[pdfium.PdfDocument, bytes, PdfSettings], list[PageRead]]
             = whole) -> RawDocument:
    """The document's blocks; ``read_pages`` reads its pages (pipeline/pdf_split.py
    hands a long PDF's pages to several processes: the same pages, in order)."""
    document = open_pdf(data, settings.limits)
    pdf = settings.pdf
    try:
        count = len(document)
        read = read_pages(document, data, pdf)
    finally:
        document.close()
    if count and sum(p.chars for p in read) == 0:
        raise no_text_error(data, count, settings.limits)
    items = [p.items for p in read]
    sizes: Counter = Counter()
    for page in read:
        sizes.update(page.sizes)
    warnings = [w for p in read for w in p.warnings]
    del read
    running = running_lines(items, pdf)
    levels = heading_levels([i for p in items for i in p.items if isinstance(i, PageLine)],
                            sizes, pdf)
    return RawDocument(source_format="pdf", blocks=stitch(drain(items), running, levels, pdf),
                       pages=count, warnings=warnings)
