"""Issue 11, memory: a text-cells read of more than one stretch drains the interpreter's
free lists (``memo.drain_free_lists``) once its memos are emptied, so that the drafts and
the owners' cuts reuse what the memos' thousands of freed tuples held (with the drain
before the owners' cuts, 0.15-0.2x off a 1 MB export's peak, s20-cellspeak). A collection
changes no output; these check that it happens at the read's end, once, only for a long
read, and that whole documents read the same without it (``memo.DRAIN = False``, the
reference: the one switch of every drain)."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import everything, text_samples, write_exports

from planextract import memo
from planextract.extract.text import cell_labels, cells, decode
from planextract.settings import DEFAULT


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> list[Path]:
    """A generated text-cells export of several stretches, and one of less than one."""
    folder = tmp_path_factory.mktemp("cell-drain")
    long = [p for p in write_exports(folder, 150_000, seed=29) if p.stem == "text-cells"]
    short = [p for p in write_exports(folder, 20_000, seed=31, tag="-short")
             if p.stem == "text-cells-short"]
    return long + short


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n")


def _logged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The order of the read's memos emptied and the drains."""
    log: list[str] = []
    forget = cell_labels.forget

    def logged_forget():
        forget()
        log.append("forget")

    monkeypatch.setattr(cell_labels, "forget", logged_forget)
    monkeypatch.setattr(memo, "drain_free_lists", lambda: log.append("drain"))
    return log


def test_a_long_read_drains_once_its_memos_are_emptied(exports, monkeypatch):
    log = _logged(monkeypatch)
    long, short = exports
    assert _lines(long) > DEFAULT.text_cells.stretch_lines >= _lines(short)
    cells.read_cells(long.read_bytes())
    assert log == ["forget", "drain"]
    log.clear()
    cells.read_cells(short.read_bytes())
    assert log == ["forget"]


def test_the_samples_read_without_a_drain(monkeypatch):
    """Every text sample is shorter than a stretch: none pays a collection."""
    log = _logged(monkeypatch)
    samples = text_samples((".txt",))
    assert samples
    for path in samples:
        assert _lines(path) <= DEFAULT.text_cells.stretch_lines, path.name
        log.clear()
        cells.read_cells(path.read_bytes())
        assert log == ["forget"], path.name


def test_the_drains_change_nothing_of_a_document(exports, monkeypatch):
    monkeypatch.setattr(decode, "_PIECE_CHARS", 1000)  # pieces of a few lines
    drained = [everything(path) for path in exports]
    monkeypatch.setattr(memo, "DRAIN", False)  # the reference: no drain at all
    assert [everything(path) for path in exports] == drained


def test_one_switch_turns_every_drain_off(exports, monkeypatch):
    """``memo.DRAIN`` is read by all three call sites: a long text-cells export drains
    at its read's end and twice in its owners, and not once with the switch off."""
    log = _logged(monkeypatch)
    long = exports[0]
    everything(long)
    assert log.count("drain") == 3, log
    log.clear()
    monkeypatch.setattr(memo, "DRAIN", False)
    everything(long)
    assert "forget" in log and "drain" not in log, log
