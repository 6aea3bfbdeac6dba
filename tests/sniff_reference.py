"""The text sniff as it was before ``SniffLines`` (issue 11): every kept line made
into one list, each detector asked about the whole list. Kept as the reference the
windowed sniff (``registry.TEXT_FORMATS`` over ``SniffLines``) must agree with."""

from __future__ import annotations

from test_decode_lines import reference_lines_of

from planextract.extract.labelled_lines import looks_labelled
from planextract.extract.registry import (
    _HTML_CELL,
    _HTML_ROW,
    _HTML_START,
    _HTML_TABLE,
    _MD_HEADING,
)
from planextract.extract.sniff_lines import _CELL_START
from planextract.extract.text.csv_reader import looks_like_csv


def kept_lines(text: str) -> list[str]:
    # the lines as the reader made them before pieces (``lines_of`` is now
    # ``text_pieces`` joined whenever a text holds a carriage return)
    return [ln for ln in reference_lines_of(text) if ln.strip() or "\t" in ln]


def cell_lines(lines: list[str]) -> tuple[int, int]:
    cells = rows = 0
    for ln in lines:
        tabs = ln.count("\t")
        if tabs == 1:
            if _CELL_START.match(ln):
                cells += 1
            else:
                rows += 1
        elif tabs:
            rows += 1
    return cells, rows


def is_html(lines: list[str]) -> bool:
    text = "\n".join(lines)
    if _HTML_START.match(text):
        return True
    if not (_HTML_TABLE.search(text) and _HTML_CELL.search(text)):
        return False
    return cell_lines(lines)[1] < max(2, len(_HTML_ROW.findall(text)))


def has_pipe_table(lines: list[str]) -> bool:
    from planextract.extract.text import markdown, pandoc_tables

    last = len(lines) - 1
    return any(markdown._starts_table(lines, i) or markdown._starts_grid(lines, i)
               for i in range(len(lines) - 1)) or any(
        (i < last and pandoc_tables.starts_multiline(lines, i))
        or (1 <= i and pandoc_tables.starts_simple(lines, i - 1))
        for i, line in enumerate(lines) if "---" in line)


def is_text_cells(lines: list[str]) -> bool:
    cells, rows = cell_lines(lines)
    return cells >= 6 and cells > rows


def is_text_html(lines: list[str]) -> bool:
    return cell_lines(lines)[1] >= 2 and any(_MD_HEADING.match(ln) for ln in lines)


def is_text_tabbed(lines: list[str]) -> bool:
    return cell_lines(lines)[1] >= 2


DETECTORS = {"html": is_html, "text-markdown": has_pipe_table, "text-cells": is_text_cells,
             "text-html": is_text_html, "text-tabbed": is_text_tabbed, "csv": looks_like_csv,
             "text-plain": looks_labelled}


def answers(text: str) -> dict[str, bool]:
    """Every text detector's answer on ``text``'s kept lines, made into one list."""
    lines = kept_lines(text)
    return {name: detect(lines) for name, detect in DETECTORS.items()}
