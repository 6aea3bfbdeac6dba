"""The text readers' table writer remembers fewer cells' parts across tables, session 20
(issue 11): ``table_writer.PARTS_KEPT`` is ``MemoSettings.reader_parts`` (1,024), not
4,096, the remembered texts and parts having set a 1 MB html export's read peak. The
memo is a cache of a pure function, so any bound must give the same documents: whole
documents (the text samples, generated exports of every shape at two sizes, the family
corpus' text formats) are compared with the old bound (4,096, the reference) and with
no memory at all (0: forgotten after every table)."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import corpus_text_documents, everything, text_samples, write_exports

from planextract.extract import table_writer
from planextract.extract.block_pack import PackedBlocks
from planextract.extract.parts import cell_parts
from planextract.extract.text.tabbed import parse_tabbed_lines
from planextract.settings import DEFAULT

REFERENCE_KEPT = 4096  # the bound before s20-htmlread


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample, exports of every shape (one table run and many) and the
    family corpus' text formats."""
    folder = tmp_path_factory.mktemp("reader-parts")
    made = [*write_exports(folder, 40_000, seed=5, tag="-small"),
            *write_exports(folder, 150_000, seed=19)]
    corpus = corpus_text_documents(folder / "corpus", 31, per_format=3)
    return [*text_samples(), *made, *corpus]


def test_the_bound_is_the_setting_and_the_measured_one():
    assert DEFAULT.memo.reader_parts == 1024
    assert table_writer.PARTS_KEPT == DEFAULT.memo.reader_parts


def test_whole_documents_are_the_same_whatever_the_writer_remembers(inputs, monkeypatch):
    now = [everything(p) for p in inputs]
    for kept in (REFERENCE_KEPT, 0):
        monkeypatch.setattr(table_writer, "PARTS_KEPT", kept)
        for path, got in zip(inputs, now):
            assert got == everything(path), (kept, path.name)
    assert sum(len(actions) for _, actions, *_ in now) > 1000


def test_the_writer_forgets_past_its_bound_between_tables(inputs, monkeypatch):
    """Each table closed leaves at most half ``PARTS_KEPT`` texts in the newer half
    and no more than that and a table's cells in the older; the halves turn (some
    texts are remembered between tables) over a whole generated html export."""
    html = next(p for p in inputs if p.name.startswith("text-html") and "small" not in p.name)
    lines = html.read_text(encoding="utf-8").split("\n")
    sizes: list[tuple[int, int, int]] = []
    close = table_writer.PackedTables.close

    def watched(self) -> None:
        cells = len(self._cells)
        close(self)
        sizes.append((len(self._parts), len(self._old), cells))

    monkeypatch.setattr(table_writer.PackedTables, "close", watched)
    for kept in (7, 64):
        monkeypatch.setattr(table_writer, "PARTS_KEPT", kept)
        sizes.clear()
        blocks = parse_tabbed_lines(list(lines))
        assert isinstance(blocks, PackedBlocks) and len(sizes) > 50
        widest = max(cells for *_, cells in sizes)
        assert all(newer <= kept // 2 for newer, _, _ in sizes)
        assert all(older <= kept // 2 + widest for _, older, _ in sizes)
        assert any(older for _, older, _ in sizes)
        assert kept < widest or any(newer for newer, _, _ in sizes)  # tables under a half


def test_a_repeated_text_is_carried_forward_and_a_forgotten_one_worked_out_again(
        monkeypatch):
    asked: list[str] = []

    def counted(raw: str) -> tuple[str, ...]:
        asked.append(raw)
        return cell_parts(raw)

    monkeypatch.setattr(table_writer, "PARTS_KEPT", 2)  # halves of one text
    blocks = PackedBlocks()
    writer = table_writer.table_writer(blocks, counted)
    for raws in (["HoHR", "On-going"], ["HoHR", "2016"], ["HoHR"], ["HoHR", "On-going"]):
        writer.add(raws, 1, 1)
        writer.close()
    # "HoHR" asked in every table is worked out once; "On-going", two turns later, again
    assert asked == ["HoHR", "On-going", "2016", "On-going"]
    assert [[c.raw for c in row.cells] for table in blocks for row in table.rows] == [
        ["HoHR", "On-going"], ["HoHR", "2016"], ["HoHR"], ["HoHR", "On-going"]]
