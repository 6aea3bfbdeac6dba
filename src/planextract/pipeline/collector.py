"""The cyclic garbage collector spaced out while one document is read and
normalised (issue 11).

A document's cells, rows and drafts are millions of small container objects that
live until the document is done and form no cycles: with the interpreter's
thresholds (a young collection every 700 allocations, a full one each time the
heap grows by a quarter) the collector walks them again and again, about a
quarter of a text export's CPU time. Each collection also walks every reference
the young objects hold, so a young list of a document's drafts or rows costs
as much as its length. Spaced out, it still runs (cycles are still freed), only
less often; the thresholds are put back after the document.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def spaced(young: int) -> Iterator[None]:
    """Collect the youngest generation every ``young`` allocations (net of those
    freed), not every 700, for the duration; ``young`` 0 leaves the thresholds as
    they are."""
    before = gc.get_threshold()
    if young > before[0]:
        gc.set_threshold(young, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
