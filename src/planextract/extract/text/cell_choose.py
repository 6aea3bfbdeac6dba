"""The width of a one-cell-per-line table chosen by tallies, not by readings (issue 11).

Every width (and header of one or two rows) tried walks on until its own table ends,
and a wrong width walks on far past it (ten times the export's items in all, about
six widths a table): making each width's reading (a row list a row, its cells, folds
and headings) for the score alone was most of the reader's time. Here each width is
walked a row at a time, not a cell at a time, over facts worked out once a cell
(``Facts.places``, ``kinds``, ``blanks``): what can happen only at a row start (a
header repeated, the next header, a heading typed as a cell) is asked where a row
starts, the lone lines where a row ends, and nothing is asked in between (lone lines
inside a row are only more text of its cell). The score is counted from the rows'
starts over the kinds' and blank lines' bytes. The chosen width alone is then read
into its ``Parse`` by ``cell_rows.Grouper.group``, as every width was
(``cells_reference.grouped_choose``, which a test swaps in over whole exports).
"""

from __future__ import annotations

from collections.abc import Callable

from planextract.extract.text.cell_evidence import NUMBER_CODE, codes
from planextract.extract.text.cell_headers import first_cell, header_folds, headers
from planextract.extract.text.cell_items import Loose, Parse, RawCell
from planextract.extract.text.cell_labels import (
    MAX_LABEL_CHARS,
    ROW_NUMBER,
    is_heading_line,
    is_title,
    word_tuple,
)
from planextract.extract.text.cell_rows import Facts, Grouper, Header, unmarked
from planextract.settings import DEFAULT, TextCellSettings


def choose(items: list[RawCell | Loose], start: int, facts: Facts,
           weights: TextCellSettings = DEFAULT.text_cells) -> Parse | None:
    """The best reading of the table whose header starts at ``items[start]``
    (a cell), or None when no run of labels there makes a header; ``weights``
    (``Settings.text_cells``) weigh the evidence."""
    facts.place(items)
    best: tuple | None = None
    reprinted: dict[int, tuple] = {}  # by width: two-row readings whose page tops reprint both
    repeats: dict[tuple[str, str], dict[str, bool]] = {}
    for rows, width, head, labels, body in headers(items, start):
        first = first_cell(items, body)
        numbered = first is not None and bool(ROW_NUMBER.match(first.label))
        grouper = Grouper(items, facts, Header(labels), numbered)
        stop, left, starts, repeated, whole, longest = _walk(grouper, first, body, width,
                                                             repeats)
        if stop > facts.reach:
            facts.reach = stop
        score = _score(facts, starts, width, repeated, whole, left, numbered, rows, weights)
        reading = (score, grouper, head, body, width, rows)
        if rows > 1 and longest > width:
            keep_reprinted(reprinted, reading)
        if best is None or score > best[0]:
            best = reading
    if best is None:
        return None
    _, grouper, head, body, width, rows = whole_header(best, reprinted)
    parse = Parse(width=width, header=[head[r * width:(r + 1) * width] for r in range(rows)])
    parse = grouper.group(body, parse)
    parse.folds += header_folds(items[start:body])
    return parse


def _walk(grouper: Grouper, first: RawCell | None, body: int, width: int,
          memo: dict[tuple[str, str], dict[str, bool]]
          ) -> tuple[int, bool, list[int], int, bool, int]:
    """``grouper.group(body, ...)`` at ``width`` a row at a time, told as where it
    stops, whether cells are left in an unfinished row, the cells' indices where its
    rows start, how many cells its header's repeats dropped, whether one of them
    reprinted the header whole (``Header.reprints``) and the most one repeat dropped
    (``memo``: the widths' answers to ``_may_repeat``, by the header's first two
    labels)."""
    items, facts = grouper.items, grouper.facts
    starts: list[int] = []
    if first is None:  # lone lines alone to the end: nothing opens a table after them
        return len(items), False, starts, 0, False, 0
    cells, places = facts.cells, facts.places
    count = len(cells)
    at = first.at
    if places[at] > body and _ends_table(grouper, body, at):
        return places[at], False, starts, 0, False, 0
    header, numbered = grouper.header, grouper.numbered
    known, may_repeat = _may_repeat(header, memo)
    label_run, runs = facts.label_run, facts.runs
    settled = len(runs)
    repeated = longest = 0
    whole = False
    while at < count:
        label = cells[at].label
        if len(label) <= MAX_LABEL_CHARS:
            # (asked in this order of every row start: a repeat, then the next header)
            found = known.get(label)
            if (may_repeat(label) if found is None else found) \
                    and (repeat := header.repeat_at(cells, at)):
                repeated += repeat  # a page top: dropped, lone lines in it too
                longest = max(longest, repeat)
                whole = whole or header.reprints(cells, at, repeat)
                at += repeat
                if at < count and places[at] > places[at - 1] + 1 \
                        and _ends_table(grouper, places[at - 1] + 1, at):
                    return places[at], False, starts, repeated, whole, longest
                continue
            run = runs[at] - 1 if at < settled and runs[at] else label_run(at)
            if run > width and grouper.next_header(at, width):  # (which asks the run first)
                return places[at], False, starts, repeated, whole, longest
        if numbered and label and not ROW_NUMBER.match(label) and is_heading_line(label):
            at += 1  # a heading typed as a cell
        else:
            if at + width > count:  # the last row unfinished
                return len(items), True, starts, repeated, whole, longest
            starts.append(at)
            at += width
        # lone lines after a row (or what was dropped): a new table may start after them
        if at < count and places[at] > places[at - 1] + 1 \
                and _ends_table(grouper, places[at - 1] + 1, at):
            return places[at], False, starts, repeated, whole, longest
    return len(items), False, starts, repeated, whole, longest


def _may_repeat(header: Header, memo: dict[tuple[str, str], dict[str, bool]]
                ) -> tuple[dict[str, bool], Callable[[str], bool]]:
    """Whether a row starting with ``label`` may repeat ``header``: its first filled
    cell must name one of the header's first two labels (``Header.label_of``), so a
    filled cell naming neither opens no repeat; an empty one may when the header's
    first cell is empty. Asked at every row start of every width tried, and
    remembered (the map given with the function) in ``memo`` for the widths whose
    header starts with the same two labels (most of them)."""
    first, second = header.labels[0], header.labels[1]
    first_words, second_words = header.label_words[0], header.label_words[1]
    known = memo.setdefault((first, second), {})
    known[""] = header.first_empty

    def may_repeat(label: str) -> bool:
        norm = label.lower()
        words = word_tuple(label)
        found = known[label] = norm == first or norm == second or bool(words) and (
            first_words.issuperset(words) or second_words.issuperset(words))
        return found

    return known, may_repeat


def _ends_table(grouper: Grouper, begin: int, at: int) -> bool:
    """The lone lines from item ``begin`` to cell ``at``, at a row boundary, are
    followed by a new table (``Grouper.loose_run``'s answer when no row is open)."""
    if not grouper.facts.opens_table(at):
        return False
    run = grouper.items[begin:grouper.facts.places[at]]
    title = next((i for i, x in enumerate(run) if is_title(unmarked(x.text))), len(run))
    return grouper.new_table(at, run, title)


def _score(facts: Facts, starts: list[int], width: int, repeated: int, whole: bool,
           left: bool, numbered: bool, header_rows: int, weights: TextCellSettings) -> tuple:
    """``cells_reference.grouped_score`` of the rows starting at ``starts``, counted over bytes:
    the same counts, the same sums in the same order."""
    rows = len(starts)
    blank = homogeneity = numbers = 0.0
    if rows:
        first = starts[0]
        if starts[-1] - first == (rows - 1) * width:  # no row dropped between: one slice
            kinds = facts.kinds[first:first + rows * width]
            blanks = facts.blanks[first:first + rows * width]
        else:
            kinds = b"".join([facts.kinds[s:s + width] for s in starts])
            blanks = b"".join([facts.blanks[s:s + width] for s in starts])
        hits = blanks[::width].count(1)
        if hits:
            blank = 2 * hits / (2 * hits + rows - hits + blanks.count(1) - hits)
        # each column's commonest kind (0 in a column of empty cells); the filled
        # cells of every column together are every filled cell
        kept, same = codes(), 0
        for column in range(width):
            same += max(map(kinds[column::width].count, kept))
        filled = len(kinds) - kinds.count(0)
        homogeneity = (same / filled if filled else 0.0) * rows / (rows + 1)
        if numbered:
            numbers = kinds[::width].count(NUMBER_CODE) / rows
    evidence = (weights.blank_weight * blank + homogeneity + numbers
                + (weights.repeat_weight if whole else 0.0)
                - (weights.left_penalty if left else 0.0))
    return bool(rows), round(evidence, 9), repeated, header_rows, width


def keep_reprinted(reprinted: dict[int, tuple], reading: tuple) -> None:
    """Keep ``reading`` (score first, width fifth), a header of more than one row
    reprinted whole at a page top, when it scores best of those at its width."""
    width = reading[4]
    if width not in reprinted or reading[0] > reprinted[width][0]:
        reprinted[width] = reading


def whole_header(best: tuple, reprinted: dict[int, tuple]) -> tuple:
    """The reading to take: ``best``, unless it reads a header of one row at a width
    where a page top reprinted a header of two rows. An export reprints its header,
    not its rows, at a page top, so that second row is the header's (a merged top
    cell, ``Delivery``, over ``Owner`` and ``Due``), not the table's first row: read
    as a row, each later page top would keep it and start a table of its own."""
    if best[5] == 1 and best[4] in reprinted and reprinted[best[4]][0][0]:
        return reprinted[best[4]]
    return best
