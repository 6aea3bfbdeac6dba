"""One measured method run in fresh processes, shared by the benchmark scripts:
each run is its own process, so its CPU time and peak RSS are its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    """This process's peak RSS in MB, from the kernel's high-water mark (VmHWM). Not
    ``ru_maxrss``: Linux carries that across exec, so a child started by a larger
    parent (one that has just generated a 3,000-page PDF, say) reports the parent's
    peak as its own."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def child_runs(script: str, method: str, path: Path, repeat: int,
               src: str | None = None) -> list[dict] | dict:
    """``repeat`` runs of ``script --child method path``, each printing its result as
    JSON; a crashed run ends the series with a ``crashed`` result instead. ``src``:
    another checkout's ``src`` folder the child imports planextract from (a same-run
    "before")."""
    env = {**os.environ, "PYTHONPATH": str(src)} if src else None
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, script, "--child", method, str(path)],
                             capture_output=True, text=True, cwd=ROOT, env=env)
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or [f"exit {out.returncode}"])[-1]
            return {"status": "crashed", "error": last}
        runs.append(json.loads(out.stdout))
    return runs


def as_a_worker() -> None:
    """Set this measured process up as a worker of ``extract``/``ingest`` is: no
    pandas, no BLAS threads beside it, glibc's fastbins as in a worker, and Arrow's
    buffers from the C heap (``pipeline.arrow_pool``; a checkout older than that
    module, run with ``--before``, keeps Arrow's default pool, as its workers did).
    Called before numpy is imported."""
    from planextract.pipeline.lean import without_pandas

    # a worker is forked from the fork server and threads do not survive a fork, so
    # it never has OpenBLAS's threads, which spin for a while after numpy's import and
    # count in this process's CPU time (the Word reader measured 1.9x slower so)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    without_pandas()
    try:  # a worker's heap: glibc's fastbins as its settings say (a tree before s21: on)
        from planextract.pipeline.heap import fast_bins
        from planextract.settings import DEFAULT

        if not getattr(DEFAULT.run, "fast_bins", True):
            fast_bins(False)
    except ImportError:
        pass
    try:
        from planextract.pipeline.arrow_pool import use_system_pool
    except ImportError:
        return
    use_system_pool()


class _Sink:
    """A worker's pipe to the main process, here to /dev/null: what ``send`` writes."""

    def __init__(self) -> None:
        self._fd = os.open(os.devnull, os.O_WRONLY)

    def fileno(self) -> int:
        return self._fd

    def send_bytes(self, data: bytes) -> None:
        os.write(self._fd, data)

    def send(self, obj: object) -> None:  # Connection.send: one pickle, then written
        from multiprocessing.reduction import ForkingPickler

        self.send_bytes(ForkingPickler.dumps(obj))


def sent_as_a_worker(obj: object) -> None:
    """Send ``obj`` as a worker sends its result (``child.send``; a checkout without
    it: ``conn.send``)."""
    try:
        from planextract.pipeline.child import send
    except ImportError:
        _Sink().send(obj)
    else:
        send(_Sink(), obj)  # type: ignore[arg-type]
