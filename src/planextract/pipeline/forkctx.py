"""The warm fork server the document workers are forked from, started early.

Kept apart from ``isolation`` so the command line can start the server before it
imports anything heavy: the server imports the pipeline core
(``planextract.pipeline.warm``) and the readers the inputs call for
(``pipeline.preload``) while this process imports its own modules, walks the
inputs and opens the dataset, instead of after.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import forkserver, resource_tracker

_CONTEXT: mp.context.BaseContext | None = None
PRELOAD = ["planextract.pipeline.warm"]


def context(readers: list[str] | None = None) -> mp.context.BaseContext:
    """The fork server context, its server preloaded with the pipeline core and, when
    it starts now, with ``readers`` (module names)."""
    global _CONTEXT
    if _CONTEXT is None:
        methods = mp.get_all_start_methods()
        _CONTEXT = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            _CONTEXT.set_forkserver_preload([*PRELOAD, *(readers or [])])
    if (_CONTEXT.get_start_method() == "forkserver"
            and threading.current_thread() is threading.main_thread()):
        # started from the main thread: PR_SET_PDEATHSIG follows the creating thread
        with tracker_later():
            forkserver.ensure_running()
    return _CONTEXT


@contextmanager
def tracker_later() -> Iterator[None]:
    """multiprocessing's resource tracker not started in the block, but when the
    first worker is asked for (``connect_to_new_process`` passes it to each worker,
    starting it then). ``forkserver.ensure_running`` starts it first, just before the
    fork server: a third Python process starting (~25 ms of CPU) on a 2-core machine
    where this process and the fork server are both starting, on the path to the first
    worker that both runs of an ingest pay (issue 8). At the first request this
    process only waits for the server. Nothing here registers semaphores or shared
    memory, so it has no work before then."""
    start = resource_tracker.ensure_running
    resource_tracker.ensure_running = _later
    try:
        yield
    finally:
        resource_tracker.ensure_running = start


def _later() -> None:
    """The resource tracker starts at the first worker instead (``tracker_later``)."""


def start_early(argv: list[str]) -> None:
    """Start the fork server now when the command will read documents (``ingest``,
    ``extract``, not a dry run or help): returns at once, the server warms up
    meanwhile."""
    if not argv or argv[0] not in ("ingest", "extract"):
        return
    if {"--dry-run", "-h", "--help"} & set(argv):
        return
    from planextract.pipeline.preload import preload_for

    context(preload_for(argv))
