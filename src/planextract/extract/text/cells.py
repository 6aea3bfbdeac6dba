"""Reader for text exports that print one table cell per line (``text-cells``).

Each cell opens with a line starting with a TAB (after optional spaces) and
runs on over the following lines. A table opens with its header, one or two
rows of short labels (empty cells allowed); how many cells make a row, and so
where each row starts, is weighed from the evidence in ``cell_rows``. A run
of cells repeating the table's own header labels at a row start is a page
top: it is dropped and marks a page break; an empty cell there is a row
continued after a break, never a header. A line standing alone between two
rows is a heading when it reads as one or a new table's header follows it,
else more text of the cell above. Cells that make no table are kept as text,
with a warning.
"""

from __future__ import annotations

import re
from functools import cache

from planextract import memo
from planextract.extract.block_pack import PackedBlocks, packed_blocks
from planextract.extract.key_lines import KeyLine, settle
from planextract.extract.model import Cell, Paragraph, RawDocument, Table
from planextract.extract.parts import plain
from planextract.extract.text import cell_evidence, cell_labels, cell_rows
from planextract.extract.text.cell_choose import choose
from planextract.extract.text.cell_headers import MAX_HEADER_CELLS
from planextract.extract.text.cell_items import Break, Loose, Parse, RawCell
from planextract.extract.text.cell_labels import is_heading_line, is_label
from planextract.extract.text.cell_rows import HEADING_LEVEL
from planextract.extract.text.cell_split import give_back as _give_back
from planextract.extract.text.cell_stretch import Stretch
from planextract.extract.text.cell_tables import cell_tables
from planextract.extract.text.line_pieces import decode_pieces
from planextract.settings import DEFAULT, Settings

__all__ = ["HEADING_LEVEL", "is_heading_line", "read_cells"]

_BULLET = re.compile(r"^\s*(?:[-•▪●◦‣∙]|\u2013)\s+")
_CLOSES_PHRASE = re.compile(r"[\d.!?;:)]$")


@cache
def _shared_cell(raw: str) -> Cell:
    """The cell printing ``raw`` (its lines joined), one object per distinct
    text while an export is read (issue 11: a third of a plan's cells are
    distinct, owners, dates and statuses repeat; ``read_cells`` forgets them):
    its parts worked out once and the cell held once, not once a row."""
    return Cell(parts=_raw_parts(raw), raw=raw)


def _raw_parts(raw: str) -> tuple[str, ...]:
    """The parts of the cell printing ``raw`` (its lines joined). A cell of one line
    (most) is its plain text, a bullet glyph opening it gone, as ``_cell_parts``
    reads one line, without its walk (issue 11: a part for each distinct text of
    each table)."""
    if "\n" in raw:
        return _cell_parts(tuple(raw.split("\n")))
    text = plain(raw)
    return (_BULLET.sub("", text),) if text else ()


def _cell_parts(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines of a cell as its parts: a blank line parts paragraphs (as Word's
    text export prints them); a line starting in lower case continues the
    line before it (a sentence broken by a page break) unless it is a bullet
    item or a blank line parts it from a line that closes a phrase (``April
    2014`` / ``began May 2011``: two stacked dates); a paragraph opening with
    a bullet item belongs to the one above; bullet glyphs go."""
    parts: list[list[str]] = []
    blank = True
    for line in lines:
        text = plain(line)
        if not text:
            blank = True
            continue
        bullet = bool(_BULLET.match(text))
        text = _BULLET.sub("", text)
        if parts and text[:1].islower() and not bullet \
                and (not blank or _mid_phrase(parts[-1][-1])):
            parts[-1][-1] = f"{parts[-1][-1]} {text}"
        elif blank and not (bullet and parts):
            parts.append([text])
        else:
            parts[-1].append(text)
        blank = False
    return tuple("\n".join(p) for p in parts)


def _mid_phrase(text: str) -> bool:
    """``text`` does not close a phrase: it ends neither in a number (a date,
    a year: ``April 2014``) nor in a stop, so a small-letter line after it
    carries on its sentence (``advertised to`` / ``staff.``)."""
    return not _CLOSES_PHRASE.search(text.rstrip())


def _table_blocks(parse: Parse, warnings: list[str],
                  blocks: list[Paragraph | Table | KeyLine] | PackedBlocks) -> None:
    """The header rows, rows and headings of one reading, written into ``blocks``."""
    for cell, loose in parse.folds:  # cells of this table: no width weighs them again
        _give_back(cell, [loose], weigh=False)
    tables = cell_tables(blocks, _shared_cell, _raw_parts)
    for header in parse.header:
        tables.header(header)
    after_break = False
    for entry in parse.out:
        if isinstance(entry, Break):
            after_break = True
        elif isinstance(entry, Paragraph):
            tables.close()
            blocks.append(entry)
        else:
            tables.row(entry, after_break)
            after_break = False
    if parse.left:
        warnings.append(f"line {parse.left[0].first_line}: last row has {len(parse.left)} of "
                        f"{parse.width} cells; the missing ones read as empty")
        tables.row(parse.left + [RawCell(lines=[(parse.left[-1].last_text_line, "")])]
                   * (parse.width - len(parse.left)), after_break)
    tables.close()


def _as_text(items: list[RawCell | Loose]) -> list[Paragraph]:
    """Cells that make no table, kept as paragraphs: nothing is lost."""
    out = []
    for item in items:
        if isinstance(item, Loose):
            out.append(Paragraph(text=plain(item.text), line=item.number))
        elif item.label:
            out.append(Paragraph(text=item.label, line=item.first_line))
    return out


def _header_start(items: list[RawCell | Loose], start: int, scanned: int = 0) -> int:
    """The first cell at or after ``start`` that opens a run of two labels; the
    items before ``scanned`` are known to open none (a scan of the stretch before it
    was widened, resumed where its answers were final)."""
    for index in range(max(start, scanned), len(items)):
        item = items[index]
        if isinstance(item, RawCell) and is_label(item.label):
            following = [x for x in items[index + 1:index + 1 + MAX_HEADER_CELLS]
                         if isinstance(x, RawCell)][:1]
            if following and (is_label(following[0].label) or not following[0].label):
                return index
    return len(items)


def read_cells(data: bytes, source_format: str = "text-cells",
               settings: Settings = DEFAULT) -> RawDocument:
    try:
        document = _read_cells(data, settings)
    finally:
        cell_labels.forget()
        cell_evidence.forget()
        cell_rows.forget()
        _shared_cell.cache_clear()
    if memo.DRAIN and data.count(b"\n") > settings.text_cells.stretch_lines:
        # a read of more than one stretch drains the free lists (memo.DRAIN, the switch):
        # the memos emptied at their bounds all through the read, and now, left
        # thousands of freed tuples held for their size alone: drained, the drafts and
        # the owners' cuts reuse their memory (issue 11: with the drain at owners'
        # start, 0.15-0.2x off a 1 MB export's peak, set by the owners; s20-cellspeak)
        memo.drain_free_lists()
    return document


def _read_cells(data: bytes, settings: Settings) -> RawDocument:
    """The export split and its tables chosen a stretch of lines at a time
    (``cell_stretch``): what the reference (tests/cells_reference.py) reads, without
    every cell of the export held at once (issue 11: the split alone was 6.7 times a
    10 MB export)."""
    pieces, warnings = decode_pieces(data, settings.limits)
    stretch = Stretch(pieces, settings.text_cells.stretch_lines)
    stretch.start()
    blocks = packed_blocks()  # each table packed as chosen
    blocks += stretch.split.paragraphs
    stretch.split.paragraphs = []
    facts = stretch.facts
    scanned = (-1, 0)  # (index, items known to open no header) of a stretch widened
    while stretch.next_start():
        items, index = stretch.items, stretch.index
        facts.reach = index
        parse = choose(items, index, facts, settings.text_cells)
        if parse is None:
            found = _header_start(items, index + 1,
                                  scanned[1] if scanned[0] == index else 0)
            if not stretch.covers(found + MAX_HEADER_CELLS + 1):
                # the next header may lie past the stretch: widened, and the scan
                # resumed where an item's look-ahead was whole (a headerless export
                # was scanned again from its start at every widening)
                scanned = (index, max(0, min(found, len(items) - MAX_HEADER_CELLS - 1)))
                stretch.widen()
                continue
            first = items[index]
            line = first.first_line if isinstance(first, RawCell) else first.number
            warnings.append(f"line {line}: {found - index} cell(s) and line(s) with no header "
                            "row of column labels before them, kept as text")
            blocks += _as_text(items[index:found])
            stretch.read_to(found)
            scanned = (-1, 0)  # an index read again later is another item
            continue
        if not stretch.covers(facts.reach):
            stretch.widen()  # a width tried walked to the stretch's end: choose again
            continue
        _table_blocks(parse, warnings, blocks)
        stretch.read_to(parse.stop)
        scanned = (-1, 0)
    if not stretch.cell_count:
        warnings.append("no header row of column labels found")
    return RawDocument(source_format="text-cells", blocks=settle(blocks), warnings=warnings)
