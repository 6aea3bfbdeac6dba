"""``make bench`` (ingestion part): documents per second and peak memory of ``ingest``.

    .venv/bin/python scripts/bench_ingest.py [--docs 1000] [--small 100] [--repeat N]
                                             [--before SRC]

Generates ``--docs`` small plans of mixed formats (Word text exports TAB-separated
and one cell per line, markdown with HTML cells, .docx, and one PDF in ten) under
out/bench/ingest/, then times ``planextract ingest`` into a fresh dataset:

- with ``--workers 1`` and ``--workers 2`` over all of them (target speed-up >= 1.8
  on 2 cores);
- peak RSS of the whole run (the main process plus its fork server and workers,
  sampled every 50 ms) at ``--small`` and at ``--docs`` documents (target: within 1.2x);
- CPU milliseconds a document in the main process and in the workers (the fork
  server included): unlike wall time they do not depend on what else the machine
  runs, and give the speed-up two workers allow on an idle machine, printed beside
  the wall one (on a shared machine the wall figure measures the other jobs too);
  ``server s``: the fork server's own CPU seconds (its warm-up, a fixed cost),
  ``load``: the load average when the run ended;
- the fixed costs around the reading, in wall seconds from the start: ``worker``,
  when the first worker process was seen (sampled every 50 ms), ``first``, when the
  main process took in the first document (its line of the JSON log), and ``after``,
  the seconds from the last document's line to the end of the run (last commit,
  vacuum, exit).

``--actions N``: plans of N actions (default 5, the figure the issue's target is
measured on; the samples hold 13-159): the larger a plan, the smaller the share of
the fixed costs (the fork server's warm-up, the main process's work a document) that
two workers cannot share.
``--before SRC``: the same runs with another checkout's ``src`` (e.g. a ``git
archive`` of main), each just before the same configuration now, for a same-run
comparison. ``--repeat N``: each run N times, keeping the best of each figure.
``--compile``: compile the bytecode of the measured ``src`` trees first (both, with
``--before``), as an installed package has it: with ``PYTHONDONTWRITEBYTECODE`` set
(as on the shared machine) an editable checkout compiles each of its modules in every
process, ~75 ms of the fork server's warm-up before the first worker (issue 8).
A report, not a test: it exits 0 unless a run fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_plan_pdf  # noqa: E402
import ingest_plans  # noqa: E402

OUT = ROOT / "out" / "bench" / "ingest"
EXE = str(Path(sys.executable).with_name("planextract"))
SPEEDUP_GOAL, RSS_GOAL = 1.8, 1.2


ACTIONS_A_PAGE = 4.4  # the drawn PDF plan's actions a page (plan-300: 1,327 on 303)


def make_inbox(folder: Path, count: int, actions: int = 5) -> int:
    """``count`` plans of ``actions`` actions, one in ten a PDF (a drawn plan of about
    as many actions, copies made distinct)."""
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return count
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pages = max(1, round(actions / ACTIONS_A_PAGE))
    pdf = folder.parent / ("one-page.pdf" if pages == 1 else f"pages-{pages}.pdf")
    if not pdf.exists():
        bench_plan_pdf.build(pdf, pages)
    for i in range(count):
        if i % 10 == 9:
            data = pdf.read_bytes() + f"\n% copy {i}\n".encode()
            (folder / f"plan-{i:05d}.pdf").write_bytes(data)
        else:
            ingest_plans.write_plan(folder, i, ingest_plans.FORMATS[i % 4], actions=actions)
    return count


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_CHILDREN = f"/proc/{os.getpid()}/task/{os.getpid()}/children"
Proc = tuple[int, int, float, int]  # pid, parent pid, CPU seconds, RSS bytes


def _proc_tree(pid: int) -> list[Proc]:
    """``pid`` and its descendants read straight from /proc (each one's stat line and
    its threads' children files): ~0.1 ms a sample. psutil's ``children()`` scans
    every process on the machine, and two scans a sample every 50 ms took ~5% of a
    core from the 2-worker run this measures, whose two workers want both cores."""
    found: list[Proc] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/stat", "rb") as handle:
                stat = handle.read()
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", "rb") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue  # gone meanwhile
        fields = stat[stat.rindex(b")") + 2:].split()  # from the state, field 3
        found.append((current, int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK,
                      int(fields[21]) * _PAGE))
    return found


def _psutil_tree(pid: int) -> list[Proc]:
    """The same through psutil, where /proc has no children files."""
    try:
        main = psutil.Process(pid)
        found = []
        for p in [main, *main.children(recursive=True)]:
            times = p.cpu_times()
            found.append((p.pid, p.ppid(), times.user + times.system, p.memory_info().rss))
        return found
    except psutil.Error:
        return []


def process_tree(pid: int) -> list[Proc]:
    return _proc_tree(pid) if os.path.exists(_CHILDREN) else _psutil_tree(pid)


def commit_option(every: str) -> list[str]:
    """The ``--commit-every`` argument for ``every``: none for "default" (the
    command's own cadence, as a user runs it)."""
    return [] if every == "default" else ["--commit-every", every]


def measure(inbox: Path, workers: int, src: str | None = None, every: str = "default"
            ) -> dict:
    """One ingest into a fresh dataset: wall seconds and peak RSS of the process tree
    (``every``: its ``--commit-every``, ``commit_option``)."""
    dataset = OUT / f"dataset-{inbox.name}-w{workers}"
    shutil.rmtree(dataset, ignore_errors=True)
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    started = time.perf_counter()
    run = subprocess.Popen([EXE, "ingest", str(inbox), "--dataset", str(dataset),
                            "--workers", str(workers), "--log", "json",
                            *commit_option(every)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    # the JSON log has a line per document as the main process takes it in: when the
    # first and the last came give the fixed costs before and after the reading
    lines: list[float] = []
    errors: list[str] = []

    def follow() -> None:
        for line in run.stderr:
            if line.startswith('{"source"'):
                lines.append(time.perf_counter())
            else:
                errors.append(line)

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    first_worker = None  # when a worker (a child of the fork server) was first seen
    peak = 0
    cpu: dict[int, float] = {}  # last CPU seconds seen per process of the tree
    server: set[int] = set()  # the fork server (and resource tracker): the main's children
    while run.poll() is None:
        tree = process_tree(run.pid)
        server.update(pid for pid, parent, _, _ in tree if parent == run.pid)
        if first_worker is None and any(parent != run.pid
                                        for pid, parent, _, _ in tree if pid != run.pid):
            first_worker = time.perf_counter() - started  # a grandchild: a worker
        peak = max(peak, sum(rss for _, _, _, rss in tree))
        for pid, _, seconds, _ in tree:
            cpu[pid] = seconds
        time.sleep(0.05)
    ended = time.perf_counter()
    seconds = ended - started
    follower.join()
    out = run.stdout.read()
    if run.returncode != 0 or not lines:
        raise SystemExit(f"ingest failed ({run.returncode}):\n{out}\n{''.join(errors)}")
    docs = len(list(inbox.iterdir()))
    main_cpu = cpu.get(run.pid, 0.0)
    return {"docs": docs, "workers": workers, "seconds": seconds, "docs_s": docs / seconds,
            "peak_mb": peak / 2**20, "main_ms": 1000 * main_cpu / docs,
            "workers_ms": 1000 * (sum(cpu.values()) - main_cpu) / docs,
            "server_s": sum(cpu.get(pid, 0.0) for pid in server),
            "load": os.getloadavg()[0],
            "worker_at": first_worker or float("nan"), "first_at": lines[0] - started,
            "after_last": ended - lines[-1],
            }


def best(runs: list[dict]) -> dict:
    """The best of each figure over repeated runs of one configuration (the least
    seconds and CPU, the most documents a second): what other jobs on the machine take
    from a run only ever adds to the first and subtracts from the second. Memory: the
    most seen, the cautious figure."""
    out = dict(runs[-1])
    for key in ("seconds", "main_ms", "workers_ms", "server_s", "worker_at", "first_at",
                "after_last"):
        out[key] = min(r[key] for r in runs)
    out["docs_s"] = max(r["docs_s"] for r in runs)
    out["peak_mb"] = max(r["peak_mb"] for r in runs)
    return out


def floor_ms(run: dict, n: int) -> float:
    """The least wall milliseconds a document ``run`` allows on an idle 2-core machine
    with ``n`` workers: the main process, the workers ``n`` at once, and all of it
    over two cores, whichever is longest."""
    return max(run["main_ms"], run["workers_ms"] / n, (run["main_ms"] + run["workers_ms"]) / 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each configuration; the best of each figure is kept")
    parser.add_argument("--before", metavar="SRC",
                        help="another checkout's src folder, measured first in the same run")
    parser.add_argument("--actions", type=int, default=5,
                        help="actions a plan (5: the issue's figure; the samples hold 13-159)")
    parser.add_argument("--commit-every", default="default",
                        help='documents a commit, or "default" (the command\'s own, as '
                             "each tree has it; 200 before s21, when the bench set 200)")
    parser.add_argument("--compile", action="store_true",
                        help="compile the measured src trees' bytecode first, as installed")
    args = parser.parse_args()
    if args.compile:
        for src in filter(None, [str(ROOT / "src"), args.before]):
            subprocess.run([sys.executable, "-m", "compileall", "-q", src], check=True)
    tag = "" if args.actions == 5 else f"-a{args.actions}"
    big = OUT / f"inbox-{args.docs}{tag}"
    small = OUT / f"inbox-{args.small}{tag}"
    make_inbox(big, args.docs, args.actions)
    make_inbox(small, args.small, args.actions)
    print(f"ingest: {os.cpu_count()} cores; plans of {args.actions} actions, 4 text/Word "
          "formats + 1 PDF in 10")
    print(f"ingest: load average before: {os.getloadavg()[0]:.1f}; bytecode "
          f"{'compiled first' if args.compile else 'as found'} (PYTHONDONTWRITEBYTECODE "
          f"{'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'not set'})")
    print(f"{'':<7}{'docs':>6} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'peak MB':>8} "
          f"{'main ms/doc':>11} {'workers ms/doc':>14} {'server s':>8} {'worker':>6} "
          f"{'first':>6} {'after':>6} {'load':>5}")
    labels = {"before": args.before, "now": None} if args.before else {"now": None}
    runs: dict[tuple, dict] = {}
    # each configuration before and now back to back: the host's speed drifts between
    # minutes, so the two runs compared are as close in time as they can be
    for inbox, workers in ((big, 1), (big, 2), (small, 2)):
        for label, src in labels.items():
            result = best([measure(inbox, workers, src, args.commit_every)
                         for _ in range(max(1, args.repeat))])
            runs[(label, result["docs"], workers)] = result
            print(f"{label:<7}{result['docs']:>6} {workers:>7} {result['seconds']:>8.2f} "
                  f"{result['docs_s']:>7.1f} {result['peak_mb']:>8.0f} "
                  f"{result['main_ms']:>11.2f} {result['workers_ms']:>14.2f} "
                  f"{result['server_s']:>8.2f} {result['worker_at']:>6.2f} "
                  f"{result['first_at']:>6.2f} {result['after_last']:>6.2f} "
                  f"{result['load']:>5.1f}")
    for label in labels:
        one, two = runs[(label, args.docs, 1)], runs[(label, args.docs, 2)]
        wall = two["docs_s"] / one["docs_s"]
        # CPU time does not depend on what else the machine runs
        cpu = floor_ms(one, 1) / floor_ms(two, 2)
        rss = two["peak_mb"] / runs[(label, args.small, 2)]["peak_mb"]
        print(f"{label}: speed-up with 2 workers: wall {wall:.2f}, CPU-allowed {cpu:.2f} "
              f"(goal >= {SPEEDUP_GOAL}); peak RSS {args.docs} vs {args.small} documents: "
              f"{rss:.2f}x (goal <= {RSS_GOAL})")
    print(f"load average now {os.getloadavg()[0]:.1f} (the wall speed-up counts other jobs too)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
