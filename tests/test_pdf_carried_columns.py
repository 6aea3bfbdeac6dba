"""A page holding the last row or two of an unruled table under its repeated
header shows too few lines for a narrow gutter to show, and a cell's words then
ran on into the next column (held-out ``pdf-plain``: ``... statements for Head of
Paramedic Education``). The column starts of the table the page before ended
with are starts on this page too where the header is printed again (each label
starting at one of them), a word of the table starts there and no word runs
across (``pdf.columns._carried``). Pages written here as printed words."""

from __future__ import annotations

from planextract.extract.pdf.page import Word
from planextract.extract.pdf.unruled import unruled_tables

SIZE = 9.0


def _line(top: float, *pieces: tuple[float, str], bold: bool = False) -> list[Word]:
    """Words of one printed line: each piece's words set from its x, 4.5 pt a
    character and a 2.5 pt space."""
    words = []
    for x, text in pieces:
        for word in text.split():
            words.append(Word(word, x, x + 4.5 * len(word), top, top + SIZE, SIZE, bold))
            x += 4.5 * len(word) + 2.5
    return words


def _justified(top: float, x0: float, x1: float, text: str) -> list[Word]:
    """A line of a cell set justified from ``x0`` to ``x1``: its word spaces
    stretched so its last word ends at ``x1``."""
    words = text.split()
    inked = 4.5 * sum(len(w) for w in words)
    space = (x1 - x0 - inked) / (len(words) - 1)
    out, x = [], x0
    for word in words:
        out.append(Word(word, x, x + 4.5 * len(word), top, top + SIZE, SIZE, False))
        x += 4.5 * len(word) + space
    return out


def _rows(words: list[list[Word]], previous: list[float] | None) -> list[list[str]]:
    tables = unruled_tables([w for line in words for w in line], [], previous)
    return [[" ".join(cell.split()) for cell in row] for row in tables[0].rows]


def test_a_last_row_under_a_repeated_header_keeps_the_page_befores_columns():
    starts = [40.0, 70.0, 330.0, 460.0]
    page = [
        _line(100, (40, "Ref"), (70, "Planned work"), (330, "Lead"), (460, "Due"), bold=True),
        # the first line's words fill the cell to 2 pt off the next column
        _line(115, (40, "7")) + _justified(115, 70, 328, "Fit a ramp and rails at the side"
                                                     " door of the old")
        + _line(115, (330, "Estates Manager"), (460, "May 2015")),
        _line(126, (70, "hall and at the front door of the new one")),
    ]
    assert "Estates Manager" in _rows(page, None)[1][1]  # the miss
    assert _rows(page, starts) == [
        ["Ref", "Planned work", "Lead", "Due"],
        ["7", "Fit a ramp and rails at the side door of the old hall and at the front "
              "door of the new one", "Estates Manager", "May 2015"],
    ]


def test_a_second_page_differing_in_all_but_the_rule():
    # five columns, the run-on into the fourth
    starts = [30.0, 60.0, 160.0, 400.0, 520.0]
    page = [
        _line(80, (30, "No"), (60, "Group"), (160, "Step"), (400, "Owner"), (520, "Date"),
              bold=True),
        _line(95, (30, "12"), (60, "Carers"))
        + _justified(95, 160, 398.5, "Open a drop-in at the library for carers each week of")
        + _line(95, (400, "Carers Lead"), (520, "2016")),
        _line(106, (160, "the school holidays")),
    ]
    assert "Carers Lead" in _rows(page, None)[1][2]  # the miss
    assert _rows(page, starts)[1] == [
        "12", "Carers", "Open a drop-in at the library for carers each week of the school "
        "holidays", "Carers Lead", "2016"]


def test_another_tables_columns_are_not_carried():
    # a table under another header: the page before's starts are not its columns
    starts = [40.0, 70.0, 330.0, 460.0]
    page = [
        _line(100, (40, "Risk"), (120, "Likelihood"), (260, "Mitigation"), bold=True),
        _line(115, (40, "Cuts"), (120, "High"), (260, "Seek partner funding at"),
              (330, "once")),
    ]
    rows = _rows(page, starts)
    assert len(rows[0]) == 3
