"""``make bench``: PDF throughput and memory of the whole pipeline beside the
bare library doing table extraction over the same pages, in the same run.

    .venv/bin/python scripts/bench.py [PDF ...] [--repeat N] [--pages N]

Inputs: every ``samples/*.pdf`` and a generated plan of about 300 pages
(``out/bench/plan-<N>.pdf``, made once by scripts/bench_plan_pdf.py), or the
PDFs named. Each (document, method) runs in a fresh process, so its peak RSS
is its own:

- ``pipeline``: ``run_one(path)``, reading and normalising the document;
- ``pdfplumber``: ``page.extract_tables()`` on every page, each page closed
  after use (pdfplumber's own table extraction, nothing else).

The best time of ``--repeat`` runs is kept; peak RSS is the largest. A report,
not a test: it exits 0 unless a document failed to run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR, GOAL, RSS_LIMIT_MB = 1.0, 2.0, 300.0


def _child(method: str, path: str) -> dict:
    """Runs in the measured process: import, then time the work alone."""
    import pdfplumber

    from planextract.pipeline.document_run import run_one

    result: dict = {"actions": None, "status": "ok"}
    started = time.perf_counter()
    if method == "pipeline":
        run = run_one(path)
        result.update(actions=len(run.actions), status=run.document["status"],
                      error=run.document["error"], pages=run.document["pages"])
    elif method == "pdfplumber":
        with pdfplumber.open(path) as pdf:
            result["pages"] = len(pdf.pages)
            for page in pdf.pages:
                page.extract_tables()
                page.close()
    result["seconds"] = time.perf_counter() - started
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _measure(method: str, path: str, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", method, path],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            return {"status": "crashed", "error": out.stderr.strip().splitlines()[-1:]}
        runs.append(json.loads(out.stdout))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "rss_mb": max(r["rss_mb"] for r in runs)}


def _baseline_rss() -> float:
    out = subprocess.run([sys.executable, __file__, "--child", "imports", ""],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)["rss_mb"]


def main() -> int:
    parser = argparse.ArgumentParser(description="PDF pipeline benchmark")
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=300, help="size of the generated plan")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    paths = [Path(p) for p in args.pdfs] or sorted((ROOT / "samples").glob("*.pdf"))
    if not args.pdfs:
        import bench_plan_pdf

        big = ROOT / "out" / "bench" / f"plan-{args.pages}.pdf"
        made = bench_plan_pdf.build(big, args.pages)
        print(f"{big.relative_to(ROOT)}: generated with {made} actions")
        paths.append(big)
    print(f"import-only peak RSS (interpreter, planextract, pdfplumber): "
          f"{_baseline_rss():.0f} MB; best of {args.repeat} runs\n")
    head = (f"{'document':<48} {'pages':>5} {'pipe p/s':>9} {'plumber p/s':>11} "
            f"{'ratio':>6} {'docs/s':>7} {'pipe MB':>8} {'plumber MB':>10} {'actions':>7}")
    print(head)
    print("-" * len(head))
    failed = False
    totals = {"pages": 0, "pipe": 0.0, "plumber": 0.0, "docs": 0}
    big_rss = None
    for path in paths:
        pipe = _measure("pipeline", str(path), args.repeat)
        plumber = _measure("pdfplumber", str(path), args.repeat)
        if pipe["status"] != "ok" or plumber["status"] != "ok":
            failed = True
            print(f"{path.name:<48} FAILED: {pipe.get('error') or plumber.get('error')}")
            continue
        pages = plumber["pages"]
        ratio = plumber["seconds"] / pipe["seconds"]
        print(f"{path.name[:48]:<48} {pages:>5} {pages / pipe['seconds']:>9.1f} "
              f"{pages / plumber['seconds']:>11.1f} {ratio:>6.2f} {1 / pipe['seconds']:>7.2f} "
              f"{pipe['rss_mb']:>8.0f} {plumber['rss_mb']:>10.0f} {pipe['actions']:>7}")
        totals["pages"] += pages
        totals["pipe"] += pipe["seconds"]
        totals["plumber"] += plumber["seconds"]
        totals["docs"] += 1
        if pages >= 300:
            big_rss = pipe["rss_mb"]
    if totals["docs"]:
        ratio = totals["plumber"] / totals["pipe"]
        print("-" * len(head))
        print(f"{'all':<48} {totals['pages']:>5} {totals['pages'] / totals['pipe']:>9.1f} "
              f"{totals['pages'] / totals['plumber']:>11.1f} {ratio:>6.2f} "
              f"{totals['docs'] / totals['pipe']:>7.2f}")
        print(f"\nfloor (ratio >= {FLOOR}): {'met' if ratio >= FLOOR else 'NOT met'}; "
              f"goal (ratio >= {GOAL}): {'met' if ratio >= GOAL else 'NOT met'}")
        if big_rss is not None:
            print(f"peak RSS on the 300-page plan: {big_rss:.0f} MB "
                  f"({'under' if big_rss < RSS_LIMIT_MB else 'NOT under'} {RSS_LIMIT_MB:.0f} MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
