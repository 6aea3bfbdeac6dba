"""``make bench`` (start-up part): what a one-file run costs before and around its
document, beside the plain libraries writing the same dataset (issue 11).

    .venv/bin/python scripts/bench_startup.py [--repeat N] [--before SRC] [FILE]

Each figure is the best of ``--repeat`` fresh runs, in CPU seconds (user + system),
wall seconds beside:

- ``python``: the bare interpreter (``python -c pass``);
- ``import cli``: ``import planextract.pipeline.cli``;
- ``libraries``: pyarrow and deltalake alone writing the four empty tables of a
  dataset (the least any run that writes one pays);
- ``extract``: ``planextract extract FILE --out DIR`` (default: the smallest text
  sample), run through ``scripts/startup_probe.py``, which has each process of the
  run report its own CPU and the modules it imported: the **main process** (the
  command line: walks the inputs, opens, commits and tidies the dataset), the **fork
  server** (its start-up: the pipeline core and the readers the inputs call for)
  and the **worker** (reading and normalising the document, and any reader the
  server did not preload). Target: the main process, which imports the CLI and
  writes the dataset, <= 0.3 s of CPU.

``--before SRC``: the same figures for another checkout's ``src`` (e.g. a
``git archive`` of main), in the same run, beside these. A report, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "scripts" / "startup_probe.py"
GOAL = 0.3
HEAVY = ("pandas", "numpy", "dask", "distributed", "deltalake", "pyarrow", "pyarrow.compute",
         "pyarrow.dataset", "bs4", "docx", "openpyxl", "pypdfium2", "ftfy", "charset_normalizer",
         "rapidfuzz", "rich", "importlib.metadata")
PARTS = ("main", "server", "worker")
LABELS = {"main": "  main process", "server": "  fork server", "worker": "  worker"}
LIBRARIES = """
import sys, pyarrow as pa, deltalake
for name in ("actions", "documents", "glossary", "roles"):
    deltalake.write_deltalake(sys.argv[1] + "/" + name,
                              pa.schema([("doc_id", pa.string())]).empty_table())
"""


def _env(src: str | None) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    return env


def _run(argv: list[str], env: dict) -> tuple[float, float]:
    """(CPU seconds of the reaped children, wall seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {out.stderr.strip()[-300:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def _best(argv_of, repeat: int, env: dict) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(_run(argv_of(tmp), env))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def _probe(source: str, env: dict) -> tuple[dict[str, dict], float]:
    """One probed extract: each process's record, and the wall seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "probe.json"
        _, wall = _run([sys.executable, str(PROBE), str(out), "extract", source,
                        "--out", f"{tmp}/ds"], env)
        records: dict[str, dict] = {}
        for _ in range(50):  # the server writes its record as it warms up: it is there
            found = list(Path(tmp).glob("probe.json.*"))
            if len(found) >= 3:
                break
            time.sleep(0.02)
        for path in found:
            kind = path.name.split(".")[-1].split("-")[0]
            records[kind] = json.loads(path.read_text())
    return records, wall


def measure(source: str, repeat: int, src: str | None) -> dict:
    env = _env(src)
    py = sys.executable
    figures = {
        "python": _best(lambda _tmp: [py, "-c", "pass"], repeat, env),
        "import cli": _best(lambda _tmp: [py, "-c", "import planextract.pipeline.cli"],
                            repeat, env),
        "libraries": _best(lambda tmp: [py, "-c", LIBRARIES, tmp], repeat, env),
    }
    best: dict[str, dict] = {}
    walls = []
    for _ in range(repeat):
        records, wall = _probe(source, env)
        walls.append(wall)
        for part in PARTS:
            if part in records and (part not in best or records[part]["cpu"] < best[part]["cpu"]):
                best[part] = records[part]
    figures["extract"] = (sum(best[p]["cpu"] for p in PARTS if p in best), min(walls))
    for part in PARTS:
        figures[part] = (best[part]["cpu"], None) if part in best else (float("nan"), None)
    modules = {part: sorted(m for m in best.get(part, {}).get("modules", []) if m in HEAVY)
               for part in PARTS}
    return {"figures": figures, "modules": modules}


def _cell(value: float | None, width: int = 7) -> str:
    return f"{value:>{width}.3f}" if value is not None else " " * width


def main() -> int:
    parser = argparse.ArgumentParser(description="start-up benchmark")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", metavar="SRC",
                        help="another checkout's src folder, measured in the same run")
    args = parser.parse_args()
    source = args.file or str(min((ROOT / "samples").glob("*.txt"),
                                  key=lambda p: p.stat().st_size))
    runs = {}
    if args.before:
        runs["before"] = measure(source, args.repeat, args.before)
    runs["now"] = measure(source, args.repeat, None)
    print(f"{Path(source).name}: best of {args.repeat} runs, CPU and wall seconds; "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print(f"{'':<20}" + "".join(f"{name:>16}" for name in runs))
    print(f"{'':<20}" + "   CPU s  wall s" * len(runs))
    rows = ["python", "import cli", "libraries", "extract", *PARTS]
    for row in rows:
        label = {"extract": "extract (all)", **LABELS}.get(row, row)
        cells = "".join(f" {_cell(r['figures'][row][0])} {_cell(r['figures'][row][1])}"
                        for r in runs.values())
        print(f"{label:<20}{cells}")
    now = runs["now"]["figures"]
    print("\nmain process: the command line, importing the CLI and writing the dataset; "
          "fork server: its\nstart-up (pipeline core, readers the inputs call for); "
          "worker: reading the document")
    print(f"target: main process <= {GOAL} s CPU: "
          f"{'met' if now['main'][0] <= GOAL else 'NOT met'} ({now['main'][0]:.3f} s; "
          f"libraries alone {now['libraries'][0]:.3f} s, ratio "
          f"{now['main'][0] / now['libraries'][0]:.2f})")
    if "before" in runs:
        before = runs["before"]["figures"]
        print(f"now / before, CPU: main process {now['main'][0] / before['main'][0]:.2f}, "
              f"whole run {now['extract'][0] / before['extract'][0]:.2f}")
    print("\nheavy modules imported:")
    for name, result in runs.items():
        for part in PARTS:
            print(f"  {name:<7} {LABELS[part].strip():<13} "
                  f"{', '.join(result['modules'][part]) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
