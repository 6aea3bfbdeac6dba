"""Command-line options shared by the commands that read documents."""

from __future__ import annotations

import argparse
import dataclasses
import os
import re

from planextract.pipeline import limits_cli
from planextract.settings import DEFAULT, RunSettings, Settings

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def memory_size(text: str) -> int:
    """``2G``, ``512M``, ``1.5GB`` or a number of bytes; ``0`` means no cap."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", text, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say e.g. 2G or 512M)")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_run_options(parser: argparse.ArgumentParser) -> None:
    run = DEFAULT.run
    group = parser.add_argument_group("how documents are read")
    group.add_argument("--workers", "--jobs", type=positive_int,
                       default=min(2, os.cpu_count() or 1),
                       help="documents read at once (default: %(default)s)")
    group.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local worker processes, or a Dask cluster (default: local)")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (tcp://host:8786); without it "
                            "--engine dask starts a LocalCluster on this machine")
    group.add_argument("--timeout", type=float, default=run.timeout, metavar="SECONDS",
                       help="wall-clock limit for one document (default: %(default)g)")
    group.add_argument("--max-memory", type=memory_size, default=run.max_memory,
                       metavar="SIZE", help="memory cap of one document's worker, e.g. 2G "
                                            "(default: 2G; 0 for none)")
    group.add_argument("--commit-every", type=positive_int, default=run.commit_every,
                       metavar="N", help="documents per commit (default: %(default)s)")
    group.add_argument("--commit-bytes", type=memory_size, default=run.commit_bytes,
                       metavar="SIZE", help="or fewer documents, once their rows hold this "
                                            "much, e.g. 8M (default: 16M; 0: no bound)")
    group.add_argument("--wait", action="store_true",
                       help="if another run is writing the dataset, wait for it "
                            "(default: exit 2 at once)")
    group.add_argument("--roles", metavar="FILE",
                       help="your own role vocabulary, added to the builtin one")
    group.add_argument("--log", choices=["auto", "bar", "json", "quiet"], default="auto",
                       help="progress bar on a terminal, JSON lines on stderr otherwise "
                            "(default: auto)")
    limits_cli.add_limit_options(parser)


def settings_from_args(args: argparse.Namespace) -> Settings:
    run = RunSettings(timeout=args.timeout, max_memory=args.max_memory, workers=args.workers,
                      commit_every=args.commit_every, commit_bytes=args.commit_bytes)
    settings = dataclasses.replace(DEFAULT, run=run, roles_file=args.roles,
                                   limits=limits_cli.limits_from_args(args))
    if args.roles:  # a broken roles file stops the run before any document is read
        from planextract.lexicon.role_vocab import RolesFileError, load
        from planextract.pipeline.run import UsageError

        try:
            load(args.roles)
        except RolesFileError as err:
            raise UsageError(str(err)) from err
    return settings
