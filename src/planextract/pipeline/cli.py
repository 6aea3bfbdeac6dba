"""The ``planextract`` command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from planextract.normalise import role_vocab
from planextract.pipeline.batch import run_batch, write
from planextract.pipeline.inputs import collect
from planextract.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planextract", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract plans into a Parquet dataset")
    extract.add_argument("paths", nargs="+", help="files and folders (read recursively)")
    extract.add_argument("--out", required=True, type=Path, help="dataset folder to write")
    extract.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                         help="files read in parallel (default: %(default)s)")
    extract.add_argument("--roles", metavar="FILE",
                         help="your own role vocabulary (TOML, as data/roles.toml), merged "
                              "into the builtin one")
    args = parser.parse_args(argv)
    try:
        settings = Settings(roles_file=args.roles)
        role_vocab.load(settings.roles_file)
    except role_vocab.RolesFileError as err:
        print(err, file=sys.stderr)
        return 2

    sources = collect(args.paths, exclude=[args.out]).files
    if not sources:
        print("no input files found in: " + " ".join(args.paths), file=sys.stderr)
        return 1
    result = run_batch(sources, jobs=max(1, args.jobs), settings=settings)
    write(result, args.out)
    print(result.summary())
    print(f"dataset: {args.out}/actions, {args.out}/documents, {args.out}/glossary, "
          f"{args.out}/roles")
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
