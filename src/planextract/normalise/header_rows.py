"""Where a table's header is, and its labels when it takes two rows.

A two-row header prints a merged top cell over several lower labels
(``Responsibility`` over ``Lead`` and ``Deadline``) or labels merged down over
both rows. Both rows are read and combined: the lower row's label wins where
it has one, the top label stands for the columns it spans otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planextract.extract.model import Row
from planextract.lexicon.column_roles import is_header_row, role_of
from planextract.lexicon.periods import is_period_label
from planextract.lexicon.text import squash
from planextract.normalise.column_evidence import dated_column, plan_columns
from planextract.normalise.timeline import timeline_over_plan
from planextract.settings import DEFAULT


@dataclass(frozen=True, slots=True)  # one per table block, held until its rows are read
class Header:
    """The header rows ``first``..``last`` (inclusive), the combined labels and
    every label printed in the header rows (a page-top repeat may show either row)."""

    first: int
    last: int
    labels: list[str]
    printed: tuple[str, ...] = ()


def _texts(row: Row) -> list[str]:
    return [squash(c.text) for c in row.cells]


def _dated(text: str) -> bool:
    """A date is never a label (a data row of owners and dates is no sub-header)."""
    return dated_column([text], 1.0)


_OPENS_WITH_DIGIT = re.compile(r"^\d")


def _label_like(text: str) -> bool:
    """Short, no number first, no sentence's end: a semicolon, or a full stop after
    four words or more (``is_header_row``'s rule: ``Ref no.`` and ``Action No.`` end in
    an abbreviation's stop and are labels)."""
    words = len(text.split())
    return (len(text) <= 40 and words <= 5 and not _OPENS_WITH_DIGIT.match(text)
            and not text.endswith(";") and not (text.endswith(".") and words >= 4))


def _sub_header(top: list[str], lower: list[str]) -> bool:
    """``lower`` completes ``top``: short labels only, at least one known role,
    each under an empty top cell or under a top label that spans on to the
    right (a merged cell), never under a top label of its own column alone."""
    filled = [(i, t) for i, t in enumerate(lower) if t]
    if not filled or not all(_label_like(t) and not _dated(t) for _, t in filled):
        return False

    def under_span(i: int) -> bool:
        if i >= len(top) or not top[i]:
            return True
        return i + 1 < len(top) and not top[i + 1]

    if all(role_of(t) == "extra" for _, t in filled):
        # labels the vocabulary does not know complete the header only as two or
        # more labels under one merged top cell (``Who and when`` over ``Led by``
        # and ``Timing``)
        if not all(under_span(i) for i, _ in filled) or _most_under_one_span(top, lower) < 2:
            return False
    return all(under_span(i) for i, _ in filled)


def _most_under_one_span(top: list[str], lower: list[str]) -> int:
    """The most lower labels under one top label and the empty top cells right
    of it (a merged cell's span)."""
    best, count, inside = 0, 0, False
    for i in range(len(lower)):
        label = top[i] if i < len(top) else ""
        if label:
            count, inside = 0, True
        elif not inside:
            continue
        count += bool(lower[i])
        best = max(best, count)
    return best


def combine(top: list[str], lower: list[str]) -> list[str]:
    """Labels of a two-row header: the lower label where there is one, else the
    top label spread over the empty top cells to its right (its merged span)."""
    width = max(len(top), len(lower))
    top = top + [""] * (width - len(top))
    lower = lower + [""] * (width - len(lower))
    spread: list[str] = []
    current = ""
    for i, label in enumerate(top):
        if label:
            current = label
        elif not lower[i]:
            current = ""
        spread.append(label or current)
    return [lower[i] or spread[i] for i in range(width)]


def label_row(cells: list[str]) -> bool:
    """Two or more filled cells, each label-like: what ``_labels_over_plan`` asks
    before it reads the rows below."""
    filled = [t for t in cells if t]
    # a timeline's years (three periods or more) are labels though they open with a digit
    periods = {t for t in filled if t[:1].isdigit() and is_period_label(t)}
    if len(periods) < DEFAULT.columns.timeline_header:
        periods = set()
    return len(filled) >= 2 and all(t in periods or _label_like(t) for t in filled)


def _labels_over_plan(cells: list[str], body: list[list[str]]) -> bool:
    """A row of short labels (whatever words they use) over rows whose cells show
    a plan: a column of dates beside a column of sentences, or a timeline of marks
    beside one (``timeline.timeline_over_plan``). Labels the vocabulary does not know
    are still a header when the cells below prove the table."""
    if not label_row(cells) or len(body) < 2:
        return False
    width = max(len(cells), *(len(r) for r in body))
    columns = [[r[i] if i < len(r) else "" for r in body] for i in range(width)]
    return plan_columns(columns) or timeline_over_plan(cells, columns)


# rows below a row of labels the vocabulary does not know read to prove it a header
# (a column of dates beside one of sentences): find_header's, table_texts' and split_header's
EVIDENCE_ROWS = 12


def find_header(rows: list[Row] | tuple[Row, ...],
                search: int = DEFAULT.columns.header_search,
                evidence_rows: int = EVIDENCE_ROWS) -> Header | None:
    """The header of a table block in its first ``search`` rows (a title row
    may come first), or None when it has none (a continuation). A header is a
    row of known labels, or a row of labels over cells that prove a plan."""
    return header_in([_texts(r) for r in rows[:max(search + 1, evidence_rows)]], search,
                     evidence_rows)


def _unrepeated(texts: list[list[str]], index: int, evidence_rows: int) -> list[list[str]]:
    """The ``evidence_rows`` rows below row ``index`` without the rows that print
    it or the row above it again: a header repeated at a page top (with the rest of
    a cut row under it) is no evidence of what the columns hold."""
    own = [texts[index], *texts[index - 1:index]]
    return [r for r in texts[index + 1:index + 1 + evidence_rows] if r not in own]


def header_in(texts: list[list[str]], search: int = DEFAULT.columns.header_search,
              evidence_rows: int = EVIDENCE_ROWS,
              more: Callable[[], list[list[str]]] | None = None) -> Header | None:
    """``find_header`` on the block's first rows as their cells' squashed texts (at
    least ``max(search + 1, evidence_rows)`` of them, or all): the normaliser's
    first pass reads a packed block's texts, not its objects (issue 11). ``more``:
    ``texts`` holds the first ``search + 1`` rows (or all), and ``more()`` the rest
    up to ``max(search + 1, evidence_rows)``, asked only for a row of labels that
    the cells below may prove (most blocks never read past their second row)."""
    for index, cells in enumerate(texts[:search]):
        named = is_header_row(cells)
        if more is not None and not named and label_row(cells):
            texts, more = texts + more(), None
        if not named and not _labels_over_plan(
                cells, _unrepeated(texts, index, evidence_rows)):
            filled = [t for t in cells if t]
            if len(filled) > 1 and index + 1 < len(texts) \
                    and not _sub_header(cells, texts[index + 1]):
                return None  # a data row: the header (if any) was on an earlier page
            if len(filled) == 1 and filled[0][:1].islower():
                return None  # the rest of a row the page cut, not a title
            continue
        if index + 1 < len(texts) and _sub_header(cells, texts[index + 1]):
            return Header(index, index + 1, combine(cells, texts[index + 1]),
                          tuple(cells + texts[index + 1]))
        if index > 0 and _sub_header(texts[index - 1], cells) \
                and sum(1 for t in texts[index - 1] if t) >= 2:
            return Header(index - 1, index, combine(texts[index - 1], cells),
                          tuple(texts[index - 1] + cells))
        return Header(index, index, cells, tuple(cells))
    return None
