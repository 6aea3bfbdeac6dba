"""What the columns of one logical table mean, read once from all its rows:
the roles (``column_evidence``), and how actions and outcomes carry their numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from planextract.extract.model import Cell, Row
from planextract.lexicon.text import squash
from planextract.normalise import column_evidence, numbering
from planextract.normalise.column_facts import ColumnFacts, filled_count
from planextract.normalise.columns import header_labels, repeats_labels
from planextract.settings import DEFAULT, ColumnSettings

Columns = list[list[str]]  # each column's squashed cells


@dataclass
class Layout:
    """What the columns of a logical table mean."""

    headers: list[str]
    roles: list[str]
    printed: list[str] = field(default_factory=list)  # every label the header rows print
    numbered_actions: str | None = None  # None, "dotted" (1.1 under outcome 1) or "plain"
    levels: int = 0  # levels of the action numbers (3 for 1.1.1), 0 when unnumbered
    id_depth: int = 0  # levels of the numbers in the id column, 0 when there is none
    numbered_outcomes: bool = False
    # the columns of each role, made again only when ``roles`` changes: asked of
    # every row (issue 11)
    _by_role: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False,
                                                  repr=False, compare=False)
    _indexed: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def columns(self, role: str) -> tuple[int, ...]:
        """The indices of the columns of ``role``, left to right."""
        if self._indexed != self.roles:
            by_role: dict[str, list[int]] = {}
            for i, r in enumerate(self.roles):
                by_role.setdefault(r, []).append(i)
            self._by_role = {r: tuple(found) for r, found in by_role.items()}
            self._indexed = list(self.roles)
        return self._by_role.get(role, ())


def cell_of(row: Row, index: int) -> Cell:
    return row.cells[index] if index < len(row.cells) else Cell()


class LayoutMemo:
    """What ``detect_layout`` reads from a logical table's rows, kept for the
    other headers the same table is printed with (issue 11: a long export's
    table printed under many headers had all its rows read again for each).
    Keyed by the rows list's identity: hold the rows as long as the memo."""

    def __init__(self) -> None:
        self.columns: dict[tuple[int, frozenset[str], int], tuple[Columns, Columns | None]] = {}
        self.numbering: dict[tuple[int, str, tuple[int, ...]], tuple] = {}
        self.facts: dict[int, ColumnFacts] = {}  # by the columns' identity


# False, the reference (session 18): a ``SquashedRows`` row's texts squashed again
# to be compared with the header's labels (``repeats_labels``); tests swap it in
SQUASHED_REPEATS = True


class SquashedRows(list):
    """A table's data rows as their cells' squashed texts (``table_texts.squashed``),
    read by ``detect_layout`` as it reads rows (issue 11: taken as the normaliser's
    first pass reads a packed block's texts, the block not unpacked for the layouts).
    A row's squashed texts repeat the header's labels when its cells do: ``squash``
    gives a squashed text back, and is empty where ``str.strip`` is (one whitespace).
    ``covered``: each row's ``Row.covered`` by its index, for the rows that have one."""

    __slots__ = ("covered",)

    def __init__(self, rows: Iterable[list[str]] = ()) -> None:
        super().__init__(rows)
        self.covered: dict[int, tuple[int, ...]] = {}

    def add(self, rows: list[list[str]], covered: Iterable[tuple[int, ...]] = ()) -> None:
        """``rows`` after these, with each one's covered columns (in order)."""
        start = len(self)
        self.extend(rows)
        for k, under in enumerate(covered):
            if under:
                self.covered[start + k] = under


def _data_columns(rows: list[Row] | SquashedRows, labels: frozenset[str], width: int
                  ) -> tuple[Columns, Columns | None]:
    """Each column's squashed cells, rows repeating the header's labels left out;
    and the same with each covered cell given the value merged over it
    (``_merged``), or None when no row is covered."""
    if isinstance(rows, SquashedRows):
        kept = [k for k, texts in enumerate(rows)
                if not repeats_labels(texts, labels, squashed=SQUASHED_REPEATS)]
        width = max([width, *(len(rows[k]) for k in kept)])
        padded = [rows[k] + [""] * (width - len(rows[k])) for k in kept]
        covered = [rows.covered.get(k, ()) for k in kept] if rows.covered else []
    else:
        data = [r for r in rows if not repeats_labels([c.text for c in r.cells], labels)]
        width = max([width, *(len(r.cells) for r in data)])
        # row by row, then turned into columns: a call per cell less (issue 11)
        padded = [[squash(c.text) for c in r.cells] + [""] * (width - len(r.cells))
                  for r in data]
        covered = [r.covered for r in data]
    merged = _merged(padded, covered) if any(covered) else None
    return _turned(padded, width), None if merged is None else _turned(merged, width)


def _turned(padded: list[list[str]], width: int) -> Columns:
    return [list(column) for column in zip(*padded)] if padded else [[] for _ in range(width)]


def _merged(padded: list[list[str]], covered: list[tuple[int, ...]]) -> list[list[str]]:
    """The rows with each empty covered cell given the value of the cell above
    (itself carried down): a merged cell's value, as the printed plan reads it on
    every row it spans (the rows builder's ``_carry``)."""
    out: list[list[str]] = []
    above: list[str] = []
    for texts, under in zip(padded, covered):
        if under and above:
            texts = list(texts)
            for i in under:
                if i < len(texts) and not texts[i]:
                    texts[i] = above[i]
        out.append(texts)
        above = texts
    return out


def _action_numbers(actions: list[str], share: float) -> tuple[str | None, int]:
    """How the action cells carry their numbers, and the usual number of levels."""
    numbered = numbering.mostly_numbered(actions, share)
    if not numbered:
        return None, 0
    depths = [numbering.depth(lead.raw) for v in actions
              if (lead := numbering.split_leading(v)).raw]
    return numbered, max(set(depths), key=depths.count) if depths else 0


def _id_depth(ids: list[str]) -> int:
    depths = [numbering.depth(v) for v in ids]
    return max(set(depths), key=depths.count)


def _numbered_outcomes(outcomes: list[str]) -> bool:
    numbered = sum(1 for v in outcomes if numbering.split_leading(v).raw)
    return bool(outcomes) and numbered >= 0.5 * len(outcomes)


def detect_layout(rows: list[Row] | SquashedRows, headers: list[str], roles: list[str],
                  settings: ColumnSettings = DEFAULT.columns,
                  printed: list[str] | None = None, memo: LayoutMemo | None = None) -> Layout:
    """Resolve roles from the headers and the data (``column_evidence``), and
    find whether actions and outcomes carry their numbers in the text. ``memo``:
    shared by the calls on one table's rows under its several headers."""
    memo = memo or LayoutMemo()
    printed = printed or headers
    labels = header_labels(printed)
    columns_key = (id(rows), labels, len(headers))
    found = memo.columns.get(columns_key)
    if found is None:
        found = memo.columns[columns_key] = _data_columns(rows, labels, len(headers))
    columns, merged = found

    def numbers(kind: str, indices: tuple[int, ...], read: Callable[[list[str]], Any]) -> Any:
        key = (id(columns), kind, indices)
        if key not in memo.numbering:
            memo.numbering[key] = (read([v for i in indices for v in columns[i] if v]),)
        return memo.numbering[key][0]

    facts = memo.facts.get(id(columns))
    if facts is None:
        facts = memo.facts[id(columns)] = ColumnFacts(columns)
    values = None if merged is None else memo.facts.get(id(merged))
    if merged is not None and values is None:
        values = memo.facts[id(merged)] = ColumnFacts(merged)
    roles = column_evidence.resolve(headers, roles, columns, settings, squashed=True,
                                    facts=facts, merged=values).roles
    headers = list(headers) + [""] * (len(roles) - len(headers))
    layout = Layout(headers=headers, roles=roles, printed=list(printed))
    ids = layout.columns("action_id")
    printed_ids = any(facts.ask(any, i) for i in ids)
    if printed_ids:
        layout.id_depth = numbers("ids", ids, _id_depth)
    if not printed_ids:  # no id column, or one left empty: the numbers are in the text
        layout.numbered_actions, layout.levels = numbers(
            f"actions {settings.numbered_share}", layout.columns("action"),
            lambda cells: _action_numbers(cells, settings.numbered_share))
    for i in layout.columns("theme"):
        # a theme printed on every row is the row's own label, kept in extra; one
        # printed once over the rows it groups (a merged cell) is their objective
        actions = sum(facts.ask(filled_count, k) for k in layout.columns("action"))
        if facts.ask(filled_count, i) >= actions:
            layout.roles[i] = "extra"
    layout.numbered_outcomes = numbers("outcomes", layout.columns("outcome"),
                                       _numbered_outcomes)
    return layout
