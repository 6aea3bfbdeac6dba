"""The CSV reader reading its records one at a time over the text's lines (issue 11)
against the code it replaced: every record parsed first, through ``io.StringIO``
(four bytes a character). Same records, line numbers, blocks, warnings and errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from text_exports import write_exports

from planextract.extract.errors import ReaderError
from planextract.extract.text import csv_reader
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def reference_records(text: str) -> list[tuple[int, int, list[str]]]:
    """``csv_reader._records`` as it was."""
    dialect = csv_reader._dialect(text)
    line = 0
    declared = csv_reader._SEP_LINE.match(text)
    if declared:
        text = text[declared.end():]
        line = 1
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    out = []
    offset = line
    for cells in reader:
        start = line + 1
        line = reader.line_num + offset
        out.append((start, line, cells))
    return out


def _outcome(read, *args):
    try:
        return read(*args)
    except (csv.Error, ReaderError) as err:
        return type(err).__name__, str(err)


_PIECES = st.sampled_from(["a", "B c", ",", ";", '"', '""', "\n", "\r", "\r\n", "\t", " ",
                           "\x0b", "\x85", "\u2028", "é", "1.1", "sep=;\n", "\ufeff", "\x00"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_records_and_lines_are_the_reference(text):
    assert list(csv_reader.physical_lines(text)) == list(io.StringIO(text, newline=""))
    assert _outcome(lambda t: list(csv_reader._records(t)), text) == \
        _outcome(reference_records, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(0, 9))
def test_records_read_a_piece_at_a_time_are_the_reference(text, chunk):
    # the text cut into pieces of a few characters (each just after a line feed:
    # never inside a line or a \r\n) reads as the whole text
    start = 0 if not text.startswith("sep=") else len(text.split("\n", 1)[0]) + 1
    pieces = csv_reader._chunks(text, start, chunk)
    assert "".join(pieces) == text[start:]
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert _outcome(lambda t: list(csv_reader._records(t, chunk)), text) == \
        _outcome(reference_records, text)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("csv")
    made = [p for p in write_exports(folder, 40_000, seed=7) if p.suffix == ".csv"]
    texts = [p.read_bytes() for p in made + sorted((ROOT / "samples").glob("*.csv"))]
    broken = texts[0] + b'\n"' + b"x" * 200_000 + b'"\n'  # a field past csv's limit, at the end
    return [*texts, broken, b"sep=;\r\nNo;Action;Lead\r\n1;Agree;HR\r\n", b"", b"\n\n"]


@pytest.mark.parametrize("limit", [10**6, 3])
def test_whole_reads_are_the_reference(inputs, monkeypatch, limit):
    from dataclasses import replace

    settings_ = replace(DEFAULT, limits=replace(DEFAULT.limits, max_table_rows=limit))
    fast = [_outcome(csv_reader.read_csv, data, "csv", settings_) for data in inputs]
    monkeypatch.setattr(csv_reader, "_records", reference_records)
    reference = [_outcome(csv_reader.read_csv, data, "csv", settings_) for data in inputs]
    assert fast == reference
    assert any(isinstance(r, tuple) for r in reference)  # the broken file fails both ways


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(0, 9),
       st.sampled_from([5, 1 << 16]))
def test_records_read_from_the_bytes_are_the_texts(text, chunk, sample):
    """``_records_of_bytes`` (the bytes decoded a piece at a time, the dialect from a
    head of at most 4 bytes a character) reads as ``_records`` on the whole text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_reader, "_SAMPLE_CHARS", sample)
        assert _outcome(lambda d: list(csv_reader._records_of_bytes(d, chunk)),
                        text.encode("utf-8")) == \
            _outcome(lambda t: list(csv_reader._records(t, chunk)), text)


def test_whole_reads_after_the_sniff_are_the_texts(inputs, monkeypatch):
    """A file the sniff found to be its UTF-8 as it stands is read from its bytes;
    every input reads as when it is decoded whole (``is_plain`` swapped out)."""
    from planextract.extract import registry
    from planextract.extract.text import decode

    from_bytes = []
    records_of_bytes = csv_reader._records_of_bytes
    monkeypatch.setattr(csv_reader, "_records_of_bytes",
                        lambda data: from_bytes.append(data) or records_of_bytes(data))

    def read(data: bytes):
        try:
            registry._choose(data, DEFAULT.limits)  # remembers the bytes as plain UTF-8
        except ReaderError:
            pass
        try:
            return _outcome(csv_reader.read_csv, data, "csv", DEFAULT)
        finally:
            decode.forget()

    fast = [read(data) for data in inputs]
    assert len(from_bytes) >= len(inputs) - 3  # all but the empty ones and the sep= file
    monkeypatch.setattr(csv_reader, "is_plain", lambda _data, _limits: False)
    # and decode() itself decodes again (its own shortcut for plain bytes off): the
    # path as it was before the bytes were read in pieces
    monkeypatch.setattr(decode, "is_plain", lambda _data, _limits: False)
    assert [read(data) for data in inputs] == fast
    assert any(isinstance(r, tuple) for r in fast)  # the broken file fails both ways
