"""Python's cycle collector paused while a document is normalised and while a
text export is read (issue 11).

The collector runs a young-generation pass every 700 allocations and, as the
heap grows, full passes over every object held: a long text export's cells,
blocks and drafts were walked again and again, about a fifth of the CPU of a
text export through ``run_one``, for nothing, since neither the normaliser nor
the text readers make reference cycles, beyond the one class ``csv.Sniffer``
makes a call (``tests/test_gc_pause.py`` checks the samples and generated
exports; a cell parsed by BeautifulSoup is taken apart once read). The PDF,
Word and web-page readers stay collected: their objects do form cycles.
Thread-safe and nesting: the collector is turned back on when the last pause
ends, and only if it was on when the first began (a Dask worker's threads run
documents side by side).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused(enabled: bool = True) -> Iterator[None]:
    """The cycle collector off inside the block when ``enabled`` (``RunSettings.pause_gc``)."""
    if not enabled:
        yield
        return
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
