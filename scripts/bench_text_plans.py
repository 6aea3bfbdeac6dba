"""Large text exports of every text shape for the speed benchmark (issue 11).

A 1 MB or 10 MB export is many family-corpus plans (scripts/corpus) written one
after another into one file of one shape, as an export of a whole directorate's
plans is: headings, keys of abbreviations, paragraphs and tables of every layout.
Only plans whose tables are as wide as the first one's are taken, since a
text-cells export or a CSV has one width. Each plan is drawn with the corpus' own
writer for the shape, so every quirk the corpus prints (split rows, stacked cells,
HTML fragments, pipes, quoted newlines) is in them. A CSV holds one table a plan,
the tables apart by a blank record. Deterministic: the same shape and size give
the same bytes (UTF-8), so ``ensure`` keeps the file.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_text  # noqa: E402
from corpus.build import plan_document, schedule  # noqa: E402
from corpus.model import Document  # noqa: E402

SHAPES = {"text-tabbed": "txt", "text-html": "txt", "text-cells": "txt",
          "text-markdown": "md", "csv": "csv"}


def _render(document: Document, fmt: str, rng: random.Random) -> str:
    if fmt == "text-tabbed":
        return write_text.tabbed(document, rng, markdown_headings=False)
    if fmt == "text-html":
        return write_text.tabbed(document, rng, markdown_headings=True)
    if fmt == "text-cells":
        return write_text.cells(document, rng)
    if fmt == "text-markdown":
        return write_text.markdown(document)
    return write_text.as_csv(document) + "\r\n"  # a blank record ends the table


def build(fmt: str, size: int, seed: int = 1) -> tuple[str, int]:
    """An export of ``fmt`` of at least ``size`` characters: plans of the seeded
    corpus schedule (the layouts in turn) until it is that long; returns the text
    and the number of actions the plans hold."""
    layouts = [layout for _index, f, layout in schedule(seed) if f == fmt] or \
        [layout for _index, _f, layout in schedule(seed)]
    rng = random.Random(f"{seed}:{fmt}:{size}")
    parts: list[str] = []
    length = actions = index = 0
    width = None
    while length < size:
        layout = layouts[index % len(layouts)]
        document = plan_document(seed, 1000 + index, fmt, layout)
        index += 1
        widths = {len(t.headers) for t in document.tables() if t.roles != ["rag", "meaning"]}
        if width is not None and widths != {width}:
            continue  # one width a file: text-cells and CSV take it from the first table
        width = width or min(widths)
        text = _render(document, fmt, rng)
        parts.append(text)
        length += len(text)
        actions += len(document.gold())
    return "".join(parts), actions


def ensure(target: Path, fmt: str, size: int) -> tuple[dict, bool]:
    """The export at ``target`` (with ``.json`` facts beside it), written only when
    missing; returns the facts and whether it was written now."""
    facts_path = target.with_suffix(target.suffix + ".json")
    if target.exists() and facts_path.exists():
        return json.loads(facts_path.read_text()), False
    text, actions = build(fmt, size)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    facts = {"format": fmt, "bytes": target.stat().st_size, "actions": actions,
             "lines": text.count("\n")}
    facts_path.write_text(json.dumps(facts) + "\n")
    return facts, True


def path_for(root: Path, fmt: str, size: int) -> Path:
    return root / f"{fmt}-{size // 1_000_000}mb.{SHAPES[fmt]}"


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "out" / "bench" / "text"
    for shape in SHAPES:
        for megabytes in (1, 10):
            facts, _ = ensure(path_for(out, shape, megabytes * 1_000_000), shape,
                              megabytes * 1_000_000)
            print(shape, megabytes, facts)
