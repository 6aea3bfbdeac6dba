"""``make bench``: PDF throughput and memory of the whole pipeline beside the
bare library doing table extraction over the same pages, in the same run.

    .venv/bin/python scripts/bench.py [PDF ...] [--repeat N] [--pages N]

Inputs: every ``samples/*.pdf`` and a generated plan of about 300 pages
(``out/bench/plan-<N>.pdf``, drawn by scripts/bench_plan_pdf.py when missing),
or the PDFs named. Each (document, method) runs in a fresh process, so its peak RSS
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
BIG_PAGES = 300
NAME_WIDTH = 48


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
    """Best time and largest peak RSS of ``repeat`` fresh processes; a child
    that dies is reported with the last line of its stderr."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", method, path],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or [f"exit status {out.returncode}"])[-1]
            return {"status": "crashed", "error": f"{method} process crashed: {last}"}
        runs.append(json.loads(out.stdout))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "rss_mb": max(r["rss_mb"] for r in runs)}


def _baseline_rss() -> float:
    """Peak RSS of a process that only imports: what every run pays before work."""
    out = subprocess.run([sys.executable, __file__, "--child", "imports", ""],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)["rss_mb"]


def _short(name: str, width: int = NAME_WIDTH) -> str:
    """Cut from the middle: the samples differ only at the end of their names
    (``….pdf`` against ``….no-rules.pdf``), so the end must stay visible."""
    if len(name) <= width:
        return name
    keep = width - 1
    return name[:keep - keep // 2] + "…" + name[-(keep // 2):]


def _generated_plan(pages: int) -> tuple[Path, dict]:
    """The generated plan, drawn only if missing (see bench_plan_pdf.ensure)."""
    import bench_plan_pdf

    target = ROOT / "out" / "bench" / f"plan-{pages}.pdf"
    facts, drawn = bench_plan_pdf.ensure(target, pages)
    print(f"{target.relative_to(ROOT)}: {facts['pages']} pages, {facts['actions']} actions "
          f"({'generated now' if drawn else 'cached; make clean to redraw'})")
    return target, facts


def _row(name: str, pages: int, pipe: dict, plumber: dict) -> str:
    ratio = plumber["seconds"] / pipe["seconds"]
    return (f"{_short(name):<{NAME_WIDTH}} {pages:>5} {pages / pipe['seconds']:>9.1f} "
            f"{pages / plumber['seconds']:>11.1f} {ratio:>6.2f} {1 / pipe['seconds']:>7.2f} "
            f"{pipe['rss_mb']:>8.0f} {plumber['rss_mb']:>10.0f} {pipe['actions']:>7}")


def _verdict(totals: dict, big_rss: float | None, plan_check: str | None) -> None:
    """The targets of the issue, met or not: a report, so no exit status."""
    ratio = totals["plumber"] / totals["pipe"]
    print(f"\nfloor (ratio >= {FLOOR}): {'met' if ratio >= FLOOR else 'NOT met'}; "
          f"goal (ratio >= {GOAL}): {'met' if ratio >= GOAL else 'NOT met'}")
    if big_rss is None:
        print(f"peak RSS on a {BIG_PAGES}-page plan: not measured (no PDF of "
              f"{BIG_PAGES}+ pages in this run)")
    else:
        print(f"peak RSS on the {BIG_PAGES}-page plan: {big_rss:.0f} MB "
              f"({'under' if big_rss < RSS_LIMIT_MB else 'NOT under'} {RSS_LIMIT_MB:.0f} MB)")
    if plan_check:
        print(plan_check)


def main() -> int:
    parser = argparse.ArgumentParser(description="PDF pipeline benchmark")
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=BIG_PAGES,
                        help="size of the generated plan")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    paths = [Path(p) for p in args.pdfs] or sorted((ROOT / "samples").glob("*.pdf"))
    plan, plan_facts = (None, None) if args.pdfs else _generated_plan(args.pages)
    if plan is not None:
        paths.append(plan)
    print(f"import-only peak RSS (interpreter, planextract, pdfplumber): "
          f"{_baseline_rss():.0f} MB; best of {args.repeat} runs\n")
    head = (f"{'document':<{NAME_WIDTH}} {'pages':>5} {'pipe p/s':>9} {'plumber p/s':>11} "
            f"{'ratio':>6} {'docs/s':>7} {'pipe MB':>8} {'plumber MB':>10} {'actions':>7}")
    print(head)
    print("-" * len(head))
    failed = False
    totals = {"pages": 0, "pipe": 0.0, "plumber": 0.0, "docs": 0, "actions": 0}
    big_rss = plan_check = None
    for path in paths:
        pipe = _measure("pipeline", str(path), args.repeat)
        plumber = _measure("pdfplumber", str(path), args.repeat)
        if pipe["status"] != "ok" or plumber["status"] != "ok":
            failed = True
            reason = (f"pipeline status {pipe['status']}: {pipe.get('error')}"
                      if pipe["status"] != "ok" else plumber.get("error"))
            print(f"{_short(path.name):<{NAME_WIDTH}} FAILED - {reason}")
            continue
        pages = plumber["pages"]
        print(_row(path.name, pages, pipe, plumber))
        totals["pages"] += pages
        totals["pipe"] += pipe["seconds"]
        totals["plumber"] += plumber["seconds"]
        totals["docs"] += 1
        totals["actions"] += pipe["actions"]
        if pages >= BIG_PAGES:
            big_rss = max(big_rss or 0.0, pipe["rss_mb"])
        if path == plan:
            drawn = plan_facts["actions"]
            plan_check = (f"generated plan: {pipe['actions']} of the {drawn} actions drawn "
                          f"read back ({'all' if pipe['actions'] == drawn else 'MISMATCH'})")
    if not totals["docs"]:
        print("no document ran")
        return 1 if failed else 0
    print("-" * len(head))
    print(f"{'all':<{NAME_WIDTH}} {totals['pages']:>5} {totals['pages'] / totals['pipe']:>9.1f} "
          f"{totals['pages'] / totals['plumber']:>11.1f} "
          f"{totals['plumber'] / totals['pipe']:>6.2f} {totals['docs'] / totals['pipe']:>7.2f} "
          f"{'':>8} {'':>10} {totals['actions']:>7}")
    _verdict(totals, big_rss, plan_check)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
