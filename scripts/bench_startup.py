"""``make bench`` (start-up part): what a one-file run costs before and around its
document, beside the plain libraries writing the same dataset (issue 11).

    .venv/bin/python scripts/bench_startup.py [--repeat N] [FILE]

Each figure is the best of ``--repeat`` fresh runs, CPU seconds (user + system) of
the whole process tree (a run's fork server and worker included), and wall seconds:

- ``python``: the bare interpreter (``python -c pass``);
- ``import cli``: ``import planextract.pipeline.cli``;
- ``libraries``: pyarrow and deltalake alone writing the four empty tables of a
  dataset (the least any run that writes one pays);
- ``extract``: ``planextract extract FILE --out DIR`` (default: the smallest text
  sample), the whole command.

Then which heavy modules each process of the run imported, from
``PYTHONPROFILEIMPORTTIME`` (``python -X importtime``): pandas, dask, bs4,
python-docx and pypdfium2 should appear only where used. Target: importing the CLI
and writing a dataset <= 0.3 s. A report, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = str(Path(sys.executable).with_name("planextract"))
GOAL = 0.3
HEAVY = ("pandas", "dask", "distributed", "deltalake", "pyarrow", "bs4", "docx", "pypdfium2",
         "ftfy", "charset_normalizer", "rapidfuzz", "rich", "importlib.metadata")
LIBRARIES = """
import sys, pyarrow as pa, deltalake
for name in ("actions", "documents", "glossary", "roles"):
    deltalake.write_deltalake(sys.argv[1] + "/" + name,
                              pa.schema([("doc_id", pa.string())]).empty_table())
"""


def _run(argv: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(CPU seconds of the process tree, wall seconds, stderr) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **(env or {})})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {out.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, out.stderr


def _best(make_argv, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cpu, wall, _ = _run(make_argv(tmp))
            runs.append((cpu, wall))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def _imports(stderr: str) -> list[list[str]]:
    """The heavy modules each process imported, in the order the processes wrote."""
    processes, current = [], set()
    for line in stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$", line)
        if not found:
            continue
        name, depth = found.group(4), len(found.group(3))
        if name == "encodings" and depth <= 1 and current:  # a new interpreter starts
            processes.append(sorted(current))
            current = set()
        if name in HEAVY and int(found.group(1)) > 200:  # a failed import costs ~50 us
            current.add(name)
    processes.append(sorted(current))
    return processes


def main() -> int:
    parser = argparse.ArgumentParser(description="start-up benchmark")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = args.file or str(min((ROOT / "samples").glob("*.txt"),
                                  key=lambda p: p.stat().st_size))
    py = sys.executable
    figures = {
        "python": _best(lambda _tmp: [py, "-c", "pass"], args.repeat),
        "import cli": _best(lambda _tmp: [py, "-c", "import planextract.pipeline.cli"],
                            args.repeat),
        "libraries": _best(lambda tmp: [py, "-c", LIBRARIES, tmp], args.repeat),
        "extract": _best(lambda tmp: [EXE, "extract", source, "--out", f"{tmp}/ds"],
                         args.repeat),
    }
    print(f"{Path(source).name}: best of {args.repeat} runs\n")
    print(f"{'':<12} {'CPU s':>7} {'wall s':>7}")
    for name, (cpu, wall) in figures.items():
        print(f"{name:<12} {cpu:>7.3f} {wall:>7.3f}")
    cpu = figures["extract"][0]
    print(f"\nextract / libraries: {cpu / figures['libraries'][0]:.2f}x CPU; "
          f"target <= {GOAL} s: {'met' if cpu <= GOAL else 'NOT met'} ({cpu:.3f} s CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        _, _, stderr = _run([EXE, "extract", source, "--out", f"{tmp}/ds"],
                            {"PYTHONPROFILEIMPORTTIME": "1"})
    print("\nheavy modules imported, per process of the run:")
    for number, names in enumerate(_imports(stderr), start=1):
        print(f"  process {number}: {', '.join(names) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
