"""Which files a run reads: files and folders (recursively), in a stable order."""

from __future__ import annotations

import os
from pathlib import Path


def collect(paths: list[str]) -> list[str]:
    """Every file named or found below a named folder, as the path a user
    would type (relative where it was given relative), sorted within a folder.
    Hidden files and folders are skipped; a missing path is kept so that it is
    reported as failed rather than silently dropped."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found.append(os.path.join(root, name))
        else:
            found.append(given)
    seen: set[str] = set()
    return [f for f in found if not (f in seen or seen.add(f))]
