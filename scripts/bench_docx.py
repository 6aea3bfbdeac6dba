"""``make bench`` (Word part): the pipeline on .docx plans beside python-docx reading
every cell's text of the same file, in the same run (issue 11).

    .venv/bin/python scripts/bench_docx.py [DOCX ...] [--repeat N] [--plans N]

Inputs: every ``samples/*.docx`` and a generated plan of ``--plans`` family-corpus
plans in one Word file (``out/bench/docx/plans-<N>.docx``, written by the corpus'
Word writer when missing), or the files named. Each (document, method) runs in a
fresh process, CPU seconds of the work alone (imports excluded, and the pipeline's
process warmed as a worker's fork server warms it, ``child.warm_up``, and its
objects frozen as a worker freezes them, ``child.leave_inherited_alone``):

- ``pipeline``: ``run_one(path)``: reading, normalising, rows;
- ``read``: the pipeline's reader alone (``read_document``), no normalising;
- ``python-docx``: ``docx.Document(path)``, then ``cell.text`` of every cell of every
  row of every table, nested tables included (the plain library doing the reading).

The targets (issue 11): the whole pipeline no slower than python-docx (``docx/pipe``
>= 1), which calls for the reader at a quarter of python-docx's time or less
(``docx/read`` >= 4). A report, not a test: it exits 0 unless a document failed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_child import as_a_worker, child_runs  # noqa: E402

PLANS = 200


def _cells(table) -> int:
    """Every cell's text, as a user of python-docx reads a table; nested tables too."""
    count = 0
    for row in table.rows:
        for cell in row.cells:
            cell.text  # noqa: B018 - the work measured
            count += 1
            for inner in cell.tables:
                count += _cells(inner)
    return count


def _child(method: str, path: str) -> dict:
    as_a_worker()  # before numpy is imported (pyarrow's import brings it)
    import docx

    import planextract.extract.docx_reader  # noqa: F401 - imports are not the work
    import planextract.normalise.document  # noqa: F401
    from planextract.extract import read_document
    from planextract.pipeline.child import leave_inherited_alone, warm_up
    from planextract.pipeline.document_run import run_one

    if method != "python-docx":
        # set up as a worker of extract/ingest is before its first document: the fork
        # server imported the pipeline core (pyarrow among it) and loaded the name list
        # and role vocabulary (child.warm_up), ~0.35 s a worker pays once, not a file
        warm_up()
        leave_inherited_alone()  # as a worker does first: the warm-up's objects frozen
    data = Path(path).read_bytes()
    started = time.process_time()
    result: dict = {"status": "ok"}
    if method == "pipeline":
        run = run_one(path)
        result.update(status=run.document["status"], actions=len(run.actions),
                      error=run.document["error"])
    elif method == "read":
        raw = read_document(data)
        result["blocks"] = len(raw.blocks)
    else:
        from io import BytesIO

        document = docx.Document(BytesIO(data))
        result["cells"] = sum(_cells(t) for t in document.tables)
    result["seconds"] = time.process_time() - started
    return result


def _measure(method: str, path: Path, repeat: int) -> dict:
    runs = child_runs(__file__, method, path, repeat)
    if isinstance(runs, dict):
        return runs
    return min(runs, key=lambda r: r["seconds"])


def generated(plans: int) -> tuple[Path, int]:
    """``plans`` corpus plans (seed 1, the Word layouts in turn) in one .docx."""
    from corpus import write_docx
    from corpus.build import plan_document, schedule
    from corpus.model import Document

    target = ROOT / "out" / "bench" / "docx" / f"plans-{plans}.docx"
    facts = target.with_suffix(".json")
    if target.exists() and facts.exists():
        return target, json.loads(facts.read_text())["actions"]
    layouts = [layout for _i, fmt, layout in schedule(1) if fmt == "docx"]
    blocks, actions = [], 0
    for index in range(plans):
        document = plan_document(1, 1000 + index, "docx", layouts[index % len(layouts)])
        blocks += document.blocks
        actions += len(document.gold())
    target.parent.mkdir(parents=True, exist_ok=True)
    write_docx.write(Document("plans", "", "", "", blocks), target, random.Random(1))
    facts.write_text(json.dumps({"actions": actions, "plans": plans}) + "\n")
    return target, actions


def main() -> int:
    parser = argparse.ArgumentParser(description="Word benchmark")
    parser.add_argument("docx", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plans", type=int, default=PLANS)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    paths = [Path(p) for p in args.docx] or sorted((ROOT / "samples").glob("*.docx"))
    if not args.docx:
        plan, actions = generated(args.plans)
        print(f"{plan.relative_to(ROOT)}: {args.plans} plans, {actions} actions, "
              f"{plan.stat().st_size / 1e6:.1f} MB")
        paths.append(plan)
    print(f"CPU seconds, best of {args.repeat} fresh processes, imports excluded\n")
    head = (f"{'document':<44} {'KB':>6} {'pipeline s':>10} {'read s':>8} "
            f"{'python-docx s':>13} {'docx/read':>9} {'docx/pipe':>9}")
    print(head)
    print("-" * len(head))
    totals = {"pipeline": 0.0, "read": 0.0, "python-docx": 0.0}
    failed = False
    for path in paths:
        got = {m: _measure(m, path, args.repeat) for m in totals}
        if any(g["status"] not in ("ok", "empty") for g in got.values()):
            failed = True
            print(f"{path.name[:44]:<44} FAILED {[g.get('error') for g in got.values()]}")
            continue
        for method, value in got.items():
            totals[method] += value["seconds"]
        print(f"{path.name[:44]:<44} {path.stat().st_size / 1e3:>6.0f} "
              f"{got['pipeline']['seconds']:>10.3f} {got['read']['seconds']:>8.3f} "
              f"{got['python-docx']['seconds']:>13.3f} "
              f"{got['python-docx']['seconds'] / got['read']['seconds']:>9.2f} "
              f"{got['python-docx']['seconds'] / got['pipeline']['seconds']:>9.2f}")
    print("-" * len(head))
    ratio = totals["python-docx"] / totals["read"]
    print(f"{'all':<44} {'':>6} {totals['pipeline']:>10.3f} {totals['read']:>8.3f} "
          f"{totals['python-docx']:>13.3f} {ratio:>9.2f} "
          f"{totals['python-docx'] / totals['pipeline']:>9.2f}")
    whole = totals["python-docx"] / totals["pipeline"]
    print(f"\ntarget: the pipeline no slower than python-docx (docx/pipe >= 1.00): "
          f"{'met' if whole >= 1 else 'NOT met'} ({whole:.2f})")
    print(f"target: the reader at a quarter of python-docx or less (docx/read >= 4.00): "
          f"{'met' if ratio >= 4 else 'NOT met'} ({ratio:.2f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
