"""A plan's key of abbreviations typed as lines: ``ABBR  expansion``.

Word users type a key with a TAB between the abbreviation and its expansion
(the Word reader makes such paragraphs a two-column table); text exports and
web pages print the same key with a wide gap instead: two or more spaces, or
non-breaking spaces. Readers keep that gap, which collapsing whitespace would
lose: three or more such lines in a row become a two-column table, so the
normaliser reads the key whatever the format. Fewer stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.extract.block_pack import PackedBlocks, held
from planextract.extract.model import Cell, Paragraph, Row, Table

_CAPITAL = re.compile(r"[A-Z]")
_GAP_LINE = re.compile(r"^\s*(?P<abbr>\S+?):?(?:\t+|[ \u00a0]{2,}|\u00a0)\s*"
                       r"(?P<expansion>\S.*?)\s*$")
MAX_ABBREVIATION_CHARS = 12
MIN_KEY_LINES = 3  # the normaliser reads a key of three entries or more


@dataclass(frozen=True)
class KeyLine:
    """A paragraph that may be a line of the key; never leaves a reader."""

    paragraph: Paragraph
    abbreviation: str
    expansion: str


def key_pair(raw: str) -> tuple[str, str] | None:
    """(abbreviation, expansion) when ``raw`` reads as a key line: one short
    word with two capitals or more (``ACO``, ``T&DM``, ``DoF``), a wide gap,
    then words."""
    match = _GAP_LINE.match(raw)
    if not match:
        return None
    abbreviation, expansion = match.group("abbr"), " ".join(match.group("expansion").split())
    if (len(abbreviation) > MAX_ABBREVIATION_CHARS
            or len(_CAPITAL.findall(abbreviation)) < 2
            or abbreviation.endswith(".") or not expansion[:1].isalpha()):
        return None
    return abbreviation, expansion


def key_line(raw: str, paragraph: Paragraph) -> Paragraph | KeyLine:
    """``paragraph`` (made from ``raw``), marked when it may be a key line."""
    pair = key_pair(raw)
    return KeyLine(paragraph, *pair) if pair and not paragraph.level else paragraph


def settle(blocks: list | PackedBlocks) -> list[Paragraph | Table] | PackedBlocks:
    """Runs of three or more key lines become a two-column table; shorter
    runs are their paragraphs again. ``PackedBlocks`` give ``PackedBlocks``, their
    tables kept packed."""
    out: list[Paragraph | Table] | PackedBlocks = (
        PackedBlocks() if isinstance(blocks, PackedBlocks) else [])
    run: list[KeyLine] = []

    def close() -> None:
        if len(run) >= MIN_KEY_LINES:
            out.append(Table(rows=tuple(
                Row(cells=(Cell(parts=(k.abbreviation,), raw=k.abbreviation),
                           Cell(parts=(k.expansion,), raw=k.expansion)),
                    line_start=k.paragraph.line, line_end=k.paragraph.line) for k in run)))
        else:
            for k in run:
                out.append(k.paragraph)
        run.clear()

    for block in held(blocks):
        if isinstance(block, KeyLine):
            run.append(block)
            continue
        close()
        out.append(block)
    close()
    return out
