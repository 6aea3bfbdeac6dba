"""Where the main process of ``ingest`` spends its CPU (issue 8), phase by phase.

    .venv/bin/python scripts/ingest_main_split.py [--docs 1000] [--workers 1,2]
                                                  [--repeat N] [--before SRC]
                                                  [--commit-every N|default]

The same runs as ``bench_ingest.py`` (its generated plans, a fresh dataset,
``--log json``, each tree's own commit cadence unless ``--commit-every N``), each
with the main process timed from inside: the CPU of the whole process
(``RUSAGE_SELF``, every thread) and of its main thread (``RUSAGE_THREAD``) around
the phases that matter, and at the end each live thread's CPU by name
(``/proc/self/task``). ``native`` is the process's CPU outside
the main thread: deltalake's tokio threads doing the Delta commits' work, Arrow's
pool threads, or threads that should not be there (numpy's OpenBLAS threads spin:
``pipeline/blas_threads.py``). The timers are put in place after the fork server
has started and the main process has set itself up as the command line does, so
they neither delay the server nor import numpy.

Phases (milliseconds over the run, the median of ``--repeat`` runs; ``before``
and now alternate): ``start`` up to ``run()`` (interpreter, imports, arguments),
``tables`` (``ensure_tables``), ``plan`` (hashing the inputs), ``give``/``collect``/
``poll``/``log`` (a document handed to a worker, its answer read, waiting for
answers, its JSON line), ``batches`` (a batch's tables read from the workers'
bytes), ``commits`` (the Delta writes; ``native`` beside it), ``rest``.
A report, not a test. The timers cost a few microseconds a call (four
``getrusage`` calls, ~6,000 calls a run): the totals come out ~0.1 s above
``bench_ingest.py``'s untimed ``main ms/doc``, and a change that makes fewer calls
(fewer passes of the reading loop) looks that much better here than it is; take the
untimed figures for the size of a change, these for where the CPU goes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHASES = ["start", "tables", "plan", "give", "collect", "poll", "log", "batches", "commits"]


def _cpu() -> tuple[float, float]:
    """(whole process, main thread) CPU seconds."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    thread = resource.getrusage(resource.RUSAGE_THREAD)
    return me.ru_utime + me.ru_stime, thread.ru_utime + thread.ru_stime


class Split:
    """CPU seconds by phase: [whole process, main thread]."""

    def __init__(self) -> None:
        self.phases = {name: [0.0, 0.0] for name in PHASES}

    def timed(self, owner: object, attribute: str, phase: str) -> None:
        original = getattr(owner, attribute)

        def wrapper(*args, **kwargs):
            before = _cpu()
            try:
                return original(*args, **kwargs)
            finally:
                after = _cpu()
                self.phases[phase][0] += after[0] - before[0]
                self.phases[phase][1] += after[1] - before[1]

        setattr(owner, attribute, wrapper)

    def install(self) -> None:
        """Timers on the phases (the modules are imported by then)."""
        from planextract.pipeline import cmd_ingest, committer, isolation, progress
        from planextract.pipeline import run as run_module
        from planextract.schema.delta import Dataset

        run_ingest = cmd_ingest.run_ingest

        def started(*args, **kwargs):
            self.phases["start"] = list(_cpu())
            return run_ingest(*args, **kwargs)

        cmd_ingest.run_ingest = started
        self.timed(Dataset, "ensure_tables", "tables")
        self.timed(run_module, "make_plan", "plan")
        self.timed(isolation._Worker, "give", "give")
        self.timed(isolation, "_collect", "collect")
        self.timed(isolation, "ready_fds", "poll")
        self.timed(progress.Reporter, "document", "log")
        self.timed(committer, "batch_table", "batches")
        if hasattr(committer, "batch_documents"):  # the documents table from its rows
            self.timed(committer, "batch_documents", "batches")
        self.timed(Dataset, "commit", "commits")

    def report(self) -> dict:
        total, main = _cpu()
        threads: dict[str, float] = {}
        for task in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{task}/comm") as handle:
                    name = handle.read().strip()
                with open(f"/proc/self/task/{task}/schedstat") as handle:
                    seconds = int(handle.read().split()[0]) / 1e9
            except OSError:
                continue
            name = "main" if int(task) == os.getpid() else name
            threads[name] = threads.get(name, 0.0) + seconds
        ms = {name: 1000 * whole for name, (whole, _) in self.phases.items()}
        ms["native"] = 1000 * (self.phases["commits"][0] - self.phases["commits"][1])
        ms["total"] = 1000 * total
        ms["rest"] = ms["total"] - sum(ms[name] for name in PHASES)
        ms["main thread"] = 1000 * main
        ms["threads"] = {name: round(1000 * s, 1) for name, s in sorted(threads.items())}
        return ms


def child(argv: list[str]) -> int:
    """Run ``planextract`` with ``argv`` as the command line does, timed; the split
    goes to stdout as the last line."""
    from planextract.pipeline import cli

    split = Split()
    build_parser = cli.build_parser

    def timed_parser():  # after the server's start and the lean set-up, before the run
        split.install()
        return build_parser()

    cli.build_parser = timed_parser
    sys.argv = ["planextract", *argv]
    try:
        return cli.main()
    finally:
        print("\nSPLIT " + json.dumps(split.report()), flush=True)


def measure(inbox: Path, workers: int, src: str | None, every: str = "default") -> dict:
    """One timed run into a fresh dataset (``every``: its --commit-every, or
    "default": the command's own)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_ingest import OUT, commit_option

    dataset = OUT / f"dataset-split-w{workers}"
    shutil.rmtree(dataset, ignore_errors=True)
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    run = subprocess.Popen([sys.executable, __file__, "--child", "ingest", str(inbox),
                            "--dataset", str(dataset), "--workers", str(workers), "--log",
                            "json", *commit_option(every)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=env, cwd=ROOT)
    drained = threading.Thread(target=run.stderr.read, daemon=True)  # the JSON log
    drained.start()
    out = run.stdout.read()
    run.wait()
    drained.join()
    lines = [line for line in out.splitlines() if line.startswith("SPLIT ")]
    if run.returncode != 0 or not lines:
        raise SystemExit(f"ingest failed ({run.returncode}):\n{out}")
    return json.loads(lines[-1][len("SPLIT "):])


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", metavar="SRC", help="another checkout's src, alternated")
    parser.add_argument("--commit-every", default="default",
                        help='documents a commit, or "default": the command\'s own')
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_ingest import OUT, make_inbox

    inbox = OUT / f"inbox-{args.docs}"
    make_inbox(inbox, args.docs)
    labels = {"before": args.before, "now": None} if args.before else {"now": None}
    columns = [*PHASES, "native", "rest", "total"]
    print(f"main process CPU ms over {args.docs} plans, median of {args.repeat} "
          f"(load {os.getloadavg()[0]:.1f}); native: the commits' CPU outside the main "
          "thread")
    print(f"{'':<8}{'w':>2} " + " ".join(f"{c:>8}" for c in columns))
    for workers in map(int, args.workers.split(",")):
        runs: dict[str, list[dict]] = {label: [] for label in labels}
        for _ in range(args.repeat):
            for label, src in labels.items():
                runs[label].append(measure(inbox, workers, src, args.commit_every))
        for label, found in runs.items():
            medians = {c: statistics.median(r[c] for r in found) for c in columns}
            print(f"{label:<8}{workers:>2} " + " ".join(f"{medians[c]:>8.1f}" for c in columns))
            print(f"{'':<11}threads (last run): {found[-1]['threads']}")
    print(f"load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
