"""Where documents are read: worker processes on this machine, or a Dask cluster.

Both engines run the same per-document work (``isolation.run_isolated``: a fresh
worker process per document, with the time limit and memory cap) and yield
results as they arrive; the caller, on this machine, is the only committer.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from planextract.pipeline import testhooks
from planextract.pipeline.document_run import failed
from planextract.pipeline.isolation import Task, context, run_isolated
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.settings import Settings


def read_local(tasks: Iterable[Task], settings: Settings,
               idle: Callable[[], None] | None = None) -> Iterator[DocumentTables]:
    """``idle``: called whenever the run waits for its workers (``run_isolated``)."""
    yield from run_isolated(tasks, settings, settings.run.workers, idle=idle)


def allow_children() -> None:
    """Let this process start reader processes even when it is daemonic, as a
    ``dask worker`` started by its nanny is: multiprocessing refuses children to a
    daemonic process because it is killed without clean-up, which would orphan them.
    Ours cannot be orphaned: each dies with its parent (``child.die_with_parent``),
    so the refusal is lifted for the life of this process."""
    config = mp.current_process()._config  # noqa: SLF001 - the flag start() checks
    if config.get("daemon"):
        config["daemon"] = False


def read_one_isolated(task: Task, settings: Settings, hooks: bool,
                      cwd: str | None = None) -> DocumentTables:
    """A Dask task: one document, read in its own process on the Dask worker; a
    relative source is relative to ``cwd``, the folder the command was run in (the
    workers see the inputs at the same paths). The cluster's threads are the
    parallelism: a long PDF is not split over more processes here (``--workers``
    counts this machine's processes; each thread of a Dask worker splitting its PDF
    that many ways would run threads x workers readers on the worker's cores)."""
    allow_children()
    alone = replace(settings, run=replace(settings.run, workers=1))
    return list(run_isolated([task], alone, 1, hooks=hooks, cwd=cwd))[0]


def read_dask(tasks: Iterable[Task], settings: Settings,
              scheduler: str | None = None) -> Iterator[DocumentTables]:
    """Read every task on a Dask cluster: ``scheduler`` is its address; without one a
    LocalCluster on loopback (threads, ``settings.run.workers`` of them) is started.
    At most a few tasks per worker are in flight, so memory stays bounded."""
    from dask.distributed import Client, LocalCluster, as_completed

    context()  # the fork server starts from this (main) thread, not a Dask one
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=1, threads_per_worker=max(1, settings.run.workers),
                               processes=False, protocol="tcp", host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    hooks = testhooks.enabled()
    cwd = os.getcwd()
    try:
        slots = max(2, 4 * sum(client.nthreads().values()))
        pending = iter(tasks)
        futures = as_completed()
        owner: dict = {}

        def submit() -> bool:
            task = next(pending, None)
            if task is None:
                return False
            future = client.submit(read_one_isolated, task, settings, hooks, cwd, pure=False)
            owner[future.key] = task
            futures.add(future)
            return True

        for _ in range(slots):
            if not submit():
                break
        for future in futures:
            task = owner.pop(future.key)
            try:
                yield future.result()
            except Exception as err:  # noqa: BLE001 - a lost worker fails one document
                yield document_tables(failed(
                    task.source, f"the Dask worker reading it failed ({type(err).__name__}: "
                                 f"{err}); re-run to retry it", sha256=task.sha256,
                    size=task.size))
            future.release()
            submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
