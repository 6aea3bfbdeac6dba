"""Where a process's memory sits, by allocator: what RSS alone cannot tell.

A long PDF's peak is not only what is alive: Python's small-object allocator
(pymalloc) takes memory in 1 MiB arenas and gives an arena back only when every
object in it is gone, and glibc's heap keeps the holes freed objects leave between
live ones. Arrow's buffers come from the heap and fit none of those holes. So the
figures here, taken between the steps of ``bench_pdf_steps.py --allocators``:

- ``arenas``: pymalloc's arenas (MB) and the bytes in them still allocated;
- ``heap``: glibc's main heap (``mallinfo2``: ``arena``), in use and free inside it;
- ``arrow``: bytes Arrow's system pool holds (the result's batches).

Linux and glibc only (``mallinfo2`` is glibc 2.33+); elsewhere those keys are left
out. A report for the benchmarks, not used by planextract.
"""

from __future__ import annotations

import ctypes
import os
import sys
import tempfile

_MB = 2**20


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
        "uordblks", "fordblks", "keepcost")]


def _pymalloc() -> dict[str, float]:
    """Arenas and allocated bytes from ``sys._debugmallocstats``, which writes to
    the C stderr: caught through a temporary file on descriptor 2."""
    with tempfile.TemporaryFile() as caught:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(caught.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        caught.seek(0)
        text = caught.read().decode("utf-8", "replace")
    out: dict[str, float] = {}
    for line in text.splitlines():
        name, _, value = line.partition("=")
        value = value.strip().replace(",", "")
        if "arenas allocated current" in name and value.isdigit():
            out["arenas"] = float(int(value))  # 1 MiB each (CPython 3.10+)
        elif "bytes in allocated blocks" in name and value.isdigit():
            out["arenas_used"] = int(value) / _MB
    return out


def _glibc() -> dict[str, float]:
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallinfo2 = libc.mallinfo2
    except (OSError, AttributeError):
        return {}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return {"heap": info.arena / _MB, "heap_used": info.uordblks / _MB,
            "heap_free": info.fordblks / _MB}


def snapshot() -> dict[str, float]:
    """The allocators' figures now, MB, rounded to 0.1."""
    out = {**_pymalloc(), **_glibc()}
    if "pyarrow" in sys.modules:
        out["arrow"] = sys.modules["pyarrow"].total_allocated_bytes() / _MB
        out["arrow"] += sys.modules["pyarrow"].system_memory_pool().bytes_allocated() / _MB
    return {k: round(v, 1) for k, v in out.items()}


def line(figures: dict[str, float]) -> str:
    """One step's figures as ``arenas 34.0 (29.3 used) heap 20.3 (11.7 used) arrow 0.0``."""
    parts = []
    if "arenas" in figures:
        parts.append(f"arenas {figures['arenas']:.1f} ({figures.get('arenas_used', 0):.1f} used)")
    if "heap" in figures:
        parts.append(f"heap {figures['heap']:.1f} ({figures['heap_used']:.1f} used)")
    if "arrow" in figures:
        parts.append(f"arrow {figures['arrow']:.1f}")
    return " ".join(parts)
