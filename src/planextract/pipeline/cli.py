"""The ``planextract`` command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from planextract.pipeline.batch import run_batch, write
from planextract.pipeline.inputs import collect
from planextract.report.cli import add_export_parser, add_report_parser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planextract", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract plans into a Parquet dataset")
    extract.add_argument("paths", nargs="+", help="files and folders (read recursively)")
    extract.add_argument("--out", required=True, type=Path, help="dataset folder to write")
    extract.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                         help="files read in parallel (default: %(default)s)")
    add_report_parser(commands)
    add_export_parser(commands)
    args = parser.parse_args(argv)
    if args.command in ("report", "export"):
        return args.run(args)

    sources = collect(args.paths, exclude=[args.out]).files
    if not sources:
        print("no input files found in: " + " ".join(args.paths), file=sys.stderr)
        return 1
    result = run_batch(sources, jobs=max(1, args.jobs))
    write(result, args.out)
    print(result.summary())
    print(f"dataset: {args.out}/actions, {args.out}/documents, {args.out}/glossary, "
          f"{args.out}/roles")
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
