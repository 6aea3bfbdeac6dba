"""Decoding's line passes without a list of every line (issue 11) say what the
references say: ``lines_of`` a piece at a time against the whole text's endings
replaced and split, ``has_long_line`` against every line measured."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract.text import decode, line_pieces

_TEXT = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\r", "\t", "é", "’"]),
                max_size=60)


def reference_lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def reference_cut_long_lines(text: str, limit: int) -> tuple[str, list[str]]:
    """``_cut_long_lines`` as it was: every line measured in a list."""
    lines = text.split("\n")
    if all(len(line) <= limit for line in lines):
        return text, []
    warnings = []
    for i, line in enumerate(lines):
        if len(line) > limit:
            warnings.append(f"line {i + 1}: {len(line)} characters, cut to {limit} "
                            "(--max-line-chars)")
            lines[i] = line[:limit]
    return "\n".join(lines), warnings


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 8))
def test_lines_a_piece_at_a_time_are_the_whole_texts(text, piece):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        assert decode.lines_of(text) == reference_lines_of(text)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 12))
def test_long_lines_found_and_cut_as_when_every_line_was_measured(text, limit):
    assert decode.has_long_line(text, limit) == any(
        len(line) > limit for line in text.split("\n"))
    assert decode._cut_long_lines(text, limit) == reference_cut_long_lines(text, limit)


def test_a_file_of_carriage_returns_reads_as_before():
    text = ("Action\tLead\r\n" * 30_000) + "last\r" + "\r\n\n" + "x" * 10
    assert decode.lines_of(text) == reference_lines_of(text)


_BYTES = st.one_of(
    _TEXT.map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from([b"a", b"\n", b"\r", b"\t", "é".encode(), b"\x00", b"\xe9",
                              b"\xef\xbb\xbf", b"\xff\xfe"]), max_size=40).map(b"".join))


@settings(max_examples=500, deadline=None)
@given(_BYTES, st.integers(0, 8))
def test_pieces_of_lines_are_decode_lines(data, piece):
    """``decode_pieces`` (the bytes decoded a piece at a time when decoding changes
    nothing) gives ``decode_lines``' lines and warnings, whatever the piece size, for
    UTF-8 with ``\\r``, wide characters, controls, stray bytes and byte-order marks."""
    if not data.strip():
        return
    try:
        expected = decode.decode_lines(data, decode.DEFAULT.limits)
    except decode.ReaderError:
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        pieces, warnings = line_pieces.decode_pieces(data, decode.DEFAULT.limits)
        got = [line for lines in pieces for line in lines]
    assert (got, warnings) == expected
    assert not decode._decode.cache_info().currsize  # the text let go either way


def test_a_clean_utf8_export_is_read_in_pieces():
    data = ("\tAction\r\n\tLead é\n" * 5000).encode()
    pieces, warnings = line_pieces.decode_pieces(data, decode.DEFAULT.limits)
    pieces = list(pieces)
    assert not warnings and len(pieces) > 1
    assert [line for lines in pieces for line in lines] == decode.lines_of(data.decode())


def _fresh(data: bytes, limits) -> tuple:
    """What decoding gives with nothing remembered."""
    decode.forget()
    try:
        return (decode.decode(data, limits), decode.decode(data),
                decode.decode_lines(data, limits))
    finally:
        decode.forget()


@settings(max_examples=500, deadline=None)
@given(_BYTES, st.integers(0, 8))
def test_sniffed_lines_and_what_is_decoded_after_them_are_as_before(data, piece):
    """``sniff_lines`` (the text let go first when decoding changes nothing) gives
    the lines the sniff filtered from the whole text; after it, ``decode`` (with the
    limits, and without: the sniff's), ``decode_lines`` and ``decode_pieces`` give
    what they give with nothing remembered."""
    limits = decode.DEFAULT.limits
    try:
        expected = _fresh(data, limits)
    except decode.ReaderError:
        return
    text = expected[0][0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        sniffed = line_pieces.sniff_lines(data, limits)
        kept = [ln for ln in decode.lines_of(text) if ln.strip() or "\t" in ln]
        assert list(sniffed) == kept and "".join(sniffed.chunks()) == text
        assert sniffed.text == text and list(sniffed.pieces()) == [  # none empty
            p for p in sniffed.pieces() if p]
        got = (decode.decode(data, limits), decode.decode(data))
        assert got == expected[:2]
        assert decode.decode_lines(data, limits) == expected[2]
        line_pieces.sniff_lines(data, limits)
        pieces, warnings = line_pieces.decode_pieces(data, limits)
        assert ([ln for p in pieces for ln in p], warnings) == expected[2]
    decode.forget()
