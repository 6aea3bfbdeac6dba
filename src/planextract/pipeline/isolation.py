"""Each document read in its own worker process, watched from the main one.

A fresh process per document (forked from a warm fork server, a few ms) means a
segfault, a hang past ``timeout`` or an allocation past the memory cap costs only
that document: it becomes a ``failed`` result with a message a person can act on,
and the next document gets a new worker. At most ``workers`` run at once, so
memory stays bounded whatever the number of documents.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from planextract.pipeline import testhooks
from planextract.pipeline.child import child_main
from planextract.pipeline.document_run import DocumentResult, failed
from planextract.settings import Settings

_CONTEXT: mp.context.BaseContext | None = None


@dataclass(frozen=True)
class Task:
    """One document to read; ``sha256``/``size`` as hashed when the run was planned."""

    source: str
    sha256: str | None = None
    size: int = 0


def context() -> mp.context.BaseContext:
    """The fork server context, its server preloaded with every reader."""
    global _CONTEXT
    if _CONTEXT is None:
        methods = mp.get_all_start_methods()
        _CONTEXT = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            _CONTEXT.set_forkserver_preload(["planextract.pipeline.warm"])
    return _CONTEXT


def crash_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if name == "SIGKILL":
            return ("its worker was killed (SIGKILL), most often by the system running out of "
                    "memory; try it alone, with more memory, or split the file")
        return (f"the reader crashed ({name}) while reading it: the file is probably damaged; "
                "open it and save or export it again, then re-run")
    return (f"its worker stopped (exit code {exitcode}) without a result; re-run it alone "
            "to see the error, and report it with the file attached")


def timeout_message(timeout: float) -> str:
    return (f"gave up after {timeout:g} s: reading it took longer than the time limit "
            "(--timeout); the file may be damaged or very large - raise --timeout to retry")


@dataclass
class _Running:
    task: Task
    process: mp.process.BaseProcess
    conn: object
    started: float


def run_isolated(tasks: Iterable[Task], settings: Settings, workers: int = 1,
                 hooks: bool | None = None) -> Iterator[DocumentResult]:
    """Read every task's document in its own process, ``workers`` at a time;
    yield each result as it arrives (not in input order)."""
    ctx = context()
    hooks = testhooks.enabled() if hooks is None else hooks
    timeout = settings.run.timeout
    pending = iter(tasks)
    running: dict[object, _Running] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < max(1, workers):
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=child_main, daemon=True,
                                      args=(send, task.source, settings, hooks))
                process.start()
                send.close()
                running[receive] = _Running(task, process, receive, time.monotonic())
            if not running:
                return
            now = time.monotonic()
            first_deadline = min(r.started + timeout for r in running.values())
            ready = wait([*running, *(r.process.sentinel for r in running.values())],
                         timeout=max(0.0, first_deadline - now))
            for conn, run in list(running.items()):
                result = _collect(run, ready, timeout)
                if result is not None:
                    del running[conn]
                    conn.close()
                    yield result
    finally:
        for run in running.values():
            run.process.kill()
            run.process.join()


def _keyed(result: DocumentResult, task: Task) -> DocumentResult:
    """A document that failed before its bytes were hashed in the worker keeps the hash
    the run was planned with, so an unchanged failed file is not read again."""
    row = result.document
    if row["sha256"] is None and task.sha256:
        row.update(doc_id=task.sha256[:16], sha256=task.sha256, bytes=task.size)
    return result


def _collect(run: _Running, ready: list, timeout: float) -> DocumentResult | None:
    """The result of a finished, crashed or overdue worker; None while it works."""
    elapsed = time.monotonic() - run.started
    task = run.task
    if run.conn in ready or run.process.sentinel in ready:
        try:
            if run.conn.poll():
                result = run.conn.recv()
                run.process.join()
                return _keyed(result, task)
        except (EOFError, OSError):
            pass
        run.process.join()
        return failed(task.source, crash_message(run.process.exitcode), sha256=task.sha256,
                      size=task.size, seconds=elapsed)
    if elapsed >= timeout:
        run.process.kill()
        run.process.join()
        return failed(task.source, timeout_message(timeout), sha256=task.sha256,
                      size=task.size, seconds=elapsed)
    return None
