"""The markdown reader over ``PieceLines`` (its lines read from the bytes a piece at
a time as the parse reaches them, those behind it let go: issue 11) reads as over
``decode_lines``' list of every line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract.text import decode, line_pieces, markdown

_LINE = st.sampled_from([
    "", " ", "# Plan", "## Aim", "Some text", "| a | b |", "|---|---|", "| x | y |",
    "| 1 | Agree the plan |", "+---+---+", "| c | d |", "+===+===+", "-" * 12,
    "Action   Owner", "------   -----", "Do it    HR", "Title", "=====", "---",
    "caf\u00e9 \u2013 \u00a3", "a\tb"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from([0, 1, 7, 40, 1 << 16]), st.sampled_from([1, 3, 4096]))
def test_markdown_over_pieces_is_over_every_line(lines, ending, piece, let_go):
    text = ending.join(lines)
    data = text.encode("utf-8")
    expected = markdown.parse_markdown(decode.lines_of(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        patch.setattr(line_pieces, "_LET_GO", let_go)
        decode.mark_plain(data, decode.DEFAULT.limits)
        got, warnings = line_pieces.decode_lookahead(data, decode.DEFAULT.limits)
        assert isinstance(got, line_pieces.PieceLines) and not warnings
        assert len(got) == len(decode.lines_of(text))
        assert markdown.parse_markdown(got, consume=True) == expected
    decode.forget()


def test_lines_behind_are_let_go_and_not_asked_again():
    text = "".join(f"| {i} | Agree |\n|---|---|\n| a | b |\n\nPara {i}\n" for i in range(3000))
    data = text.encode("utf-8")
    decode.mark_plain(data, decode.DEFAULT.limits)
    lines, _ = line_pieces.decode_lookahead(data, decode.DEFAULT.limits)
    decode.forget()
    assert markdown.parse_markdown(lines, consume=True) == markdown.parse_markdown(
        decode.lines_of(text))
    assert len(lines._held) < len(lines) / 2  # the parse held a part of the lines
    with pytest.raises(IndexError):
        lines[0]


def test_an_export_decoding_changes_is_the_list():
    data = b"\xef\xbb\xbf# Plan\n| a | b |\n|---|---|\n"  # a byte-order mark: dropped
    got, warnings = line_pieces.decode_lookahead(data, decode.DEFAULT.limits)
    assert (got, warnings) == decode.decode_lines(data, decode.DEFAULT.limits)
    decode.forget()
