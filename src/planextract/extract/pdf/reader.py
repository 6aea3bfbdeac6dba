"""Reader for PDF plans (``pdf``).

Each page's glyphs and rules come from pdf.page (pypdfium2), one page at a
time; its tables from pdf.grid where it has ruling lines in both directions,
else from pdf.unruled (text alignment, horizontal rules if any); the words
outside the tables are its lines of text. pdf.stitch then joins the pages.
A PDF with pages but no text at all is a scan, and said to be one.
"""

from __future__ import annotations

from collections import Counter

from planextract.extract.model import RawDocument
from planextract.extract.pdf.document import no_text_error, open_pdf
from planextract.extract.pdf.grid import find_tables
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import PageContent, Word, pages
from planextract.extract.pdf.stitch import (
    MARGIN,
    PageItems,
    PageLine,
    PageTable,
    running_lines,
    stitch,
)
from planextract.extract.pdf.unruled import unruled_tables
from planextract.settings import DEFAULT, Settings


def _page_tables(page: PageContent, columns: list[float] | None
                 ) -> tuple[list[PageTable], list[tuple], list[float] | None]:
    """(tables, their boxes, the columns of a table without vertical rules)."""
    found = find_tables(page.rules, page.words)
    if found:
        tables = [PageTable([[c or "" for c in r] for r in t.rows],
                            t.top, t.bottom, page.number, page.height) for t in found]
        return tables, [t.bbox for t in found], None
    words = [w for w in page.words if w.top > MARGIN * page.height
             and w.bottom < (1 - MARGIN) * page.height]
    rules = sorted(r.top for r in page.rules if r.horizontal)
    found_unruled = unruled_tables(words, rules, columns)
    tables = [PageTable(t.rows, t.top, t.bottom, page.number, page.height)
              for t in found_unruled]
    boxes = [(0, t.top - 1, page.width, t.bottom + 1) for t in found_unruled]
    return tables, boxes, found_unruled[-1].columns if found_unruled else None


def _read_page(page: PageContent, columns: list[float] | None
               ) -> tuple[PageItems, list[float] | None, Counter]:
    """The page's tables and lines of text, top to bottom; the columns of an
    unruled table it ends with; how many characters it sets in each size."""
    result = PageItems()
    tables, boxes, columns = _page_tables(page, columns)
    result.items.extend(tables)

    def outside(word: Word) -> bool:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    for line in printed_lines([w for w in page.words if outside(w)]):
        text = " ".join(w.text for w in line)
        size = max(w.size for w in line)
        bold = all(w.bold for w in line)
        result.items.append(PageLine(text, line[0].x0, line[-1].x1, line[0].top, size, bold,
                                     page.number, page.height))
    result.items.sort(key=lambda item: item.top)
    sizes: Counter = Counter()
    for word in page.words:
        sizes[round(word.size, 1)] += len(word.text)
    return result, columns, sizes


def read_pdf(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    document = open_pdf(data, settings.limits)
    read: list[PageItems] = []
    chars = 0
    sizes: Counter = Counter()
    columns: list[float] | None = None
    try:
        count = len(document)
        for page in pages(document):
            chars += page.chars
            result, columns, page_sizes = _read_page(page, columns)
            read.append(result)
            sizes.update(page_sizes)
    finally:
        document.close()
    if count and chars == 0:
        raise no_text_error(data, count, settings.limits)
    return RawDocument(source_format="pdf", blocks=stitch(read, running_lines(read), sizes),
                       pages=count)
