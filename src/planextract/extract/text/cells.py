"""Reader for text exports that print one table cell per line (``text-cells``).

Each cell opens with a line starting with a TAB (after optional spaces) and
runs on over the following lines. The header is the run of short labels the
table opens with: up to the first cell holding only a row number when the
plan numbers its rows, else as many labels as make the cells that follow fill
whole rows. Cells are grouped into rows of the header's width. A run of cells
repeating the table's own header labels at a row start is a page top: it is
dropped and marks a page break; an empty cell there is a row continued after
a break, never a header. A heading line standing alone between two rows (a
section or objective title) is a paragraph between two tables, not more text
of the cell above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.extract.html_fragments import plain
from planextract.extract.key_lines import KeyLine, key_line, settle
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.text.decode import decode, lines_of
from planextract.settings import DEFAULT, Settings

CELL_START = re.compile(r"^ *\t")
# a row number: "1", "12", "1.1", "A 1", "1000.1" -- a bare year is a date, not one
_ROW_NUMBER = re.compile(
    r"^\s*[A-Za-z]?\s?(?:\d{1,3}(?:(?:\.\s?|\s)\d{1,3})?|\d{4}\.\d{1,3})\.?\s*$")
_BULLET = re.compile(r"^\s*(?:[-•▪●◦‣∙]|\u2013)\s+")
_WORDS = re.compile(r"[\s/]+")
# a line that titles what follows: a grouping word with its number or letter (or a
# colon): "Section 2", "OBJECTIVE 4 - ACCESS", "Theme A:", "Strand: Race"; a word
# alone ("Area Manager", "Outcome lead") is text, an owner's title most often
_HEADING_WORD = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:section|objective|theme|part|priority|strand|outcome|"
    r"aim|goal|area|year|chapter|appendix|annex|workstream)"
    r"(?:\s*:|\s+(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b)", re.I)
MIN_CAPITAL_WORDS = 3  # "RACE EQUALITY SCHEME" titles; "ACO HR" is an owner
_DATE_LIKE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\bon-?going\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{2}|\d{4})\b",
    re.I)
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60
MAX_HEADER_CELLS = 20
MAX_HEADING_WORDS = 14
HEADING_LEVEL = 2  # a heading between rows titles part of the plan, below its title


@dataclass
class _RawCell:
    lines: list[tuple[int, str]]

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_text_line(self) -> int:
        filled = [n for n, t in self.lines if t.strip()]
        return filled[-1] if filled else self.lines[0][0]

    @property
    def label(self) -> str:
        return " ".join(" ".join(t for _, t in self.lines).split())


@dataclass
class _Loose:
    """A line that may be a heading between rows, or more of the cell above."""

    number: int
    text: str
    blank_before: int  # blank lines between the cell above and this line


@dataclass
class _Break:
    """A repeated header dropped between rows: a page top."""

    cells: int


def _cell_parts(lines: list[str]) -> tuple[str, ...]:
    """Lines of a cell as its parts: a blank line parts paragraphs (as Word's
    text export prints them); a line starting in lower case continues the
    line before it (a sentence broken by a page break) unless it is a bullet
    item; a paragraph opening with a bullet item belongs to the one above;
    bullet glyphs go."""
    parts: list[list[str]] = []
    blank = True
    for line in lines:
        text = plain(line)
        if not text:
            blank = True
            continue
        bullet = bool(_BULLET.match(text))
        text = _BULLET.sub("", text)
        if parts and text[:1].islower() and not bullet:
            parts[-1][-1] = f"{parts[-1][-1]} {text}"
        elif blank and not (bullet and parts):
            parts.append([text])
        else:
            parts[-1].append(text)
        blank = False
    return tuple("\n".join(p) for p in parts)


def is_heading_line(text: str) -> bool:
    """A short title line: a markdown heading, a grouping word with its
    number or letter, or three words or more all in capitals."""
    text = " ".join(text.split())
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or re.search(r"[.,;]$", text):
        return False
    if re.match(r"^#{1,6}\s", text):
        return True
    letters = [c for c in text if c.isalpha()]
    capitals = (len(letters) >= 4 and all(c.isupper() for c in letters)
                and len(words) >= MIN_CAPITAL_WORDS)
    return capitals or bool(_HEADING_WORD.match(text))


def _split_cells(lines: list[str]) -> tuple[list[Paragraph | KeyLine],
                                            list[_RawCell | _Loose]]:
    """Paragraphs before the first cell; then cells, and the lines standing
    alone after a blank line that may be headings."""
    paragraphs: list[Paragraph | KeyLine] = []
    items: list[_RawCell | _Loose] = []
    blanks = 0
    for index, line in enumerate(lines):
        number = index + 1
        if CELL_START.match(line):
            items.append(_RawCell(lines=[(number, line.split("\t", 1)[1])]))
        elif not items:
            if line.strip():
                paragraphs.append(key_line(line, Paragraph(text=plain(line), line=number)))
        elif line.strip() and (blanks or isinstance(items[-1], _Loose)) \
                and is_heading_line(plain(line)) and _stands_alone(lines, index):
            items.append(_Loose(number, line, blanks))
        elif not line.strip() and isinstance(items[-1], _Loose):
            pass  # a blank line after a heading: the next line decides what it was
        else:
            _fold_loose(items)
            last = items[-1]
            assert isinstance(last, _RawCell)
            last.lines.append((number, line))
        blanks = blanks + 1 if not line.strip() else 0
    return paragraphs, items


def _stands_alone(lines: list[str], index: int) -> bool:
    """A blank line, a cell or another heading line follows (or nothing)."""
    following = lines[index + 1:index + 2]
    return (not following or not following[0].strip() or bool(CELL_START.match(following[0]))
            or is_heading_line(plain(following[0])))


def _fold_loose(items: list[_RawCell | _Loose]) -> None:
    """The lines at the end of ``items`` that stood alone were not headings
    after all: give them back to the cell before them."""
    loose: list[_Loose] = []
    while items and isinstance(items[-1], _Loose):
        loose.insert(0, items.pop())
    if not loose:
        return
    cell = items[-1]
    assert isinstance(cell, _RawCell)
    for item in loose:
        cell.lines.append((item.number, item.text))


def _fold_inner(items: list[_RawCell | _Loose]) -> None:
    """Give every loose line in ``items`` (the header) back to its cell."""
    cell: _RawCell | None = None
    for item in items:
        if isinstance(item, _RawCell):
            cell = item
        elif cell is not None:
            cell.lines.append((item.number, item.text))


def _words(text: str) -> list[str]:
    return [w for w in _WORDS.split(text.lower()) if w]


def _is_label(cell: _RawCell) -> bool:
    text = cell.label
    return (bool(text) and len(text.split()) <= MAX_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS
            and not text.endswith(".") and not re.search(r"\d", text))


class _Header:
    """The table's own header labels, to recognise their repeats."""

    def __init__(self, cells: list[_RawCell]) -> None:
        self.labels = [c.label.lower() for c in cells]
        self.label_words = [set(_words(label)) for label in self.labels]
        self.first_empty = bool(self.labels) and not self.labels[0]

    def label_of(self, cell: _RawCell, after: int) -> int | None:
        """The index of the header label ``cell`` repeats (whole, or a piece
        of a label broken over two cells), at or after ``after``."""
        norm = cell.label.lower()
        if not norm or len(norm) > MAX_LABEL_CHARS:
            return None
        words = set(_words(norm))
        for index in range(after, len(self.labels)):
            if norm == self.labels[index] or (words and words <= self.label_words[index]):
                return index
        return None

    def repeat_at(self, cells: list[_RawCell], start: int) -> int:
        """How many cells from ``start`` repeat the header (0 when none): two
        or more labels in the header's order, the first one of its first two,
        empty cells between them; text longer than a label never is one."""
        if start >= len(cells) or (not cells[start].label and not self.first_empty):
            return 0
        end, matched, at = start, 0, 0
        for index in range(start, min(len(cells), start + len(self.labels) + 2)):
            cell = cells[index]
            if not cell.label:
                continue
            label = self.label_of(cell, at)
            if label is None or (matched == 0 and label > 1):
                break
            matched += 1
            at = label
            end = index + 1
        filled = sum(1 for label in self.labels if label)
        return end - start if matched >= min(2, filled) else 0


def _group(cells: list[_RawCell | _Loose], width: int, header: _Header, numbered: bool):
    """Rows of ``width`` cells and the headings between them, in order; the
    cells left in an unfinished row; cells skipped outside any row."""
    out: list[list[_RawCell] | Paragraph | _Break] = []
    current: list[_RawCell] = []
    skipped: list[_RawCell] = []
    plain_cells = [c for c in cells if isinstance(c, _RawCell)]
    position = {id(c): i for i, c in enumerate(plain_cells)}
    skip_until = -1
    for item in cells:
        if isinstance(item, _Loose):
            if current:  # inside a row: more text of the cell above
                current[-1].lines.append((item.number, item.text))
            else:
                text = plain(re.sub(r"^\s*#{1,6}\s+", "", item.text))
                out.append(Paragraph(text=text, line=item.number, level=HEADING_LEVEL))
            continue
        index = position[id(item)]
        if index < skip_until:
            continue
        if not current:
            repeat = header.repeat_at(plain_cells, index)
            if repeat:
                skip_until = index + repeat
                out.append(_Break(repeat))
                continue
            if numbered and item.label and not _ROW_NUMBER.match(item.label):
                if is_heading_line(item.label):  # a heading typed as a cell between rows
                    out.append(Paragraph(text=item.label, line=item.first_line,
                                         level=HEADING_LEVEL))
                else:
                    skipped.append(item)
                continue
        current.append(item)
        if len(current) == width:
            out.append(current)
            current = []
    return out, current, skipped


def _width(cells: list[_RawCell]) -> tuple[int, bool]:
    """(header width, rows numbered): the header ends at the first row
    number after a run of labels, when the rows then come out whole (each
    starting with a number or, continued, empty); else, of the runs of labels
    after which the
    cells fill whole rows, the one repeated most at page tops, then the one
    whose columns hold the most alike cells."""
    labels = 0
    while labels < min(len(cells), MAX_HEADER_CELLS) and _is_label(cells[labels]):
        labels += 1
    first_number = next((i for i, c in enumerate(cells) if _ROW_NUMBER.match(c.label)), None)
    if first_number and all(_is_label(c) or not c.label for c in cells[:first_number]):
        _, left, skipped = _group(list(cells[first_number:]), first_number,
                                  _Header(cells[:first_number]), True)
        if not left and not skipped:
            return first_number, True
        # the rows do not come out whole: the number column is not the first one, and
        # a short first cell ("All") was taken for a label; read the width as unnumbered
    best: tuple[tuple[int, float], int] | None = None
    for width in range(labels, 1, -1):
        grouped, left, _ = _group(list(cells[width:]), width, _Header(cells[:width]), False)
        if left:
            continue
        # the header repeated at page tops is the best evidence of its width
        repeated = sum(g.cells for g in grouped if isinstance(g, _Break))
        score = (repeated, _homogeneity([g for g in grouped if isinstance(g, list)]))
        if best is None or score > best[0]:
            best = (score, width)
    return (best[1] if best else labels), False


def _kind(cell: _RawCell) -> str | None:
    text = cell.label
    if not text:
        return None  # an empty cell (a merged one) fits any column
    if _ROW_NUMBER.match(text):
        return "number"
    if _DATE_LIKE.search(text):
        return "date"
    return "short" if len(text.split()) <= 3 else "long"


def _homogeneity(rows: list[list[_RawCell]]) -> float:
    """How alike the cells of each column are (numbers, dates, short and long
    text), the share of filled cells of their column's commonest kind, less
    for fewer rows: the right width lines the same kinds up in columns."""
    if not rows:
        return 0.0
    same = filled = 0
    for column in zip(*rows):
        kinds = [k for k in (_kind(c) for c in column) if k]
        if kinds:
            same += max(kinds.count(k) for k in set(kinds))
            filled += len(kinds)
    return (same / filled if filled else 0.0) * len(rows) / (len(rows) + 1)


def read_cells(data: bytes, source_format: str = "text-cells",
               settings: Settings = DEFAULT) -> RawDocument:
    text, warnings = decode(data, settings.limits)
    paragraphs, items = _split_cells(lines_of(text))
    cells = [c for c in items if isinstance(c, _RawCell)]
    width, numbered = _width(cells)
    if width < 2:
        return RawDocument(source_format="text-cells", blocks=settle(paragraphs),
                           warnings=warnings + ["no header row of column labels found"])
    header_end = next(i for i, x in enumerate(items) if x is cells[width - 1]) + 1
    head = items[:header_end]
    _fold_inner(head)
    header_cells = [c for c in head if isinstance(c, _RawCell)]
    header = _Header(header_cells)
    first_body = header_end
    while first_body < len(items) and isinstance(items[first_body], _Loose) \
            and len(items[first_body].text.split()) == 1:
        first_body += 1  # one word right after the header is more of its last label
    _fold_inner(items[:first_body])
    grouped, left, skipped = _group(items[first_body:], width, header, numbered)
    blocks: list[Paragraph | Table | KeyLine] = list(paragraphs)
    rows: list[Row] = [Row(cells=tuple(Cell(parts=(c.label,), raw=c.label) for c in header_cells),
                           line_start=header_cells[0].first_line,
                           line_end=header_cells[-1].last_text_line)]
    after_break = False
    for entry in grouped:
        if isinstance(entry, _Break):
            after_break = True
        elif isinstance(entry, Paragraph):
            if rows:
                blocks.append(Table(rows=tuple(rows)))
                rows = []
            blocks.append(entry)
        else:
            rows.append(Row(
                cells=tuple(Cell(parts=_cell_parts([x for _, x in c.lines]),
                                 raw="\n".join(x for _, x in c.lines)) for c in entry),
                line_start=entry[0].first_line, line_end=entry[-1].last_text_line,
                after_break=after_break))
            after_break = False
    if rows:
        blocks.append(Table(rows=tuple(rows)))
    if left:
        warnings.append(f"line {left[0].first_line}: last row has {len(left)} of "
                        f"{width} cells")
    for cell in skipped:
        warnings.append(f"line {cell.first_line}: cell outside any row skipped: "
                        f"{cell.label[:60]!r}")
    return RawDocument(source_format="text-cells", blocks=settle(blocks), warnings=warnings)
