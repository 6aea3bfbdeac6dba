"""The one-cell-per-line reader's widths chosen by tallies (``cell_choose.choose``;
issue 11, s20-cells) against every width read into its ``Parse`` and scored from its
rows (``cells_reference.grouped_choose``, the reference): the same reading, field by
field, at every start of made-up sequences of cells and lone lines, with the same
``Facts.reach``; and whole documents alike with the reference swapped in everywhere
(the samples, generated exports of every text shape, family-corpus plans, a text-cells
export read a few lines of stretch at a time). Times nothing."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import cells_reference
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cell_width_search import _SPEC, _fields, _items
from text_exports import (
    ROOT,
    corpus_text_documents,
    everything,
    swap_everywhere,
    text_samples,
    write_exports,
)

from planextract.extract.text import cell_choose, cell_evidence, cell_headers, cell_rows, cells
from planextract.extract.text.cell_items import Break, Loose, RawCell
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))


def _recorded(module: object, name: str, seen: list) -> object:
    """``module.name`` replaced by one that records its answers in ``seen``; the
    original returned, to put back."""
    original = getattr(module, name)

    def recording(*args):
        seen.append(original(*args))
        return seen[-1]

    setattr(module, name, recording)
    return original


def _compare_every_start(items: list[RawCell | Loose], weights=DEFAULT.text_cells) -> None:
    """Every width's score and the reading chosen, at every cell, alike."""
    cells_ = [x for x in items if isinstance(x, RawCell)]
    facts, reference = cell_rows.Facts(cells_), cell_rows.Facts(cells_)
    tallied: list[tuple] = []
    scored: list[tuple] = []
    tally = _recorded(cell_choose, "_score", tallied)
    score = _recorded(cells_reference, "grouped_score", scored)
    try:
        for start, item in enumerate(items):
            if isinstance(item, RawCell):
                facts.reach = reference.reach = start
                got = cell_choose.choose(items, start, facts, weights)
                expected = cells_reference.grouped_choose(items, start, reference, weights)
                assert tallied == scored  # every width tried, in turn
                assert _fields(got) == _fields(expected)
                assert facts.reach == reference.reach
    finally:
        cell_choose._score, cells_reference.grouped_score = tally, score


@settings(max_examples=600, deadline=None)
@given(_SPEC)
def test_the_tallies_choose_the_reading_every_parse_chose(spec):
    """Same reading (width, header, rows, headings, page tops, cells left, stop,
    folds) and the same furthest walk at every cell."""
    _compare_every_start(_items(spec))


@settings(max_examples=150, deadline=None)
@given(_SPEC, st.sampled_from([0.0, 0.5, 3.0]), st.sampled_from([0.0, 0.25, 2.0]),
       st.sampled_from([0.0, 1.5]))
def test_the_tallies_weigh_the_evidence_as_the_settings_say(spec, blank, left, repeat):
    """Other weights (``Settings.text_cells``): the same scores and readings."""
    weights = replace(DEFAULT.text_cells, blank_weight=blank, left_penalty=left,
                      repeat_weight=repeat)
    _compare_every_start(_items(spec), weights)


_REPEATING = st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8, 9,
                                                                     11, 12, 19, 20, 22, 23]),
                                st.integers(0, 2)), min_size=1, max_size=120)


@settings(max_examples=300, deadline=None)
@given(_REPEATING)
def test_the_tallies_alike_over_labels_headers_and_numbers(spec):
    """The same over sequences drawn mostly from labels, empty cells, row numbers and
    headings: headers repeated at page tops, next headers, headings typed as cells."""
    _compare_every_start(_items(spec))


def test_a_page_top_opening_with_a_piece_of_the_second_label_is_dropped():
    """A header repeated from a piece of its second label (``Lead`` of ``Lead
    officer``): the row start's check must ask the second label's words too."""
    texts = ["Action", "Lead officer", "Due", "1", "Do it", "March 2012", "Lead", "Due",
             "2", "Do more", "April 2012"]
    items = [RawCell([(n, t)], blank_before=1) for n, t in enumerate(texts, start=1)]
    for at, item in enumerate(items):
        item.at = at
    _compare_every_start(items)
    parse = cell_choose.choose(items, 0, cell_rows.Facts(list(items)))
    assert parse is not None and parse.width == 3
    assert any(isinstance(o, Break) for o in parse.out)


def test_a_kind_the_codes_do_not_name_gets_its_own():
    """A kind not among the codes (a test's ``kind_of``) is counted apart."""
    code = cell_evidence.kind_code("some other kind")
    assert code not in (cell_evidence.kind_code(k) for k in (None, "number", "date", "short",
                                                            "long"))
    assert code in cell_evidence.codes()


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("cell-choose")
    made = write_exports(folder, 120_000, seed=9)
    corpus = corpus_text_documents(folder / "corpus", 3, 2)
    return [*text_samples(), *made, *corpus]


def test_whole_documents_alike_with_every_width_parsed(documents, monkeypatch):
    """Whole documents (documents row, actions, glossary, roles) alike with
    ``grouped_choose`` swapped in wherever ``choose`` is held."""
    fast = [everything(p) for p in documents]
    assert swap_everywhere(monkeypatch, {id(cell_choose.choose):
                                         cells_reference.grouped_choose}) >= 1
    assert len(documents) > 10
    for path, expected in zip(documents, fast, strict=True):
        assert everything(path) == expected, path.name


@pytest.mark.parametrize("stretch", [5, 40, 2048])
def test_a_stretched_read_alike_with_every_width_parsed(stretch, monkeypatch):
    """A generated export read a stretch of few lines at a time (cells dropped from
    the front and widened often: the places kept by the stretch) reads the same
    blocks and warnings as with the reference."""
    import bench_text_plans

    data = bench_text_plans.build("text-cells", 60_000, seed=13)[0].encode()
    wanted = replace(DEFAULT, text_cells=replace(DEFAULT.text_cells, stretch_lines=stretch))
    choose, checked = cell_choose.choose, [0]

    def placed_choose(items, start, facts, weights):
        """``choose``, the places checked first: every cell's item and kind."""
        for at, cell in enumerate(facts.cells):
            if cell is not None:
                assert items[facts.places[at]] is cell
                assert facts.kinds[at] == cell_evidence.kind_code(cell.kind)
                assert facts.blanks[at] == (1 if cell.blank_before else 0)
        assert len(facts.places) == len(facts.cells) == len(facts.kinds)
        for at, run in enumerate(facts.runs):  # the runs worked out at once from the end
            if run and None not in facts.cells[at:at + cell_headers.MAX_HEADER_CELLS]:
                assert run - 1 == cell_rows.label_run(facts.cells, at)
        checked[0] += 1
        return choose(items, start, facts, weights)

    monkeypatch.setattr(cells, "choose", placed_choose)
    got = cells.read_cells(data, settings=wanted)
    assert checked[0] > 10
    monkeypatch.setattr(cells, "choose", cells_reference.grouped_choose)
    expected = cells.read_cells(data, settings=wanted)
    assert (got.blocks, got.warnings) == (expected.blocks, expected.warnings)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["", "  ", "Agree the plan", "with the board.", "- item",
                                 "• more", "–  dash", "\u2022", "- ", "April 2014", "a <b>x</b>",
                                 " \t", "&amp; more", "\u00a0"]), min_size=1, max_size=3),
       st.text(max_size=12))
def test_a_cell_of_one_line_has_the_parts_its_lines_give(lines, text):
    """``_raw_parts``' one-line shortcut gives what ``_cell_parts`` reads from the line."""
    for raw in ("\n".join(lines), *lines, text.replace("\n", " ")):
        assert cells._raw_parts(raw) == cells._cell_parts(tuple(raw.split("\n")))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 1 << 20), st.text(max_size=30), st.integers(0, 3))
def test_a_cell_made_of_one_line_is_the_cell_its_lines_make(number, text, blanks):
    """``RawCell.one_line`` (the split's) makes what ``RawCell(lines=...)`` makes."""
    fast, made = RawCell.one_line(number, text, blanks), RawCell([(number, text)], blanks)
    assert fast == made
    assert (fast.label, fast.kind, fast.at, fast.text, fast.first_line, fast.last_line) == (
        made.label, made.kind, made.at, made.text, made.first_line, made.last_line)
    fast.add(number + 2, "more")
    made.add(number + 2, "more")
    fast.relabel()
    made.relabel()
    assert (fast, fast.label, fast.kind) == (made, made.label, made.kind)
