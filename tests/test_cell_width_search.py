"""The one-cell-per-line reader's width search (``cell_choose.choose``) against the
search as it was (``reference_choose``: every row start asked for a repeat and
the next header, the rest of the file copied to find the first row, the score as
``reference_score`` counts it), on made-up sequences of cells and lone lines:
every start, every field of the reading chosen. Whole exports are compared in
``test_text_read_equivalence``; this one is there for the next change to the
search (issue 11: the widths tried are most of this reader's time)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_text_read_equivalence import ReferenceFacts, reference_choose

from planextract.extract.text import cell_choose, cell_rows
from planextract.extract.text.cell_items import Loose, RawCell

# labels of known columns, a merged (empty) cell, row numbers, dates, owners,
# statuses, headings typed as cells, long text, and a label broken in two
_TEXTS = ["Action", "Lead", "Due", "Date", "Status", "Ref", "", "", "1", "2.1", "3",
          "March 2011", "On-going", "HR Manager", "Lead officer", "Complete",
          "SECTION 2: STAFF", "OBJECTIVE ONE", "Agree the scheme with the board",
          "Review the policy and report on progress to the equality board " * 2,
          "Responsible", "Officer", "Target", "date", "x" * 61]
_LOOSE = ["Theme 1: Access", "More of the cell above.", "Target", "Table 2",
          "PART TWO OF PLAN", "lower case more", "#  Heading"]


def _items(spec: list[tuple[int, int, int]]) -> list[RawCell | Loose]:
    """Cells and lone lines from (kind, text, blanks): kind 0 a lone line."""
    items: list[RawCell | Loose] = []
    for number, (kind, text, blanks) in enumerate(spec, start=1):
        if kind == 0:
            items.append(Loose(number=number, text=_LOOSE[text % len(_LOOSE)],
                               blank_before=blanks))
        else:
            items.append(RawCell([(number, _TEXTS[text % len(_TEXTS)])], blank_before=blanks))
    at = 0
    for item in items:
        if isinstance(item, RawCell):
            item.at, at = at, at + 1
    return items


def _fields(parse) -> object:
    if parse is None:
        return None
    return (parse.width, parse.header, parse.out, parse.left, parse.stop, parse.folds,
            parse.last_row)


_SPEC = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 60), st.integers(0, 2)),
                 min_size=1, max_size=90)


@settings(max_examples=400, deadline=None)
@given(_SPEC)
def test_the_width_chosen_is_the_reference_search_s(spec):
    """Same reading at every cell as the reference search read it."""
    items = _items(spec)
    cells = [x for x in items if isinstance(x, RawCell)]
    facts, reference = cell_rows.Facts(cells), ReferenceFacts(cells)
    for start, item in enumerate(items):
        if isinstance(item, RawCell):
            assert _fields(cell_choose.choose(items, start, facts)) == _fields(
                reference_choose(items, start, reference))
