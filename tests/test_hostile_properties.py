"""Property tests (hypothesis): for any input, every text reader and the
normaliser give rows that pass the schema validator or raise the project's own
error; the normaliser never loses a cell's words; each normaliser step keeps
its contract for any cell text."""

from __future__ import annotations

import re
from datetime import date

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planextract.extract.errors import ReaderError
from planextract.extract.registry import TEXT_FORMATS, _load, read_document
from planextract.extract.text.decode import decode
from planextract.normalise import dates, numbering, owners, strands
from planextract.normalise.document import normalise
from planextract.schema.canonical import DUE_KINDS, SCHEMAS
from planextract.schema.validate import validate

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# what plan cells print: words, numbers, dates, owners, HTML, bullets, odd bytes
_PIECES = ["1.", "1. 1", "2.3", "A 1", "March 09", "31.3.11", "On-going", "HR ACO", "T&D",
           "<p>", "</p>", "<ul><li>", "&amp;", "•", "-", "/", "Action", "Lead", "Outcome",
           "Due", "Owner", "\t", "\n", " ", "\r\n", "Race", "Gender", "Q3 2012", "2015", "é",
           "<script>", "&#0;", "\u200b", "\ufeff", "|", ":---", "#", "*"]
cell_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12).map(
    "".join)
any_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=80).map(
    "".join)


def _tables(doc, source: str = "t.txt") -> None:
    """The normalised document as the four tables, each through the validator."""
    rows = [{"doc_id": "0" * 16, "source": source, "source_format": "text-tabbed",
             "organisation": doc.organisation, "plan_title": doc.plan_title, **a}
            for a in doc.actions]
    for name, records in (("actions", rows),):
        schema = SCHEMAS[name]
        columns = {f.name: [r.get(f.name) for r in records] for f in schema}
        columns["extra"] = [list(m.items()) for m in columns["extra"]]
        validate(name, pa.table(columns, schema=schema))


def _read_normalise_validate(data: bytes) -> None:
    try:
        raw = read_document(data)
    except ReaderError:
        return
    _tables(normalise(raw))


@FAST
@given(any_text, st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_any_text_gives_valid_rows_or_a_reader_error(text, encoding):
    _read_normalise_validate(text.encode(encoding, errors="replace"))


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_give_valid_rows_or_a_reader_error(data):
    _read_normalise_validate(data)


@FAST
@given(any_text, st.sampled_from(TEXT_FORMATS))
def test_every_text_reader_on_any_text(text, fmt):
    """Each text reader called directly, whatever its detector says."""
    read = _load(fmt.reader)
    try:
        raw = read(text.encode(), fmt.name)
    except ReaderError:
        return
    _tables(normalise(raw))


_WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
          "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"]
word_cell = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=4).map(" ".join)
HEADER = ["Ref", "Action", "Lead", "Timescale", "Comments"]


def _said(doc) -> set[str]:
    """Every word the normalised document gives: its actions' fields, ``extra`` and
    its warnings."""
    said = " ".join(doc.warnings)
    for action in doc.actions:
        for value in action.to_row().values():
            if isinstance(value, dict):
                said += " " + " ".join(f"{k} {v}" for k, v in value.items())
            elif isinstance(value, list):
                said += " " + " ".join(map(str, value))
            elif value is not None:
                said += " " + str(value)
    return set(re.findall(r"[a-z]+", said.lower()))


ref_cell = st.one_of(st.integers(1, 9).map(str), st.just(""), st.sampled_from(["1.", "-", "*"]))


@FAST
@given(st.lists(st.tuples(ref_cell, word_cell, word_cell, word_cell, word_cell),
                min_size=1, max_size=12))
def test_the_normaliser_never_loses_a_cells_words(rows):
    """Every word of every cell of every row is in some field of some action, in
    ``extra`` or in a warning: a row whose action cell is empty (a number, an owner,
    a date with no action) or that continues the row above included."""
    lines = ["Plan of work", "\t".join(HEADER)]
    lines += [f"{ref}{'.' + str(n) if ref.isdigit() else ''}\t{a}\t{b}\t{c}\t{d}"
              for n, (ref, a, b, c, d) in enumerate(rows, 1)]
    doc = normalise(read_document(("\n".join(lines) + "\n").encode()))
    lost = {w for row in rows for cell in row[1:] for w in cell.split()} - _said(doc)
    assert not lost, f"words of cells found nowhere in the output: {sorted(lost)}"


def test_a_row_with_no_action_text_is_a_warning_with_every_cell():
    text = ("Plan of work\nRef\tAction\tLead\tTimescale\tComments\n"
            "1.1\tTrain staff\tHR Manager\tMarch 2012\t\n"
            "1.2\t\tFinance Director\tJune 2012\tawaiting budget\n"
            "1.3\tPublish the report\tCE\t2013\t\n")
    doc = normalise(read_document(text.encode()))
    assert [a.action for a in doc.actions] == ["Train staff", "Publish the report"]
    (warning,) = [w for w in doc.warnings if "no action text" in w]
    assert warning.startswith("line 4: ")
    for printed in ("Ref: 1.2", "Lead: Finance Director", "Timescale: June 2012",
                    "Comments: awaiting budget"):
        assert printed in warning
    assert "Train staff" not in warning and "CE" not in warning


def test_a_number_printed_alone_is_a_warning_not_a_lost_row():
    text = ("Plan\nAction\tLead\tDue\n1.1 Train staff\tHR\t2012\n2.1 Audit sites\tCE\t2013\n"
            "2.2\tHead of Estates\t2014\n2.3 Report\tCE\t2015\n")
    doc = normalise(read_document(text.encode()))
    assert "Head of Estates" not in " ".join(a.owners_raw or "" for a in doc.actions)
    assert any("no action text" in w and "Head of Estates" in w and "2014" in w
               for w in doc.warnings), doc.warnings


@FAST
@given(cell_text)
def test_due_dates_keep_their_contract(text):
    due = dates.parse_due(text)
    assert due.kind in DUE_KINDS
    if due.kind in ("ongoing", "unknown", "none"):
        assert due.due_date is None
    if due.due_date is not None:
        assert isinstance(due.due_date, date)
        assert due.kind in ("date", "range", "multiple")
    if due.due_start is not None and due.due_date is not None:
        assert due.due_start <= due.due_date
    if not text.strip():
        assert due.kind == "none"


@FAST
@given(cell_text)
def test_numbers_normalise_to_no_spaces(text):
    normalised = numbering.normalise_id(text)
    assert not re.search(r"\s", normalised)
    split = numbering.split_leading(text)
    assert isinstance(split.text, str)


strand_cell = st.lists(st.sampled_from(["Race", "gender", "Faith", "LGBT", "Age", "Carers",
                                        "Pregnancy & Maternity", "/", ",", " and ", "all"]),
                       max_size=6).map("".join)


@FAST
@given(st.one_of(strand_cell, cell_text))
def test_strands_are_title_cased_names(text):
    """Any cell, numbers and punctuation included: every strand is a name that
    starts with a capital letter, once."""
    found, _fuzzy = strands.map_strands(text)
    assert all(s and s == s.strip() and s[0].isalpha() and s[0] == s[0].upper()
               for s in found), found
    assert len(found) == len(set(found))


def test_a_piece_with_no_letter_is_no_strand():
    assert strands.map_strands("1.") == ([], False)
    assert strands.map_strands("-") == ([], False)
    assert strands.map_strands("2. Race / - / (Age)")[0] == ["Race", "Age"]
    assert strands.map_strands("Carers*, 3")[0] == ["Carers"]


@FAST
@given(st.lists(st.one_of(st.none(), cell_text), max_size=8))
def test_owners_resolve_one_row_per_cell_and_no_empty_role(cells):
    resolution = owners.resolve(cells, {})
    assert len(resolution.rows) == len(cells)
    assert all(r.mentions >= 1 for r in resolution.roles)
    for cell, row in zip(cells, resolution.rows):
        assert all(o and o == o.strip() for o in row.owners), row.owners
        if cell is None or not cell.strip():
            assert row.owners == [] and row.people == []


@FAST
@given(st.binary(max_size=3000))
def test_decode_returns_text_without_controls_or_raises(data):
    try:
        text, warnings = decode(data)
    except ReaderError:
        return
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
    assert all(isinstance(w, str) for w in warnings)
