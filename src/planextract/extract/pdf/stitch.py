"""One PDF's pages, read one at a time, stitched into the document: a table
running over pages becomes one table, paragraphs and headings in between.

The header repeated at a page top is dropped (also when no rule parts it from
the row below); a page-top row that starts nothing new continues the row
before it, in every cell, and is marked ``stitched``. A cell of dates one a
line beside actions stacked in one cell gives each its line
(cell_text.parallel_lines). Headings are read from
font size and weight; running headers, footers and page numbers (lines
repeated in the margins of most pages) are dropped; a paragraph wrapped over
several lines is one paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from planextract.extract.model import Cell, Paragraph, Row, Table
from planextract.extract.pdf.cell_text import cell_parts, parallel_lines
from planextract.extract.pdf.packed_cell import packed
from planextract.extract.pdf.posts_alone import parted_posts
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, NUMBERED
from planextract.settings import DEFAULT, PdfSettings

PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


@dataclass(slots=True)
class PageLine:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool
    page: int
    page_height: float


@dataclass(slots=True)
class PageTable:
    rows: list[list[str | None]] | list[tuple[str | None, ...]]  # tuples once read
    top: float
    bottom: float
    page: int
    page_height: float
    spans: list[tuple[float, float]] = field(default_factory=list)  # columns' x-ranges
    open_end: bool = False  # its last row is drawn open: the next page carries it on
    labels: tuple[str, ...] = ()  # a form's labels (``pdf.label_rows``)
    fallback: list[PageLine] | None = None  # a form no earlier one proves: its lines


@dataclass(slots=True)
class PageItems:
    items: list[PageLine | PageTable] = field(default_factory=list)


def _in_margin(line: PageLine, settings: PdfSettings) -> bool:
    return (line.top < settings.margin * line.page_height
            or line.top > (1 - settings.margin) * line.page_height)


def running_lines(pages: list[PageItems], settings: PdfSettings = DEFAULT.pdf) -> set[str]:
    """Texts (digits folded) that sit in the top or bottom margin of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        seen = set()
        for item in page.items:
            if isinstance(item, PageLine) and _in_margin(item, settings):
                seen.add(re.sub(r"\d+", "#", item.text))
        counts.update(seen)
    return {text for text, n in counts.items() if n >= max(2, len(pages) // 2)}


def drain(pages: list[PageItems]) -> Iterator[PageItems]:
    """The pages in order, each let go by the list as it is handed out, so a
    long document's page items and its blocks are not all held at once."""
    pages.reverse()
    while pages:
        yield pages.pop()


def heading_levels(lines: list[PageLine], sizes: Counter, settings: PdfSettings = DEFAULT.pdf
                   ) -> dict[float, int]:
    """Font sizes larger than the body's (the commonest over all text, tables
    included), largest first, as heading levels 1, 2, 3."""
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    step = settings.heading_step
    larger = sorted({round(line.size, 1) for line in lines if line.size >= body + step},
                    reverse=True)
    return {s: min(i + 1, 3) for i, s in enumerate(larger)}


def _same_header(row: list[str], header: list[str]) -> bool:
    return [" ".join(c.split()).lower() for c in row] == [" ".join(c.split()).lower()
                                                          for c in header]


def _below_header(row: list[str], header: list[str]) -> list[str] | None:
    """A repeated header fused with the row beneath it (a missing rule under
    the header, as some writers draw a row split at a page top): the cells
    less the header labels, or None when ``row`` does not start with them."""
    rest = []
    for cell, label in zip(row, header):
        lines = [x for x in cell.split("\n") if x.strip()]
        labels = [x for x in label.split("\n") if x.strip()]
        if [" ".join(x.split()).lower() for x in lines[:len(labels)]] != [
                " ".join(x.split()).lower() for x in labels]:
            return None
        rest.append("\n".join(lines[len(labels):]))
    return rest if len(row) == len(header) else None


def _unbulleted(cell: str) -> str:
    return DASH_BULLET.sub("", GLYPH_BULLET.sub("", cell.strip()))


def _opens_action(cell: str) -> bool:
    """Whether a cell opens with an action number and a capital (``4 Refresh``,
    ``• 2.1 Model``): a stacked action's own paragraph, never a wrapped line."""
    text = _unbulleted(cell)
    match = NUMBERED.match(text)
    return bool(match) and text[match.end():][:1].isupper()


def _continues(row: list[str]) -> bool:
    """A page-top row that carries on the row before it: its leading cell is
    empty or carries on a sentence or a list (lower case, after any bullet),
    and neither it nor the first filled cell after it starts a number, with
    or without a bullet before it (a merged outcome running on beside a new
    numbered action is a new row), nor does any other cell open with a
    numbered action (stacked actions in a row of their own, their number in
    the text where the id column is empty)."""
    if not row or any(_opens_action(c) for c in row):
        return False
    lead = _unbulleted(row[0])
    after = next((_unbulleted(c) for c in row[1:] if c.strip()), "")
    if not (lead or after) or any(NUMBERED.match(c + " ") for c in (lead, after) if c):
        return False
    return not lead or lead[0].islower()


def _stack_cut(last: Row, row: list[str]) -> bool:
    """A page-top row that is the rest of a cell of stacked actions cut at the
    page foot: only one cell filled, with numbered actions only, while every
    filled cell of the row above lists one paragraph for each action of the
    cell above and below the cut (two such cells at least: its dates, its
    owners), or one for them all (a reference, an outcome)
    (``4 To scope ...`` | ``End 2012`` / ``31-Mar-12`` | two posts, then ``5 A
    review ...`` alone at the next page's top). A row with its own empty cells
    under a row of several owners is not one: the counts must match."""
    filled = [i for i, cell in enumerate(row) if cell.strip()]
    if len(filled) != 1 or filled[0] >= len(last.cells):
        return False
    column = filled[0]
    below = [p for p in row[column].split("\n\n") if p.strip()]
    above = last.cells[column].parts
    if not (above and all(_opens_action(p) for p in below)
            and all(_opens_action(p) for p in above)):
        return False
    counts = [len(c.parts) for i, c in enumerate(last.cells) if i != column and c.parts]
    stacked = len(above) + len(below)
    return (sum(n == stacked for n in counts) >= 2
            and all(n in (1, stacked) for n in counts))


def _joined_cell(above: str, below: str) -> str:
    """A cell's text on two pages as one: the part below a page break opens a
    paragraph of its own when it opens with an action number and a capital
    (a stacked action), else it carries on the line above."""
    if not above or not below:
        return above or below
    return f"{above}\n\n{below}" if _opens_action(below) else f"{above}\n{below}"


def _cell(raw: str) -> Cell:
    """A cell from its printed lines, kept raw so a page break can add more
    (packed: the raw text as line lengths where that rebuilds it)."""
    return packed(cell_parts(raw), raw)


def _wraps_into(previous: PageLine | None, line: PageLine, right: float,
                settings: PdfSettings = DEFAULT.pdf) -> bool:
    """``line`` is the next printed line of ``previous``'s paragraph: same
    font, directly beneath, and ``previous`` ran to the right edge of the text."""
    return (previous is not None and previous.page == line.page
            and round(previous.size, 1) == round(line.size, 1) and previous.bold == line.bold
            and 0 < line.top - previous.top <= settings.para_leading * line.size
            and previous.x1 >= right - settings.para_fill * (right - previous.x0))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def aligned_columns(old: list[tuple[float, float]], new: list[tuple[float, float]],
                    settings: PdfSettings = DEFAULT.pdf) -> list[int] | None:
    """For each of a page's columns, the column of the table above it lies
    in (by x-range, not by count: a column found on one page only still
    lines up), or None when some column lines up with none: another table."""
    if not old or not new:
        return None
    mapping: list[int] = []
    for span in new:
        width = max(span[1] - span[0], 1.0)
        best = max(range(len(old)), key=lambda i: _overlap(old[i], span))
        inside = _overlap(old[best], span) >= settings.span_inside * width
        if not (inside or abs(old[best][0] - span[0]) <= settings.align):
            return None
        if mapping and best < mapping[-1]:
            return None
        mapping.append(best)
    return mapping


def _remap(row: list[str], mapping: list[int], width: int) -> list[str]:
    out = [""] * width
    for cell, to in zip(row, mapping):
        if cell:
            out[to] = f"{out[to]}\n\n{cell}" if out[to] else cell
    return out


def _forms_known(items: list[PageLine | PageTable], known: set[str]
                 ) -> Iterator[PageLine | PageTable]:
    """A page's items with its forms decided: a form whose labels came back on its page
    is one, and teaches its labels (``known``); one whose labels did not (a record or
    two at a page's foot, under a heading) is one where every label it prints is one
    an earlier form printed, else its lines, as printed."""
    for item in items:
        if isinstance(item, PageTable) and item.labels:
            if item.fallback is None or set(item.labels) <= known:
                known.update(item.labels)
                yield item
            else:
                yield from item.fallback
        else:
            yield item


def stitch(pages: Iterable[PageItems], running: set[str], levels: dict[float, int],
           settings: PdfSettings = DEFAULT.pdf) -> list[Paragraph | Table]:
    """The blocks of pages taken one at a time (issue 11: the caller can let
    each page go once stitched); ``running`` and ``levels`` are over all pages
    (running_lines, heading_levels). Cells of equal raw text are one (frozen)
    ``Cell`` object: a long plan repeats its owners, dates and statuses, and
    a cell is a pure function of its raw text."""
    blocks: list[Paragraph | Table] = []
    open_rows: list[Row] | None = None
    header: list[str] | None = None
    spans: list[tuple[float, float]] = []
    tops: list[list[str]] = []  # the open table's first rows: its header, if repeated
    open_page = 0
    open_end = False  # the open table's last row runs on over the page break
    last_line: PageLine | None = None
    # one Cell per distinct raw text (long plans repeat theirs), found by the
    # text's hash: keyed by the text itself, the dict held every raw string to
    # the end, which packed cells let go (``clashes``: texts whose hash another has)
    made: dict[int, Cell] = {}
    clashes: dict[str, Cell] = {}

    def cell(raw: str) -> Cell:
        key = hash(raw)
        found = made.get(key)
        if found is None:
            found = made[key] = _cell(raw)
        elif found.raw != raw:
            found = clashes.get(raw)
            if found is None:
                found = clashes[raw] = _cell(raw)
        return found

    known: set[str] = set()  # the labels of the forms read so far
    for page in pages:
        page.items = list(_forms_known(page.items, known))
        lines = [i for i in page.items if isinstance(i, PageLine)]
        right_edge = max((line.x1 for line in lines), default=0.0)
        for item in page.items:
            if isinstance(item, PageLine):
                if _in_margin(item, settings) and (re.sub(r"\d+", "#", item.text) in running
                                                   or PAGE_NUMBER.match(item.text)):
                    continue
                if open_rows is not None:
                    blocks.append(Table(rows=tuple(open_rows)))
                    open_rows, header = None, None
                    last_line = None
                if _wraps_into(last_line, item, right_edge, settings) and isinstance(
                        blocks[-1], Paragraph):
                    before = blocks[-1]
                    blocks[-1] = Paragraph(f"{before.text} {item.text}", page=before.page,
                                           level=before.level, bold=before.bold)
                    last_line = item
                    continue
                last_line = item
                level = levels.get(round(item.size, 1), 0)
                if not level and item.bold and len(item.text.split()) <= settings.heading_words:
                    level = 4
                blocks.append(Paragraph(item.text, page=item.page, level=level, bold=item.bold))
                continue
            last_line = None
            every = [[c or "" for c in r] for r in item.rows]
            rows = [r for r in every if any(r)]
            if not rows:
                continue
            mapping = None
            # a table continues the open one only across a page break
            if open_rows is not None and header is not None and item.page != open_page:
                if spans and item.spans:
                    mapping = aligned_columns(spans, item.spans, settings)
                elif len(rows[0]) == len(header):
                    mapping = list(range(len(header)))  # no x-ranges known: same count
            continuing = mapping is not None
            if continuing:
                rows = [_remap(r, mapping, len(header)) for r in rows]
                repeated = 0
                if _same_header(rows[0], header):
                    rows, repeated = rows[1:], 1
                    # a header of two or three rows repeats whole
                    for above in tops[1:]:
                        if not rows or not _same_header(rows[0], above):
                            break
                        rows, repeated = rows[1:], repeated + 1
                elif (below := _below_header(rows[0], header)) is not None:
                    rows[0] = below
                # a row drawn open at the foot of the page before goes on in
                # the first row under the header, unless the writer left that
                # row empty (it closed the cut row there)
                carried = open_end and repeated < len(every) and any(every[repeated])
                if rows and open_rows and (carried or _continues(rows[0])
                                           or _stack_cut(open_rows[-1], rows[0])):
                    last = open_rows[-1]
                    joined = tuple(cell(_joined_cell(a.raw, b))
                                   for a, b in zip(last.cells, rows[0]))
                    open_rows[-1] = Row(cells=joined, page_start=last.page_start,
                                        page_end=item.page, stitched=True)
                    rows = rows[1:]
            else:
                if open_rows is not None:
                    blocks.append(Table(rows=tuple(open_rows)))
                open_rows, header, spans = [], rows[0], item.spans
                tops = rows[:3]
            open_page, open_end = item.page, item.open_end
            for index, cells in enumerate(rows):
                open_rows.append(Row(cells=tuple(cell(c) for c in parallel_lines(cells)),
                                     page_start=item.page, page_end=item.page,
                                     after_break=continuing and index == 0))
    if open_rows is not None:
        blocks.append(Table(rows=tuple(open_rows)))
    return parted_posts(blocks, cell, settings)
