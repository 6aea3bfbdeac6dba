"""Which files a run reads: files and folders (recursively), in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class InputProblem:
    """A path that was found but cannot be read as a file, and why, in a
    person's words; it becomes a failed document row or a warning."""

    path: str
    message: str


@dataclass
class InputScan:
    files: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def collect(paths: list[str], exclude: Iterable[Path] = ()) -> InputScan:
    """Every file named or found below a named folder, as the path a user
    would type (relative where it was given relative), sorted within a folder.
    Hidden files and folders are skipped; anything below a folder in
    ``exclude`` (the dataset being written) is never an input; a missing path
    is kept so that it is reported as failed rather than silently dropped."""
    excluded = [Path(p).resolve() for p in exclude]

    def is_excluded(path: str) -> bool:
        resolved = Path(path).resolve()
        return any(resolved == e or e in resolved.parents for e in excluded)

    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not is_excluded(os.path.join(root, d)))
                for name in sorted(files):
                    if not name.startswith("."):
                        found.append(os.path.join(root, name))
        elif not is_excluded(given):
            found.append(given)
    seen: set[str] = set()
    return InputScan(files=[f for f in found if not (f in seen or seen.add(f))])
