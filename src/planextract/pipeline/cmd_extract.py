"""``planextract extract PATH... --out DIR``: the one-shot batch."""

from __future__ import annotations

import argparse
from pathlib import Path

from planextract.pipeline.options import add_run_options, settings_from_args
from planextract.pipeline.run import RunOptions
from planextract.pipeline.run import run as run_extract
from planextract.pipeline.summary import extract_summary

HELP = "extract plans into a dataset, replacing what it held"
DESCRIPTION = """\
Reads every file in PATH... and makes the dataset hold exactly those documents: every
file is read again and sources not among PATH... are dropped. For a growing dataset fed
nightly, use `ingest`."""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("extract", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files and folders (read recursively, hidden files skipped)")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="dataset folder to write (created when missing)")
    add_run_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    options = RunOptions(inputs=args.paths, dataset=args.out, replace_all=True,
                         quarantine=False, wait=args.wait, engine=args.engine,
                         scheduler=args.scheduler, log=args.log,
                         settings=settings_from_args(args))
    summary = run_extract(options)
    print(extract_summary(summary, args.out))
    return summary.exit_code
