"""Where a long PDF's peak memory is reached: RSS after each step of ``run_one``'s
work (read and stitched, drafts made, records made into Arrow as ``run_one`` holds
them: a long plan's batches packed, ``packed_rows``), then sent back as a worker
sends its result (``document_tables``, pickled), each run a fresh
process set up like a worker of ``extract``/``ingest`` (bench.py's ``split1``:
pyarrow imported, pandas kept out, page limit lifted, one process).

    .venv/bin/python scripts/bench_pdf_steps.py PDF [PDF ...] [--before SRC] [--repeat N]
        [--allocators]

``--before SRC`` runs another checkout's ``src`` (e.g. ``git archive main src``)
just before each run of this one, in the same session; compile it first
(``python -m compileall -q SRC``, as ``make setup`` compiles this one): a tree
without its ``.pyc`` files compiles on every import, which showed as 1-2 MB more at
the end of the same code's run. ``--allocators`` adds, under
each run, where the memory sits after each step (scripts/alloc_probe.py: Python's
arenas, glibc's heap, Arrow's pool), which tells memory held from memory freed but
not given back. A report, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_child import peak_rss_mb  # noqa: E402


def _mb() -> tuple[float, float]:
    """RSS now and peak RSS, MB."""
    with open("/proc/self/statm") as statm:
        now = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return round(now, 1), round(peak_rss_mb(), 1)


def _child(path: str, allocators: bool = False) -> dict:
    from bench_child import as_a_worker, sent_as_a_worker

    as_a_worker()
    import planextract.extract.pdf.reader  # noqa: F401 - imported before the work
    import planextract.pipeline.rows  # noqa: F401 - pyarrow, imported by every worker
    from planextract.extract.guards import read_input
    from planextract.normalise.document import drafts_of, records
    from planextract.pipeline.action_rows import ActionRows
    from planextract.pipeline.document_run import DocumentResult, _document_row
    from planextract.pipeline.pdf_split import read_split
    from planextract.pipeline.rows import document_tables
    from planextract.settings import DEFAULT

    settings = replace(DEFAULT, limits=replace(DEFAULT.limits, max_pages=10**6),
                       run=replace(DEFAULT.run, workers=1))
    out = {"imports": _mb()}
    probe = {}
    if allocators:  # imported only then: the plain figures stay as they were
        import alloc_probe

        probe["imports"] = alloc_probe.snapshot()
    data = read_input(path, settings.limits)
    raw = read_split(data, settings)
    doc_pages = raw.pages
    del data  # as run_one does once the bytes are let go after reading
    out["read"] = _mb()
    if allocators:
        probe["read"] = alloc_probe.snapshot()
    doc, drafts = drafts_of(raw, settings, consume=True)
    del raw
    out["drafts"] = _mb()
    if allocators:
        probe["drafts"] = alloc_probe.snapshot()
    shared = {"doc_id": "0" * 16, "source": path, "source_format": "pdf",
              "organisation": doc.organisation, "plan_title": doc.plan_title}
    # as run_one makes them (packed batches where the checkout packs: its settings say)
    pack = [settings.run.row_pack, len(drafts)] if hasattr(settings.run, "row_pack") else []
    built = ActionRows(settings.run.row_batch, *pack)
    for action in records(drafts, doc, settings):
        built.add({**shared, **action.to_row()})
    actions = built.finish()  # what the worker holds of the rows until it sends them
    out["records"] = _mb()
    if allocators:
        probe["records"] = alloc_probe.snapshot()
    # and sent back as a worker does (child.worker_main: document_tables, child.send)
    row = _document_row(path, None, source_format="pdf", pages=doc_pages,
                        organisation=doc.organisation, plan_title=doc.plan_title,
                        n_actions=built.count, warnings=doc.warnings)
    sent_as_a_worker((document_tables(DocumentResult(row, actions)), False))
    out["sent"] = _mb()
    if allocators:
        probe["sent"] = alloc_probe.snapshot()
        out["allocators"] = probe
    out["actions"] = built.count
    return out


def _run(src: Path, path: str, allocators: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, __file__, "--child", path,
                           *(["--allocators"] if allocators else [])], env=env,
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--before", type=Path, help="another checkout's src, run alongside")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--allocators", action="store_true",
                        help="where the memory sits after each step (alloc_probe.py)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.allocators)))
        return 0
    sources = ([("before", args.before.resolve())] if args.before else []) + [
        ("now", ROOT / "src")]
    for _name, src in sources:  # a first run may write cffi's module: not measured
        _run(src, args.pdfs[0])
    print("RSS now / peak MB after each step; the peak's last column is the run's")
    if args.allocators:
        import alloc_probe
    for _ in range(args.repeat):
        for path in args.pdfs:
            for name, src in sources:
                got = _run(src, path, args.allocators)
                steps = "  ".join(f"{k} {got[k][0]:.1f}/{got[k][1]:.1f}"
                                  for k in ("imports", "read", "drafts", "records", "sent"))
                print(f"{Path(path).name:<16} {name:<6} {steps}  actions {got['actions']}")
                for step, figures in got.get("allocators", {}).items():
                    print(f"{'':<23}{step:<8} {alloc_probe.line(figures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
