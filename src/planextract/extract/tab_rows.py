"""Paragraphs typed with TABs, one after another, as a table: a key of abbreviations
typed with tabs in a Word or OpenDocument body. Two or more such paragraphs in a row
are a table, as in the text exports; one alone is text. Shared by the readers that
walk a word processor's body (``docx_reader``, ``odt_reader``)."""

from __future__ import annotations

from planextract.extract.model import Cell, Paragraph, Row, Table


class TabbedRun:
    """The TAB-separated paragraphs met since the last other block, handed to
    ``blocks`` when the run ends (``end``)."""

    def __init__(self, blocks: list[Paragraph | Table]) -> None:
        self.blocks = blocks
        self.held: list[tuple[Paragraph, list[str]]] = []

    def add(self, paragraph: Paragraph, cells: list[str]) -> None:
        self.held.append((paragraph, cells))

    def end(self) -> None:
        if len(self.held) >= 2:
            self.blocks.append(Table(rows=tuple(
                Row(cells=tuple(Cell(parts=(c,), raw=c) for c in cells),
                    page_start=paragraph.page, page_end=paragraph.page)
                for paragraph, cells in self.held)))
        else:
            self.blocks.extend(paragraph for paragraph, _ in self.held)
        self.held.clear()
