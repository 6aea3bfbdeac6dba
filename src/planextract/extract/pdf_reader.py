"""Reader for PDF plans (``pdf``): glyphs and rules from pdf_page (pypdfium2).

Tables are found from ruling lines where a page has them, and from text
alignment where it has only horizontal rules or none. A table running over
pages is stitched: the header repeated at a page top is dropped, and a row
whose leading cells are empty at a page top (and which starts no new number)
continues the row before it, in every cell. Headings are read from font size
and weight; running headers, footers and page numbers (lines repeated at the
same place on most pages) are dropped. Pages are read one at a time and their
caches released, so memory does not grow with the page count.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planextract.extract.errors import ReaderError
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.pdf_grid import find_tables, printed_lines
from planextract.extract.pdf_page import PageContent, Word, open_pdf, pages

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_BULLET = re.compile(r"^\s*[•▪●◦‣∙■\uf0b7\uf0a7]\s+")
_DASH_BULLET = re.compile(r"^\s*[-–]\s+")
_NUMBERED = re.compile(r"^\s*[A-Z]?\s?\d{1,3}(?:\s?\.\s?\d{1,2})?\.?\s")
MARGIN = 0.07  # share of the page height where running headers and footers sit


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool
    page: int
    page_height: float


@dataclass
class _PageTable:
    rows: list[list[str | None]]
    top: float
    bottom: float
    page: int
    page_height: float


@dataclass
class _Page:
    items: list[_Line | _PageTable] = field(default_factory=list)


def _cell_text(text: str | None) -> str:
    """Printed lines of one cell joined into its text.

    A wrapped line continues the one before with a space, or with none after
    a hyphen (``anti-`` + ``discrimination``: Word breaks after hyphens). A
    glyph bullet starts a new line; a dash only where the line before ended
    a sentence or was a dash item itself, since a wrap can also put a spaced
    dash (``CPS - Based on``) at a line start."""
    if not text:
        return ""
    out: list[str] = []
    dash_item = False
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        glyph = _BULLET.match(line)
        dash = _DASH_BULLET.match(line)
        starts_item = bool(glyph) or (bool(dash) and (
            not out or dash_item or out[-1].endswith((".", ":", ";", "!", "?"))))
        if out and not starts_item:
            out[-1] = out[-1] + line if out[-1].endswith("-") else f"{out[-1]} {line}"
            continue
        dash_item = bool(dash) and starts_item
        out.append(_DASH_BULLET.sub("", _BULLET.sub("", line)) if starts_item else line)
    return "\n".join(out)


def _groups(line: list[Word], gap: float = 12.0) -> list[list[Word]]:
    """Runs of words separated by less than ``gap``: the cells of a printed row."""
    out: list[list[Word]] = []
    for word in line:
        if out and word.x0 - out[-1][-1].x1 < gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _aligned_start(lines: list[list[Word]], columns: list[float] | None
                   ) -> tuple[int, list[float]] | None:
    """Where a table without vertical rules starts, and its column starts: a
    line of three or more separated labels whose next line lines up with them,
    or (on a later page) a line that lines up with the previous page's columns."""
    for index, line in enumerate(lines):
        groups = _groups(line)
        starts = [g[0].x0 for g in groups]
        if len(groups) >= 3:
            # the first later line of two or more cells, past any second line
            # of wrapped header labels, must line up with the labels
            follow = next((g for g in map(_groups, lines[index + 1:index + 4]) if len(g) >= 2),
                          [])
            if sum(any(abs(f[0].x0 - x) < 4 for x in starts) for f in follow) >= 2:
                if columns and all(any(abs(x - c) < 4 for c in columns) for x in starts):
                    return index, columns  # the same layout again, unlabelled columns too
                return index, starts
        if columns and len(groups) >= 2 and sum(
                any(abs(x - c) < 4 for c in columns) for x in starts) >= 2:
            return index, columns
    return None


def _unlabelled_columns(lines: list[list[Word]], columns: list[float]) -> list[float]:
    """The header's column starts plus those of columns with no label (a
    number column headed by nothing): a cell start that recurs on two or
    more lines away from every labelled column."""
    seen: list[float] = []
    for line in lines:
        seen.extend(group[0].x0 for group in _groups(line))
    extra: list[float] = []
    for x in sorted(seen):
        if any(abs(x - c) < 6 for c in [*columns, *extra]):
            continue
        if sum(1 for other in seen if abs(other - x) < 2) >= 2:
            extra.append(x)
    return sorted([*columns, *extra])


def _aligned_table(page: PageContent, words: list[Word], columns: list[float] | None
                   ) -> tuple[_PageTable, tuple, list[float]] | None:
    """A table without vertical rules, columns anchored on the header's labels.
    Rows are cut at horizontal rules where there are any, else where a line
    opens a new row (text in the first column, a number, or a wider gap)."""
    lines = printed_lines(words)
    found = _aligned_start(lines, columns)
    if found is None:
        return None
    start, columns = found
    columns = _unlabelled_columns(lines[start + 1:start + 41], columns)
    rules = sorted(r.top for r in page.rules if r.horizontal)
    height = lines[start][0].bottom - lines[start][0].top
    rows: list[list[list[str]]] = []
    last_bottom: float | None = None
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if last_bottom is not None and line[0].top - last_bottom > 2.5 * height:
            break
        cells: list[list[str]] = [[] for _ in columns]
        for word in line:
            col = max((i for i, x in enumerate(columns) if word.x0 >= x - 4), default=0)
            cells[col].append(word.text)
        texts = [" ".join(c) for c in cells]
        filled = [t for t in texts if t]
        header_goes_on = (len(rows) == 1 and all(w.bold for w in line)
                          and all(w.bold for w in lines[start])
                          and line[0].top - last_bottom <= 0.6 * height)
        if header_goes_on:
            new_row = False  # a header label wrapped onto a second line
        elif rules:
            new_row = last_bottom is None or any(last_bottom - 1 <= r <= line[0].top + 1
                                                 for r in rules)
        else:
            # a row opens with text in the first column, a number, or more
            # space above it than between the wrapped lines of one cell
            new_row = (last_bottom is None or bool(texts[0])
                       or line[0].top - last_bottom > 0.6 * height
                       or bool(_NUMBERED.match(filled[0] + " ")))
        if new_row or not rows:
            rows.append([[t] if t else [] for t in texts])
        else:
            for cell, text in zip(rows[-1], texts):
                if text:
                    cell.append(text)
        last_bottom = line[0].bottom
        end = index
    top, bottom = lines[start][0].top, lines[end][0].bottom
    table = _PageTable([["\n".join(c) for c in r] for r in rows], top, bottom,
                       0, page.height)
    return table, (0, top - 1, page.width, bottom + 1), columns


def _page_tables(page: PageContent, columns: list[float] | None
                 ) -> tuple[list[_PageTable], list[tuple], list[float] | None]:
    """(tables, their boxes, the columns of a table without vertical rules)."""
    found = find_tables(page.rules, page.words)
    if found:
        tables = [_PageTable([[c or "" for c in r] for r in t.rows],
                             t.top, t.bottom, 0, page.height) for t in found]
        return tables, [t.bbox for t in found], None
    words = [w for w in page.words if w.top > MARGIN * page.height
             and w.bottom < (1 - MARGIN) * page.height]
    tables, boxes = [], []
    while words:
        aligned = _aligned_table(page, words, columns)
        if aligned is None:
            break
        table, box, columns = aligned
        tables.append(table)
        boxes.append(box)
        words = [w for w in words if w.top > table.bottom]
    return tables, boxes, columns if tables else None


def _read_page(page: PageContent, columns: list[float] | None
               ) -> tuple[_Page, list[float] | None, Counter]:
    result = _Page()
    tables, boxes, columns = _page_tables(page, columns)
    for table in tables:
        table.page = page.number
        result.items.append(table)

    def outside(word: Word) -> bool:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    for line in printed_lines([w for w in page.words if outside(w)]):
        text = " ".join(w.text for w in line)
        size = max(w.size for w in line)
        bold = all(w.bold for w in line)
        result.items.append(_Line(text, line[0].x0, line[-1].x1, line[0].top, size, bold,
                                  page.number, page.height))
    result.items.sort(key=lambda item: item.top)
    sizes: Counter = Counter()
    for word in page.words:
        sizes[round(word.size, 1)] += len(word.text)
    return result, columns, sizes


def _running_lines(pages: list[_Page]) -> set[str]:
    """Texts (digits folded) that sit in the top or bottom margin of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        seen = set()
        for item in page.items:
            if isinstance(item, _Line) and (item.top < MARGIN * item.page_height
                                            or item.top > (1 - MARGIN) * item.page_height):
                seen.add(re.sub(r"\d+", "#", item.text))
        counts.update(seen)
    return {text for text, n in counts.items() if n >= max(2, len(pages) // 2)}


def _heading_levels(lines: list[_Line], sizes: Counter) -> dict[float, int]:
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
    if not (lead or after) or any(_NUMBERED.match(c + " ") for c in (lead, after) if c):
        return False
    return not lead or lead[0].islower()


def _cell(raw: str) -> Cell:
    """A cell from its printed lines, kept raw so a page break can add more."""
    text = _cell_text(raw)
    return Cell(parts=(text,) if text else (), raw=raw)


def _wraps_into(previous: _Line | None, line: _Line, right: float) -> bool:
    """``line`` is the next printed line of ``previous``'s paragraph: same
    font, directly beneath, and ``previous`` ran to the right edge of the text."""
    return (previous is not None and previous.page == line.page
            and round(previous.size, 1) == round(line.size, 1) and previous.bold == line.bold
            and 0 < line.top - previous.top <= 1.6 * line.size
            and previous.x1 >= right - 0.15 * (right - previous.x0))


def _stitch(pages: list[_Page], running: set[str], sizes: Counter) -> list[Paragraph | Table]:
    levels = _heading_levels([i for p in pages for i in p.items if isinstance(i, _Line)], sizes)
    blocks: list[Paragraph | Table] = []
    open_rows: list[Row] | None = None
    header: list[str] | None = None
    last_line: _Line | None = None
    for page in pages:
        lines = [i for i in page.items if isinstance(i, _Line)]
        right_edge = max((line.x1 for line in lines), default=0.0)
        for item in page.items:
            if isinstance(item, _Line):
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


def read_pdf(data: bytes) -> RawDocument:
    document = open_pdf(data)
    read: list[_Page] = []
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
        raise ReaderError(f"the PDF has {count} page(s) but no text layer: it is a scan or "
                          "an image; run OCR on it (e.g. ocrmypdf) and try again")
    return RawDocument(source_format="pdf", blocks=_stitch(read, _running_lines(read), sizes),
                       pages=count)
