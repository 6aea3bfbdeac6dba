"""``planextract ingest INBOX... --dataset DIR``: add what is new, replace what changed."""

from __future__ import annotations

import argparse
from pathlib import Path

from planextract.pipeline.options import add_run_options, settings_from_args
from planextract.pipeline.run import RunOptions
from planextract.pipeline.run import run as run_ingest
from planextract.pipeline.summary import ingest_summary

HELP = "add new and changed plans to a dataset; skip what is already in it"
DESCRIPTION = """\
Reads every file in INBOX... whose bytes are not in the dataset yet. A source whose
bytes changed has its rows replaced; unchanged ones are skipped (a second identical run
changes nothing). Sources no longer found keep their rows unless --prune. Failed files
are copied to DIR/quarantine/ with a .txt saying why."""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("ingest", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INBOX",
                        help="files and folders (read recursively, hidden files skipped)")
    parser.add_argument("--dataset", required=True, type=Path, metavar="DIR",
                        help="dataset folder (created when missing)")
    parser.add_argument("--prune", action="store_true",
                        help="remove the rows of sources that are gone from INBOX")
    parser.add_argument("--dry-run", action="store_true",
                        help="list what would be read, skipped and pruned; change nothing")
    parser.add_argument("--retry-failed", action="store_true",
                        help="read again files that failed before, even if unchanged")
    add_run_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    options = RunOptions(inputs=args.inputs, dataset=args.dataset, prune=args.prune,
                         dry_run=args.dry_run, wait=args.wait, retry_failed=args.retry_failed,
                         engine=args.engine, scheduler=args.scheduler, log=args.log,
                         settings=settings_from_args(args))
    summary = run_ingest(options)
    print(ingest_summary(summary, args.dataset))
    return 0 if summary.dry_run else summary.exit_code
