"""What runs inside a document's own worker process.

The worker dies with its parent (``PR_SET_PDEATHSIG``), cannot grow past the
memory cap (``RLIMIT_AS``) and writes no core file; whatever happens to it, the
main process only loses this one document.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import signal
from multiprocessing.connection import Connection

from planextract.pipeline import testhooks
from planextract.pipeline.document_run import failed, memory_message, run_one
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
    """Import every reader once in the fork server, so each worker starts warm."""
    import importlib

    from planextract.extract.registry import BINARY_FORMATS, TEXT_FORMATS

    for fmt in [*BINARY_FORMATS, *TEXT_FORMATS]:
        try:
            importlib.import_module(fmt.reader.split(":")[0])
        except ImportError:
            pass


def child_main(conn: Connection, source: str, settings: Settings, hooks: bool) -> None:
    """Read one document and send its DocumentResult back through ``conn``."""
    die_with_parent()
    cap_memory(settings.run.max_memory)
    try:
        if hooks:
            testhooks.misbehave(source)
        result = run_one(source, settings)
    except MemoryError:
        result = failed(source, memory_message(settings))
    except OSError as err:  # a mapping refused under the cap is ENOMEM, not MemoryError
        if err.errno != errno.ENOMEM:
            raise
        result = failed(source, memory_message(settings))
    conn.send(result)
    conn.close()
