"""A document's action rows made into Arrow as they come (issue 11).

A dict a row costs about ten times the row's text; held for a whole long
document, the rows were much of its peak memory. ``ActionRows`` keeps at most
``RunSettings.row_batch`` dicts, turning each full batch into a table of the
contract's schema; the result is the same table ``rows.arrow_table`` makes of all
the dicts at once. Rows Arrow refuses (a value of the wrong type) are kept as
dicts from then on, so the validator names the breach as it did before. A batch
waiting for Arrow holds each row as its values (``held``), not its dict.

A document of more than one batch (a long plan: nearly every document fits one)
keeps its batches validated and compressed (``packed_rows.PackedRows``, with
``RunSettings.row_pack``), not as tables: what a worker holds of its rows is then
a fifth of the table, and what it sends them as is made only then. A batch the
validator refuses turns every batch back into tables and packs no more, so
``rows.document_tables`` validates the whole table and names the breach as before.
``row_pack`` None keeps the tables (the reference).

The batches come from the system allocator, not Arrow's default mimalloc pool:
mimalloc reserves its heap in large segments, and a few small batches raised the
peak RSS of a 1 MB export by about 8 MB (measured), more than they saved.
"""

from __future__ import annotations

import pyarrow as pa

from planextract.pipeline import heap
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.rows import arrow_table, columns_table
from planextract.schema import SCHEMAS, SchemaError

_NAMES = tuple(SCHEMAS["actions"].names)


class ActionRows:
    """Action rows (dicts) in, one Arrow table, the packed batches of a long
    document, or (after a refused row) the dicts out."""

    def __init__(self, batch: int, pack: str | None = None, drafts: int = 0) -> None:
        """``drafts``: how many drafts the rows come from, when known: a document of
        more than a batch of them gives the heap's free pages back at its first row."""
        self._batch = max(1, batch)
        self._pack = pack
        self._long = bool(pack) and heap.is_long(drafts, self._batch)
        self._tables: list[pa.Table] = []
        self._packed = PackedRows(pack or "")
        self._pending: list[tuple | dict] = []  # rows as ``held`` keeps them
        self._dicts: list[dict] | None = None  # once Arrow refused a batch
        self.count = 0

    def add(self, row: dict) -> None:
        self.count += 1
        if self.count == 1 and self._long:
            # the records' first pass (owners over the whole document) has just let
            # its working memory go: 9 MB of free heap pages at 3,014 pages, resident
            # until reused, and packed rows no longer reuse them (measured: the
            # records step's peak 2 MB lower with them given back; not for a short
            # document: 0.2 ms of its ~14)
            heap.give_back()
        if self._dicts is not None:
            self._dicts.append(row)
            return
        self._pending.append(held(row))
        if len(self._pending) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        pending = self._pending
        if not pending:
            return
        try:
            table = _batch_table(pending)
        except (pa.ArrowException, TypeError, ValueError):
            self._dicts = [row for table in self._unpacked() for row in as_dicts(table)]
            self._dicts.extend(map(as_row, pending))
            self._tables = []
        else:
            if self._pack and self._tables:  # a second batch: a long document
                self._pack_tables()
            self._tables.append(table)
        self._pending = []

    def _pack_tables(self) -> None:
        """Pack the tables held; on a breach, hold every batch as a table from now."""
        try:
            while self._tables:
                self._packed.add(self._tables[0])
                del self._tables[0]
        except (SchemaError, pa.ArrowException, TypeError, ValueError):
            self._tables = self._unpacked()
            self._pack = None

    def _unpacked(self) -> list[pa.Table]:
        """Every batch as a table, the packed ones read back, in order."""
        tables = [pa.Table.from_batches([b]) for b in self._packed.batches()]
        self._packed = PackedRows(self._packed.codec)
        return [*tables, *self._tables]

    def finish(self) -> pa.Table | PackedRows | list[dict]:
        """The rows added, in order: a table of the contract's ``actions`` schema,
        the packed batches of a document of several, or the dicts when Arrow
        refused one."""
        self._flush()
        if self._dicts is not None:
            return self._dicts
        if self._packed.n_messages:
            self._pack_tables()
            if self._pack:
                return self._packed
        if not self._tables:
            return SCHEMAS["actions"].empty_table()
        return pa.concat_tables(self._tables)


def held(row: dict) -> tuple | dict:
    """A row as a batch holds it until the batch is made into Arrow: its values in
    the schema's order when its keys are the schema's names in that order (every row
    ``run_one`` makes), else the dict itself. A row's dict of 33 keys is 832 bytes,
    over Python's 512-byte limit, so glibc's heap gives it, on top of what the read
    left; its values' tuple is 304 bytes from Python's arenas, which the read left
    with room to spare: 0.3-0.5 times a 1 MB export less at the records step's peak
    (issue 11)."""
    return tuple(row.values()) if tuple(row) == _NAMES else row  # values read in order


def as_row(kept: tuple | dict) -> dict:
    """The dict ``held`` was given (its keys in the same order)."""
    return dict(zip(_NAMES, kept)) if kept.__class__ is tuple else kept  # type: ignore[return-value]


def _batch_table(pending: list[tuple | dict]) -> pa.Table:
    """``arrow_table`` of the rows ``held`` keeps: the columns straight from the values
    when every row is held so, not through dicts made again."""
    pool = pa.system_memory_pool()
    if all(kept.__class__ is tuple for kept in pending):
        return columns_table("actions", dict(zip(_NAMES, map(list, zip(*pending)))), pool)
    return arrow_table("actions", [as_row(kept) for kept in pending], pool)


def as_table(rows: pa.Table | PackedRows) -> pa.Table:
    """Action rows as one table (packed batches read back)."""
    return rows.table() if isinstance(rows, PackedRows) else rows


def as_dicts(table: pa.Table | PackedRows) -> list[dict]:
    """The rows of an ``actions`` table as the dicts they were made from (the
    ``extra`` map back to a dict)."""
    rows = as_table(table).to_pylist()
    for row in rows:
        row["extra"] = dict(row["extra"])
    return rows
