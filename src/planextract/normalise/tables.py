"""Which table blocks of a document are action tables, and what their columns mean.

A plan's table may be cut into several blocks (page breaks, a repeated header);
blocks with alike headers are one logical table. A block that looks like a plan
table but cannot be read is named in a warning rather than dropped in silence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planextract.extract.model import Row, Table
from planextract.normalise.column_evidence import Resolved
from planextract.normalise.columns import is_action_table
from planextract.normalise.header_rows import Header


@dataclass
class LogicalTable:
    headers: list[str]
    name: str | None = None
    printed: tuple[str, ...] = ()  # every label its header rows print


@dataclass
class LabelIndex:
    """The logical tables' label sets, indexed so the last one similar to a new
    header is found without comparing every table (issue 11: a 10 MB export has
    thousands). Similar is a Jaccard ratio of at least 1/2 (``similar``, kept for
    the reference walk): |x & y| / |x | y| >= 1/2 is 3 |x & y| >= |x| + |y|, so
    each label keeps a bit per table printing it and each set size a bit per
    table of that size; a new set's shared-label count for every table at once
    is the sum of its labels' bit masks, added as bit-sliced integers, and the
    tables passing are those whose count reaches their size's threshold: a few
    dozen big-integer operations a block, where comparing candidates one by one
    cost 711 k comparisons on the 10 MB TAB export (half its blocks match no
    table, so every candidate was compared)."""

    similar: Callable[[set[str], set[str]], bool]
    label_sets: list[set[str]] = field(default_factory=list)
    _rank: dict[str, int] = field(default_factory=dict)
    _postings: dict[str, list[int]] = field(default_factory=dict)
    _has: dict[str, int] = field(default_factory=dict)  # label -> bit k: table k prints it
    _sized: dict[int, int] = field(default_factory=dict)  # set size -> bit k: table k's

    def _prefix(self, labels: set[str]) -> list[str]:
        for label in sorted(labels):
            self._rank.setdefault(label, -len(self._rank))
        ordered = sorted(labels, key=self._rank.__getitem__)
        return ordered[:len(ordered) // 2 + 1]

    def latest(self, labels: set[str]) -> int | None:
        """The last table whose labels are similar to ``labels``, or None."""
        count: list[int] = []  # count[i]: bit k is bit i of table k's shared labels
        for label in labels:
            carry = self._has.get(label, 0)
            for i, digit in enumerate(count):
                if not carry:
                    break
                count[i], carry = digit ^ carry, digit & carry
            if carry:
                count.append(carry)
        if not count:
            return None
        passing = 0
        for size, tables in self._sized.items():
            need = max(1, -(-(len(labels) + size) // 3))  # 3 shared >= |x| + |y|
            passing |= _at_least(count, need, tables)
        return passing.bit_length() - 1 if passing else None

    def latest_gathered(self, labels: set[str]) -> int | None:
        """``latest`` as it was (the reference of tests/test_speed_normalise.py):
        the tables sharing a label among the first ``n // 2 + 1`` of each set, in
        one fixed order of labels (prefix filtering: labels ordered by when they
        were first met, the first last, so those every table prints seldom open
        a prefix), compared one by one from the newest."""
        shared = {k for label in self._prefix(labels) for k in self._postings.get(label, ())}
        return next((k for k in sorted(shared, reverse=True)
                     if self.similar(self.label_sets[k], labels)), None)

    def add(self, labels: set[str]) -> None:
        table = len(self.label_sets)
        for label in self._prefix(labels):
            self._postings.setdefault(label, []).append(table)
        for label in labels:
            self._has[label] = self._has.get(label, 0) | 1 << table
        self._sized[len(labels)] = self._sized.get(len(labels), 0) | 1 << table
        self.label_sets.append(labels)


def _at_least(count: list[int], need: int, among: int) -> int:
    """The bits of ``among`` whose bit-sliced count (``count[i]`` holds bit i of
    every table's count) is at least ``need``: compared from the top bit down."""
    greater, equal = 0, among
    for i in range(max(len(count), need.bit_length()) - 1, -1, -1):
        digit = count[i] if i < len(count) else 0
        if need >> i & 1:
            equal &= digit
        else:
            greater |= equal & digit
            equal &= ~digit
    return greater | equal


def data_rows(block: Table, header: Header | None) -> list[Row]:
    rows = list(block.rows)
    return rows[header.last + 1:] if header else rows


def readable(resolved: Resolved) -> bool:
    return "action" in resolved.roles and is_action_table(resolved.roles)
