"""The one-cell-per-line reader split and choosing a stretch of lines at a time
(``cell_split``, ``cell_stretch``; issue 11) against the whole export split first
(``cells_reference.read_whole``, the reference): the same blocks and warnings on every text
sample, generated exports of several sizes and the family corpus' text-cells plans of
several seeds, with stretches forced small so that tables, rows, cells, lone lines and
paragraphs straddle their ends. Times nothing."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planextract.extract.text import cell_stretch, cells, decode
from planextract.extract.text.cell_split import CellSplit
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import cells_reference  # noqa: E402

STRETCHES = (3, 11, 64, 4096)


def _settings(stretch: int):
    return replace(DEFAULT, text_cells=replace(DEFAULT.text_cells, stretch_lines=stretch))


def _read(data: bytes, stretch: int | None):
    if stretch is None:
        doc = cells_reference.read_whole(data, DEFAULT)
    else:
        doc = cells.read_cells(data, settings=_settings(stretch))
    return doc.source_format, doc.blocks, doc.warnings


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> list[tuple[str, bytes]]:
    """The text samples, generated text-cells exports of several sizes and seeds, and
    the family corpus' text-cells plans of four seeds."""
    import bench_text_plans
    from corpus.build import generate

    folder = tmp_path_factory.mktemp("cell-stretch")
    found = [(p.name, p.read_bytes()) for p in sorted((ROOT / "samples").glob("*.txt"))]
    for size, seed in ((20_000, 3), (60_000, 5), (150_000, 7)):
        text, _ = bench_text_plans.build("text-cells", size, seed=seed)
        found.append((f"generated-{size}-{seed}", text.encode()))
    for seed in range(1, 5):
        docs = folder / str(seed) / "docs"
        for entry in generate(folder / str(seed), seed, only=["text-cells"]):
            found.append((entry["file"], (docs / entry["file"]).read_bytes()))
    return found


def test_stretched_reads_are_the_whole_read(exports, monkeypatch):
    """Stretches of a few lines to many, the bytes decoded in pieces of a few lines
    to 64 k (``decode.decode_pieces``)."""
    assert sum(1 for name, _ in exports if name.startswith("generated")) == 3
    for name, data in exports:
        expected = _read(data, None)
        for stretch, piece in zip(STRETCHES, (40, 1000, 1 << 16, 300), strict=True):
            monkeypatch.setattr(decode, "_PIECE_CHARS", piece)
            assert _read(data, stretch) == expected, (name, stretch)


def test_the_stretch_holds_a_part_of_the_export(monkeypatch):
    """The mechanism, not only the result: a few stretches of items are held at once
    (a reading that never took, widening the stretch to the whole export, would read
    the same and hold everything). Wrong widths walk up to about 3,500 items."""
    import bench_text_plans

    held = []
    widen = cell_stretch.Stretch.widen

    def counted(self):
        widen(self)
        held.append(len(self.items) - self.index)

    monkeypatch.setattr(cell_stretch.Stretch, "widen", counted)
    data = bench_text_plans.build("text-cells", 800_000, seed=2)[0].encode()
    whole = len(cells_reference.split_cells(data.decode().split("\n"))[1])
    cells.read_cells(data, settings=_settings(1000))
    assert len(held) > 20 and max(held) < whole / 4


_LABELS = ("Action", "Lead", "Due", "Status", "Outcome", "Ref", "Owner", "Timescale", "")
_VALUES = ("1", "1.1", "2", "March 2014", "Ongoing", "Head of HR", "Publish the scheme.",
           "Review the policy and report to the board", "- a bullet", "Green", "")
_LONE = ("Section 2", "OBJECTIVE 4 - ACCESS", "carried on in small letters",
         "A Title Of The Next Table", "Theme A:", "x")


def _piece():
    cell = st.sampled_from(_LABELS + _VALUES).map(lambda t: f"\t{t}")
    return st.one_of(
        st.lists(st.sampled_from(_LABELS).map(lambda t: f"\t{t}"), min_size=2, max_size=6),
        st.lists(cell, min_size=1, max_size=6),
        st.tuples(st.sampled_from(_VALUES), st.just("")).map(list),  # a cell's more line
        st.just([""]), st.just(["", ""]),
        st.sampled_from(_LONE).map(lambda t: ["", t, ""]),
        st.sampled_from(_LONE).map(lambda t: [t]),
    )


@settings(max_examples=150, deadline=None)
# at least 40 pieces: an export of fewer cells than ``LOOK_AHEAD`` is read whole before
# any reading is taken, and compares the whole read with itself
@given(st.lists(_piece(), min_size=40, max_size=160),
       st.lists(st.sampled_from(_LONE), max_size=2), st.integers(1, 9))
# found by this test with ``LOOK_AHEAD`` 0: a look-ahead past the last cell a walk
# reached, read short at the stretch's end, read the export otherwise
@example([["\tAction", "\tAction", "\t1", "\tAction", "\tAction", "\tHead of HR", "\tAction",
           "\tAction", "\tAction"]], [], 1)
def test_any_text_reads_alike_whatever_the_stretch(pieces, before, stretch):
    lines = [*before, *[line for piece in pieces for line in piece]]
    data = "\n".join(lines).encode()
    if not data.strip():
        return
    assert _read(data, stretch) == _read(data, None)


@settings(max_examples=150, deadline=None)
@given(st.lists(_piece(), max_size=40), st.lists(st.integers(1, 7), min_size=1, max_size=8))
def test_the_split_in_stretches_is_the_whole_split(pieces, runs):
    lines = [line for piece in pieces for line in piece]
    paragraphs, items = cells_reference.split_cells(list(lines))
    # the lines handed over in pieces too, cut where the runs fall
    cuts, at = [], 0
    for turn in range(len(lines)):
        if at >= len(lines):
            break
        size = runs[turn % len(runs)] * 3
        cuts.append(list(lines[at:at + size]))
        at += size
    split, got, turn = CellSplit(iter(cuts)), [], 0
    while not split.done:
        split.run(runs[turn % len(runs)])
        got += split.take()
        turn += 1
    got += split.take()
    assert split.paragraphs == paragraphs
    assert got == items


def test_a_headerless_export_is_scanned_for_a_header_once(monkeypatch):
    """With no header row anywhere, each widening resumes the header scan where its
    answers were final: before, every widening scanned the stretch again from its
    start (a 100,000-line headerless export read in 0.9 s against 0.6 s whole)."""
    lines = [f"\tReview item {n} and report back to the committee." for n in range(3000)]
    data = "\n".join(lines).encode()
    scan, visited = cells._header_start, []

    def counting(items, start, scanned=0):
        found = scan(items, start, scanned)
        visited.append(found - max(start, scanned))
        return found

    monkeypatch.setattr(cells, "_header_start", counting)
    got = _read(data, 64)
    assert sum(visited) < 2 * len(lines)  # about once each, not once a widening
    monkeypatch.setattr(cells, "_header_start", scan)
    assert got == _read(data, None)
