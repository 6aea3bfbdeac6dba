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

The file lives in the temporary folder for the run's length. The process that made it
holds one more byte, the guard, for as long as it runs: a run killed with ``kill -9``
cannot remove its file, so each new run removes every slot file whose guard no one
holds (its maker is gone; a record lock cannot outlive its process).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

PREFIX = "planextract-slots-"
_SHARED: tuple[int, int, int] | None = None  # (file descriptor, own place, places)
_GUARDS: dict[str, int] = {}  # slot file -> descriptor holding its guard byte


def make_file(places: int, folder: str | None = None) -> str:
    """The slot file of a run: one byte per place (locks need no bytes, but a
    person finding it sees what it is for) and the guard byte after them, held by
    this process until ``remove_file``. Slot files of runs that are gone are removed
    first. The file is made under another name and renamed once its guard is held,
    so another run's sweep never sees it unguarded."""
    folder = folder or tempfile.gettempdir()
    sweep(folder)
    fd, made = tempfile.mkstemp(prefix="." + PREFIX, dir=folder)
    os.write(fd, b"\0" * (places + 1))
    _lock(fd, places, wait=True)
    path = os.path.join(folder, os.path.basename(made)[1:])
    os.rename(made, path)
    _GUARDS[path] = fd
    return path


def remove_file(path: str) -> None:
    """Remove this run's slot file and let go of its guard."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    if (fd := _GUARDS.pop(path, None)) is not None:
        os.close(fd)


def sweep(folder: str) -> int:
    """Remove the slot files in ``folder`` whose guard byte no process holds (left by
    a run killed before it could remove its own); returns how many."""
    removed = 0
    for path in glob.glob(os.path.join(glob.escape(folder), PREFIX + "*")):
        if path in _GUARDS:
            continue  # this process's own: its lock would not stop itself, and opening
            # then closing the file would drop the guard it holds
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue  # gone meanwhile, or someone else's
        try:
            guard = os.fstat(fd).st_size - 1
            # a file with no guard byte (cut short as it was written) is no one's
            if guard < 0 or _lock(fd, guard, wait=False):
                os.unlink(path)
                removed += 1
        except OSError:
            pass
        finally:
            os.close(fd)  # closing drops any lock this process took on it
    return removed


_ALONE = False  # a worker of a pool whose slot file it could not open


def join(path: str, place: int, places: int) -> None:
    """In a document worker: use the run's slot file, as pool place ``place``. A
    worker that cannot open it (removed under it) still reads, but never splits:
    it cannot know which places are free."""
    global _SHARED, _ALONE
    try:
        _SHARED = (os.open(path, os.O_RDWR), place, places)
    except OSError:
        _SHARED, _ALONE = None, True


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
        yield 0 if _ALONE else wanted
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
