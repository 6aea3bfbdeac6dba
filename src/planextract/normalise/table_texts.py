"""The normaliser's first pass over a table block read from its cells' texts alone
(issue 11): a packed block (``extract.block_pack``) gives its rows' texts straight
from its bytes (``table_texts``), without a ``Cell`` or ``Row`` made, and the first
pass needs nothing else. Each function here is its namesake in ``header_rows`` or
in the ``tables`` it replaced on the rows' texts; those, on ``Row`` objects, are the
reference (``header_rows``; the replaced ones kept in tests/table_rows_reference.py),
and tests/test_table_texts.py compares them over every block of whole documents."""

from __future__ import annotations

from planextract.extract.block_pack import table_covered, table_parts_covered, table_texts
from planextract.lexicon.text import squash
from planextract.normalise import dates
from planextract.normalise.column_evidence import Resolved, action_score, resolve
from planextract.normalise.columns import header_labels, header_roles, repeats_labels
from planextract.normalise.header_rows import EVIDENCE_ROWS, Header, header_in
from planextract.normalise.layout import SquashedRows
from planextract.settings import DEFAULT, ColumnSettings

Texts = list[list[str]]  # each row's cells' texts (``Cell.text``), in order
Squashed = tuple[Texts, list[tuple[int, ...]]]  # rows squashed, and each one's covered
# the reference (session 18): ``LayoutRows`` squashes every cell of a block's rows,
# not each distinct text once; tests swap it in over whole documents
PART_SQUASH = True
# the reference (session 18): ``find_header`` squashes all the rows it may read first
SQUASH_AS_READ = True


def squashed(rows: Texts) -> Texts:
    """Each row's cells' texts squashed: the layouts' rows (``layout.SquashedRows``)."""
    return [[squash(t) for t in r] for r in rows]


def find_header(rows: Texts, search: int = DEFAULT.columns.header_search,
                evidence_rows: int = EVIDENCE_ROWS) -> Header | None:
    """``header_rows.find_header``: the rows searched squashed first, those below
    them only if a row of labels asks for the cells under it (issue 11: every
    block's first 13 rows were squashed, most blocks read two)."""
    limit = max(search + 1, evidence_rows)
    if not SQUASH_AS_READ:
        return header_in(squashed(rows[:limit]), search, evidence_rows)
    return header_in(squashed(rows[:search + 1]), search, evidence_rows,
                     lambda: squashed(rows[search + 1:limit]))


def columns_of(rows: Texts, width: int, headers: list[str] | None = None) -> Texts:
    """The old ``tables.columns_of``: each column's texts (squashed), rows repeating the
    header left out."""
    labels = header_labels(headers or ())
    body = [r for r in rows if not headers or not repeats_labels(r, labels)]
    width = max([width, *map(len, body)])
    return [[squash(r[i]) if i < len(r) else "" for r in body] for i in range(width)]


def resolve_block(header: Header, rows: Texts,
                  settings: ColumnSettings = DEFAULT.columns) -> Resolved:
    """The old ``tables.resolve_block``: ``rows`` are the block's data rows."""
    labels = header.labels
    return resolve(labels, header_roles(labels),
                   columns_of(rows, len(labels), [*labels, *header.printed]), settings,
                   squashed=True)


def looks_like_plan(rows: Texts) -> bool:
    """The old ``tables.looks_like_plan``."""
    columns = columns_of(rows, 0)
    if len(rows) < 2 or len(columns) < 2:
        return False

    def dated(values: list[str]) -> bool:
        filled = [v for v in values if v]
        return bool(filled) and sum(dates.parse_due(v).kind in dates.DEADLINE_KINDS
                                    for v in filled) >= 0.5 * len(filled)
    return any(dated(c) for c in columns) and any(action_score(c) >= 5 for c in columns)


def describe(index: int, rows: Texts, line: int | None, page: int | None) -> str:
    """The old ``tables.describe``: ``line`` and ``page`` are the first row's."""
    first = next((squash(t) for r in rows for t in r if t.strip()), "")
    where = ""
    if rows and page:
        where = f" on page {page}"
    elif rows and line:
        where = f" at line {line}"
    return f"table {index + 1}{where} ({len(rows)} rows, starting {first[:40]!r})"


class LayoutRows:
    """Each logical table's data rows as squashed texts (``layout.SquashedRows``),
    read from its blocks' texts only when its layouts are made (``pop``), one table
    at a time (issue 11: kept from the first pass, every action block's texts were
    held at once, 1.3x a 10 MB export, and set the drafts step's peak; the arenas
    they grew stayed). The rows are those the first pass took: a block's rows below
    its own header, or all of them (``tables.data_rows``), in the blocks' order."""

    __slots__ = ("_items", "_blocks", "_headers_of")

    def __init__(self, items: list, table_of: dict[int, int],
                 headers_of: dict[int, Header | None]) -> None:
        self._items, self._headers_of = items, headers_of
        self._blocks: dict[int, list[int]] = {}  # each table's blocks, in order
        for index in sorted(table_of):
            self._blocks.setdefault(table_of[index], []).append(index)

    def pop(self, match: int) -> SquashedRows:
        """Table ``match``'s rows (asked once a table: its block list goes)."""
        out = SquashedRows()
        for index in self._blocks.pop(match):
            header = self._headers_of[index]
            skip = 0 if header is None else header.last + 1
            if not PART_SQUASH:
                out.add(*squashed_rows(self._items[index], skip))
                continue
            # each distinct text squashed once, and a row made of them (issue 11: a
            # block's cells squashed one by one missed squash's bounded memo here)
            texts, positions, covered = table_parts_covered(self._items[index])
            done = list(map(squash, texts))
            out.add([[done[i] for i in row] for row in positions[skip:]], covered[skip:])
        return out


def squashed_rows(block: object, skip: int, rows: Texts | None = None) -> Squashed:
    """A block's rows from ``skip`` squashed (``rows``: its texts, if read already),
    and their ``Row.covered`` (``SquashedRows.add``): the reference's rows."""
    texts = table_texts(block)[0] if rows is None else rows
    return squashed(texts[skip:]), table_covered(block)[skip:]
