"""Documents read in worker processes, watched from the main one.

A worker (forked from a warm fork server) reads one document at a time. A segfault,
a hang past ``timeout`` or an allocation past the memory cap costs only the document
it was reading: that becomes a ``failed`` result with a message a person can act on,
and a fresh worker takes the slot. At most ``workers`` run at once, so memory stays
bounded whatever the number of documents.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
import pickle
import select
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass

from planextract.pipeline import slots, testhooks
from planextract.pipeline.child import plain_answer, worker_main
from planextract.pipeline.document_run import failed
from planextract.pipeline.forkctx import context
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.settings import Settings


@dataclass(frozen=True)
class Task:
    """One document to read; ``sha256``/``size`` as hashed when the run was planned."""

    source: str
    sha256: str | None = None
    size: int = 0


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


COVER = 0.12  # seconds of reading queued per worker: a batch commit (40-90 ms) is covered
# documents handed to a worker at once, at most: 16 (8 before session 20) lets
# ``COVER`` hold for documents of ~8 ms and more (the bench's mix averages ~5 ms: 8
# covered ~35 ms, less than a commit, and a worker with one left ran dry through
# commits), and lets a ``nap`` of ``NAP`` never outlast a queue of the quickest
# documents (15 text exports of ~2 ms)
MAX_DEPTH = 16


NAP = 0.03  # seconds: the longest the main process waits before it looks for answers
NAP_SHARE = 0.5  # of the reading every busy worker has queued: how long it may wait
LEAST_NAP = 1 / 6  # of ``NAP``: a shorter wait takes too few answers to save a wake-up


def quick_time(quick: float | None, took: float) -> float:
    """What a quick document takes, for ``nap``: the least time seen, moved a tenth of
    the way toward each slower one, so one odd instant failure bounds the naps for a
    few dozen documents, not for the rest of the run."""
    if quick is None or took < quick:
        return took
    return quick + 0.1 * (took - quick)


def nap(busy: list[_Worker], seconds_a_document: float | None, until: float,
        quick: float | None = None) -> float:
    """How long the main process may wait before it looks for answers, none being
    ready: ``NAP_SHARE`` of the reading every busy worker has queued behind the
    document it reads (so none runs out meanwhile, and each still has the rest
    when the main process hands out more), at most ``NAP``; 0 when that is under
    ``LEAST_NAP`` of ``NAP`` (it then waits for the first answer) or before any document was
    timed; never past ``until`` (the first time limit). With two workers on two
    cores every wake-up takes a core from a worker, and costs the main process more
    in situ than its few answers do (its caches cold after the wait): 1,000 plans,
    two workers, its wake-ups while reading 713-786 -> 332-368 and its main
    thread's CPU outside the commits 167-175 -> 92-128 ms (three alternating
    pairs against ``fixed_nap`` with queues of 8, issue 8). The answers and what is
    done with them are the same; only when they are taken moves. ``fixed_nap`` is
    the rule before (a 10 ms nap when every busy worker had that much queued, else
    none).

    ``quick`` (``quick_time``: about the quickest document so far) bounds the wait
    too: the smoothed time says little of the next few documents when they differ,
    and after one slow document a queue of two (``depth``) could hold a quick one,
    which a nap from the average would leave its worker idle behind (the review of
    session 20)."""
    if not seconds_a_document or not busy:
        return 0.0
    queued = min(len(worker.queue) for worker in busy) - 1  # behind the one being read
    wait = min(NAP, NAP_SHARE * queued * seconds_a_document)
    if quick is not None:
        wait = min(wait, queued * quick)  # never past a queue of quick ones
    if wait < LEAST_NAP * NAP:
        return 0.0
    return max(0.0, min(wait, until - time.monotonic()))


FIXED_NAP = 0.01  # the nap of ``fixed_nap``


def fixed_nap(busy: list[_Worker], seconds_a_document: float | None, until: float,
              quick: float | None = None) -> float:
    """``nap`` as it was (session 17): ``FIXED_NAP`` when every busy worker has at
    least that much reading queued behind the document it reads, else 0, and 0
    before any document was timed; never past ``until``. Kept for the tests, which
    compare what each gives (``quick`` is not asked)."""
    if not seconds_a_document or not busy:
        return 0.0
    queued = min(len(worker.queue) for worker in busy) - 1  # behind the one being read
    if queued * seconds_a_document < FIXED_NAP:
        return 0.0
    return max(0.0, min(FIXED_NAP, until - time.monotonic()))


def depth(seconds_a_document: float | None) -> int:
    """How many documents a worker holds at once: enough queued behind the one it
    reads that it reads on while the main process commits a batch (with two, small
    documents left each worker idle through every commit), and no more, so little
    waits behind a slow document when the inputs run out. Two until one is timed."""
    if not seconds_a_document:
        return 2
    return max(2, min(MAX_DEPTH, 1 + math.ceil(COVER / seconds_a_document)))


END_DEPTH = 2  # documents a worker holds once the inputs run out (several workers)


def depth_left(limit: int, left: int | None, workers: int) -> int:
    """How many documents a worker holds, ``limit`` (``depth``) as a rule, with
    ``left`` documents not yet handed out: with several workers, once fewer are left
    than would fill every queue, ``END_DEPTH`` (one read, one next). A document
    handed to a worker is its to read: with eight queued each, one worker could be
    left with several slow ones while the other had run out (the last answers of
    two workers came 1-38 ms apart, 1,000 plans, 17 ms the median of five runs: a
    core idle meanwhile, issue 8). Unknown ``left`` (an iterator of tasks) or one
    worker: ``limit``."""
    if workers > 1 and left is not None and left < workers * limit:
        return min(limit, END_DEPTH)
    return limit


# what a worker sends for a document (``child.plain_answer``); a test swaps in
# ``child.reference_answer``, the pickled dataclass sent before session 20
ANSWER = plain_answer


class _Worker:
    """One worker process and the documents handed to it, the first being read."""

    def __init__(self, ctx: mp.context.BaseContext, settings: Settings, hooks: bool,
                 cwd: str | None = None, place: tuple[str, int, int] | None = None) -> None:
        self.conn, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, daemon=True,
                                   args=(child_end, settings, hooks, cwd, place, ANSWER))
        self.process.start()
        child_end.close()
        self.queue: deque[Task] = deque()
        self.started = 0.0  # when it began the first document of the queue
        self.retiring = False  # it said it exits after its last answer
        self.broken = False  # it crashed or overran
        self.told = False  # it was told to exit after its last answer

    def give(self, task: Task) -> None:
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append(task)
        try:
            # the bytes ``conn.send`` would write (the default protocol, plain values),
            # without its ForkingPickler, which copies the reducer table every call
            self.conn.send_bytes(pickle.dumps((task.source, task.sha256, task.size)))
        except OSError:
            pass  # it died meanwhile: its sentinel reports it, the document fails alone

    def stop(self) -> None:
        self.ask_to_stop()
        self.reap()

    def ask_to_stop(self) -> None:
        """Tell it to exit after its last answer (kill it if it is still reading or
        broken); returns at once, so a pool's workers all exit at the same time."""
        if self.broken or self.queue:
            self.process.kill()
        elif not (self.retiring or self.told):
            self.told = True
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()

    def reap(self) -> None:
        """Wait for it to exit (5 s at most, then kill it)."""
        self.process.join(timeout=5)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_isolated(tasks: Iterable[Task], settings: Settings, workers: int = 1,
                 hooks: bool | None = None, cwd: str | None = None,
                 idle: Callable[[], None] | None = None) -> Iterator[DocumentTables]:
    """Read every task's document in a worker process, ``workers`` at a time; yield
    each result as it arrives (not in input order). A worker that crashes, overruns
    the time limit or hits the memory cap is replaced, and only the document it was
    reading fails; documents handed to it but not begun go to another worker. ``cwd``:
    where the workers resolve relative sources (default: where this process is).
    ``idle``: called whenever no answer is ready and this process is about to wait
    for one (the reporter writes the log lines it kept meanwhile)."""
    ctx = context()
    cwd = cwd or os.getcwd()  # the fork server's own may be older than a chdir since
    hooks = testhooks.enabled() if hooks is None else hooks
    timeout = settings.run.timeout
    pending = iter(tasks)
    handed_back: deque[Task] = deque()
    pool: list[_Worker] = []
    # with several workers, a long PDF's split takes only the reading slots free
    slot_file = slots.make_file(workers) if workers > 1 else None

    def spawn(index: int) -> _Worker:
        place = (slot_file, index, workers) if slot_file else None
        return _Worker(ctx, settings, hooks, cwd, place)

    per_document: float | None = None  # seconds a document, smoothed over the results
    quick: float | None = None  # a quick document's seconds (``quick_time``)

    exhausted = False  # every task was handed out
    # tasks not handed out yet (those a replaced worker gave back count again)
    left = len(tasks) if isinstance(tasks, Sized) else None

    def take() -> Task | None:
        nonlocal exhausted, left
        if handed_back:
            task = handed_back.popleft()
        else:
            task = next(pending, None)
            exhausted = task is None
        if task is not None and left is not None:
            left -= 1
        return task

    try:
        while True:
            for i, worker in enumerate(pool):  # replace idle workers that are gone
                if not worker.queue and not worker.process.is_alive():
                    worker.stop()
                    pool[i] = spawn(i)
            while True:  # hand out documents: new workers first, then queues to DEPTH
                if len(pool) < max(1, workers):
                    task = take()
                    if task is None:
                        break
                    pool.append(spawn(len(pool)))
                    pool[-1].give(task)
                    continue
                target = min(pool, key=lambda w: len(w.queue))
                limit = depth_left(depth(per_document), left, workers)
                if len(target.queue) >= limit or (task := take()) is None:
                    break
                target.give(task)
            busy = [w for w in pool if w.queue]
            if not busy:
                return
            first_deadline = min(w.started + timeout for w in busy)
            wait = nap(busy, per_document, first_deadline, quick)
            ready = ready_fds(busy, 0.0) if wait else set()
            if not ready:
                if idle is not None:
                    idle()
                if wait:
                    time.sleep(wait)  # the workers read on: answers gather meanwhile
                ready = ready_fds(busy, max(0.0, first_deadline - time.monotonic()))
            for i, worker in enumerate(pool):
                if not worker.queue:
                    continue
                result = _collect(worker, ready, timeout)
                if result is None:
                    continue
                took = result.document.get("seconds") or 0.0
                per_document = took if per_document is None else 0.8 * per_document + 0.2 * took
                quick = quick_time(quick, took)
                if worker.broken or worker.retiring:
                    # a fresh worker takes its place; what it had not begun goes back
                    handed_back.extend(worker.queue)
                    if left is not None:
                        left += len(worker.queue)
                    worker.queue.clear()
                    worker.stop()
                    pool[i] = spawn(i)
                last = exhausted and not handed_back and not any(w.queue for w in pool)
                if last:
                    # the workers exit while the caller takes this answer in (the
                    # run's last commit), not after it (issue 8: 3-7 ms of the tail)
                    for other in pool:
                        other.ask_to_stop()
                yield result
                if last:
                    return
    finally:
        # all told first, then waited for: the run's tail is one worker's exit, not
        # the sum of theirs (issue 8)
        for worker in pool:
            worker.ask_to_stop()
        for worker in pool:
            worker.reap()
        if slot_file:
            slots.remove_file(slot_file)


def ready_fds(busy: list[_Worker], timeout: float) -> set[int]:
    """The file descriptors of ``busy`` workers' pipes and sentinels that are ready (an
    answer, or the end of the process), waiting ``timeout`` seconds at most. One
    ``poll`` call on the bare descriptors: ``multiprocessing.connection.wait`` builds a
    selector and a key object per descriptor every time, about a tenth of the main
    process's CPU a document, which the workers want (issue 8)."""
    poller = select.poll()
    for worker in busy:
        poller.register(worker.conn.fileno(), _READY)
        poller.register(worker.process.sentinel, _READY)
    return {fd for fd, _ in poller.poll(math.ceil(timeout * 1000))}


_READY = select.POLLIN | select.POLLHUP | select.POLLERR


def _collect(worker: _Worker, ready: set[int], timeout: float) -> DocumentTables | None:
    """The result for the document a worker is reading, once it answered, crashed or
    overran (then ``worker.broken``); None while it works. The document leaves the
    worker's queue, and the next one there is timed from now."""
    task = worker.queue[0]
    now = time.monotonic()
    elapsed = now - worker.started
    result = None
    answered = worker.conn.fileno() in ready
    if answered or worker.process.sentinel in ready:
        try:
            # a pipe the poll found ready holds an answer or its end (EOFError): no
            # second look, whose ``Connection.poll`` builds a selector each time
            if answered or worker.conn.poll():
                answer, worker.retiring = worker.conn.recv()
                # plain values (``child.plain_answer``); anything else as it came
                # (the pickled dataclass of ``child.reference_answer``)
                result = (DocumentTables.from_answer(answer) if type(answer) is tuple
                          else answer)
        except (EOFError, OSError):
            pass
        if result is None:
            worker.process.join()
            worker.broken = True
            result = document_tables(failed(
                task.source, crash_message(worker.process.exitcode), sha256=task.sha256,
                size=task.size, seconds=elapsed))
    elif elapsed >= timeout:
        worker.broken = True
        result = document_tables(failed(task.source, timeout_message(timeout),
                                        sha256=task.sha256, size=task.size, seconds=elapsed))
    if result is not None:
        worker.queue.popleft()
        worker.started = now
    return result
