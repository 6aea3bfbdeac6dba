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
from multiprocessing import forkserver

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
        forkserver.ensure_running()
    return _CONTEXT


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
