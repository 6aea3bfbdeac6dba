"""A long document's action rows held and sent compressed (issue 11).

A worker holds its document's action rows only to send them, and it sends a
table of several batches as each batch's IPC message after the one before
(``wire.to_wire``). So a document of more than one row batch keeps each batch,
once validated, as that message compressed whole (``RunSettings.row_pack``, lz4: a
3,014-page plan's 11.9 MB of messages in about 3.5 MB; zstd made 2.1 MB, but pyarrow
builds a zstd context of 170-200 KiB on every call, which each flush added to a 1 MB
export's peak), not as a table, and sends them so (``wire``: the frames, under the
codec's name); the main process makes them the messages again
as it reads them (``unpacked``, called by ``wire.from_wire`` and
``wire.batch_table``): the very bytes ``to_wire`` sends for the table
(``tests/test_packed_rows.py``). The worker so never makes the 11.9 MB of
messages, nor its pickled copy, beside the rest of its peak.

Why not Arrow's own IPC body compression, which Arrow's readers undo as they read:
its writer takes the compressed buffers from Arrow's default pool (mimalloc;
pyarrow gives the writer no other), which kept 6-14 MB resident after a few
batches and peaked 13 MB higher (measured), more than the table it replaced.
``Codec.compress`` takes the system pool.

Why lz4, not zstd, since s19: pyarrow's zstd makes a new context every call
(``ZSTD_compress``), and its workspace, about 200 KB faulted in for each 256-row
message, was what the flushes added to a 1 MB export's peak; lz4's is about 40 KB.
Its messages are about 1.4x zstd's (a 1 MB export's 0.4 MB of them 0.57 MB), held
until sent, and yet the peak falls (0.15-0.2x at 1 MB, measured). The codec is
this module's and ``wire``'s business alone: the main process decompresses to the
very message bytes either way (``tests/test_packed_rows.py``).
"""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa

from planextract.pipeline import heap
from planextract.schema import SCHEMAS, validate

_SCHEMA = SCHEMAS["actions"]
_FRAME = struct.Struct("<QQ")  # a frame's compressed size, then its message's size


# pickle's frame target: a bytes object at least this long is pickled as it is, a
# shorter one copied into the pickle's own frame (``pickle._Framer``)
_CHUNK = 64 * 1024


@dataclass(slots=True)
class PackedRows:
    """A document's action rows as compressed record-batch messages of the
    contract's ``actions`` schema, each batch validated when packed; ``flags``: the
    rows' flags counted then (what ``rows.document_tables`` counts of a table).

    Held as the wire's frames (each message's sizes, then its compressed bytes),
    joined ``_CHUNK`` bytes or more at a time as they are made (``chunks``; the
    last ones, ``_open``, not yet): sent, each such part is pickled as it is, where
    a message alone (24 KB of 256 rows) was copied into the pickle's frames, all of
    them held until written (issue 11: 0.37 MB of a 1 MB export's send)."""

    codec: str
    chunks: list[bytes] = field(default_factory=list)
    count: int = 0
    flags: Counter = field(default_factory=Counter)
    n_messages: int = 0
    _open: list[bytes] = field(default_factory=list)
    _open_size: int = 0

    def add(self, table: pa.Table) -> None:
        """Validate ``table`` (one batch of rows), count its flags and keep it as its
        message compressed; raises what ``validate`` raises."""
        table = validate("actions", table)
        self.flags.update(f for row_flags in table.column("flags").to_pylist()
                          for f in row_flags)
        pool = pa.system_memory_pool()
        # a batch's message and its compressed copy (about 1 MB) are made and freed
        # as each batch is packed, and with the Arrow table no longer filling the
        # holes the read and the drafts left, those pages stayed resident (2 MB more
        # at the records step of a 3,014-page plan, measured)
        heap.give_back()
        for batch in table.to_batches():
            message = batch.serialize(memory_pool=pool)
            data = pa.Codec(self.codec).compress(message, asbytes=True, memory_pool=pool)
            self._open += (_FRAME.pack(len(data), message.size), data)
            self._open_size += _FRAME.size + len(data)
            self.n_messages += 1
            del message, data
            if self._open_size >= _CHUNK:
                self.chunks.append(b"".join(self._open))
                self._open, self._open_size = [], 0
        self.count += table.num_rows
        heap.give_back()

    @property
    def num_rows(self) -> int:
        return self.count

    @property
    def messages(self) -> list[tuple[memoryview, int]]:
        """Each compressed message and its size, in order (read from the frames)."""
        return _framed(self.frames().joined())

    def wire(self) -> tuple[str, bytes]:
        """As sent (a ``wire.Wire``): the codec's name and each message's frame, its
        sizes then its compressed bytes, one after another."""
        return self.codec, self.frames().joined()

    def frames(self) -> Frames:
        """``wire``'s bytes as the parts held, not joined (``Frames``)."""
        return Frames((*self.chunks, *self._open))

    def table(self) -> pa.Table:
        """The rows read back: one chunk a batch, as ``ActionRows`` made them."""
        return pa.Table.from_batches(self.batches(), _SCHEMA)

    def batches(self) -> list[pa.RecordBatch]:
        return [pa.ipc.read_record_batch(pa.py_buffer(m), _SCHEMA) for m in self._messages()]

    def _messages(self) -> list[bytes]:
        return _decompressed(self.codec, self.messages)


@dataclass(slots=True, frozen=True)
class Frames:
    """A long document's packed rows on their way out, as parts: the compressed
    messages a worker holds already and each one's 16-byte frame. Pickled, it is
    the parts, one after another, and it arrives as their join, the very bytes
    ``PackedRows.wire`` gives: the worker so never holds that joined copy beside
    the messages and the pickle (issue 11: 0.4 MB of a 1 MB export's 4,000 rows)."""

    parts: tuple[bytes, ...]

    def joined(self) -> bytes:
        return joined(self.parts)

    def __reduce__(self) -> tuple:
        return joined, (self.parts,)


def joined(parts: tuple[bytes, ...]) -> bytes:
    """What a pickled ``Frames`` is read back as."""
    return b"".join(parts)


def unpacked(codec: str, frames: bytes) -> list[bytes]:
    """What ``PackedRows.wire`` sent, as its messages: joined, the bytes
    ``wire.to_wire`` sends for the same table."""
    return _decompressed(codec, _framed(frames))


def _framed(frames: bytes) -> list[tuple[memoryview, int]]:
    """Each frame's compressed message and its size."""
    view, at, messages = memoryview(frames), 0, []
    while at < len(view):
        length, size = _FRAME.unpack_from(view, at)
        at += _FRAME.size
        messages.append((view[at:at + length], size))
        at += length
    return messages


def _decompressed(codec: str, messages: list) -> list[bytes]:
    if not messages:
        return []
    unpack, pool = pa.Codec(codec), pa.system_memory_pool()
    return [unpack.decompress(data, size, asbytes=True, memory_pool=pool)
            for data, size in messages]
