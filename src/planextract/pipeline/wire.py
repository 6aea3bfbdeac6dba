"""A document's tables on their way from its worker to the one committer.

Each table crosses as Arrow IPC bytes (``to_wire``), not a pickled table. The
committer keeps the bytes as they came (``WireTables``) and reads a whole batch's
bytes of a table in one IPC stream when it commits (``batch_table``), instead of
decoding every document's four tables on arrival and concatenating a few hundred
small tables at each commit: the main process's CPU a document competes with the
workers for the cores (issue 8). ``tests/test_wire_batches.py`` compares with the
table-by-table path (``reference_batch_table``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pyarrow as pa

from planextract.pipeline.packed_rows import Frames, unpacked
from planextract.schema.stored import TABLES, stored_schema

# (a bare record batch of the stored schema? or the codec a long document's batches
# came packed with: packed_rows; the bytes)
Wire = tuple[bool | str, bytes]
# a wire as a worker holds it to send: a long document's packed rows as their
# parts (``packed_rows.Frames``), which arrive as the bytes of a ``Wire``
Sending = tuple[bool | str, bytes | Frames]

_SCHEMAS = {name: stored_schema(name) for name in TABLES}
_END = b"\xff\xff\xff\xff\x00\x00\x00\x00"  # an IPC stream's end-of-stream marker
_HEADS: dict[str, bytes] = {}  # each stored schema's own IPC message, made once


def to_ipc(table: pa.Table) -> bytes:
    """A table as one Arrow IPC stream."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def from_ipc(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def to_wire(name: str, table: pa.Table) -> Wire:
    """Table ``name`` as sent between processes: a table in its stored schema (every
    one, in practice) as bare record batches, whose schema both ends know, else
    as a whole IPC stream. The bare batch halves the bytes and the committer's
    reading (no schema message to parse on every document: issue 8).

    A table of several batches (a long document's actions: ``ActionRows`` makes
    them a batch at a time) goes as each batch's message after the one before,
    not combined into one batch first: the combined copy, its serialised form and
    that copied out were three more copies of the table beside it in the worker
    (issue 11: a 3,014-page plan's worker peaked at 223 MB sending its 11.8 MB
    table, 197 MB so). The bytes read back to the same table (``from_wire``; the
    committer's stream reads them as any other batches). ``reference_to_wire`` is
    what it did before."""
    if table.schema.equals(_SCHEMAS[name], check_metadata=True):
        batches = table.to_batches()
        if len(batches) > 1:
            return True, b"".join([batch.serialize() for batch in batches])
    return reference_to_wire(name, table)


def reference_to_wire(name: str, table: pa.Table) -> Wire:
    """``to_wire`` as it was: the table combined into one bare batch."""
    if table.schema.equals(_SCHEMAS[name], check_metadata=True):
        batches = table.combine_chunks().to_batches()
        if not batches:
            return True, b""
        if len(batches) == 1:
            return True, batches[0].serialize().to_pybytes()
    return False, to_ipc(table)


def lone_batch(name: str, table: pa.Table) -> pa.RecordBatch | None:
    """The one record batch ``to_wire`` sends of ``table`` as its serialised bytes,
    when it sends one (a table of rows, in its stored schema, of one chunk); else
    None. For a caller that lets the table go before the bytes are copied out of
    the serialised buffer (``rows._sent_now``)."""
    if not table.num_rows or not table.schema.equals(_SCHEMAS[name], check_metadata=True):
        return None
    if len(batches := table.to_batches()) != 1:
        return None
    return batches[0]


def bare_wire(wire: Wire) -> Wire:
    """A long document's packed batches (``packed_rows``) as the bare batches
    ``to_wire`` sends; any other wire as it is."""
    kind, data = wire
    return (True, b"".join(unpacked(kind, data))) if isinstance(kind, str) else wire


def from_wire(name: str, wire: Wire) -> pa.Table:
    """The table ``to_wire`` (or ``PackedRows.wire``) sent."""
    bare, data = bare_wire(wire)
    if not bare:
        return from_ipc(data)
    schema = _SCHEMAS[name]
    if not data:
        return schema.empty_table()
    # one message or several (a table sent a batch at a time), read as one chunk
    messages = pa.ipc.MessageReader.open_stream(pa.py_buffer(data))
    batches = [pa.ipc.read_record_batch(message, schema) for message in messages]
    table = pa.Table.from_batches(batches, schema)
    return table.combine_chunks() if len(batches) > 1 else table


class WireTables(Mapping[str, pa.Table]):
    """A document's tables as they arrived, each decoded only when asked for (then
    its bytes are let go); ``counts``: the rows of each, known without decoding.
    ``tables``: some already decoded (a worker's document whose long actions table
    is held as the bytes it sends: ``packed_rows``), after the wires in order."""

    def __init__(self, wires: dict[str, Wire | Sending], counts: dict[str, int],
                 tables: dict[str, pa.Table] | None = None) -> None:
        self._wires = dict(wires)
        self._tables: dict[str, pa.Table] = dict(tables or {})
        self._names = [*self._wires, *self._tables]
        self.counts = {**{name: t.num_rows for name, t in self._tables.items()}, **counts}

    @classmethod
    def arrived(cls, wires: dict[str, Wire], counts: dict[str, int]) -> WireTables:
        """The same as ``WireTables(wires, counts)`` for a worker's answer, whose
        dicts were just unpickled and are nobody else's: kept, not copied."""
        self = cls.__new__(cls)
        self._wires = wires
        self._tables = {}
        self._names = list(wires)
        self.counts = counts
        return self

    def __getitem__(self, name: str) -> pa.Table:
        if name not in self._tables:
            wire = self.wire(name)
            if wire is None:
                raise KeyError(name)
            self._tables[name] = from_wire(name, wire)  # type: ignore[arg-type]
            del self._wires[name]
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def wire(self, name: str, sending: bool = False) -> Wire | Sending | None:
        """The bytes of table ``name`` as they came, unless it was decoded since;
        ``sending``: a long document's packed rows as their parts (``Frames``),
        not joined, for the pickle that sends them."""
        wire = self._wires.get(name)
        if wire is None or sending or not isinstance(wire[1], Frames):
            return wire
        return wire[0], wire[1].joined()


    def held_bytes(self) -> int:
        """The bytes this document's tables hold as they came (a long document's
        packed rows compressed) and those decoded since (their buffers)."""
        return (sum(len(data) if isinstance(data, bytes) else sum(map(len, data.parts))
                    for _, data in self._wires.values())
                + sum(table.nbytes for table in self._tables.values()))


def held_bytes(tables: Mapping[str, pa.Table]) -> int:
    """What a document's tables hold in the committer's buffer: the bytes that came
    (``WireTables.held_bytes``), or the buffers of tables made in this process."""
    if isinstance(tables, WireTables):
        return tables.held_bytes()
    return sum(table.nbytes for table in tables.values())


def wire_of(name: str, tables: Mapping[str, pa.Table], sending: bool = False
            ) -> Wire | Sending:
    """Table ``name`` of a document as it is sent: the bytes it came as, if it came
    (``sending``: see ``WireTables.wire``)."""
    if isinstance(tables, WireTables) and (
            wire := tables.wire(name, sending)) is not None:
        return wire
    return to_wire(name, tables[name])


def _wire(name: str, tables: Mapping[str, pa.Table]) -> Wire:
    """``wire_of(name, tables)`` for the commit: the bytes that came looked up at
    once when they are plain bytes (every table but a long document's actions),
    4,000 lookups a 1,000-plan run in the main process (issue 8)."""
    if type(tables) is WireTables and type(wire := tables._wires.get(name)) is tuple \
            and type(wire[1]) is bytes:
        return wire
    return wire_of(name, tables)  # type: ignore[return-value]


def num_rows(name: str, tables: Mapping[str, pa.Table]) -> int:
    if isinstance(tables, WireTables):
        return tables.counts[name]
    return tables[name].num_rows


def _head(name: str) -> bytes:
    if name not in _HEADS:
        _HEADS[name] = _SCHEMAS[name].serialize().to_pybytes()
    return _HEADS[name]


# a batch's bare batches are joined this many at a time as the stream is read, then
# the joined ones once (0: all at once, as sessions 18-21 did)
JOIN_EVERY = 64


def batch_table(name: str, documents: list[Mapping[str, pa.Table]],
                every: int | None = None) -> pa.Table:
    """Table ``name`` of every document, in order, as one table of one chunk. When
    each is a bare batch of the stored schema (every one, in practice), their
    bytes are read as one IPC stream: the schema's message, the batches, the end.

    The stream's batches are joined ``every`` (``JOIN_EVERY``) at a time as they are
    read, then those joined once. Read all at once, a batch of 1,000 documents held
    1,000 record batches of 33 columns of the actions table, each column a few small
    C++ objects: ~20 MB of the C heap made and freed at every flush, ~5,500 pages
    first touched at the run's first, in the main process, whose CPU two workers
    want (issue 8: a fresh process's first read of 968 plans' actions 61-63 -> 38-41
    ms, later ones 41-47 -> 32-33, for a second copy of the rows' few MB). The same
    table, to the chunk, as ``every=0``, which reads them all and joins them once
    (``tests/test_ingest_join.py``)."""
    every = JOIN_EVERY if every is None else every
    wires = [_wire(name, tables) for tables in documents]
    if not all(bare for bare, _ in wires) or not any(data for _, data in wires):
        # (no rows at all: the same empty table of one chunk as the reference's)
        return reference_batch_table(name, documents)
    # a long document's packed batches (packed_rows) as their messages, joined once
    parts = [part for kind, data in wires
             for part in (unpacked(kind, data) if isinstance(kind, str) else [data])]
    stream = b"".join([_head(name), *parts, _END])
    reader = pa.ipc.open_stream(pa.py_buffer(stream))
    if _CONCAT is None:  # pyarrow before 19
        return reader.read_all().combine_chunks()
    # the batches joined into one, then the table of it: the same one-chunk table as
    # ``read_all().combine_chunks()`` (which joins a column at a time), ~15 % less of
    # the committer's CPU a batch (issue 8: 200 plans' four tables, 13.8 -> 11.7 ms)
    if every <= 0:
        return pa.Table.from_batches([_CONCAT(list(reader))], reader.schema)
    joined: list[pa.RecordBatch] = []
    batches: list[pa.RecordBatch] = []
    for batch in reader:
        batches.append(batch)
        if len(batches) >= every:
            joined.append(_CONCAT(batches))
            batches.clear()
    if batches:
        joined.append(_CONCAT(batches))
    return pa.Table.from_batches([_CONCAT(joined)], reader.schema)


_CONCAT = getattr(pa, "concat_batches", None)


def reference_batch_table(name: str, documents: list[Mapping[str, pa.Table]]) -> pa.Table:
    """The same, one document's table at a time: what the committer did before."""
    return pa.concat_tables([tables[name] for tables in documents]).combine_chunks()
