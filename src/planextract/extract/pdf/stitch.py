"""One PDF's pages, read one at a time, stitched into the document: a table
running over pages becomes one table, paragraphs and headings in between.

The header repeated at a page top is dropped (also when no rule parts it from
the row below); a page-top row that starts nothing new continues the row
before it, in every cell, and is marked ``stitched``. Headings are read from
font size and weight; running headers, footers and page numbers (lines
repeated in the margins of most pages) are dropped; a paragraph wrapped over
several lines is one paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planextract.extract.model import Cell, Paragraph, Row, Table
from planextract.extract.pdf.cell_text import NUMBERED, cell_text

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
MARGIN = 0.07  # share of the page height where running headers and footers sit


@dataclass
class PageLine:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool
    page: int
    page_height: float


@dataclass
class PageTable:
    rows: list[list[str | None]]
    top: float
    bottom: float
    page: int
    page_height: float


@dataclass
class PageItems:
    items: list[PageLine | PageTable] = field(default_factory=list)


def running_lines(pages: list[PageItems]) -> set[str]:
    """Texts (digits folded) that sit in the top or bottom margin of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        seen = set()
        for item in page.items:
            if isinstance(item, PageLine) and (item.top < MARGIN * item.page_height
                                            or item.top > (1 - MARGIN) * item.page_height):
                seen.add(re.sub(r"\d+", "#", item.text))
        counts.update(seen)
    return {text for text, n in counts.items() if n >= max(2, len(pages) // 2)}


def heading_levels(lines: list[PageLine], sizes: Counter) -> dict[float, int]:
    """Font sizes larger than the body's (the commonest over all text, tables
    included), largest first, as heading levels 1, 2, 3."""
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    larger = sorted({round(line.size, 1) for line in lines if line.size >= body + 1.0},
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
        lines, labels = cell.split("\n"), label.split("\n")
        if [" ".join(x.split()).lower() for x in lines[:len(labels)]] != [
                " ".join(x.split()).lower() for x in labels]:
            return None
        rest.append("\n".join(lines[len(labels):]))
    return rest if len(row) == len(header) else None


def _continues(row: list[str]) -> bool:
    """A page-top row that carries on the row before it: its leading cell is
    empty or carries on a sentence (lower case), and neither it nor the first
    filled cell after it starts a number (a merged outcome running on beside
    a new numbered action is a new row)."""
    if not row:
        return False
    lead = row[0].strip()
    after = next((c.strip() for c in row[1:] if c.strip()), "")
    if not (lead or after) or any(NUMBERED.match(c + " ") for c in (lead, after) if c):
        return False
    return not lead or lead[0].islower()


def _cell(raw: str) -> Cell:
    """A cell from its printed lines, kept raw so a page break can add more."""
    text = cell_text(raw)
    return Cell(parts=(text,) if text else (), raw=raw)


def _wraps_into(previous: PageLine | None, line: PageLine, right: float) -> bool:
    """``line`` is the next printed line of ``previous``'s paragraph: same
    font, directly beneath, and ``previous`` ran to the right edge of the text."""
    return (previous is not None and previous.page == line.page
            and round(previous.size, 1) == round(line.size, 1) and previous.bold == line.bold
            and 0 < line.top - previous.top <= 1.6 * line.size
            and previous.x1 >= right - 0.15 * (right - previous.x0))


def stitch(pages: list[PageItems], running: set[str], sizes: Counter) -> list[Paragraph | Table]:
    levels = heading_levels([i for p in pages for i in p.items if isinstance(i, PageLine)], sizes)
    blocks: list[Paragraph | Table] = []
    open_rows: list[Row] | None = None
    header: list[str] | None = None
    last_line: PageLine | None = None
    for page in pages:
        lines = [i for i in page.items if isinstance(i, PageLine)]
        right_edge = max((line.x1 for line in lines), default=0.0)
        for item in page.items:
            if isinstance(item, PageLine):
                in_margin = (item.top < MARGIN * item.page_height
                             or item.top > (1 - MARGIN) * item.page_height)
                if in_margin and (re.sub(r"\d+", "#", item.text) in running
                                  or _PAGE_NUMBER.match(item.text)):
                    continue
                if open_rows is not None:
                    blocks.append(Table(rows=tuple(open_rows)))
                    open_rows, header = None, None
                    last_line = None
                if _wraps_into(last_line, item, right_edge) and isinstance(blocks[-1], Paragraph):
                    before = blocks[-1]
                    blocks[-1] = Paragraph(f"{before.text} {item.text}", page=before.page,
                                           level=before.level, bold=before.bold)
                    last_line = item
                    continue
                last_line = item
                level = levels.get(round(item.size, 1), 0)
                if not level and item.bold and len(item.text.split()) <= 15:
                    level = 4
                blocks.append(Paragraph(item.text, page=item.page, level=level, bold=item.bold))
                continue
            last_line = None
            rows = [[c or "" for c in r] for r in item.rows if any(c for c in r)]
            if not rows:
                continue
            continuing = (open_rows is not None and header is not None
                          and len(rows[0]) == len(header))
            if continuing:
                if _same_header(rows[0], header):
                    rows = rows[1:]
                elif (below := _below_header(rows[0], header)) is not None:
                    rows[0] = below
                if rows and open_rows and _continues(rows[0]):
                    last = open_rows[-1]
                    joined = tuple(_cell("\n".join(x for x in (a.raw, b) if x))
                                   for a, b in zip(last.cells, rows[0]))
                    open_rows[-1] = Row(cells=joined, page_start=last.page_start,
                                        page_end=item.page, stitched=True)
                    rows = rows[1:]
            else:
                if open_rows is not None:
                    blocks.append(Table(rows=tuple(open_rows)))
                open_rows, header = [], rows[0]
            for index, cells in enumerate(rows):
                open_rows.append(Row(cells=tuple(_cell(c) for c in cells),
                                     page_start=item.page, page_end=item.page,
                                     after_break=continuing and index == 0))
    if open_rows is not None:
        blocks.append(Table(rows=tuple(open_rows)))
    return blocks
