"""The worker's send (pipeline/child.py ``send``, issue 11): the pickle written to
the pipe in pieces, not built as one buffer, must put the very bytes ``conn.send``
puts there, so the main process's ``conn.recv`` reads the same result: whole
documents' tables (long ones packed, short ones as tables), failures and objects
of every size around the pickler's 64 KB frames, over the socket pair the workers
use and a one-way pipe."""

from __future__ import annotations

import multiprocessing
import pickle
import struct
import threading
from dataclasses import replace

import pytest
from conftest import SAMPLES
from text_exports import write_exports

from planextract.pipeline.child import head, send
from planextract.pipeline.document_run import failed, run_one
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.rows import document_tables
from planextract.settings import DEFAULT

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list:
    """Tables of samples and generated exports (packed in small batches), and a failure."""
    made = write_exports(tmp_path_factory.mktemp("exports"), 4_000, seed=17)
    paths = sorted(p for p in SAMPLES.iterdir() if p.is_file())[:6] + made
    results = [run_one(str(p), SMALL) for p in paths] + [run_one(str(paths[0]))]
    assert any(isinstance(r.action_rows, PackedRows) for r in results)
    return [document_tables(r) for r in results] + [document_tables(failed("x", "boom"))]


def _through(duplex: bool, write, obj: object) -> bytes:
    """The raw message ``write(conn, obj)`` puts on a pipe, read by another thread
    (a pipe holds 64 KB)."""
    if duplex:
        reader, writer = multiprocessing.Pipe(duplex=True)
    else:
        reader, writer = multiprocessing.Pipe(duplex=False)
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(reader.recv_bytes()))
    thread.start()
    write(writer, obj)
    thread.join()
    reader.close()
    writer.close()
    return got[0]


def _reference(conn, obj: object) -> None:
    conn.send(obj)


@pytest.mark.parametrize("duplex", [True, False])
def test_the_same_bytes_as_conn_send(documents, duplex):
    sizes = [0, 1, 16_383, 16_384, 16_385, 65_535, 65_536, 65_537, 300_000]
    others = [b"x" * n for n in sizes] + [[b"y" * n, "z" * n] for n in sizes[-4:]]
    for obj in [*((d, False) for d in documents), *((d, True) for d in documents), *others]:
        sent = _through(duplex, send, obj)
        assert sent == _through(duplex, _reference, obj)
        back = pickle.loads(sent)
        if isinstance(obj, tuple):
            assert back[0].document == obj[0].document
            for name in obj[0].tables:
                assert back[0].tables.wire(name) == pickle.loads(
                    pickle.dumps(obj[0])).tables.wire(name)
        else:
            assert back == obj


def test_conn_recv_reads_what_send_wrote(documents):
    reader, writer = multiprocessing.Pipe(duplex=True)
    got: list = []
    thread = threading.Thread(target=lambda: got.extend(reader.recv() for _ in documents))
    thread.start()
    for document in documents:
        send(writer, (document, False))
    thread.join()
    for document, (back, retire) in zip(documents, got, strict=True):
        assert retire is False
        assert back.document == document.document
        assert list(back.flags.items()) == list(document.flags.items())
        for name in document.tables:
            assert back.tables[name].equals(document.tables[name])


def test_the_size_head_is_connections():
    for size in (0, 5, 0x7FFFFFFF):
        assert head(size) == struct.pack("!i", size)
    assert head(0x80000000) == struct.pack("!i", -1) + struct.pack("!Q", 0x80000000)
