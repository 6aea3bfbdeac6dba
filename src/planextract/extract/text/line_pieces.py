"""A text export's lines from its bytes a piece at a time, when decoding changes
nothing (issue 11).

Most exports are UTF-8 that decoding leaves as it stands: their lines are the bytes'
lines, decoded a 64 k piece at a time, so the decoded text (twice the export when a
character is not ASCII) and all its lines (2.7 times a 10 MB text-cells export) are
never held at once. Sniffing weighs them a piece at a time (``sniff_lines``, a
``SniffLines``); the text-cells reader splits them a stretch at a time
(``decode_pieces``); the other readers get the list (``decode.decode_lines``). Any
other export is decoded whole, as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from planextract.extract.sniff_lines import SniffLines
from planextract.extract.text import decode as _decoding
from planextract.extract.text.decode import (
    cut_after_feeds,
    decode,
    decode_lines,
    is_plain,
    mark_plain,
    piece_lines,
    unchanged,
)
from planextract.settings import Limits


def sniff_lines(data: bytes, limits: Limits) -> SniffLines:
    """The lines sniffing weighs (each not blank or holding a TAB: an empty cell), made
    a piece at a time as each detector asks. When decoding changed nothing the text is
    let go first and the pieces are read from the bytes (the text and every line were
    5.2 times a 10 MB export, the read's high-water)."""
    text, warnings = decode(data, limits)
    if not unchanged(data, warnings):
        return SniffLines(text=text)
    del text
    mark_plain(data, limits)
    return SniffLines(data=data)


def decode_pieces(data: bytes, limits: Limits | None = None
                  ) -> tuple[Iterator[list[str]], list[str]]:
    """``decode_lines``' lines a piece at a time, and the warnings: read from the
    bytes as they are asked for when decoding changed nothing, else ``decode_lines``'
    lines as one piece."""
    if not is_plain(data, limits):
        text, warnings = decode(data, limits)
        if not unchanged(data, warnings):
            del text
            lines, warnings = decode_lines(data, limits)
            return iter([lines]), warnings
        del text
    _decoding.forget()
    return utf8_pieces(data), []


def utf8_pieces(data: bytes) -> Iterator[list[str]]:
    """``lines_of(data.decode("utf-8"))`` in pieces of about ``decode._PIECE_CHARS``
    bytes, each cut just after a line feed (a character of its own in UTF-8)."""
    for piece, last in cut_after_feeds(data):
        yield piece_lines(piece.decode("utf-8"), last)


def each_line(pieces: Iterator[list[str]]) -> Iterator[str]:
    """The lines of ``pieces`` in order, each let go from its piece once given (a
    piece that is every line, ``decode_lines``' list, is not held whole to the end)."""
    for piece in pieces:
        for index, line in enumerate(piece):
            piece[index] = None  # type: ignore[call-overload]
            yield line
