"""Arrow's buffers from the C heap (glibc's malloc), not its default mimalloc pool.

mimalloc reserves memory in segments of several MB the first time a process makes
a table through it. A worker met it as it sent each result (the documents, glossary
and roles tables are made then), so a long document's worker peaked ~4 MB higher
than its reading and normalising needed: on a 1 MB text export, 14.5x the input
against 10.4x (``bench_text.py``'s ``RSS x`` against ``run x``, issue 11). From the
C heap, the same buffers reuse the holes the read and the normaliser left.
``ActionRows`` and ``packed_rows`` already asked for the system pool for their
batches, for the same reason.

Set in the processes that make tables for a run (the main process of ``extract`` and
``ingest``, the fork server before it forks the workers) and kept in those they
start (through the variable Arrow reads, ``ARROW_DEFAULT_MEMORY_POOL``). A pool the
user chose with that variable is left as it is.
"""

from __future__ import annotations

import os
import sys

VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"
POOL = "system"


def use_system_pool() -> bool:
    """Make the C heap Arrow's default pool here and in the processes started from
    here, unless ``ARROW_DEFAULT_MEMORY_POOL`` names another; whether it is now."""
    if os.environ.setdefault(VARIABLE, POOL) != POOL:
        return False
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:  # imported already: its default pool may be chosen
        arrow.set_memory_pool(arrow.system_memory_pool())
    return True
