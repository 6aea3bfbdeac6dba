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


class PieceLines:
    """``decode_lines``' list for a reader that looks ahead from the line it reads
    and never back: lines are read from the pieces as they are indexed, and those
    before ``let_go``'s line are dropped (markdown's tables look ahead without a
    bound; the export's every line was held at the read's start, issue 11)."""

    __slots__ = ("_pieces", "_held", "_start", "_count")

    def __init__(self, pieces: Iterator[list[str]], count: int) -> None:
        self._pieces = pieces
        self._held: list[str] = []  # lines from ``_start`` on
        self._start = 0
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> str:
        at = index - self._start
        if at < 0:
            raise IndexError(f"line {index + 1} was let go")
        while at >= len(self._held):
            piece = next(self._pieces, None)
            if piece is None:
                raise IndexError(index)
            self._held += piece
        return self._held[at]

    def let_go(self, index: int) -> None:
        """Drop the lines before ``index`` (a few thousand at a time)."""
        if index - self._start >= _LET_GO:
            del self._held[:index - self._start]
            self._start = index


_LET_GO = 4096  # lines dropped at a time


def decode_lookahead(data: bytes, limits: Limits | None = None
                     ) -> tuple[PieceLines | list[str], list[str]]:
    """``decode_lines``' lines and warnings: a ``PieceLines`` over the bytes when
    decoding changed nothing, else the list. Its length is counted in the bytes
    (each ``\r\n``, lone ``\r`` and lone ``\n`` ends a line)."""
    if not is_plain(data, limits):
        text, warnings = decode(data, limits)
        plain = unchanged(data, warnings)
        del text
        if not plain:
            return decode_lines(data, limits)
    _decoding.forget()
    count = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
    return PieceLines(utf8_pieces(data), count), []
