"""A snippet of Python run in a fresh interpreter, for tests of what a process sets
up at its start (environment variables read once, by a library's import)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_python(code: str, unset: str, **env: str) -> list[str]:
    """The words ``code`` prints, run by a fresh interpreter with ``unset`` taken out
    of this environment and ``env`` added."""
    environ = {k: v for k, v in os.environ.items() if k != unset}
    done = subprocess.run([sys.executable, "-c", code], env={**environ, **env},
                          capture_output=True, text=True, check=True)
    return done.stdout.split()
