"""The garbage collector spaced out while a document is read (issue 11) changes
no row, and the interpreter's thresholds are put back after every document,
read or failed."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from planextract.pipeline.collector import spaced
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def _everything(path: Path, young: int) -> tuple:
    settings = replace(DEFAULT, run=replace(DEFAULT.run, gc_young=young))
    before = gc.get_threshold()
    result = run_one(str(path), settings)
    assert gc.get_threshold() == before
    document = {k: v for k, v in result.document.items() if k != "seconds"}
    return document, result.actions, result.glossary, result.roles


def test_spaced_sets_the_young_threshold_and_puts_it_back():
    before = gc.get_threshold()
    with spaced(before[0] + 1000):
        assert gc.get_threshold() == (before[0] + 1000, *before[1:])
    assert gc.get_threshold() == before
    with spaced(0):  # 0, or anything below the interpreter's own: left as it is
        assert gc.get_threshold() == before
    try:
        with spaced(before[0] + 1000):
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == before


def test_the_rows_are_the_same_with_the_collector_spaced_or_not(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    inputs = sorted(p for p in (ROOT / "samples").iterdir()
                    if p.suffix in (".txt", ".md", ".csv", ".html"))[:6]
    for path in [*inputs, broken, tmp_path / "missing.txt"]:
        assert _everything(path, DEFAULT.run.gc_young) == _everything(path, 0), path.name
