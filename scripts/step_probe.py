"""Where a text export's peak RSS is set: one fresh process runs ``run_one`` and the
send as ``bench_text.py`` does, and after each step prints VmHWM and current RSS
over the warm process (x the input) and pymalloc's arenas (MiB, ``alloc_probe``).

Steps: the read, the drafts (``drafts_of``), owner resolution's sub-steps and its
end, the first Arrow flushes, ``run_one``'s end, the tables, the send. VmHWM can
miss a transient peak that ``malloc_trim`` gave back before the next mark
(s17-recordsmem): ``--no-trim`` makes ``heap.give_back`` (every trim) a no-op, so the
heap keeps what it freed and the marks see it; the "current" column is each step's
own memory either way.

    .venv/bin/python scripts/step_probe.py out/bench/text/text-tabbed-10mb.txt
    PYTHONPATH=/tmp/s18-before/src .venv/bin/python scripts/step_probe.py FILE

A report for the benchmarks, not used by planextract.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import alloc_probe  # noqa: E402
from bench_child import as_a_worker, peak_rss_mb, sent_as_a_worker  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_OWNER_STEPS = ("_cut_roles", "_label", "_row_owners", "_roles_table")


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


class Marks:
    """The figures after each step, over ``base`` and in multiples of ``size``."""

    def __init__(self, size_mb: float, arenas: bool) -> None:
        self.size, self.arenas, self.base = size_mb, arenas, _rss_mb()
        self.lines: list[str] = []
        self.started = time.process_time()

    def __call__(self, name: str) -> None:
        hwm = (peak_rss_mb() - self.base) / self.size
        now = (_rss_mb() - self.base) / self.size
        cpu = time.process_time() - self.started
        line = f"{name:<12} hwm {hwm:5.2f}  now {now:5.2f}  cpu {cpu:6.2f}"
        if self.arenas:
            got = alloc_probe.snapshot()
            line += (f"  arenas {got.get('arenas', 0):5.0f} ({got.get('arenas_used', 0):5.1f}"
                     f" used) heap {got.get('heap', 0):5.1f} ({got.get('heap_used', 0):5.1f})")
        self.lines.append(line)


def _wrap(owner: object, attr: str, name: str, mark: Marks) -> None:
    if not hasattr(owner, attr):
        return
    function = getattr(owner, attr)

    def marked(*args, **kwargs):
        out = function(*args, **kwargs)
        mark(name)
        return out

    setattr(owner, attr, marked)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--no-trim", action="store_true",
                        help="heap.give_back does nothing (see the transient peaks)")
    parser.add_argument("--no-arenas", action="store_true",
                        help="leave pymalloc's figures out (they cost a few ms a mark)")
    parser.add_argument("--flushes", type=int, nargs="*", default=[1, 2, 4, 8, 16, 32])
    args = parser.parse_args()

    import planextract.extract.text.cells  # noqa: F401 - imports are not the work
    import planextract.extract.text.csv_reader  # noqa: F401
    import planextract.extract.text.markdown  # noqa: F401
    import planextract.extract.text.tabbed  # noqa: F401
    import planextract.normalise.document as document
    as_a_worker()
    import planextract.normalise.owners as owners
    import planextract.pipeline.action_rows as action_rows
    import planextract.pipeline.heap as heap
    import planextract.pipeline.pdf_split as pdf_split
    from planextract.pipeline.document_run import run_one
    from planextract.pipeline.rows import document_tables
    from planextract.settings import DEFAULT

    sample = run_one(str(min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)))
    sent_as_a_worker((document_tables(sample), False))
    import gc

    gc.freeze()  # as a worker leaves what it inherited alone (child.leave_inherited_alone)
    if args.no_trim:
        heap.give_back = lambda: None
    mark = Marks(Path(args.path).stat().st_size / 2**20, not args.no_arenas)
    _wrap(pdf_split, "read_split", "read", mark)
    _wrap(document, "drafts_of", "drafts", mark)
    for step in _OWNER_STEPS:
        _wrap(owners, step, step[:12], mark)
    _wrap(owners, "resolve", "owners", mark)
    flush, flushes, wanted = action_rows.ActionRows._flush, [0], set(args.flushes)

    def counted(self):
        flush(self)
        flushes[0] += 1
        if flushes[0] in wanted:
            mark(f"flush{flushes[0]}")

    action_rows.ActionRows._flush = counted
    limits = replace(DEFAULT.limits, max_lines=10**8, max_text_bytes=1 << 30,
                     max_table_rows=10**8, max_pages=10**6)
    mark("start")
    run = run_one(args.path, replace(DEFAULT, limits=limits))
    mark("run_one")
    tables = document_tables(run)
    said = (run.document["status"], run.document["n_actions"])
    del run  # as child.worker_main lets the result go before the send
    mark("tables")
    sent_as_a_worker((tables, False))
    mark("sent")
    print(Path(args.path).name, *said, "actions")
    print("\n".join(mark.lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
