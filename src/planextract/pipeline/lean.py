"""Keep pandas out of the processes that never use it (issue 11: start-up).

pyarrow imports pandas the first time it turns Python lists into arrays: its pandas
shim asks whether each input is a pandas object. pandas is never used by reading
and writing a dataset, yet its import costs ~0.5 s of CPU and ~60 MB in every
process that converts rows (the main process and each worker). A finder placed
first on ``sys.meta_path`` answers ``import pandas`` with ModuleNotFoundError, as
if it were not installed: pyarrow notes that, and converts the lists as before.
(A ``None`` in ``sys.modules`` would not do: pyarrow's compiled import reads
``sys.modules`` directly and takes the ``None`` for the module.)

Only for processes that will never need pandas: the ``extract`` and ``ingest``
commands run as a program with the local engine (not Dask, whose workers may),
and the fork server their workers come from. A process that already imported
pandas keeps it.

The main process of such a run also goes without numpy: pyarrow imports it when
installed (~0.08 s of CPU) and works without it, and the committer only moves Arrow
tables and Python values (the workers keep numpy: the PDF reader uses it).

Both also import pyarrow without cloudpickle: pyarrow imports it when installed
(Dask brings it) as its own ``pickle``, with logging and uuid (10-25 ms of CPU), for
pickling Python callables it is never given here: results travel as Arrow IPC bytes
(``wire.to_wire``), tasks and settings through the standard pickle. In the fork
server that import was on the path before the first worker (issue 8). The server
keeps it out only while it imports (``kept_out``): a worker imports its parent's
main module, and a Dask worker's needs cloudpickle.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

BLOCKED = "pandas"
PICKLER = "cloudpickle"


class _Absent:
    """A meta path finder for which ``package`` is not installed."""

    def __init__(self, package: str = BLOCKED) -> None:
        self.package = package

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == self.package or name.startswith(self.package + "."):
            raise ModuleNotFoundError(f"No module named {name!r} (kept out of this process "
                                      "by planextract.pipeline.lean)", name=name)
        return None


def without(package: str) -> bool:
    """Make ``package`` absent in this process, unless it is already imported; returns
    whether it is now absent."""
    if package in sys.modules:
        return False
    if not any(isinstance(f, _Absent) and f.package == package for f in sys.meta_path):
        sys.meta_path.insert(0, _Absent(package))
    return True


def without_pandas() -> bool:
    """Make pandas absent in this process (see ``without``)."""
    return without(BLOCKED)


def without_pickler() -> bool:
    """Make cloudpickle absent in this process (see ``without``): pyarrow then
    pickles with the standard module."""
    return without(PICKLER)


@contextmanager
def kept_out(package: str) -> Iterator[None]:
    """``package`` absent while the block imports, importable again after: for the
    fork server, whose workers import their parent's main module (a Dask worker's
    needs cloudpickle) once pyarrow has made do without it."""
    added = without(package)
    try:
        yield
    finally:
        if added:
            sys.meta_path[:] = [f for f in sys.meta_path
                                if not (isinstance(f, _Absent) and f.package == package)]


def lean_command(command: str, args: object) -> bool:
    """Whether ``command`` (with its parsed ``args``) runs without pandas: a reading
    command on the local engine."""
    return command in ("extract", "ingest") and getattr(args, "engine", "local") == "local"


def lean_argv(argv: list[str]) -> bool:
    """``lean_command`` read off the raw arguments, before anything is imported:
    ``extract``/``ingest`` with no sign of the Dask engine (any ``--e…`` option, an
    abbreviation of ``--engine``, or a ``dask`` argument makes it not lean)."""
    if not argv or argv[0] not in ("extract", "ingest"):
        return False
    return not any(a.startswith("--e") or "dask" in a for a in argv[1:])
