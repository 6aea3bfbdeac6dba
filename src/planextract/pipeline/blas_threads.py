"""No BLAS thread pool in the processes of a run (issue 8).

numpy, which pyarrow and the PDF reader import, starts OpenBLAS's threads as it is
imported, and they spin for a while before they sleep. In the fork server that was
~0.1 s of CPU during its preload (0.36-0.39 s of CPU against 0.25 s with one BLAS
thread, for the same 0.25-0.29 s of wall time), taken from the core the main process
was starting on, before the first document could be read. planextract does no linear
algebra, so one thread loses nothing. Set before numpy is imported (the variable is
read then) and passed to the processes started from here; a value the user set is kept.
"""

from __future__ import annotations

import os

VARIABLE = "OPENBLAS_NUM_THREADS"


def single_blas_thread() -> bool:
    """Ask for one OpenBLAS thread here and in the processes started from here,
    unless ``OPENBLAS_NUM_THREADS`` is set already; whether it is one now."""
    return os.environ.setdefault(VARIABLE, "1") == "1"
