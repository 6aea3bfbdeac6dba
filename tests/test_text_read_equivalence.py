"""The text readers' fast paths against the code they replaced (issue 11): the
one-cell-per-line row grouping (``cell_rows.choose``), the label tests and the
cell kinds, on every text sample, generated exports of every text shape and the
family corpus' text formats. The reader's output must be identical."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract import parts, read_document
from planextract.extract.printed import lone_mark
from planextract.extract.text import (
    cell_choose,
    cell_evidence,
    cell_headers,
    cell_items,
    cell_labels,
    cell_rows,
    cell_split,
    cells,
    csv_reader,
    decode,
    markdown,
    tabbed,
)
from planextract.extract.text.cell_labels import DATE_LIKE, ROW_NUMBER
from planextract.extract.text.decode import decode_lines
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import cells_reference  # noqa: E402

TEXT_SHAPES = ("text-tabbed", "text-html", "text-cells", "text-markdown", "csv",
               "text-markdown-pandoc")


# --- the code before issue 11, kept as the reference ---------------------------------

def reference_is_label(text: str) -> bool:
    return (bool(text) and not text[:1].islower()
            and len(text.split()) <= cell_labels.MAX_LABEL_WORDS
            and len(text) <= cell_labels.MAX_LABEL_CHARS
            and (not text.endswith(".") or cell_labels._ABBREVIATED.search(text))
            and not re.search(r"\d", text)
            and not DATE_LIKE.search(text))


def reference_kind(text: str) -> str | None:
    if not text:
        return None
    if ROW_NUMBER.match(text):
        return "number"
    if DATE_LIKE.search(text):
        return "date"
    return "short" if len(text.split()) <= 3 else "long"


class ReferenceHeader(cell_rows.Header):
    """The header's words split afresh at every cell."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__(labels)
        self.label_words = [set(cell_labels.words(label)) for label in self.labels]

    def label_of(self, cell, after, before=None):  # every label, whatever ``before``
        norm = cell.label.lower()
        if not norm or len(norm) > cell_labels.MAX_LABEL_CHARS:
            return None
        cell_words = set(cell_labels.words(norm))
        for index in range(after, len(self.labels)):
            if norm == self.labels[index] or (cell_words and cell_words <= self.label_words[index]):
                return index
        return None


class ReferenceGrouper(cell_rows.Grouper):
    """``group`` as it was: the repeat and next-header checks at every row
    start, a cell too long for a label too."""

    def group(self, start: int, parse: cell_rows.Parse) -> cell_rows.Parse:
        current: list = []
        skip_until = -1
        index = start
        width = parse.width
        items, count = self.items, len(self.items)  # locals: the loop runs a cell a width
        while index < count:
            item = items[index]
            if isinstance(item, cell_rows.Loose):
                end = index
                while end < count and isinstance(items[end], cell_rows.Loose):
                    end += 1
                run = [x for x in items[index:end] if isinstance(x, cell_rows.Loose)]
                following = items[end] if end < count else None
                if following is not None and following.at < skip_until:
                    index = end  # a label of the repeated header broken over a blank line
                    continue
                if self.loose_run(parse, current, run, end):
                    parse.stop = end
                    parse.left = current
                    return parse
                index = end
                continue
            index += 1
            at = item.at
            if at < skip_until:
                continue
            if not current:
                repeat = self.header.repeat_at(self.cells, at)
                if repeat:
                    skip_until = at + repeat
                    parse.out.append(cell_rows.Break(
                        repeat, self.header.reprints(self.cells, at, repeat)))
                    continue
                if self.next_header(at, width):
                    parse.stop = index - 1  # more labels than a row holds: the next header
                    parse.left = current
                    return parse
                if self.numbered and item.label and not ROW_NUMBER.match(item.label) \
                        and cell_rows.is_heading_line(item.label):  # a heading typed as a cell
                    parse.out.append(cell_rows.Paragraph(text=item.label, line=item.first_line,
                                               level=cell_rows.HEADING_LEVEL))
                    continue
            current.append(item)
            if len(current) == width:
                parse.out.append(current)
                parse.last_row = current
                current = []
        parse.stop = len(self.items)
        parse.left = current
        return parse


def reference_homogeneity(rows) -> float:
    if not rows:
        return 0.0
    same = filled = 0
    for column in zip(*rows):
        kinds = [k for k in map(cell_evidence._kind_of, [c.label for c in column]) if k]
        if kinds:
            same += max(kinds.count(k) for k in set(kinds))
            filled += len(kinds)
    return (same / filled if filled else 0.0) * len(rows) / (len(rows) + 1)



def reference_blank_agreement(rows) -> float:
    hits = sum(1 for row in rows if row[0].blank_before)
    misses = sum(1 for row in rows if not row[0].blank_before)
    false = sum(1 for row in rows for cell in row[1:] if cell.blank_before)
    return 2 * hits / (2 * hits + misses + false) if hits else 0.0


def reference_score(parse, numbered, weights) -> tuple:
    """``_score`` as it was: row numbers matched afresh, the evidence looked up
    in ``cell_rows`` (swapped for the references by ``_reference_paths``)."""
    rows = parse.rows
    repeated = sum(o.cells for o in parse.out if isinstance(o, cell_rows.Break))
    numbers = (sum(1 for r in rows if ROW_NUMBER.match(r[0].label)) / len(rows)
               if numbered and rows else 0.0)
    evidence = (weights.blank_weight * cells_reference.blank_agreement(rows)
                + cells_reference.homogeneity(rows) + numbers
                + (weights.repeat_weight if any(o.whole for o in parse.out
                                                if isinstance(o, cell_rows.Break)) else 0.0)
                - (weights.left_penalty if parse.left else 0.0))
    return bool(rows), round(evidence, 9), repeated, len(parse.header), parse.width


def reference_choose(items, start, facts, weights=DEFAULT.text_cells):
    """``choose`` as it was: the first cell after the header found in a copy of
    the rest of the file, for every width tried."""
    RawCell = cell_rows.RawCell  # noqa: N806
    best = None
    reprinted: dict[int, tuple] = {}
    for rows in range(1, cell_headers.MAX_HEADER_ROWS + 1):
        for width in range(2, cell_headers.MAX_HEADER_CELLS + 1):
            head, labels, body = cell_headers.full_labels(items, start, rows * width)
            if len(head) < rows * width or not all(reference_is_label(x) or not x
                                                   for x in labels):
                break
            grid = [labels[r * width:(r + 1) * width] for r in range(rows)]
            if sum(1 for x in grid[0] if x) < 2 or any(not any(r) for r in grid):
                continue
            if rows == 2 and not cell_headers.sub_header(grid[0], grid[1]):
                continue
            first = next((x for x in items[body:] if isinstance(x, RawCell)), None)
            numbered = first is not None and bool(ROW_NUMBER.match(first.label))
            parse = cell_rows.Parse(width=width, header=[head[r * width:(r + 1) * width]
                                                         for r in range(rows)])
            grouper = ReferenceGrouper(items, facts, ReferenceHeader(labels), numbered)
            parse = grouper.group(body, parse)
            parse.folds += cell_headers.header_folds(items[start:body])
            score = reference_score(parse, numbered, weights)
            reading = (score, parse, body, None, width, rows)
            if rows > 1 and max((o.cells for o in parse.out
                                 if isinstance(o, cell_rows.Break)), default=0) > width:
                cell_choose.keep_reprinted(reprinted, reading)
            if best is None or score > best[0]:
                best = reading
    return cell_choose.whole_header(best, reprinted)[1] if best else None


@dataclass(slots=True)
class ReferenceRawCell:
    """``RawCell`` as it was: its lines a list of ``(number, text)`` tuples (``add``
    appends to it, as the reader did)."""

    lines: list[tuple[int, str]]
    blank_before: int = 0
    label: str = ""
    at: int = field(default=-1, compare=False, repr=False)
    kind: str | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.relabel()

    def add(self, number: int, text: str) -> None:
        self.lines.append((number, text))

    def relabel(self, weigh: bool = True) -> None:  # always weighed, as it was
        lines = self.lines
        first = lines[0][1]
        label = " ".join((first if len(lines) == 1 else " ".join(t for _, t in lines)).split())
        self.label = first if label == first else label
        self.kind = cell_evidence.kind_of(self.label)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_line(self) -> int:
        return self.lines[-1][0]

    @property
    def text(self) -> str:
        return "\n".join(x for _, x in self.lines)

    @property
    def last_text_line(self) -> int:
        filled = [n for n, t in self.lines if t.strip()]
        return filled[-1] if filled else self.lines[0][0]


class ReferenceFacts(cell_rows.Facts):
    """``Facts`` as it was: its answers in maps by cell index."""

    def __init__(self, cells) -> None:
        self.cells = cells
        self._run_map: dict[int, int] = {}
        self._open_map: dict[int, bool] = {}

    def label_run(self, at: int) -> int:
        run = self._run_map.get(at)
        if run is None:
            run = self._run_map[at] = cell_rows.label_run(self.cells, at)
        return run

    def opens_table(self, at: int) -> bool:
        if at not in self._open_map:
            self._open_map[at] = cell_rows.opens_table(self.cells, at)
        return self._open_map[at]


def _every_line(data: bytes, limits) -> tuple:
    """``decode_lines``' list, every line of the export at once, as one piece."""
    lines, warnings = decode_lines(data, limits)
    return iter([lines]), warnings


def _reference_paths(monkeypatch) -> None:
    monkeypatch.setattr(cells, "_read_cells", cells_reference.read_whole)  # the whole export split
    monkeypatch.setattr(csv_reader, "is_plain", lambda _data, _limits: False)  # text decoded
    monkeypatch.setattr(decode, "is_plain", lambda _data, _limits: False)  # by _decode
    monkeypatch.setattr(tabbed, "decode_pieces", _every_line)  # every line made first
    monkeypatch.setattr(markdown, "decode_lookahead", decode_lines)  # every line made first
    monkeypatch.setattr(cells_reference, "Facts", ReferenceFacts)
    split_cells = cells_reference.split_cells
    monkeypatch.setattr(cells_reference, "split_cells",
                        lambda lines, consume=False: split_cells(lines))
    parse_tabbed = tabbed.parse_tabbed_lines  # every line held to the end
    parse_markdown = markdown.parse_markdown
    monkeypatch.setattr(markdown, "parse_markdown",
                        lambda lines, consume=False: parse_markdown(lines))
    monkeypatch.setattr(tabbed, "parse_tabbed_lines",
                        lambda lines, consume=False: parse_tabbed(lines))
    for module in (cells, cells_reference, cell_rows, cell_headers, cell_items, cell_split):
        monkeypatch.setattr(module, "RawCell", ReferenceRawCell)
    monkeypatch.setattr(cells_reference, "choose", reference_choose)
    monkeypatch.setattr(cell_rows, "word_tuple", cell_labels.word_set)  # a set an answer
    monkeypatch.setattr(cells_reference, "homogeneity", reference_homogeneity)
    monkeypatch.setattr(cells_reference, "blank_agreement", reference_blank_agreement)
    monkeypatch.setattr(markdown, "inline_markdown", reference_inline_markdown)
    monkeypatch.setattr(parts, "collapse", reference_collapse)
    monkeypatch.setattr(parts, "split_inline_bullets", reference_split_inline_bullets)
    monkeypatch.setattr(cell_evidence, "_kind_of", lru_cache(maxsize=None)(reference_kind))
    for module in (cell_rows, cell_headers, cells, cell_labels):
        if hasattr(module, "is_label"):
            monkeypatch.setattr(module, "is_label", reference_is_label)


# --- the inputs ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample, a generated export of many plans in each text shape, and
    the family corpus' documents in the text formats."""
    import bench_text_plans
    from corpus.build import generate

    folder = tmp_path_factory.mktemp("text-exports")
    made = []
    for shape, suffix in bench_text_plans.SHAPES.items():
        for seed in (3, 5):
            text, _ = bench_text_plans.build(shape, 60_000, seed=seed)
            path = folder / f"{shape}-{seed}.{suffix}"
            path.write_text(text, encoding="utf-8")
            made.append(path)
    manifest = generate(folder / "corpus", 13, only=list(TEXT_SHAPES), per_format=3)
    corpus = [folder / "corpus" / "docs" / entry["file"] for entry in manifest]
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv"))
    return samples + made + corpus


def _read(path: Path):
    raw = read_document(path.read_bytes())
    return raw.source_format, raw.blocks, raw.warnings, raw.pages


def test_text_readers_give_what_the_reference_gives(inputs, monkeypatch):
    assert {"text-cells", "text-tabbed", "text-html", "text-markdown"} <= {
        _read(p)[0] for p in inputs}
    fast = [_read(p) for p in inputs]
    _reference_paths(monkeypatch)
    reference = [_read(p) for p in inputs]
    for path, got, expected in zip(inputs, fast, reference):
        assert got == expected, path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aA1. /-Jan2010ongoing\t\n")), max_size=70))
def test_label_tests_and_kinds_are_the_reference(text):
    assert cell_labels.is_label(text) == reference_is_label(text)
    assert bool(cell_labels.is_label(text)) == bool(reference_is_label(text))
    assert cell_evidence._kind_of(text) == reference_kind(text)
    assert cell_labels.word_set(text) == set(cell_labels.words(text))


def reference_inline_markdown(text: str) -> str:
    text = markdown._LINK.sub(r"\1", text)
    text = markdown._CODE.sub(r"\1", text)
    text = markdown._EMPHASIS.sub(r"\2", text)
    text = markdown._SINGLE_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return markdown._ESCAPE.sub(r"\1", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`[]()!\\#|.-")), max_size=40))
def test_inline_marks_are_removed_as_the_reference_removes_them(text):
    assert markdown.inline_markdown(text) == reference_inline_markdown(text)


def test_the_width_weights_come_from_settings():
    """``Settings.text_cells`` weighs the evidence: a reading with cells left over
    loses exactly ``left_penalty``."""
    from dataclasses import replace

    cell = cell_rows.RawCell(lines=[(1, "Action")])
    row = [cell_rows.RawCell(lines=[(2, "Do it")], blank_before=1),
           cell_rows.RawCell(lines=[(3, "HR")])]
    parse = cell_rows.Parse(width=2, header=[[cell, cell]], out=[row], left=[row[0]])
    whole = cell_rows.Parse(width=2, header=[[cell, cell]], out=[row])
    for weights in (DEFAULT.text_cells, replace(DEFAULT.text_cells, left_penalty=0.25)):
        lost = (cells_reference.grouped_score(whole, False, weights)[1]
                - cells_reference.grouped_score(parse, False, weights)[1])
        assert lost == pytest.approx(weights.left_penalty)
    doubled = replace(DEFAULT.text_cells, blank_weight=2 * DEFAULT.text_cells.blank_weight)
    score = cells_reference.grouped_score
    assert score(whole, False, doubled)[1] > score(whole, False, DEFAULT.text_cells)[1]


def reference_collapse(text: str) -> str:
    lines = [parts._WS.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def reference_split_inline_bullets(text: str) -> str:
    if lone_mark(text):  # a glyph alone is a mark, kept (session 25: a timeline's ticks)
        return text.strip()
    pieces = [p.strip() for p in parts._INLINE_BULLET.split(text)]
    return "\n".join(p for p in pieces if p)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\u00a0\u2003\u2028\x0c•▪➤\uf0b7■–-")),
               max_size=30))
def test_cell_text_is_collapsed_and_split_as_the_reference_does(text):
    assert parts.collapse(text) == reference_collapse(text)
    assert parts.split_inline_bullets(text) == reference_split_inline_bullets(text)


_CELL_TEXT = st.sampled_from(["", "1", "2.1", "Action", "Lead", "Lead officer", "Due",
                              "March 2011", "Agree the scheme with the board",
                              "lead", "Officer", "x" * 70, "Status", "ongoing"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL_TEXT, min_size=2, max_size=6), st.lists(_CELL_TEXT, max_size=30))
def test_header_repeats_and_column_kinds_are_the_reference(labels, texts):
    """The first label sought among the header's first two only, and kinds
    counted in one walk, change no repeat and no score."""
    made = [cell_rows.RawCell(lines=[(n, t)], blank_before=len(t) % 2)
            for n, t in enumerate(texts or ["x"])]
    fast, reference = cell_rows.Header(labels), ReferenceHeader(labels)
    for at in range(len(made)):
        assert fast.repeat_at(made, at) == reference.repeat_at(made, at)
    for width in (1, 2, 3, 5):
        rows = [made[i:i + width] for i in range(0, len(made) - width + 1, width)]
        assert cells_reference.homogeneity(rows) == reference_homogeneity(rows)
        assert cells_reference.blank_agreement(rows) == reference_blank_agreement(rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "  ", "Agree the plan", "with the board.",
                                          "- item", "• more", "April 2014", "began May"]),
                         min_size=1, max_size=4), min_size=1, max_size=6))
def test_remembered_cell_parts_are_the_parts_worked_out_afresh(cells_lines):
    """A cell printed again is the cell its lines give, not another cell's: the
    shared cell equals one made afresh from the lines."""
    from planextract.extract.model import Cell

    for lines in cells_lines + cells_lines:
        raw = "\n".join(lines)
        assert cells._shared_cell(raw) == Cell(parts=cells._cell_parts(tuple(lines)), raw=raw)
    cells._shared_cell.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 2**31), st.text(alphabet="ab 1.\t", max_size=8)),
                min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(1, 2**31), st.text(alphabet="ab 1.", max_size=8)),
                max_size=3),
       st.integers(0, 3), st.integers(-1, 2**31), st.integers(0, 3))
def test_a_raw_cell_reads_as_the_reference_one(lines, added, blanks, at, when):
    # the compact cell (its first line held in itself, its index in the same int)
    # against the list of tuples; the index set before, between or after the lines
    got, expected = cell_items.RawCell(list(lines), blanks), ReferenceRawCell(list(lines), blanks)
    assert got.at == -1
    for step, (number, text) in enumerate(added):
        if step == when:
            got.at = expected.at = at
        got.add(number, text)
        expected.add(number, text)
    if when >= len(added):
        got.at = expected.at = at
    got.relabel()
    expected.relabel()
    _same_cell(got, expected, blanks)
    assert got.at == at


def _same_cell(got, expected, blanks: int) -> None:
    assert (got.lines, got.label, got.kind, got.first_line, got.last_text_line,
            got.last_line, got.text) == (
        expected.lines, expected.label, expected.kind, expected.first_line,
        expected.last_text_line, expected.last_line, expected.text)
    assert repr(got) == repr(expected).replace("ReferenceRawCell", "RawCell")
    assert got == cell_items.RawCell(got.lines, blanks) and got != expected


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**6), st.lists(st.text(alphabet="ab 1.\t", max_size=8), min_size=1),
       st.lists(st.tuples(st.integers(-2, 3), st.text(alphabet="ab 1.", max_size=8)),
                max_size=8),
       st.integers(0, 3))
def test_a_raw_cell_read_line_after_line_reads_as_the_reference_one(first, texts, added,
                                                                     blanks):
    # lines added as the reader adds them (each the next line: kept as texts alone),
    # then lines numbered on, back or ahead (a lone line given back after blank
    # lines the cell holds: every line numbered from then on)
    lines = [(first + i, t) for i, t in enumerate(texts)]
    got, expected = cell_items.RawCell(lines[:1], blanks), ReferenceRawCell(lines[:1], blanks)
    for number, text in lines[1:]:
        got.add(number, text)
        expected.add(number, text)
    got.relabel()
    expected.relabel()
    _same_cell(got, expected, blanks)
    for step, text in added:
        number = expected.last_line + step
        got.add(number, text)
        expected.add(number, text)
        got.relabel()
        expected.relabel()
        _same_cell(got, expected, blanks)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Action", "Lead", "Due", "", "Review the policy", "2011",
                                 "1.1", "Status", "HR Manager"]), min_size=1, max_size=40),
       st.lists(st.integers(-2, 45), max_size=30))
def test_facts_kept_a_byte_a_cell_answer_as_the_maps_did(labels, asked):
    made = [cell_items.RawCell([(n + 1, t)]) for n, t in enumerate(labels)]
    fast, reference = cell_rows.Facts(made), ReferenceFacts(made)
    for at in [*asked, *asked]:  # each asked twice: worked out, then remembered
        assert fast.label_run(at) == reference.label_run(at)
        assert fast.opens_table(at) == reference.opens_table(at)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAgGoOiInN -.Jan2010\u0130\u0131\u212a\u0662"
                                             "\uff10\uff27\uff4f")), max_size=40))
def test_a_cell_ruled_out_as_a_date_without_the_search_is_no_date(text):
    """``_may_be_date`` (a digit, ``going``, or text not ASCII) spares the date
    search only where it finds nothing: ASCII and other scripts' digits and letters."""
    if not cell_evidence._may_be_date(text):
        assert not DATE_LIKE.search(text)
    assert cell_evidence._kind_of.__wrapped__(text) == reference_kind(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Lead", "lead officer", "Target/ date", "", "by", "HR",
                                 "Action", "  ", "Due Date", "officer"]), max_size=6),
       st.sampled_from(["Lead", "officer", "Lead Officer", "date", "target date", "HR lead",
                        "", "Action/Lead", "by when", "Due"]),
       st.integers(0, 3), st.one_of(st.none(), st.integers(0, 6)))
def test_a_cell_matches_a_header_label_by_its_words_as_with_sets(labels, text, after, before):
    # label_of asks the cell's words as a tuple (word_tuple) against each label's set:
    # the label it finds is the one the set of its words found
    header = cell_rows.Header(labels)
    cell = cell_items.RawCell([(1, text)])
    got = header.label_of(cell, after, before)
    norm = text.lower()
    expected = None
    if norm and len(norm) <= cell_labels.MAX_LABEL_CHARS:
        words = cell_labels.word_set(norm)
        end = len(header.labels) if before is None else min(before, len(header.labels))
        expected = next((i for i in range(after, end) if norm == header.labels[i]
                         or (words and words <= header.label_words[i])), None)
    assert got == expected
    assert cell_labels.word_tuple(text) == tuple(cell_labels.words(norm))


def test_tabbed_lines_consumed_read_as_kept():
    lines = ["Plan", "", "Action\tLead", "Do it\tHR", "--\t--", "", "Next\tCEO", "Title"]
    kept = list(lines)
    assert tabbed.parse_tabbed_lines(lines, consume=True) == tabbed.parse_tabbed_lines(kept)
    assert lines == [None] * len(kept)


def test_markdown_lines_consumed_read_as_kept():
    # pipe, grid, simple and multiline tables, headings and paragraphs: the lines let
    # go behind the reading give the same blocks, and all of them go
    lines = ["# Plan", "Intro text", "", "| Action | Lead |", "|---|---|", "| Do it | HR |",
             "", "+------+-----+", "| A    | B   |", "+======+=====+", "| x    | y   |",
             "+------+-----+", "", "Action  Lead", "------  ----", "Go      CEO", "",
             "-------------------", "Action    Lead", "--------  --------", "Run it    HR",
             "", "-------------------", "", "Title", "=====", "Last line"]
    kept = list(lines)
    assert markdown.parse_markdown(lines, consume=True) == markdown.parse_markdown(kept)
    assert all(line is None for line in lines[:-1])
