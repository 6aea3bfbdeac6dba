"""The ``report`` and ``export`` sub-commands, added to the ``planextract`` parser.

Building the parser imports nothing heavy: pyarrow, XlsxWriter and the page code
are imported when a command runs, so every other command starts as fast as before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("csv", "xlsx", "jsonl")
TABLES = ("actions", "documents", "glossary", "roles")


def add_report_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    report = subparsers.add_parser(
        "report", help="write a self-contained HTML review report of a dataset")
    report.add_argument("dataset", type=Path, help="dataset folder written by extract")
    report.add_argument("-o", "--output", type=Path,
                        help="HTML file to write (default: DATASET/report.html)")
    report.add_argument("--title", help="page title (default: the dataset folder)")
    report.set_defaults(run=run_report)
    return report


def add_export_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    exp = subparsers.add_parser("export", help="export a dataset as xlsx, CSV or JSON Lines")
    exp.add_argument("dataset", type=Path, help="dataset folder written by extract")
    exp.add_argument("--format", choices=FORMATS,
                     help="output format (default: from the output file's suffix)")
    exp.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    exp.add_argument("--table", default="actions",
                     choices=TABLES,
                     help="table written by csv and jsonl (xlsx writes all; default: actions)")
    exp.add_argument("--bom", action="store_true",
                     help="csv: start with a UTF-8 byte-order mark, so Excel reads the accents")
    exp.set_defaults(run=run_export)
    return exp


def run_report(args: argparse.Namespace) -> int:
    from planextract.report import model, page
    from planextract.report.dataset import DatasetError, load
    from planextract.settings import DEFAULT

    try:
        data = load(args.dataset)
    except DatasetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    output = args.output or args.dataset / "report.html"
    title = args.title or f"planextract report: {args.dataset}"
    page.write(model.build(data, title, DEFAULT.report), output)
    print(f"report: {output}")
    return 0


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    suffix = args.output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def run_export(args: argparse.Namespace) -> int:
    from planextract.report import export
    from planextract.report.dataset import DatasetError, load
    from planextract.settings import DEFAULT

    fmt = _format(args)
    if fmt is None:
        print(f"error: cannot tell the format from {args.output}: give --format "
              f"({', '.join(FORMATS)})", file=sys.stderr)
        return 2
    try:
        data = load(args.dataset)
    except DatasetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        rows = export.write_xlsx(data, args.output, DEFAULT.report)
    elif fmt == "csv":
        rows = export.write_csv(getattr(data, args.table), args.output, bom=args.bom)
    else:
        rows = export.write_jsonl(getattr(data, args.table), args.output)
    what = "actions" if fmt == "xlsx" else args.table
    print(f"export: {args.output} ({rows} {what} rows, {fmt})")
    return 0
