"""Write the family corpus: plans in every format from their printed values, with
gold JSONL by construction and a manifest (issue 6).

    .venv/bin/python scripts/family_corpus.py [--out out/corpus] [--seed 6]
        [--format docx --format csv ...] [--per-format N] [--holdout] [--shapes]

Writes OUT/docs/<name>.<ext>, OUT/gold/<name>.<ext>.jsonl (one action a line, keys
as in ../shared/CANONICAL.md) and OUT/manifest.json ([{"file", "format", ...}]),
which ../shared/tools/score.py reads. The same seed writes the same corpus.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus.build import ALL_FORMATS, generate, soffice  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("out/corpus"))
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--format", action="append", choices=sorted(ALL_FORMATS),
                        help="only these formats (repeatable)")
    parser.add_argument("--per-format", type=int, help="at most N documents per format")
    parser.add_argument("--holdout", action="store_true",
                        help="draw every word from the held-out pools (scripts/corpus/"
                             "heldout.py), never from those the readers were written from")
    parser.add_argument("--shapes", action="store_true",
                        help="add the held-out shapes' documents (scripts/corpus/shapes.py) "
                             "after the default ones, which stay as they are")
    parser.add_argument("--no-libreoffice", action="store_true",
                        help="do not add the LibreOffice PDFs of the Word plans even where "
                             "LibreOffice is installed")
    args = parser.parse_args(argv)
    for sub in ("docs", "gold"):
        shutil.rmtree(args.out / sub, ignore_errors=True)
    libreoffice = not args.no_libreoffice and soffice() is not None
    if not args.no_libreoffice and not libreoffice:
        print("LibreOffice (soffice) is not installed: no pdf-libreoffice documents "
              "(apt-get install libreoffice-writer-nogui)")
    manifest = generate(args.out, args.seed, args.format, args.per_format,
                        libreoffice=libreoffice, holdout=args.holdout,
                        shapes=args.shapes)
    by_format = Counter(m["format"] for m in manifest)
    actions = sum(m["actions"] for m in manifest)
    print(f"{len(manifest)} documents, {actions} gold actions in {args.out}: "
          + ", ".join(f"{f} {n}" for f, n in sorted(by_format.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
