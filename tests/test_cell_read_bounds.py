"""The one-cell-per-line reader's working set bounded (issue 11, s19-cellsread): the
reading's memos keep ``cell_labels.ANSWERS_KEPT`` answers, the split's shared-text map
``cell_split.TEXTS_KEPT`` texts, the stretch ``TextCellSettings.stretch_lines`` lines.
None of them may change what is read: whole documents (the samples, a generated export
past every bound, family-corpus plans) are compared with the memos unbounded, the map
never emptied and the stretch as it was (4,096 lines). Times nothing."""

from __future__ import annotations

import functools
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from text_exports import corpus_text_documents, everything, swap_everywhere, text_samples

from planextract.extract.text import cell_labels, cell_rows, cell_split
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
BOUNDED = (cell_labels.word_set, cell_labels.word_tuple, cell_labels._is_label,
           cell_labels.is_title, cell_rows._header_row, cell_rows._role)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    """The text samples, a generated text-cells export of about 600 KB (more distinct
    answers than any bound) and a seed of the family corpus' text-cells plans."""
    import bench_text_plans

    folder = tmp_path_factory.mktemp("cell-bounds")
    made = folder / "text-cells-600k.txt"
    made.write_text(bench_text_plans.build("text-cells", 600_000, seed=11)[0], encoding="utf-8")
    corpus = [p for p in corpus_text_documents(folder / "corpus", 5, 2)
              if p.suffix == ".txt"]
    return [*text_samples((".txt",)), made, *corpus]


def _filled(monkeypatch) -> dict[str, int]:
    """Each bounded memo's size when the reader forgets it, the largest seen."""
    seen: dict[str, int] = {}
    forget = cell_labels.forget

    def recorded() -> None:
        for memo in BOUNDED:
            name = memo.__wrapped__.__name__
            seen[name] = max(seen.get(name, 0), memo.cache_info().currsize)
        forget()

    monkeypatch.setattr(cell_labels, "forget", recorded)
    return seen


def test_the_memos_keep_at_most_their_bound(documents, monkeypatch):
    """The mechanism: on the export past the bounds each memo fills to exactly its
    bound (one left at 16,384 would hold more: the 1 MB read's memos were about
    0.5 MiB of its high-water, 0.6x a 10 MB export's)."""
    seen = _filled(monkeypatch)
    everything(documents[len(text_samples((".txt",)))])
    assert seen["word_tuple"] == seen["_is_label"] == cell_labels.ANSWERS_KEPT
    assert all(size <= cell_labels.ANSWERS_KEPT for size in seen.values()), seen
    assert cell_labels.is_heading_line.cache_info().maxsize > cell_labels.ANSWERS_KEPT


def test_the_shared_texts_are_emptied_past_their_bound(monkeypatch):
    """The split's map of shared texts never holds many more than ``TEXTS_KEPT``."""
    import bench_text_plans

    from planextract.extract.text import cells

    largest = [0]
    run = cell_split.CellSplit.run

    def counted(self, count: int) -> None:
        run(self, count)
        largest[0] = max(largest[0], len(self._texts))

    monkeypatch.setattr(cell_split.CellSplit, "run", counted)
    cells.read_cells(bench_text_plans.build("text-cells", 600_000, seed=11)[0].encode())
    kept = cell_split.TEXTS_KEPT
    assert kept < largest[0] <= kept + DEFAULT.text_cells.stretch_lines


def test_bounded_reads_are_unbounded_reads(documents, monkeypatch):
    """Whole documents alike with every bound lifted (the memos unbounded, the map
    never emptied, the stretch of 4,096 lines it was)."""
    bounded = [everything(p) for p in documents]
    unbounded = {id(m): functools.lru_cache(maxsize=None)(m.__wrapped__) for m in BOUNDED}
    assert swap_everywhere(monkeypatch, unbounded) >= len(BOUNDED)
    monkeypatch.setattr(cell_split, "TEXTS_KEPT", 1 << 40)
    from planextract.pipeline import document_run

    wide = replace(DEFAULT, text_cells=replace(DEFAULT.text_cells, stretch_lines=4096))
    run_one = document_run.run_one
    monkeypatch.setattr(document_run, "run_one",
                        lambda path, settings=wide: run_one(path, settings))
    assert len(documents) > 3
    for path, expected in zip(documents, bounded, strict=True):
        assert everything(path) == expected, path.name
