"""What runs inside a document's own worker process.

The worker dies with its parent (``PR_SET_PDEATHSIG``), cannot grow past the
memory cap (``RLIMIT_AS``) and writes no core file; whatever happens to it, the
main process only loses this one document.
"""

from __future__ import annotations

import ctypes
import errno
import gc
import os
import resource
import signal
import struct
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler

from planextract.pipeline import heap, slots, testhooks
from planextract.pipeline.document_run import DocumentResult, failed, memory_message, run_one
from planextract.pipeline.rows import Answer, DocumentTables, document_tables
from planextract.settings import Settings

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies, so a killed run
    leaves no worker behind (elsewhere the parent's pipe closing does it)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def cap_memory(max_bytes: int) -> None:
    """Cap this process's address space; a read past it raises MemoryError."""
    if max_bytes > 0:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
        except (ValueError, OSError):
            pass
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def warm_up() -> None:
    """Ready the fork server: it holds the pipeline core (this module's imports:
    reading, normalising, building rows) and no pandas (``lean``). The readers the
    inputs call for are preloaded after this (``pipeline.preload``); any other is
    imported by the worker that first meets its format (``extract.registry``), so a
    run of text files never loads pdfium, python-docx or BeautifulSoup, and a
    one-file run does not wait for them before its worker starts (issue 11)."""
    from planextract.pipeline.arrow_pool import use_system_pool
    from planextract.pipeline.lean import without_pandas

    without_pandas()
    use_system_pool()  # the workers' tables from the C heap
    # (no pyarrow.compute: nothing a worker runs needs it since ``schema.validate``
    # checks values without it, and its import was ~70 ms before the first worker)
    import planextract.extract.registry  # noqa: F401 - what every document needs
    import planextract.normalise.document  # noqa: F401
    from planextract.lexicon.role_vocab import load
    from planextract.normalise.people import given_names
    from planextract.normalise.role_labels import vocab_index

    # what the normaliser loads on first use (the name list, the builtin role
    # vocabulary and its index, ~80 ms): loaded once here, not once per worker
    given_names()
    vocab_index(load())


def leave_inherited_alone() -> None:
    """Keep the objects this worker inherited from the fork server (its imports and
    warm-up, ~50,000 objects) out of the collector's full passes: they live as long
    as the worker, and each full pass walked them all (28-38 ms a pass, one or two a
    worker a run of 1,000 plans, issue 8) and wrote to every one of their pages,
    copying pages shared with the server. The worker's own objects are collected as
    before."""
    gc.freeze()


def keyed(result: DocumentResult, sha256: str | None, size: int) -> DocumentResult:
    """A document that failed before its bytes were hashed here keeps the hash the run
    was planned with, so an unchanged failed file is not read again."""
    row = result.document
    if row["sha256"] is None and sha256:
        row.update(doc_id=sha256[:16], sha256=sha256, bytes=size)
    return result


def read_one(source: str, settings: Settings, hooks: bool) -> tuple[DocumentResult, bool]:
    """Read one document; also say whether this worker should retire (after running
    out of memory its heap is not worth keeping)."""
    try:
        if hooks:
            testhooks.misbehave(source)
        return run_one(source, settings), False
    except MemoryError:
        return failed(source, memory_message(settings)), True
    except OSError as err:  # a mapping refused under the cap is ENOMEM, not MemoryError
        if err.errno != errno.ENOMEM:
            raise
        return failed(source, memory_message(settings)), True


def plain_answer(tables: DocumentTables) -> Answer:
    """What a worker sends for a document: its plain values (``DocumentTables.answer``)."""
    return tables.answer()


def reference_answer(tables: DocumentTables) -> DocumentTables:
    """What a worker sent before session 20: the dataclass itself, pickled with its
    ``Counter`` (``DocumentTables.__getstate__``). Kept for the test that swaps it in
    and compares the datasets and logs (``tests/test_ingest_answers.py``)."""
    return tables


def worker_main(conn: Connection, settings: Settings, hooks: bool,
                cwd: str | None = None, place: tuple[str, int, int] | None = None,
                answer: Callable[[DocumentTables], object] = plain_answer) -> None:
    """Read the documents sent through ``conn``, one at a time, until told to stop
    (None) or the main process goes away; a result goes back for each (as
    ``answer`` makes it). ``cwd``: the
    folder relative sources are relative to (the command's, on a remote Dask worker
    that sees the same paths), when it exists here. ``place``: the run's slot file,
    this worker's place in the pool and the number of places (``slots``)."""
    die_with_parent()
    leave_inherited_alone()
    if place is not None:
        slots.join(*place)
    cap_memory(settings.run.max_memory)
    if not settings.run.fast_bins:
        heap.fast_bins(False)
    if cwd and os.path.isdir(cwd):
        os.chdir(cwd)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        source, sha256, size = task
        with slots.reading():
            result, retire = read_one(source, settings, hooks)
        if result.document["status"] == "failed" and "ran out of memory" in (
                result.document["error"] or ""):
            retire = True
        tables = document_tables(keyed(result, sha256, size))
        # its rows are in ``tables`` now (a long document's as the bytes sent): the
        # row dicts and tables are not held through the send (issue 11)
        del result
        try:
            send(conn, (answer(tables), retire))  # a retiring worker is replaced
        except (BrokenPipeError, OSError):
            return
        if retire:
            return


class _Parts(list):
    """A pickler's output kept as the pieces it writes: its frames (up to 64 KB) and
    the large bytes objects themselves (``pickle`` hands those on as they are)."""

    write = list.append


def send(conn: Connection, obj: object) -> None:
    """``conn.send(obj)``: the same bytes on the pipe (``conn.recv`` reads them), but
    pickled into pieces written one after another, not into one buffer. That buffer
    grew by reallocation to the whole pickle (0.5 MB of a 1 MB export's 4,000 rows)
    and set the worker's peak after its records step (issue 11: +0.5-0.7x the
    input, measured). ``tests/test_child_send.py`` compares with ``conn.send``."""
    parts = _Parts()
    ForkingPickler(parts).dump(obj)
    if len(parts) == 1:  # every short document: one frame, sent as conn.send does
        conn.send_bytes(parts[0])
        return
    fd = conn.fileno()
    for part in (head(sum(memoryview(p).nbytes for p in parts)), *parts):
        view = memoryview(part).cast("B")
        while view:
            view = view[os.write(fd, view):]


def head(size: int) -> bytes:
    """What ``Connection.send_bytes`` writes before a message of ``size`` bytes
    (``multiprocessing.connection``): the size as 4 signed bytes, or -1 and then
    8 bytes past 2 GB."""
    return struct.pack("!i", size) if size <= 0x7FFFFFFF else struct.pack("!iQ", -1, size)
