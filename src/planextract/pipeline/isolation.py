"""Documents read in worker processes, watched from the main one.

A worker (forked from a warm fork server) reads one document at a time. A segfault,
a hang past ``timeout`` or an allocation past the memory cap costs only the document
it was reading: that becomes a ``failed`` result with a message a person can act on,
and a fresh worker takes the slot. At most ``workers`` run at once, so memory stays
bounded whatever the number of documents.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import wait

from planextract.pipeline import testhooks
from planextract.pipeline.child import worker_main
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
    if (_CONTEXT.get_start_method() == "forkserver"
            and threading.current_thread() is threading.main_thread()):
        # started from the main thread: PR_SET_PDEATHSIG follows the creating thread
        forkserver.ensure_running()
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


class _Worker:
    """One worker process and the document it is reading, if any."""

    def __init__(self, ctx: mp.context.BaseContext, settings: Settings, hooks: bool) -> None:
        self.conn, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, daemon=True,
                                   args=(child_end, settings, hooks))
        self.process.start()
        child_end.close()
        self.task: Task | None = None
        self.started = 0.0
        self.retiring = False  # it said it exits after this answer

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        try:
            self.conn.send(task.source)
        except OSError:
            pass  # it died meanwhile: its sentinel reports it, the document fails alone

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        elif self.retiring:
            pass  # it is exiting on its own
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=None if kill else 5)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_isolated(tasks: Iterable[Task], settings: Settings, workers: int = 1,
                 hooks: bool | None = None) -> Iterator[DocumentResult]:
    """Read every task's document in a worker process, ``workers`` at a time; yield
    each result as it arrives (not in input order). A worker that crashes, overruns
    the time limit or hits the memory cap is replaced, and only its document fails."""
    ctx = context()
    hooks = testhooks.enabled() if hooks is None else hooks
    timeout = settings.run.timeout
    pending = iter(tasks)
    pool: list[_Worker] = []
    exhausted = False
    try:
        while True:
            for i, worker in enumerate(pool):  # replace workers that are gone
                if worker.task is None and not worker.process.is_alive():
                    worker.stop(kill=True)
                    pool[i] = _Worker(ctx, settings, hooks)
            idle = [w for w in pool if w.task is None]
            while not exhausted and (idle or len(pool) < max(1, workers)):
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                worker = idle.pop() if idle else None
                if worker is None:
                    worker = _Worker(ctx, settings, hooks)
                    pool.append(worker)
                worker.give(task)
            busy = [w for w in pool if w.task is not None]
            if not busy:
                return
            first_deadline = min(w.started + timeout for w in busy)
            ready = wait([*(w.conn for w in busy), *(w.process.sentinel for w in busy)],
                         timeout=max(0.0, first_deadline - time.monotonic()))
            for i, worker in enumerate(pool):
                if worker.task is None:
                    continue
                result = _collect(worker, ready, timeout)
                if result is None:
                    continue
                if worker.task is None and not worker.retiring:  # it reads the next one
                    yield result
                    continue
                # crashed, overdue or retiring: a fresh worker takes its place
                worker.stop(kill=worker.task is not None)
                pool[i] = _Worker(ctx, settings, hooks)
                yield result
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


def _keyed(result: DocumentResult, task: Task) -> DocumentResult:
    """A document that failed before its bytes were hashed in the worker keeps the hash
    the run was planned with, so an unchanged failed file is not read again."""
    row = result.document
    if row["sha256"] is None and task.sha256:
        row.update(doc_id=task.sha256[:16], sha256=task.sha256, bytes=task.size)
    return result


def _collect(worker: _Worker, ready: list, timeout: float) -> DocumentResult | None:
    """The result of a worker that answered, crashed or overran; None while it works.
    After an answer ``worker.task`` is cleared; after a crash or overrun it is kept."""
    task = worker.task
    elapsed = time.monotonic() - worker.started
    if worker.conn in ready or worker.process.sentinel in ready:
        try:
            if worker.conn.poll():
                result, worker.retiring = worker.conn.recv()
                worker.task = None
                return _keyed(result, task)
        except (EOFError, OSError):
            pass
        worker.process.join()
        return failed(task.source, crash_message(worker.process.exitcode), sha256=task.sha256,
                      size=task.size, seconds=elapsed)
    if elapsed >= timeout:
        return failed(task.source, timeout_message(timeout), sha256=task.sha256,
                      size=task.size, seconds=elapsed)
    return None
