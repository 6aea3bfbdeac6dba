"""Decoding text exports: bytes to clean text, whatever encoding wrote them.

Order of the rules, and why:

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32, either byte order);
2. without one, UTF-16/32 show themselves by zero bytes at every other (or
   three of four) positions, as English text has mostly ASCII letters;
3. else UTF-8, when the file holds at least as many valid multi-byte UTF-8
   characters as bytes that are not UTF-8: the few stray bytes (a Windows-1252
   dash pasted into a UTF-8 file) are read as Windows-1252 where they stand,
   never a reason to re-decode the whole file in another encoding;
4. else a single-byte encoding chosen by charset-normalizer among the ones
   plan exports are written in (Windows-1252, Latin-1, Mac Roman); where its
   guess is Mac Roman but the text reads as well in Windows-1252 (no more
   implausible characters: a letter standing alone like a dash, a capital
   inside a small-letter word, a control character), Windows-1252 wins: it is
   what Windows office software writes, and curly quotes, dashes, bullets and
   the pound sign are everyday plan text in its 0x80-0x9F range (``single_byte``);

then mojibake (UTF-8 read as Windows-1252 by an earlier program: ``â€™``) is
repaired with ftfy on the lines that show it, control characters and NULs are
dropped, and lines longer than ``Limits.max_line_chars`` are cut (before ftfy
looks at them). Every repair
is a warning naming where it happened.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import AnyStr

from planextract.extract.errors import ReaderError
from planextract.extract.text import mojibake_hint
from planextract.extract.text.single_byte import single_byte
from planextract.settings import DEFAULT, Limits

BINARY_MESSAGE = ("binary content that is not a PDF or Word file; "
                  "export the plan as .docx, .pdf or text and try again")

_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# the single-byte encodings office software on Windows and Mac writes plain text in
# C0 controls but TAB, LF, CR; DEL; C1 controls: never text in a plan
_CONTROLS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")
_BINARY_SHARE = 0.05  # more control characters than this share of the text: not text
_SAMPLE = 1 << 16  # bytes looked at to recognise UTF-16/32 without a BOM
_FIX = dict(unescape_html=False, fix_line_breaks=False, uncurl_quotes=False,
            fix_latin_ligatures=False, fix_character_width=False,
            normalization=None, remove_control_chars=False, explain=False)


def _stray_as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: each byte that is not UTF-8 read as Windows-1252
    (undefined ones as U+FFFD), where it stands."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("planextract-stray-cp1252", _stray_as_cp1252)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, recognised by where the zero bytes sit."""
    sample = data[:_SAMPLE]
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(sample) < 2 * width:  # an odd last byte (a cut file) is replaced, not a veto
            continue
        units = len(sample) // width
        whole = sample[:units * width]
        zeros = [whole[pos::width].count(0) / units for pos in range(width)]
        little = zeros[0] < 0.5 and all(z > 0.9 for z in zeros[1:]) if width == 4 else \
            zeros[0] < 0.1 and zeros[1] > 0.5
        big = zeros[-1] < 0.5 and all(z > 0.9 for z in zeros[:-1]) if width == 4 else \
            zeros[1] < 0.1 and zeros[0] > 0.5
        if little != big:
            return names[0] if little else names[1]
    return None


def _line_numbers(text: str, positions: list[int], most: int = 5) -> str:
    lines = sorted({text.count("\n", 0, p) + 1 for p in positions})
    shown = ", ".join(str(n) for n in lines[:most])
    return shown + (f" and {len(lines) - most} more" if len(lines) > most else "")


def _utf8_or_none(data: bytes, always: bool = False) -> tuple[str, list[str]] | None:
    """UTF-8 with stray bytes read where they stand, or None when the file is
    mostly not UTF-8 (unless ``always``: a UTF-8 byte-order mark says it is)."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    marked = data.decode("utf-8", errors="replace")
    invalid = marked.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(map(len, re.findall("[^\x00-\x7f\ufffd]+", marked)))
    if valid < max(invalid, 1) and not always:
        return None
    text = data.decode("utf-8", errors="planextract-stray-cp1252")
    positions = [m.start() for m in re.finditer("\ufffd", marked)]
    return text, [f"{invalid} byte(s) not valid UTF-8, read as Windows-1252 where they stand "
                  f"(line {_line_numbers(marked, positions)})"]


def _raw_decode(data: bytes) -> tuple[str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom) and encoding == "utf-8":  # stray bytes read where they stand
            return _utf8_or_none(data[len(bom):], always=True)
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            bad = text.count("\ufffd")
            return text, [f"{bad} invalid {encoding} sequence(s) replaced"] if bad else []
    wide = _wide_encoding(data)
    if wide:
        text = data.decode(wide, errors="replace")
        bad = text.count("\ufffd")
        return text, [f"decoded as {wide.upper()} (no byte-order mark)"] + (
            [f"{bad} invalid {wide} sequence(s) replaced"] if bad else [])
    head = data[:4096]
    if head.count(0) > _BINARY_SHARE * len(head):  # not text, whatever the encoding
        raise ReaderError(BINARY_MESSAGE)
    return _utf8_or_none(data) or single_byte(data)


def _repair_mojibake(text: str) -> tuple[str, list[str]]:
    """ftfy on the lines that look broken; mojibake is never pure ASCII, and
    ftfy's test is only run on the others (it costs ~0.3 us a character).

    Only the lines holding a character ftfy's test needs (``mojibake_hint``, else
    any past ASCII) are cut out of the text, each found by a search from the end of
    the last: the text split into every line was 2.7 times a 10 MB export beside
    the text (issue 11). The text is joined again only around the lines repaired,
    and a line's number is counted only when it is repaired."""
    if text.isascii():
        return text, []
    # imported here (~80 ms with wcwidth): an ASCII plan never needs it, and the fork
    # server preloads it when the inputs are not ASCII (pipeline.preload)
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(**_FIX)
    # every character of the hint is past ASCII: a line with none is never flagged
    could_be = mojibake_hint.hint() or _NOT_ASCII
    pieces: list[str] = []  # the text up to the last line repaired, and its repairs
    kept = 0  # where the text after the last line repaired starts
    fixed: list[int] = []
    number, counted = 1, 0  # the line number of text[counted]
    found = could_be.search(text)
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        if is_bad(line):
            repaired = ftfy.fix_text(line, config)
            # a repair that makes a control character is no repair: text holds none
            # (``b"\xac\xe7"``, "¬ç" in Windows-1252, "repaired" to U+008D)
            if repaired != line and not _CONTROLS.search(repaired):
                number += text.count("\n", counted, start)
                counted = start
                fixed.append(number)
                pieces += [text[kept:start], repaired]
                kept = end
        found = could_be.search(text, end + 1)
    if not fixed:
        return text, []
    pieces.append(text[kept:])
    shown = ", ".join(str(n) for n in fixed[:5]) + (" ..." if len(fixed) > 5 else "")
    return "".join(pieces), [f"mojibake repaired on {len(fixed)} line(s) (line {shown})"]


def _drop_controls(text: str) -> tuple[str, list[str]]:
    found = _CONTROLS.findall(text)
    if not found:
        return text, []
    if len(found) > _BINARY_SHARE * len(text):
        raise ReaderError(BINARY_MESSAGE)
    nuls = found.count("\x00")
    # a form feed or vertical tab separates words; the rest are noise
    text = _CONTROLS.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)
    what = f"{len(found)} control character(s)" + (f" ({nuls} NUL)" if nuls else "")
    return text, [f"{what} dropped"]


def _cut_lines(text: str, limit: int) -> tuple[str, list[str]]:
    """The first ``limit`` lines: a million short rows cost a reader minutes."""
    total = text.count("\n") + (not text.endswith("\n"))
    if total <= limit:
        return text, []
    kept = "\n".join(text.split("\n", limit)[:limit])
    return kept, [f"{total:,} lines, only the first {limit:,} read (--max-lines)"]


def _cut_long_lines(text: str, limit: int) -> tuple[str, list[str]]:
    if not has_long_line(text, limit):  # most files: no list of every line made
        return text, []
    lines = text.split("\n")
    warnings = []
    for i, line in enumerate(lines):
        if len(line) > limit:
            warnings.append(f"line {i + 1}: {len(line)} characters, cut to {limit} "
                            "(--max-line-chars)")
            lines[i] = line[:limit]
    return "\n".join(lines), warnings


def has_long_line(text: str, limit: int) -> bool:
    """A line (``text`` split at line feeds) longer than ``limit`` characters: found
    by windows of ``limit + 1`` characters, each searched backwards for a line feed
    (the text split into a list of lines to measure them was twice a 10 MB export,
    issue 11)."""
    start = 0
    while len(text) - start > limit:
        feed = text.rfind("\n", start, start + limit + 1)
        if feed < 0:
            return True  # the line from ``start`` runs past the window
        start = feed + 1
    return False


@lru_cache(maxsize=1)
def _decode(data: bytes, limits: Limits) -> tuple[str, tuple[str, ...]]:
    text, warnings = _raw_decode(data)
    text, more = _drop_controls(text)
    warnings += more
    text, more = _cut_lines(text, limits.max_lines)
    warnings += more
    text, more = _cut_long_lines(text, limits.max_line_chars)
    warnings += more
    text, more = _repair_mojibake(text)
    return text, tuple(warnings + more)


_last: list = [None, DEFAULT.limits]  # the bytes last decoded with explicit limits, and those
# the bytes (and limits) found to decode to their UTF-8 as it stands, once their text is
# let go (``line_pieces.sniff_lines``): decoding them again is that alone
_plain: list = [None, None]


def unchanged(data: bytes, warnings: list[str]) -> bool:
    """Decoding ``data`` gave its UTF-8 as it stands: no byte-order mark (one is
    dropped, and names the encoding), no warning (every other change warns)."""
    return not warnings and not data.startswith(tuple(bom for bom, _ in _BOMS))


def mark_plain(data: bytes, limits: Limits) -> None:
    """``data`` decodes to its UTF-8 with ``limits``: its text is let go and, when
    asked again, is ``data.decode("utf-8")`` with no repair looked for."""
    forget()
    _last[:] = [data, limits]
    _plain[:] = [data, limits]


def is_plain(data: bytes, limits: Limits | None) -> bool:
    return _plain[0] is data and _plain[1] == (_last[1] if limits is None else limits)


def decode(data: bytes, limits: Limits | None = None) -> tuple[str, list[str]]:
    """The text of a text export and the warnings about what was repaired.
    Raises ReaderError when the bytes are not text. The last file's answer is
    kept, as the registry and then the reader both decode it; a reader that
    passes no limits gets those the registry used for the same bytes."""
    if is_plain(data, limits):
        return data.decode("utf-8"), []
    if limits is None:
        limits = _last[1] if _last[0] is data else DEFAULT.limits
    else:
        _last[:] = [data, limits]
    text, warnings = _decode(data, limits)
    return text, list(warnings)


def forget() -> None:
    """Let go of the last file's text once it is read: kept, it stayed in memory
    all through normalising (twice the input for non-ASCII UTF-8)."""
    _decode.cache_clear()
    _last[:] = [None, DEFAULT.limits]
    _plain[:] = [None, None]


_PIECE_CHARS = 1 << 16  # characters (or bytes) of a text made into lines at a time


def cut_after_feeds(whole: AnyStr) -> Iterator[tuple[AnyStr, bool]]:
    """``whole`` (a text or its bytes) in slices of at least ``_PIECE_CHARS``, each
    but the last cut just after a line feed (no ``\r\n`` cut in two; in UTF-8 a
    line feed is a byte of its own): ``(slice, is_last)``."""
    feed = "\n" if isinstance(whole, str) else b"\n"
    start = 0
    while True:
        cut = whole.find(feed, start + _PIECE_CHARS)  # type: ignore[arg-type]
        if cut < 0:
            yield whole[start:], True
            return
        yield whole[start:cut + 1], False
        start = cut + 1


def piece_lines(piece: str, last: bool) -> list[str]:
    """A slice's lines without their endings: the empty string after a slice's closing
    line feed dropped, but for the last slice (a final line feed's empty last line)."""
    if "\r" in piece:
        piece = piece.replace("\r\n", "\n").replace("\r", "\n")
    lines = piece.split("\n")
    if not last:
        lines.pop()
    return lines


def text_pieces(text: str) -> Iterator[list[str]]:
    """``lines_of(text)`` a piece at a time: a reader of pieces never holds every line
    (the sniff, issue 11)."""
    for piece, last in cut_after_feeds(text):
        yield piece_lines(piece, last)


def lines_of(text: str) -> list[str]:
    """Lines without their endings; line N of the file is element N-1.

    A text with carriage returns is split a piece at a time (``text_pieces``): the
    whole text copied with its endings replaced was twice a 10 MB export beside the
    text and its lines (issue 11)."""
    if "\r" not in text:
        return text.split("\n")
    lines: list[str] = []
    for piece in text_pieces(text):
        lines += piece
    return lines


def decode_lines(data: bytes, limits: Limits | None = None) -> tuple[list[str], list[str]]:
    """``decode`` as lines, the whole text let go (``forget``) once split: a reader
    that works line by line holds one copy of the file, not two."""
    if is_plain(data, limits):  # its lines from the bytes: no text beside them
        from planextract.extract.text.line_pieces import utf8_pieces

        lines = [line for piece in utf8_pieces(data) for line in piece]
        forget()
        return lines, []
    text, warnings = decode(data, limits)
    lines = lines_of(text)
    del text
    forget()
    return lines, warnings

