"""TEST-ONLY misbehaving reader, to prove a worker's crash, hang or runaway
memory costs only its own document.

Active only when the run was started with ``PLANEXTRACT_TEST_HOOKS=1`` in the
environment (the main process reads it and passes it to each worker); a user's
run never sets it. A file whose first line holds one of the markers makes its
worker misbehave before the real reader runs:

    planextract-test:segfault   the worker kills itself with SIGSEGV
    planextract-test:hang       the worker sleeps for an hour
    planextract-test:allocate   the worker allocates memory until it cannot
    planextract-test:slow       the worker sleeps 0.3 s, then reads normally
"""

from __future__ import annotations

import mmap
import os
import signal
import time

ENV = "PLANEXTRACT_TEST_HOOKS"


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def _marker(source: str) -> str | None:
    try:
        with open(source, "rb") as handle:
            first = handle.readline(200)
    except OSError:
        return None
    if b"planextract-test:" not in first:
        return None
    return first.split(b"planextract-test:", 1)[1].split()[0].decode("ascii", "replace")


def misbehave(source: str) -> None:
    marker = _marker(source)
    if marker == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif marker == "hang":
        time.sleep(3600)
    elif marker == "allocate":
        hoard = []
        while True:  # mapped, not touched: counts against the cap without using RAM
            hoard.append(mmap.mmap(-1, 64 * 1024 * 1024))
    elif marker == "slow":
        time.sleep(0.3)
