"""Reader for text exports that print one table cell per line (``text-cells``).

Each cell opens with a line starting with a TAB (after optional spaces) and
runs on over the following lines. Cells are grouped into rows by the width of
the first header; a row starts at a cell holding only a row number when the
plan numbers its rows. Repeated (possibly broken) header cells between rows
are page tops: they are dropped and mark a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.extract.html_fragments import plain
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.text.decode import decode, lines_of
from planextract.settings import DEFAULT, Settings

CELL_START = re.compile(r"^ *\t")
_ROW_NUMBER = re.compile(r"^\s*[A-Za-z]?\s?\d{1,3}(?:[.\s]\d{1,2})?\.?\s*$")
_BULLET = re.compile(r"^\s*(?:[-•▪●◦‣∙]|\u2013)\s+")


@dataclass
class _RawCell:
    lines: list[tuple[int, str]]

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_text_line(self) -> int:
        filled = [n for n, t in self.lines if t.strip()]
        return filled[-1] if filled else self.lines[0][0]

    @property
    def label(self) -> str:
        return " ".join(" ".join(t for _, t in self.lines).split())


def _cell_text(lines: list[str]) -> str:
    """Lines of a cell as text: a line starting in lower case continues the
    line before it (a sentence broken by a page break); bullet glyphs go."""
    out: list[str] = []
    for line in lines:
        text = plain(line)
        if not text:
            continue
        text = _BULLET.sub("", text)
        if out and text[:1].islower():
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return "\n".join(out)


def _split_cells(lines: list[str]) -> tuple[list[Paragraph], list[_RawCell]]:
    paragraphs: list[Paragraph] = []
    cells: list[_RawCell] = []
    for index, line in enumerate(lines):
        number = index + 1
        if CELL_START.match(line):
            cells.append(_RawCell(lines=[(number, line.split("\t", 1)[1])]))
        elif cells:
            cells[-1].lines.append((number, line))
        elif line.strip():
            paragraphs.append(Paragraph(text=plain(line), line=number))
    return paragraphs, cells


def _header_labels(labels: list[str]) -> set[str]:
    words = set()
    for label in labels:
        norm = label.lower()
        words.add(norm)
        words.update(w for w in re.split(r"[\s/]+", norm) if w)
    return words


def _looks_like_header(cell: _RawCell, labels: set[str]) -> bool:
    norm = cell.label.lower()
    if not norm:
        return True
    return norm in labels or all(w in labels for w in re.split(r"[\s/]+", norm) if w)


def read_cells(data: bytes, source_format: str = "text-cells",
               settings: Settings = DEFAULT) -> RawDocument:
    text, warnings = decode(data)
    paragraphs, cells = _split_cells(lines_of(text))
    first_row = next((i for i, c in enumerate(cells) if _ROW_NUMBER.match(c.label)), None)
    if first_row is None or first_row == 0:
        return RawDocument(source_format="text-cells", blocks=list(paragraphs),
                           warnings=warnings + ["no header row followed by numbered rows"])
    header = cells[:first_row]
    width = len(header)
    labels = _header_labels([c.label for c in header])
    rows: list[Row] = [Row(cells=tuple(Cell(parts=(c.label,), raw=c.label) for c in header),
                           line_start=header[0].first_line, line_end=header[-1].last_text_line)]
    current: list[_RawCell] = []
    after_break = False
    skipped: list[_RawCell] = []
    for cell in cells[first_row:]:
        if not current:
            if not _ROW_NUMBER.match(cell.label):
                if _looks_like_header(cell, labels):
                    after_break = True
                else:
                    skipped.append(cell)
                continue
        current.append(cell)
        if len(current) == width:
            rows.append(Row(
                cells=tuple(Cell(parts=(t,) if (t := _cell_text([x for _, x in c.lines])) else (),
                                 raw="\n".join(x for _, x in c.lines)) for c in current),
                line_start=current[0].first_line,
                line_end=current[-1].last_text_line,
                after_break=after_break,
            ))
            current = []
            after_break = False
    if current:
        warnings.append(f"line {current[0].first_line}: last row has {len(current)} of "
                        f"{width} cells")
    for cell in skipped:
        warnings.append(f"line {cell.first_line}: cell outside any row skipped: "
                        f"{cell.label[:60]!r}")
    blocks: list[Paragraph | Table] = [*paragraphs, Table(rows=tuple(rows))]
    return RawDocument(source_format="text-cells", blocks=blocks, warnings=warnings)
