"""The heap's free pages given back to the system, and when (issue 11).

glibc keeps the pages a process freed resident until it reuses them. A long text
export's read, drafts and row batches free several times the input in turn, and the
steps after them reuse only part of it, so those pages raised the peak a worker sends
at (measured: 0.2-0.3x of a 1 MB export after its drafts, 2 MB at the records step of a
3,014-page plan). A trim changes no value; it is only worth its ~0.01 ms where a long
document has just let memory go. Every trim goes through ``give_back`` here, so one
switch turns them all off (``scripts/step_probe.py --no-trim``, the tests)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

_LIBC: list = []


def is_long(drafts: int, batch: int) -> bool:
    """A document of more drafts than one row batch: its rows are packed as they are
    made, and the trims around its steps pay (a short one's trims cost more than the
    pages they give back)."""
    return drafts > batch


def give_back() -> None:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``;
    nothing where the C library has none)."""
    if not _LIBC:
        try:
            _LIBC.append(ctypes.CDLL("libc.so.6").malloc_trim)
        except (OSError, AttributeError):
            _LIBC.append(None)
    if _LIBC[0] is not None:
        _LIBC[0](0)


M_MXFAST = 1  # mallopt's parameter: the largest request served from the fastbins


def fast_bins(on: bool) -> bool:
    """glibc's fastbins on (its default) or off in this process, and in the processes
    it forks; whether the C library took it (none elsewhere). Off, a freed small
    chunk is merged with its free neighbours at once rather than kept aside until a
    larger request merges them all (``malloc_consolidate``): a worker reading small
    documents met that at nearly every one, ~0.4 ms of its ~6 (``RunSettings.
    fast_bins``). Changes no value, only where the heap's free space is merged."""
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    # 0 turns them off; glibc's default for 64 bits is 64 * sizeof(size_t) / 4
    return bool(mallopt(M_MXFAST, 128 if on else 0))


@contextmanager
def fast_bins_off(off: bool = True) -> Iterator[None]:
    """glibc's fastbins off in this process for the block (when ``off``), then back
    on at the C library's default. For the main process of a run: a batch's tables
    read from the workers' IPC bytes make and free a few small C++ objects for
    every column of every document's message, and with the fastbins on
    ``malloc_consolidate`` and the bins' bookkeeping were over half of that read's
    CPU (perf; issue 8: the main process's CPU competes with two workers for two
    cores). Changes no value."""
    if not off or not fast_bins(False):
        yield
        return
    try:
        yield
    finally:
        fast_bins(True)
