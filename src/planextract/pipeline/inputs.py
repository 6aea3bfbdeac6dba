"""Which files a run reads: files and folders (recursively), in a stable order,
and a word about everything found that is not read.

Nothing is opened here (a FIFO would block on open); ``os.stat`` says what a
path is. A symlink loop, a broken link, an unreadable folder, a FIFO, a device
or a socket each become a problem (a failed row); a symlinked folder followed,
a second way into a folder or file already read, and the hidden names skipped
each become a note.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class InputProblem:
    """A path that was found but is not read as a file, and why, in a person's
    words. ``kind`` ``failed`` (in ``InputScan.problems``) becomes a failed
    documents row; ``warning`` (in ``InputScan.notes``) is a line for the run's
    summary: a symlinked folder followed, a second way in, hidden files."""

    path: str
    message: str
    kind: str = "failed"


@dataclass
class InputScan:
    files: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    notes: list[InputProblem] = field(default_factory=list)


_SPECIAL = [(stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def _stat_problem(path: str, err: OSError, named: bool) -> InputProblem | None:
    if err.errno == errno.ELOOP:
        return InputProblem(path, "a symlink loop (the link points back at itself through "
                                  "other links): nothing to read; remove or fix the link")
    if err.errno == errno.ENOENT and os.path.islink(path):
        return InputProblem(path, f"a broken symlink (it points to {os.readlink(path)}, "
                                  "which does not exist): nothing read")
    if err.errno == errno.ENOENT and named:
        return None  # kept as a file, so that opening it reports it as missing
    return InputProblem(path, f"cannot be examined: {err.strerror or err}")


class _Walk:
    def __init__(self, exclude: Iterable[Path]) -> None:
        # each as a folder prefix ("/data/ds/"): a string test per file, where
        # ``Path.parents`` cost a third of a millisecond a file (issue 8)
        self.excluded = [os.path.join(os.path.realpath(p), "") for p in exclude]
        self.scan = InputScan()
        self.folders: dict[str, str] = {}  # real path of each folder read -> as shown
        self.files: dict[str, str] = {}  # real path of each file taken -> as shown
        self.hidden = 0

    def is_excluded(self, real: str) -> bool:
        """Whether ``real`` (a real path) is an excluded folder or inside one."""
        return any(real.startswith(e) or real == e[:-1] for e in self.excluded)

    def problem(self, path: str, message: str, kind: str = "failed") -> None:
        found = self.scan.problems if kind == "failed" else self.scan.notes
        found.append(InputProblem(path, message, kind))

    def visit(self, path: str, named: bool, real: str | None = None) -> None:
        """Take ``path``; ``real``: its real path when known (a file that is no link,
        in a folder whose real path is known), sparing a ``realpath`` per file."""
        try:
            info = os.stat(path)
        except OSError as err:
            problem = _stat_problem(path, err, named)
            if problem is None:
                self.scan.files.append(path)
            else:
                self.scan.problems.append(problem)
            return
        real = real or os.path.realpath(path)
        if self.is_excluded(real):
            return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path, real)
        elif stat.S_ISREG(info.st_mode):
            if real in self.files:
                if self.files[real] != path:
                    self.problem(path, f"the same file as {self.files[real]} (a link to it): "
                                       "read once", "warning")
                return
            self.files[real] = path
            self.scan.files.append(path)
        else:
            what = next((name for test, name in _SPECIAL if test(info.st_mode)), "not a file")
            self.problem(path, f"{what}, not a regular file: never opened")

    def folder(self, path: str, real: str) -> None:
        if real in self.folders:
            self.problem(path, f"a link to the folder {self.folders[real]}, already read: "
                               "not read twice (a symlink loop or a second way in)", "warning")
            return
        self.folders[real] = path
        if os.path.islink(path):
            self.problem(path, f"a symlinked folder (it points to {os.readlink(path)}): "
                               "followed, its files are read", "warning")
        try:
            with os.scandir(path) as entries:
                names = sorted((entry.name, entry.is_symlink()) for entry in entries)
        except OSError as err:
            self.problem(path, f"a folder that cannot be read ({err.strerror or err}): the "
                               "files in it were not read; fix its permissions and run again")
            return
        for name, link in names:
            if name.startswith("."):
                self.hidden += 1
                continue
            self.visit(os.path.join(path, name), named=False,
                       real=None if link else os.path.join(real, name))


def collect(paths: list[str], exclude: Iterable[Path] = ()) -> InputScan:
    """Every file named or found below a named folder, as the path a user
    would type (relative where it was given relative), sorted within a folder,
    each file once. Anything below a folder in ``exclude`` (the dataset being
    written) is never an input; a missing named path is kept so that it is
    reported as failed rather than silently dropped."""
    walk = _Walk(exclude)
    for given in paths:
        walk.hidden = 0
        walk.visit(given, named=True)
        if walk.hidden:
            walk.problem(given, f"{walk.hidden} hidden file(s) or folder(s) (names starting "
                                "with '.') skipped", "warning")
    return walk.scan
