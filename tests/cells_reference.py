"""The one-cell-per-line reader's reference (``extract/text/cells.py``): the whole
export split into cells, then its tables chosen, as the reader did before it went a
stretch of lines at a time (``cell_split``, ``cell_stretch``). Only the tests swap it
in, so it lives here, not in ``src``."""

from __future__ import annotations

from planextract.extract.block_pack import packed_blocks
from planextract.extract.key_lines import KeyLine, key_line, settle
from planextract.extract.model import Paragraph, RawDocument
from planextract.extract.parts import plain
from planextract.extract.text import cell_evidence
from planextract.extract.text.cell_choose import choose, keep_reprinted, whole_header
from planextract.extract.text.cell_headers import first_cell, header_folds, headers
from planextract.extract.text.cell_items import Break, Loose, RawCell
from planextract.extract.text.cell_labels import ROW_NUMBER
from planextract.extract.text.cell_rows import Facts, Grouper, Header, Parse
from planextract.extract.text.cell_split import CELL_START, fold_loose, stands_alone
from planextract.extract.text.cells import _as_text, _header_start, _table_blocks
from planextract.extract.text.decode import decode_lines
from planextract.settings import DEFAULT, Settings, TextCellSettings


def split_cells(lines: list[str], consume: bool = False
                 ) -> tuple[list[Paragraph | KeyLine], list[RawCell | Loose]]:
    """Paragraphs before the first cell; then cells, and the lines standing
    alone after a blank line (a heading, or more of the cell above).

    ``consume``: let each line of ``lines`` go (``None``) once it is read (only the
    next line is ever looked at), so the file's lines and its cells are not all
    held at once (issue 11: they were 13x a 1 MB export at the end of the split)."""
    paragraphs: list[Paragraph | KeyLine] = []
    items: list[RawCell | Loose] = []
    blanks = 0
    # each distinct text held once: two cells in three repeat one (owners, dates,
    # statuses), and a string each was 1.4 times a 1 MB export at the split's end
    # (issue 11); the map goes with the split (its keys are the cells' own texts)
    texts: dict[str, str] = {}
    shared = texts.setdefault
    for index, line in enumerate(lines):
        number = index + 1
        # each line matched and stripped once (the export is read a line at a time)
        cell, filled = CELL_START.match(line), bool(line.strip())
        if cell:
            text = line.split("\t", 1)[1]
            items.append(RawCell(lines=[(number, shared(text, text))], blank_before=blanks))
        elif not items:
            if filled:
                paragraphs.append(key_line(line, Paragraph(text=plain(line), line=number)))
        elif filled and (blanks or isinstance(items[-1], Loose)) \
                and stands_alone(lines, index):
            items.append(Loose(number, line, blanks))
        elif not filled and isinstance(items[-1], Loose):
            pass  # a blank line after a lone line: the next line decides what it was
        else:
            fold_loose(items)
            last = items[-1]
            assert isinstance(last, RawCell)
            last.add(number, shared(line, line))
        # a blank line counts, a cell's line does not (an empty cell is a TAB alone)
        blanks = blanks + 1 if not filled and not cell else 0
        if consume:
            lines[index] = None  # type: ignore[call-overload]
    return paragraphs, items


def _let_go(items: list, cells: list, start: int, stop: int) -> None:
    """The items from ``start`` to ``stop`` are read, and no reading looks back:
    drop them, so the export is held once (the blocks made so far and the cells
    still to read), not twice."""
    for index in range(start, stop):
        item = items[index]
        if isinstance(item, RawCell):
            cells[item.at] = None
        items[index] = None


def read_whole(data: bytes, settings: Settings) -> RawDocument:
    """The reference: the whole export split, then its tables chosen."""
    lines, warnings = decode_lines(data, settings.limits)
    paragraphs, items = split_cells(lines, consume=True)
    del lines
    # each cell's kind is set on it: the kinds remembered for the split held every
    # distinct cell text through the reading (0.7 times a 1 MB export, issue 11)
    cell_evidence.forget()
    cells = [c for c in items if isinstance(c, RawCell)]
    for at, cell in enumerate(cells):
        cell.at = at
    facts = Facts(cells)
    blocks = packed_blocks()  # each table packed as chosen (issue 11)
    blocks += paragraphs
    index = 0
    while index < len(items):
        parse = choose(items, index, facts, settings.text_cells)
        if parse is None:
            found = _header_start(items, index + 1)
            first = items[index]
            line = first.first_line if isinstance(first, RawCell) else first.number
            warnings.append(f"line {line}: {found - index} cell(s) and line(s) with no header "
                            "row of column labels before them, kept as text")
            blocks += _as_text(items[index:found])
            _let_go(items, cells, index, found)
            index = found
            continue
        _table_blocks(parse, warnings, blocks)
        _let_go(items, cells, index, parse.stop)
        index = parse.stop
    if not cells:
        warnings.append("no header row of column labels found")
    return RawDocument(source_format="text-cells", blocks=settle(blocks), warnings=warnings)


def grouped_choose(items: list[RawCell | Loose], start: int, facts: Facts,
                   weights: TextCellSettings = DEFAULT.text_cells) -> Parse | None:
    """``cell_choose.choose`` as it was: every header ``cell_rows.headers`` finds
    read into its ``Parse`` (``Grouper.group``) and scored from its rows
    (``grouped_score``)."""
    best: tuple | None = None
    reprinted: dict[int, tuple] = {}
    for rows, width, head, labels, body in headers(items, start):
        first = first_cell(items, body)
        numbered = first is not None and bool(ROW_NUMBER.match(first.label))
        parse = Parse(width=width, header=[head[r * width:(r + 1) * width] for r in range(rows)])
        grouper = Grouper(items, facts, Header(labels), numbered)
        parse = grouper.group(body, parse)
        if parse.stop > facts.reach:
            facts.reach = parse.stop
        parse.folds += header_folds(items[start:body])
        score = grouped_score(parse, numbered, weights)
        reading = (score, parse, body, None, width, rows)
        if rows > 1 and max((o.cells for o in parse.out if isinstance(o, Break)),
                            default=0) > width:
            keep_reprinted(reprinted, reading)
        if best is None or score > best[0]:
            best = reading
    return whole_header(best, reprinted)[1] if best else None


def grouped_score(parse: Parse, numbered: bool, weights: TextCellSettings) -> tuple:
    """A reading's score from its rows (``Parse``): what ``cell_choose._score``
    counts over bytes, kept as its reference."""
    rows = parse.rows
    repeated = sum(o.cells for o in parse.out if isinstance(o, Break))
    numbers = (sum(1 for r in rows if ROW_NUMBER.match(r[0].label)) / len(rows)
               if numbered and rows else 0.0)
    evidence = (weights.blank_weight * blank_agreement(rows) + homogeneity(rows) + numbers
                + (weights.repeat_weight if any(o.whole for o in parse.out
                                                if isinstance(o, Break)) else 0.0)
                - (weights.left_penalty if parse.left else 0.0))
    return bool(rows), round(evidence, 9), repeated, len(parse.header), parse.width


def homogeneity(rows: list[list[RawCell]]) -> float:
    """How alike the cells of each column are (numbers, dates, short and long
    text), the share of filled cells of their column's commonest kind, less
    for fewer rows: the right width lines the same kinds up in columns."""
    if not rows:
        return 0.0
    same = filled = 0
    for column in zip(*rows):
        counts: dict[str, int] = {}  # counted in one walk: no list, set and recount a column
        for cell in column:
            kind = cell.kind  # _kind_of(cell.label), set with the label
            if kind:
                counts[kind] = counts.get(kind, 0) + 1
        if counts:
            same += max(counts.values())
            filled += sum(counts.values())
    return (same / filled if filled else 0.0) * len(rows) / (len(rows) + 1)


def blank_agreement(rows: list[list[RawCell]]) -> float:
    """F1 of "a blank line before a cell" as a sign of "a row starts here"
    (0 when the export prints no blank line before any cell)."""
    hits = sum(1 for row in rows if row[0].blank_before)
    if not hits:
        return 0.0
    misses = len(rows) - hits
    false = sum(1 for row in rows for cell in row if cell.blank_before) - hits
    return 2 * hits / (2 * hits + misses + false) if hits else 0.0
