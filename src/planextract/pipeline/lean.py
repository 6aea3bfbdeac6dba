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
"""

from __future__ import annotations

import sys

BLOCKED = "pandas"


class _Absent:
    """A meta path finder for which pandas is not installed."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == BLOCKED or name.startswith(BLOCKED + "."):
            raise ModuleNotFoundError(f"No module named {name!r} (kept out of this process "
                                      "by planextract.pipeline.lean)", name=name)
        return None


def without_pandas() -> bool:
    """Make pandas absent in this process, unless it is already imported; returns
    whether it is now absent."""
    if BLOCKED in sys.modules:
        return False
    if not any(isinstance(f, _Absent) for f in sys.meta_path):
        sys.meta_path.insert(0, _Absent())
    return True


def lean_command(command: str, args: object) -> bool:
    """Whether ``command`` (with its parsed ``args``) runs without pandas: a reading
    command on the local engine."""
    return command in ("extract", "ingest") and getattr(args, "engine", "local") == "local"
