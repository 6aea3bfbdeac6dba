"""Where the rows and tables of a one-cell-per-line export start.

The export prints every cell on a line of its own: nothing marks where a row
ends. Each possible header (one or two rows of 2 to 20 short labels, empty
cells allowed: an unnamed number column, a merged top cell) is read on, and
the evidence for its width summed:

- blank lines: most exports print one before each row, few inside a row
  (F1 of "blank line before" against "row starts here", counted twice);
- number tokens and dates: in rows of the right width the cells of a column
  are alike (numbers under numbers, dates under dates), and a numbered table's
  rows open with numbers;
- the header seen again at a page top (a reading too narrow finds a prefix of
  it too, so it counts once, not by its size: a table that ends early under
  the right width must not lose to a reading run on into the next table);
- cells left in an unfinished last row count against a reading, without
  ruling it out: a row the export cut short must not hand the table to a
  smaller width that happens to fill whole rows.

A table ends where lines standing alone at a row boundary are followed by a
row of known column labels (a title, then the next table's header), or where
a run of labels longer than a row opens one. Other lone lines are headings
when they read as one, else more text of the cell above.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache

from planextract.extract.model import Paragraph
from planextract.extract.parts import plain
from planextract.extract.text.cell_evidence import kind_code
from planextract.extract.text.cell_headers import MAX_HEADER_CELLS
from planextract.extract.text.cell_items import Break, Loose, Parse, RawCell
from planextract.extract.text.cell_labels import (
    ANSWERS_KEPT,
    MAX_LABEL_CHARS,
    ROW_NUMBER,
    is_heading_line,
    is_label,
    is_title,
    word_set,
    word_tuple,
)
from planextract.lexicon.column_roles import is_header_row, role_of

# a row number: "1", "12", "1.1", "A 1", "1000.1" -- a bare year is a date, not one
HEADING_LEVEL = 2  # a heading between rows titles part of the plan, below its title
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")


class Header:
    """The table's own header labels (every header row, in order), to
    recognise their repeats."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = [label.lower() for label in labels]
        self.label_words = [word_set(label) for label in self.labels]
        self.first_empty = bool(self.labels) and not self.labels[0]
        self.filled = sum(1 for label in self.labels if label)  # asked at every row start

    def label_of(self, cell: RawCell, after: int, before: int | None = None) -> int | None:
        """The index of the header label ``cell`` repeats (whole, or a piece
        of a label broken over two cells), at or after ``after`` and before
        ``before`` (all the labels when None)."""
        norm = cell.label.lower()
        if not norm or len(norm) > MAX_LABEL_CHARS:
            return None
        cell_words = word_tuple(cell.label)  # every word in a label's: a piece of it
        end = len(self.labels) if before is None else min(before, len(self.labels))
        for index in range(after, end):
            if norm == self.labels[index] or (
                    cell_words and self.label_words[index].issuperset(cell_words)):
                return index
        return None

    def repeat_at(self, cells: list[RawCell], start: int) -> int:
        """How many cells from ``start`` repeat the header (0 when none): two
        or more labels in the header's order, the first one of its first two,
        empty cells between them; text longer than a label never is one."""
        if start >= len(cells):
            return 0
        first = cells[start].label
        if not first:
            if not self.first_empty:
                return 0
        elif len(first) > MAX_LABEL_CHARS:  # lower case is never shorter: no label
            return 0
        end, matched, at = start, 0, 0
        for index in range(start, min(len(cells), start + len(self.labels) + 2)):
            cell = cells[index]
            if not cell.label:
                continue
            # the first label must be one of the header's first two: a cell naming
            # none of them ends the repeat whichever later label it names
            label = self.label_of(cell, at, 2 if matched == 0 else None)
            if label is None or (matched == 0 and label > 1):
                break
            matched += 1
            at = label + 1
            end = index + 1
        if matched < min(2, self.filled):
            return 0
        if matched == self.filled:  # the whole header repeated: its empty cells after the last
            while end < len(cells) and not cells[end].label and end - start < len(self.labels):
                end += 1
        return end - start


    def reprints(self, cells: list[RawCell], start: int, count: int) -> bool:
        """The repeat of ``count`` cells from ``start`` (``repeat_at``) names every
        filled label of the header: a page top reprints its header whole, so only a
        whole one is evidence for the reading (a broken one, ``Ref``, ``Lead`` under
        ``Ref``, ``Actions``, ``Lead officer``, is still dropped). A reading two rows
        wide otherwise took the next table's header (``Aim``, ``Ref``, ``Action owner``,
        no ``Responsibility``) for its own page top and outscored the right one."""
        return sum(1 for cell in cells[start:start + count] if cell.label) == self.filled


def label_run(cells: list[RawCell], start: int) -> int:
    """How many cells from ``start`` are labels or empty (at most a header's)."""
    count = 0
    for cell in cells[start:start + MAX_HEADER_CELLS]:
        if cell.label and not is_label(cell.label):
            break
        count += 1
    return count


def opens_table(cells: list[RawCell], start: int) -> bool:
    """The cells from ``start`` open a table: a run of short labels naming
    at least two known columns (``Action``, ``Lead``, ``Due``, ...)."""
    return _header_row(tuple(c.label for c in cells[start:start + label_run(cells, start)]))


@lru_cache(maxsize=ANSWERS_KEPT)
def _header_row(labels: tuple[str, ...]) -> bool:
    """``is_header_row``, once per run of labels: naming a column costs ~1 ms."""
    return is_header_row(list(labels))


@lru_cache(maxsize=ANSWERS_KEPT)
def _role(label: str) -> str:
    return role_of(label)


def forget() -> None:
    """Empty the remembered header runs and roles once an export is read: kept,
    their labels stayed in memory while it was normalised (issue 11)."""
    _header_row.cache_clear()
    _role.cache_clear()


class Facts:
    """What each cell position shows whatever the width (its run of labels,
    whether a table opens there), worked out once for all the readings tried.

    Kept a byte a cell, by the cell's index (0: not worked out yet): a map from
    index to answer held an entry and an index object for each of an export's
    cells, 0.6 times a 1 MB export (issue 11). A position past the last cell is
    worked out each time it is asked (there is no cell to keep it by).

    ``reach``: the furthest item a reading's walk stopped at since the reader set
    it (``cell_choose.choose`` moves it on): a reader holding a stretch of the export
    takes a reading only when every walk stopped well inside it (``cell_stretch``)."""

    reach = 0

    def __init__(self, cells: list[RawCell]) -> None:
        self.cells = cells
        self._runs = bytearray(len(cells))  # the run plus one (a run is <= MAX_HEADER_CELLS)
        self._opens = bytearray(len(cells))  # 1: no table opens here, 2: one does
        # for the widths' tallies (``cell_choose``), by the cell's index: the index of
        # its item, its kind's code and whether a blank line comes before it
        self.places = array("q")
        self.kinds = bytearray()
        self.blanks = bytearray()

    def place(self, items: list) -> None:
        """The cells' places, kinds and blank lines, for every cell of ``items`` not
        placed yet (``cell_stretch`` places each cell as it adds it)."""
        if len(self.places) == len(self.cells):
            return
        start = self.places[-1] + 1 if self.places else 0
        for index in range(start, len(items)):
            item = items[index]
            if item is not None and not isinstance(item, Loose):
                self.add_place(index, item)

    def add_place(self, index: int, cell: RawCell) -> None:
        """``cell``, the next cell, is item ``index``."""
        self.places.append(index)
        self.kinds.append(kind_code(cell.kind))
        self.blanks.append(1 if cell.blank_before else 0)

    @property
    def runs(self) -> bytearray:
        """The runs worked out, by index, each plus one (0: not yet)."""
        return self._runs

    def label_run(self, at: int) -> int:
        if not 0 <= at < len(self._runs):
            return label_run(self.cells, at)
        run = self._runs[at]
        if not run:
            run = self._runs[at] = label_run(self.cells, at) + 1
        return run - 1

    def opens_table(self, at: int) -> bool:
        if not 0 <= at < len(self._opens):
            return opens_table(self.cells, at)
        opens = self._opens[at]
        if not opens:
            opens = self._opens[at] = 2 if opens_table(self.cells, at) else 1
        return opens == 2


def unmarked(text: str) -> str:
    """A lone line's plain text, a Markdown heading's marks dropped."""
    return plain(_HEADING_MARK.sub("", text))


class Grouper:
    """Groups the items after a header into rows of ``width`` cells."""

    def __init__(self, items: list[RawCell | Loose], facts: Facts,
                 header: Header, numbered: bool) -> None:
        self.items, self.facts, self.cells = items, facts, facts.cells
        self.header, self.numbered = header, numbered

    def loose_run(self, parse: Parse, current: list[RawCell], run: list[Loose],
                  next_item: int) -> bool:
        """Place lines standing alone; True when a new table starts after them."""
        if current:  # inside a row: more text of the cell above
            parse.folds += [(current[-1], loose) for loose in run]
            return False
        target = parse.last_row[-1] if parse.last_row else parse.header[-1][-1]
        at = self.items[next_item].at if next_item < len(self.items) else None
        title = next((i for i, x in enumerate(run) if is_title(unmarked(x.text))), len(run))
        if at is not None and self.facts.opens_table(at) and self.new_table(at, run, title):
            # a new table: its title lines are paragraphs, lines before them end the cell
            parse.folds += [(target, loose) for loose in run[:title]]
            parse.out += [Paragraph(text=unmarked(x.text), line=x.number) for x in run[title:]]
            return True
        first = next((i for i, x in enumerate(run) if is_heading_line(unmarked(x.text))), len(run))
        parse.folds += [(target, loose) for loose in run[:first]]
        parse.out += [Paragraph(text=unmarked(x.text), line=x.number, level=HEADING_LEVEL)
                      for x in run[first:]]
        return False

    def new_table(self, at: int, run: list[Loose], title: int) -> bool:
        """After lone lines, the labels at ``at`` open a new table: another
        header; or this one again under a title line, unless the row after it
        carries on a sentence (small letters after empty cells: a row cut by a
        page break, so the lines before were the end of a cell, not a title)."""
        repeat = self.header.repeat_at(self.cells, at)
        if not repeat:
            return True
        if title == len(run):
            return False
        following = next((c.label for c in self.cells[at + repeat:at + repeat + 8] if c.label), "")
        return any(is_heading_line(unmarked(x.text)) for x in run) or not following[:1].islower()

    def next_header(self, at: int, width: int) -> bool:
        """A run of labels longer than a row, opening a table, starts at this
        row start: the next table's header. A row of it opening with a label
        naming no column (a key's term: ``Green``, ``Objective met`` under
        ``Status``, ``Meaning``) is still a row of this table when the labels
        after it open the next; a header whose first label names a column
        (``Planned activity``) is the next table's however unknown a later
        label of it is (``Delivery``, merged over two columns). A key's row opens
        with its term: a row whose first cell is empty (a plan header's unnamed
        number column, then ``Proposal``, a label the vocabulary lacks) is no row of
        a key; nor is a row naming the action column (``Nr``, ``Delivery actions``):
        a key's meanings say how an action stands (``At risk``), never what it is.
        Nor is a row the export does not end where it ends its rows (``_ends_row``)."""
        if at == 0 or self.facts.label_run(at) <= width or not self.facts.opens_table(at):
            return False
        first = self.cells[at].label
        return not (first and _role(first) == "extra" and self.facts.opens_table(at + width)
                    and all(_role(c.label) != "action" for c in self.cells[at + 1:at + width]
                            if c.label)
                    and self._ends_row(at, width))

    def _ends_row(self, at: int, width: int) -> bool:
        """Whether the export ends a row ``width`` cells after ``at`` as it ends its
        rows: a blank line before the next cell where one stands before this row
        (``Proposal`` / ``Who and when`` run on into ``''`` / ``Achieved so far``
        with no blank line: two labels of a longer header, not a key's row)."""
        after = at + width
        return (after >= len(self.cells) or self.cells[after].blank_before
                or not self.cells[at].blank_before)

    def group(self, start: int, parse: Parse) -> Parse:
        current: list[RawCell] = []
        skip_until = -1
        index = start
        width = parse.width
        items, count = self.items, len(self.items)  # locals: the loop runs a cell a width
        at = -1  # the last cell's index among the export's cells (-1: none yet)
        while index < count:
            item = items[index]
            if isinstance(item, Loose):
                end = index
                while end < count and isinstance(items[end], Loose):
                    end += 1
                run = [x for x in items[index:end] if isinstance(x, Loose)]
                following = items[end] if end < count else None
                if following is not None and following.at < skip_until:
                    index = end  # a label of the repeated header broken over a blank line
                    continue
                if self.loose_run(parse, current, run, end):
                    parse.stop = end
                    parse.left = current
                    return parse
                index = end
                continue
            index += 1
            # the walk meets every cell in turn: the next cell's index is one on
            # (``RawCell.at`` unpacks it from an int it shares with the line number)
            at = item.at if at < 0 else at + 1
            if at < skip_until:
                continue
            if not current:
                # a cell longer than a label opens neither a repeat nor the next
                # header (``repeat_at`` and ``label_run`` refuse it): most row
                # starts, not asked for every width tried
                if len(item.label) <= MAX_LABEL_CHARS:
                    repeat = self.header.repeat_at(self.cells, at)
                    if repeat:
                        skip_until = at + repeat
                        parse.out.append(Break(repeat, self.header.reprints(self.cells, at,
                                                                            repeat)))
                        continue
                    if self.next_header(at, width):
                        parse.stop = index - 1  # more labels than a row holds: the next header
                        parse.left = current
                        return parse
                if self.numbered and item.label and not ROW_NUMBER.match(item.label) \
                        and is_heading_line(item.label):  # a heading typed as a cell
                    parse.out.append(Paragraph(text=item.label, line=item.first_line,
                                               level=HEADING_LEVEL))
                    continue
            current.append(item)
            if len(current) == width:
                parse.out.append(current)
                parse.last_row = current
                current = []
        parse.stop = len(self.items)
        parse.left = current
        return parse
