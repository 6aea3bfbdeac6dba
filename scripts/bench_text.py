"""``make bench`` (text part): text exports of every shape, 1 MB and 10 MB, through
the whole pipeline beside the plain library splitting the same file, in one run
(issue 11).

    .venv/bin/python scripts/bench_text.py [--sizes 1 10] [--repeat N] [--shape S ...]
                                           [--before SRC]

Inputs: ``out/bench/text/<shape>-<N>mb.<ext>``, written by scripts/bench_text_plans.py
when missing (family-corpus plans one after another). Each (file, method) runs in a
fresh process; CPU seconds of the work alone (imports done before the clock starts):

- ``pipeline``: ``run_one(path)`` with the line and size limits raised to fit;
- ``read``: the reading half alone, ``registry.read_document`` on the file's bytes
  (sniffing and the reader, no normalising), the same limits;
- ``csv``: the plain library doing the splitting: decode the bytes and read every
  row with ``csv.reader`` (TAB-separated, or the CSV's comma).

``--before SRC``: the pipeline and the reading half also with another checkout's
``src`` (e.g. ``git archive main src``), one run of each in turn, printed under
each file as ``before``.

Memory: the peak RSS of the pipeline process (pyarrow imported and pandas kept out,
as in a worker of ``extract``/``ingest``) above its RSS once imported and warmed
on the smallest text sample (what any process loads once: name lists, vocabularies,
printed beside), as a multiple of the input size: ``RSS x`` once the result is also
pickled and written as a worker sends it (``child.send``, to /dev/null: the worker's
own peak, which its tables' copies on the way out can set), ``run x`` through
``run_one`` alone. Targets: >= 5 MB/s and <= 5x
the input. A report, not a test: it exits 0 unless a run failed.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_text_plans  # noqa: E402
from bench_child import child_runs, peak_rss_mb, sent_as_a_worker  # noqa: E402

SPEED_GOAL, RSS_GOAL = 5.0, 5.0  # MB/s on one core; peak RSS over the input size


def _rss_mb() -> float:
    return peak_rss_mb()


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def _child(method: str, path: str) -> dict:
    import csv
    import io
    from dataclasses import replace

    from bench_child import as_a_worker

    import planextract.extract.text.cells  # noqa: F401 - imports are not the work
    import planextract.extract.text.csv_reader  # noqa: F401
    import planextract.extract.text.markdown  # noqa: F401
    import planextract.extract.text.tabbed  # noqa: F401
    import planextract.normalise.document  # noqa: F401

    as_a_worker()  # as in a worker of `extract`/`ingest`, which imports pyarrow too
    import planextract.pipeline.rows  # noqa: F401
    from planextract.extract.registry import read_document
    from planextract.pipeline.document_run import run_one
    from planextract.settings import DEFAULT

    size = Path(path).stat().st_size
    limits = replace(DEFAULT.limits, max_lines=10**8, max_text_bytes=1 << 30,
                     max_table_rows=10**8)
    settings = replace(DEFAULT, limits=limits)
    # what every process loads once (name lists, vocabularies) is not per input:
    # a small sample is read first, so the peak below is what this input costs
    result: dict = {"status": "ok", "bytes": size, "warm_mb": _current_rss_mb()}
    from planextract.pipeline.rows import document_tables

    sample = run_one(str(min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)))
    sent_as_a_worker((document_tables(sample), False))  # the sending's code warmed too
    # a worker keeps what it inherited out of the collector's passes
    # (``child.leave_inherited_alone``); unfrozen, a full collection (owners drain the
    # free lists of a long document) walked the imports too: 40-76 ms, not 2-3
    import gc

    gc.freeze()
    before = _current_rss_mb()
    result["warm_mb"] = before - result["warm_mb"]
    started = time.process_time()
    if method == "pipeline":
        run = run_one(path, settings)
        result["seconds"] = time.process_time() - started
        result["run_over_mb"] = _rss_mb() - before
        result.update(status=run.document["status"], error=run.document["error"],
                      actions=run.document["n_actions"], format=run.document["source_format"])
        # and sent back as a worker sends it (child.worker_main: its tables, pickled,
        # the result let go first): the worker's own peak, which the result's copies
        # on their way out can set
        tables = document_tables(run)
        del run
        sent_as_a_worker((tables, False))
        result["rss_over_mb"] = _rss_mb() - before
        return result
    elif method == "read":
        raw = read_document(Path(path).read_bytes(), settings)
        result.update(format=raw.source_format, blocks=len(raw.blocks))
    else:
        text = Path(path).read_bytes().decode("utf-8")
        delimiter = "," if path.endswith(".csv") else "\t"
        result["rows"] = sum(1 for _ in csv.reader(io.StringIO(text, newline=""),
                                                   delimiter=delimiter))
    result["seconds"] = time.process_time() - started
    result["rss_over_mb"] = _rss_mb() - before
    return result


def _measure(method: str, path: Path, repeat: int, src: str | None = None) -> dict:
    runs = child_runs(__file__, method, path, repeat, src)
    if isinstance(runs, dict):
        return runs
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, **_peaks(runs)}


def _peaks(runs: list[dict]) -> dict:
    """The largest peak of the runs, as sent and (pipeline) through ``run_one`` alone."""
    peaks = {"rss_over_mb": max(r["rss_over_mb"] for r in runs)}
    if all("run_over_mb" in r for r in runs):
        peaks["run_over_mb"] = max(r["run_over_mb"] for r in runs)
    return peaks


def _interleaved(method: str, path: Path, repeat: int, before: str | None
                 ) -> tuple[dict, dict | None]:
    """Now and (with ``before``) the other checkout, one run each in turn: the
    host's speed drifts, so the two are compared over the same minutes."""
    if not before:
        return _measure(method, path, repeat), None
    now: list[dict] = []
    then: list[dict] = []
    for _ in range(repeat):
        then.append(_measure(method, path, 1, before))
        now.append(_measure(method, path, 1))

    def best(runs: list[dict]) -> dict:
        failed = [r for r in runs if r.get("status") == "crashed"]
        if failed:
            return failed[0]
        return {**min(runs, key=lambda r: r["seconds"]), **_peaks(runs)}
    return best(now), best(then)


def main() -> int:
    parser = argparse.ArgumentParser(description="text export benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10], help="MB")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--shape", action="append", choices=sorted(bench_text_plans.SHAPES))
    parser.add_argument("--before", metavar="SRC",
                        help="also measure another checkout's src (e.g. a git archive of "
                             "main), interleaved with now, in the same run")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    folder = ROOT / "out" / "bench" / "text"
    print(f"CPU seconds, best of {args.repeat} fresh processes, imports excluded; "
          f"RSS: peak over the warmed process, per input MB\n")
    head = (f"{'file':<24} {'MB':>5} {'actions':>7} {'pipe s':>7} {'pipe MB/s':>9} "
            f"{'read s':>6} {'read MB/s':>9} {'csv MB/s':>8} {'pipe/csv':>8} {'read/csv':>8} "
            f"{'RSS x':>6} {'run x':>6} {'warm MB':>7}")
    print(head)
    print("-" * len(head))
    failed, worst_speed, worst_rss = False, None, 0.0
    for shape in args.shape or list(bench_text_plans.SHAPES):
        for megabytes in args.sizes:
            path = bench_text_plans.path_for(folder, shape, megabytes * 1_000_000)
            facts, _ = bench_text_plans.ensure(path, shape, megabytes * 1_000_000)
            pipe, pipe_before = _interleaved("pipeline", path, args.repeat, args.before)
            read, read_before = _interleaved("read", path, args.repeat, args.before)
            plain = _measure("csv", path, args.repeat)
            rows = [(path.name, pipe, read)]
            if args.before:
                rows.append((f"  before: {path.name}"[:24], pipe_before, read_before))
            for name, pipe, read in rows:
                if pipe["status"] != "ok" or read["status"] != "ok" or plain["status"] != "ok":
                    failed = True
                    print(f"{name:<24} FAILED "
                          f"{pipe.get('error') or read.get('error') or plain.get('error')}")
                    continue
                mb = facts["bytes"] / 1e6
                speed = mb / pipe["seconds"]
                rss = pipe["rss_over_mb"] * 2**20 / facts["bytes"]
                run = pipe.get("run_over_mb", float("nan")) * 2**20 / facts["bytes"]
                if name == path.name:  # the targets are for now, not the before
                    worst_speed = speed if worst_speed is None else min(worst_speed, speed)
                    worst_rss = max(worst_rss, rss)
                print(f"{name:<24} {mb:>5.1f} {pipe['actions']:>7} {pipe['seconds']:>7.2f} "
                      f"{speed:>9.2f} {read['seconds']:>6.2f} {mb / read['seconds']:>9.2f} "
                      f"{mb / plain['seconds']:>8.1f} "
                      f"{pipe['seconds'] / plain['seconds']:>8.0f} "
                      f"{read['seconds'] / plain['seconds']:>8.0f} {rss:>6.1f} {run:>6.1f} "
                      f"{pipe['warm_mb']:>7.0f}")
    if worst_speed is not None:
        print(f"\nslowest: {worst_speed:.2f} MB/s (target >= {SPEED_GOAL:g}: "
              f"{'met' if worst_speed >= SPEED_GOAL else 'NOT met'}); largest peak RSS "
              f"{worst_rss:.1f}x the input (target <= {RSS_GOAL:g}x: "
              f"{'met' if worst_rss <= RSS_GOAL else 'NOT met'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
