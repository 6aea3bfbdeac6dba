"""A document's blocks held packed from the reader to the normaliser (issue 11).

A text export's read held every block of the document as objects (a ``Table`` of
``Row``s of ``Cell``s, about four times the input at 1 MB) until the normaliser let
each go. Python's arenas grow to hold them during the read and never shrink, so that
high-water set the worker's peak. ``PackedBlocks`` packs each table as the reader
appends it: one ``marshal`` string of its distinct cells (parts, raw) and its rows
(cell positions and provenance), bytes from the C allocator. Indexing or iterating
unpacks one table at a time, equal to the table packed field for field, its rows
sharing one ``Cell`` wherever the packed rows shared one. Paragraphs (and a reader's
``KeyLine``s) stay objects: few, and every pass looks at them.

The tabbed (text-tabbed, text-html), markdown, CSV and text-cells readers append
to it. text-cells writes each chosen table straight into the packed form
(``text/cell_tables.py``, its parts worked out once a table, nothing kept a document
long): packing its ``Table``s as made (with every distinct cell remembered to the end
of the read) only added glibc's bytes to its arenas (12.3x -> 13.4x the input).

``plain_blocks`` is the old path (a plain list), kept as the reference.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator

from planextract.extract.model import Cell, Row, Table
from planextract.squeeze import squeeze, unsqueeze


class PackedTable:
    """One table's bytes, with what ``bound_document`` asks of it without unpacking:
    its number of rows, its widest row and its longest raw cell text; ``covered``,
    whether a row of it names columns a merged cell covers (``Row.covered``: a
    reader's text tables never do, so their bytes are not read again for it)."""

    __slots__ = ("_data", "rows", "widest", "longest", "covered")

    def __init__(self, data: bytes, rows: int, widest: int, longest: int,
                 covered: bool = False) -> None:
        self._data = data
        self.rows = rows
        self.widest = widest
        self.longest = longest
        self.covered = covered

    @property
    def data(self) -> bytes:
        """The table's ``marshal`` bytes."""
        return self._data


class SqueezedTable(PackedTable):
    """A ``PackedTable`` whose bytes are held LZ4-compressed (text-cells, issue 11:
    its packed bytes were 1.5 times the export in glibc's heap, on top of the split's
    arenas, which stay mapped while any cell holds them; LZ4 takes them to 0.6 of
    their size for about 1% of the read's CPU, where zlib cost 4%). The held bytes
    open with the plain bytes' length (4 bytes), which LZ4's block form needs
    (``planextract.squeeze``, as the normaliser's packed drafts are held)."""

    __slots__ = ()

    def __init__(self, data: bytes, rows: int, widest: int, longest: int,
                 covered: bool = False) -> None:
        super().__init__(squeeze(data), rows, widest, longest, covered)

    @property
    def data(self) -> bytes:
        return unsqueeze(self._data)


def pack_table(table: Table) -> PackedTable:
    """``table`` as bytes: each distinct cell object once, rows by cell positions."""
    at: dict[int, int] = {}  # the table holds its cells alive: their ids are stable
    parts: list[tuple[str, ...]] = []
    raws: list[str] = []
    rows = []
    widest = 0
    for row in table.rows:
        positions = []
        for cell in row.cells:
            found = at.get(id(cell))
            if found is None:
                found = at[id(cell)] = len(raws)
                parts.append(cell.parts)
                raws.append(cell.raw)
            positions.append(found)
        widest = max(widest, len(positions))
        rows.append((tuple(positions), row.line_start, row.line_end, row.page_start,
                     row.page_end, row.after_break, row.stitched, row.covered))
    longest = max(map(len, raws), default=0)
    return PackedTable(marshal.dumps((parts, raws, rows)), len(rows), widest, longest,
                       any(row.covered for row in table.rows))


def packed_table(cells: list[tuple[tuple[str, ...], str]], rows: list[tuple],
                 squeeze: bool = False) -> PackedTable:
    """A table in ``pack_table``'s form written by a reader (``table_writer``): its
    distinct cells' (parts, raw), and its rows as ``pack_table`` makes them;
    ``squeeze``: held compressed (``SqueezedTable``)."""
    raws = [raw for _, raw in cells]
    made = SqueezedTable if squeeze else PackedTable
    return made(marshal.dumps(([parts for parts, _ in cells], raws, rows)), len(rows),
                       max((len(row[0]) for row in rows), default=0),
                       max(map(len, raws), default=0))


_new = object.__new__
_CELL = (Cell.parts.__set__, Cell.raw.__set__, Cell.text.__set__)
_CELLS, _LINE_START, _LINE_END, _PAGE_START, _PAGE_END, _AFTER_BREAK, _STITCHED, _COVERED = (
    getattr(Row, name).__set__ for name in (
        "cells", "line_start", "line_end", "page_start", "page_end", "after_break", "stitched",
        "covered"))


def cell_text(parts: tuple[str, ...]) -> str:
    """A cell's text from its parts, as ``Cell.__post_init__`` makes it."""
    return parts[0] if len(parts) == 1 else "\n".join([p for p in parts if p])


def _cell(parts: tuple[str, ...], raw: str) -> Cell:
    """``Cell(parts, raw)`` with its slots set directly: the dataclass's frozen
    ``__init__`` and ``__post_init__`` were a third of unpacking (issue 11); the
    same text and the same ``raw is text`` as ``Cell.__post_init__`` makes."""
    set_parts, set_raw, set_text = _CELL
    cell = _new(Cell)
    text = cell_text(parts)
    set_parts(cell, parts)
    set_raw(cell, text if raw == text else raw)
    set_text(cell, text)
    return cell


def _row(cells: tuple[Cell, ...], line_start: int | None, line_end: int | None,
         page_start: int | None, page_end: int | None, after_break: bool,
         stitched: bool, covered: tuple[int, ...] = ()) -> Row:
    """``Row(...)`` with its slots set directly, as ``_cell``."""
    row = _new(Row)
    _CELLS(row, cells)
    _LINE_START(row, line_start)
    _LINE_END(row, line_end)
    _PAGE_START(row, page_start)
    _PAGE_END(row, page_end)
    _AFTER_BREAK(row, after_break)
    _STITCHED(row, stitched)
    _COVERED(row, covered)
    return row


def unpack_table(packed: PackedTable) -> Table:
    """The table ``pack_table`` packed, equal field for field."""
    parts, raws, rows = marshal.loads(packed.data)
    cells = list(map(_cell, parts, raws))
    # a reader's rows (``packed_table``) carry no ``covered``; ``pack_table``'s do
    return Table(rows=tuple(
        _row(tuple([cells[i] for i in row[0]]), *row[1:]) for row in rows))


def table_texts(item: PackedTable | Table) -> tuple[list[list[str]], int | None, int | None]:
    """Each row's cells' texts (``Cell.text``), and the first row's line and page:
    all the normaliser's first pass reads of a table. A packed table's come from its
    bytes, no ``Cell`` or ``Row`` made (issue 11: a full unpacking twice a document
    cost about 6% of the pipeline's CPU)."""
    if isinstance(item, Table):
        first = item.rows[0] if item.rows else None
        return ([[c.text for c in r.cells] for r in item.rows],
                first and first.line_start, first and first.page_start)
    texts, rows = _distinct_texts(item)
    first = rows[0] if rows else (None, None, None, None)
    return [[texts[i] for i in row[0]] for row in rows], first[1], first[3]


def _distinct_texts(item: PackedTable) -> tuple[list[str], list[tuple]]:
    """A packed table's distinct cells' texts and its rows as packed (each row's
    cell positions first, then its lines and pages)."""
    parts, _, rows = marshal.loads(item.data)
    return list(map(cell_text, parts)), rows


def table_parts(item: PackedTable | Table) -> tuple[list[str], list[tuple[int, ...]]]:
    """Each distinct cell's text (``Cell.text``) and each row's positions in them:
    ``table_texts`` before the texts are placed in rows, for a reader that maps
    each distinct text once (the layouts' squash, issue 11). An unpacked table's
    cells are each their own."""
    texts, positions, _ = table_parts_covered(item)
    return texts, positions


def table_parts_covered(item: PackedTable | Table
                        ) -> tuple[list[str], list[tuple[int, ...]], list[tuple[int, ...]]]:
    """``table_parts`` and each row's ``Row.covered`` (the columns a merged cell
    above covers), from one read of the bytes: the layouts weigh a covered cell as
    the value merged over it."""
    if isinstance(item, Table):
        texts = [c.text for r in item.rows for c in r.cells]
        positions, start = [], 0
        for row in item.rows:
            positions.append(tuple(range(start, start + len(row.cells))))
            start += len(row.cells)
        return texts, positions, [row.covered for row in item.rows]
    texts, rows = _distinct_texts(item)
    return texts, [row[0] for row in rows], [_covered(row) for row in rows]


def table_covered(item: PackedTable | Table) -> list[tuple[int, ...]]:
    """Each row's ``Row.covered`` (a reader's packed rows carry none: ``()``, its
    bytes not read again)."""
    if isinstance(item, Table):
        return [row.covered for row in item.rows]
    if not item.covered:
        return [()] * item.rows
    return [_covered(row) for row in marshal.loads(item.data)[2]]


def _covered(row: tuple) -> tuple[int, ...]:
    return tuple(row[7]) if len(row) > 7 else ()


def unpacked(item: object) -> object:
    """A held item as its block (a packed table unpacked; anything else as it is)."""
    return unpack_table(item) if isinstance(item, PackedTable) else item


class PackedBlocks:
    """A list of blocks whose tables are held packed. ``append`` packs a ``Table``
    (a ``PackedTable`` is taken as it is); indexing and iteration give blocks, one
    table unpacked at a time; ``held`` is the list as held, for passes that need
    only the paragraphs or the kinds."""

    __slots__ = ("held",)

    def __init__(self, blocks: Iterable[object] = ()) -> None:
        self.held: list[object] = []
        for block in blocks:
            self.append(block)

    def append(self, block: object) -> None:
        self.held.append(pack_table(block) if isinstance(block, Table) else block)

    def __iadd__(self, blocks: Iterable[object]) -> PackedBlocks:
        for block in blocks:
            self.append(block)
        return self

    def __len__(self) -> int:
        return len(self.held)

    def __getitem__(self, index: int | slice) -> object:
        if isinstance(index, slice):
            return [unpacked(item) for item in self.held[index]]
        return unpacked(self.held[index])

    def __setitem__(self, index: int, block: object) -> None:
        """``None`` lets a block go (the normaliser's ``consume``)."""
        self.held[index] = pack_table(block) if isinstance(block, Table) else block

    def __iter__(self) -> Iterator[object]:
        for item in self.held:
            yield unpacked(item)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedBlocks | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PackedBlocks({list(self)!r})"


def held(blocks: list | PackedBlocks) -> list:
    """The blocks as held: ``Paragraph``s, and tables packed or not (``unpacked``
    gives the block)."""
    return blocks.held if isinstance(blocks, PackedBlocks) else blocks


def packed_blocks() -> PackedBlocks:
    """The container every text reader appends its blocks to."""
    return PackedBlocks()


def plain_blocks() -> list:
    """The reference: a plain list, every block held as objects."""
    return []
