"""A text export's lines from its bytes a piece at a time, when decoding changes
nothing (issue 11).

Most exports are UTF-8 that decoding leaves as it stands: their lines are the bytes'
lines, decoded a 64 k piece at a time, so the decoded text (twice the export when a
character is not ASCII) and all its lines (2.7 times a 10 MB text-cells export) are
never held at once. Sniffing weighs every line (``sniff_lines``); the text-cells reader
splits them a stretch at a time (``decode_pieces``); the other readers get the list
(``decode.decode_lines``). Any other export is decoded whole, as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from planextract.extract.text import decode as _decoding
from planextract.extract.text.decode import (
    decode,
    decode_lines,
    is_plain,
    lines_of,
    mark_plain,
    unchanged,
)
from planextract.settings import Limits


def sniff_lines(data: bytes, limits: Limits) -> list[str]:
    """The lines sniffing weighs: each not blank or holding a TAB (an empty cell).
    When decoding changed nothing, the text is let go before they are made (the
    text and every line were 5.2 times a 10 MB export, the read's high-water)."""
    text, warnings = decode(data, limits)
    if not unchanged(data, warnings):
        return [ln for ln in lines_of(text) if ln.strip() or "\t" in ln]
    del text
    mark_plain(data, limits)
    return [ln for piece in utf8_pieces(data) for ln in piece if ln.strip() or "\t" in ln]


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
    bytes, each cut just after a line feed (a character of its own in UTF-8; no
    ``\r\n`` cut in two)."""
    size = _decoding._PIECE_CHARS
    start = 0
    while True:
        cut = data.find(b"\n", start + size)
        if cut < 0:  # the last piece: its last line (empty after a final line feed) kept
            yield _newlines(data[start:].decode("utf-8")).split("\n")
            return
        piece = _newlines(data[start:cut + 1].decode("utf-8")).split("\n")
        piece.pop()  # the empty string after the piece's closing line feed
        yield piece
        start = cut + 1


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
