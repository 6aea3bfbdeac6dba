"""One document's result as validated Arrow tables, checked on their own.

A document whose rows break the contract becomes a ``failed`` documents row
with the validator's message; its rows are dropped and every other document
of the batch is still written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyarrow as pa

from planextract.pipeline import heap
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.wire import (
    Sending,
    WireTables,
    from_wire,
    lone_batch,
    num_rows,
    to_wire,
    wire_of,
)
from planextract.schema import SCHEMAS, SchemaError, validate
from planextract.schema.stored import SOURCE_ADDED, TABLES, stored_schema

__all__ = ["DocumentTables", "arrow_table", "document_tables", "from_wire", "to_wire"]

if TYPE_CHECKING:
    from planextract.pipeline.document_run import DocumentResult

# a document as a worker sends it (``DocumentTables.answer``): source, documents row,
# each table's wire, each table's rows, flag counts
Answer = tuple[str, dict, dict[str, Sending], dict[str, int], dict[str, int]]


def arrow_table(name: str, rows: Iterable[dict], pool: pa.MemoryPool | None = None
                ) -> pa.Table:
    """Rows (dicts) as a table of the contract's schema for ``name``; ``pool``: the
    Arrow memory pool its buffers come from (the default one when None)."""
    return columns_table(name, columns_of(rows, SCHEMAS[name].names), pool)


def columns_table(name: str, columns: dict[str, list], pool: pa.MemoryPool | None = None
                  ) -> pa.Table:
    """``arrow_table`` of the rows' columns (``columns_of``), for a caller that holds
    the rows' values, not their dicts (``action_rows``); ``columns`` is changed."""
    schema = SCHEMAS[name]
    if name == "actions":
        columns["extra"] = [list(m.items()) for m in columns["extra"]]
    if pool is None:
        return pa.table(columns, schema=schema)
    return pa.Table.from_arrays([pa.array(columns[f.name], f.type, memory_pool=pool)
                                 for f in schema], schema=schema)


def columns_of(rows: Iterable[dict], names: list[str]) -> dict[str, list]:
    """Each name's values down the rows (None where a row has none): each row read
    in one C-level ``map`` and the columns made by ``zip``, not a Python loop a
    value (issue 11: 30 columns of every action row)."""
    values = [tuple(map(row.get, names)) for row in rows]
    if not values:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*values))))


@dataclass
class DocumentTables:
    """One document's rows in every table, in the stored schemas, and its flag counts.
    Built where the document was read, so the one committer only concatenates.

    Sent between processes as Arrow IPC record batches (``wire.to_wire``), not
    pickled tables: pickling a table of a few rows costs milliseconds a column set
    (about 12 ms to write and 4 ms to read a document's four tables, against under
    0.1 ms each way as IPC), time the workers and the one committer spent on every
    document (issue 8). What arrives keeps its bytes until the commit reads them
    (``wire.WireTables``)."""

    source: str
    document: dict
    tables: Mapping[str, pa.Table]
    flags: Mapping[str, int] = field(default_factory=Counter)  # a dict once it arrived

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["tables"] = {name: wire_of(name, self.tables, sending=True)
                           for name in self.tables}
        state["counts"] = {name: num_rows(name, self.tables) for name in self.tables}
        return state

    def __setstate__(self, state: dict) -> None:
        state["tables"] = WireTables(state["tables"], state.pop("counts"))
        self.__dict__.update(state)

    def num_rows(self, name: str) -> int:
        """The rows of table ``name``, without decoding a table that came as bytes."""
        return num_rows(name, self.tables)

    def answer(self) -> Answer:
        """This document as a worker sends it: plain values (its source, documents row,
        each table's wire and rows, its flag counts as a dict), which unpickle
        without a class to look up, a ``__setstate__`` to call or a ``Counter`` to
        rebuild: the main process reads 1,000 a run on a core the workers want
        (issue 8). The same wires as pickling the dataclass sends
        (``__getstate__``); ``from_answer`` makes the same object again."""
        state = self.__getstate__()
        return (self.source, self.document, state["tables"], state["counts"],
                dict(self.flags))

    @classmethod
    def from_answer(cls, answer: Answer) -> DocumentTables:
        """The document a worker's ``answer`` describes, its tables as the bytes that
        came (``WireTables``); its flags the dict that came, which the log and the
        summary read as they read a ``Counter`` (``items``, ``Counter.update``)."""
        source, document, wires, counts, flags = answer
        return cls(source, document, WireTables.arrived(wires, counts), flags)


def _stored(name: str, table: pa.Table, source: str) -> pa.Table:
    if name in SOURCE_ADDED:
        table = table.append_column(stored_schema(name).field("source"),
                                    pa.array([source] * table.num_rows, pa.string()))
    return table


def document_tables(result: DocumentResult) -> DocumentTables:
    """Validate one document's rows; a contract breach fails the document alone."""
    doc = dict(result.document)
    source = doc["source"]
    rows = {"actions": result.action_rows, "glossary": result.glossary, "roles": result.roles}
    # a long document's action rows come packed, each batch validated as it was packed
    packed = result.action_rows if isinstance(result.action_rows, PackedRows) else None
    try:  # run_one's action rows come as a table already (issue 11)
        tables = {name: validate(name, rows[name] if isinstance(rows[name], pa.Table)
                                 else arrow_table(name, rows[name]))
                  for name in rows if not (name == "actions" and packed)}
    except (SchemaError, pa.ArrowException, TypeError, ValueError) as err:
        doc.update(status="failed", n_actions=0,
                   error=f"its rows break the dataset contract ({err}); nothing of it was "
                         "written - please report it with the file attached")
        tables = {name: SCHEMAS[name].empty_table() for name in rows}
        packed = None
    try:
        tables["documents"] = validate("documents", arrow_table("documents", [doc]))
    except (SchemaError, pa.ArrowException, TypeError, ValueError) as err:
        doc = {**{k: doc.get(k) for k in ("doc_id", "source")}, "source_format": None,
               "sha256": None, "bytes": 0, "pages": None, "organisation": None,
               "plan_title": None, "n_actions": 0, "status": "failed", "warnings": [],
               "seconds": float(doc.get("seconds") or 0.0),
               "error": f"its documents row breaks the dataset contract ({err}) - please "
                        "report it with the file attached"}
        tables = {name: SCHEMAS[name].empty_table() for name in TABLES}
        tables["documents"] = validate("documents", arrow_table("documents", [doc]))
        packed = None
    if doc["status"] == "failed":
        flags = Counter()
    elif packed is not None:
        flags = Counter(packed.flags)
    else:
        flags = Counter(f for row_flags in _flag_lists(result.action_rows) for f in row_flags)
    if packed is not None:
        return DocumentTables(source, doc, _sent_now(packed, tables, source), flags)
    stored = {name: _stored(name, tables[name], source) for name in TABLES if name in tables}
    return DocumentTables(source, doc, stored, flags)


def _sent_now(packed: PackedRows, tables: dict[str, pa.Table], source: str) -> WireTables:
    """A long document's tables as the bytes they are sent as, made now: its packed
    rows as they are held (as their parts: pickled, they arrive joined, as
    ``packed.wire()``), never made a table here, and each small table's wire made
    at once, the table let go before its bytes are copied out (``tables`` is
    emptied). Made at the send, the glossary's and the roles' bytes (~0.12 MB of
    a 1 MB export's) were made beside their tables and the result's row dicts, all
    held to the end of the send (issue 11). The same wires in the same order as
    the reference's, which made them at the send (``tests/test_sent_now.py``).

    The heap's free pages are given back before and after (``give_back``): the
    records step ends with ~0.3-0.4 MB of them resident (its rows, the drafts),
    which the wires and the pickle's frames reused only in part. Exact RSS over
    ``run_one``'s end at the send's top, 1 MB exports: 0.33-0.50 MB -> 0.07-0.14
    (markdown, tabbed), below the records step's own peak."""
    heap.give_back()
    wires: dict[str, Sending] = {"actions": (packed.codec, packed.frames())}
    counts = {"actions": packed.count}
    for name in [name for name in TABLES if name in tables]:
        table = _stored(name, tables.pop(name), source)
        counts[name] = table.num_rows
        batch = lone_batch(name, table)
        if batch is None:
            wires[name] = to_wire(name, table)
            continue
        del table  # its buffers go once the batch is serialised, before the copy
        message = batch.serialize()
        del batch
        wires[name] = (True, message.to_pybytes())
        del message
    heap.give_back()
    return WireTables(wires, counts)


def _flag_lists(rows: pa.Table | list[dict]) -> list[list[str]]:
    """Each action row's flags, in order, from a table or dicts."""
    if isinstance(rows, pa.Table):
        return rows.column("flags").to_pylist()
    return [row["flags"] for row in rows]
