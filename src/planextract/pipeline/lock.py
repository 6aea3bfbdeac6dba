"""One writer per dataset: an exclusive ``flock`` on ``DIR/.planextract.lock``.

The kernel drops the lock when its holder dies, however it dies, so a killed run
never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

LOCK_NAME = ".planextract.lock"


class LockBusy(Exception):
    """Another run holds the dataset; the message says which and what to do."""


class DatasetLock:
    def __init__(self, root: Path, wait: bool = False) -> None:
        self.path = Path(root) / LOCK_NAME
        self.wait = wait
        self._fd: int | None = None

    def _holder(self) -> str:
        try:
            pid = self.path.read_text().strip()
        except OSError:
            pid = ""
        return f"pid {pid}" if pid else "another process"

    def __enter__(self) -> DatasetLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not self.wait:
                os.close(fd)
                raise LockBusy(f"another planextract run ({self._holder()}) is writing "
                               f"{self.path.parent}; wait for it to finish or pass --wait"
                               ) from None
            print(f"waiting for the run ({self._holder()}) writing {self.path.parent} ...",
                  file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
