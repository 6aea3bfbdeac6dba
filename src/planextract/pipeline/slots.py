"""Reading slots shared by a run's processes: never more than ``workers`` reading at once.

A long PDF is split over helper processes (``pdf_split``); inside ``ingest --workers
N`` each of N document workers could fork N-1 helpers, N^2 readers on N cores. So
the run keeps N slots, one byte each of a small file: the document worker of pool
place ``i`` holds byte ``i`` (a POSIX record lock) while it reads a document, and a
split takes, without waiting, only the bytes no one holds (idle workers' places)
for its helpers, releasing them when its pages are in. A worker given a document
while a split holds its byte waits for that split, which its own time limit bounds.

Record locks (``fcntl.lockf``) belong to the process that took them and go with it:
a worker killed mid-split (time limit, memory cap, kill -9) frees its slots, so a
slot can never be lost. They are not inherited by ``fork``, and one process's locks
never conflict with each other, so a split tries only the places that are not its own.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

_SHARED: tuple[int, int, int] | None = None  # (file descriptor, own place, places)


def make_file(places: int, folder: str | None = None) -> str:
    """The slot file of a run: one byte per place (locks need no bytes, but a
    person finding it sees what it is for)."""
    fd, path = tempfile.mkstemp(prefix="planextract-slots-", dir=folder)
    os.write(fd, b"\0" * places)
    os.close(fd)
    return path


def join(path: str, place: int, places: int) -> None:
    """In a document worker: use the run's slot file, as pool place ``place``."""
    global _SHARED
    _SHARED = (os.open(path, os.O_RDWR), place, places)


def _lock(fd: int, place: int, wait: bool) -> bool:
    flags = fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB
    try:
        fcntl.lockf(fd, flags, 1, place, os.SEEK_SET)
    except OSError:
        return False
    return True


def _unlock(fd: int, place: int) -> None:
    fcntl.lockf(fd, fcntl.LOCK_UN, 1, place, os.SEEK_SET)


@contextmanager
def reading() -> Iterator[None]:
    """Hold this worker's own slot while it reads a document (no slot file: a
    process outside ``ingest``'s pool, nothing to hold)."""
    if _SHARED is None:
        yield
        return
    fd, place, _ = _SHARED
    _lock(fd, place, wait=True)
    try:
        yield
    finally:
        _unlock(fd, place)


@contextmanager
def spare(wanted: int) -> Iterator[int]:
    """Up to ``wanted`` free slots for helper processes, taken without waiting;
    yields how many were taken (``wanted`` when this process has no slot file:
    a single document read outside a pool, where the caller's count is the bound)."""
    if _SHARED is None:
        yield wanted
        return
    fd, own, places = _SHARED
    taken = []
    for place in range(places):
        if len(taken) >= wanted:
            break
        if place != own and _lock(fd, place, wait=False):
            taken.append(place)
    try:
        yield len(taken)
    finally:
        for place in taken:
            _unlock(fd, place)
