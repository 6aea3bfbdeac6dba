"""Plans printed as a form per action: a two-column table whose left cells are labels
(``Action``, ``Lead officer``, ``Target date``) and right cells their values, one small
table per action (or one long table, each action's labels again). Such a run is the
table its author would have drawn the other way round, so it is handed on as one: a
column per label, headed by it (in order of first use), a row per action. The
normaliser then reads it as any table, by its cells' evidence: no label's words are
known here.

A label is what ``extract.labelled`` takes for one (short, opening with a capital, no
sentence's end), its colon dropped; a number after its words (``Action 1.1``,
``Objective 3:``) is the action's and goes before the value, where the normaliser
reads numbers. A record is a table's label rows, or in one long table the rows until a
label comes again; a row of one filled cell above a record's labels (a title merged
across) is its first column. Only a run of ``min_records`` records or more sharing
``min_labels`` labels is a form: a key of abbreviations prints each one once, a plan
table's first column holds sentences or repeats one value row after row.
"""

from __future__ import annotations

import re
from collections import Counter

from planextract.extract.block_pack import (
    PackedBlocks,
    PackedTable,
    held,
    table_texts,
    unpacked,
)
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.settings import DEFAULT, LabelledSettings

_EMPTY = Cell()
# ``Action 1.1``, ``Objective 3:``, ``Recommendation 12a``: a label and its record's number
# (``B 4``, ``A1``: a letter before the number is the number's, as plans print ids)
_NUMBERED_LABEL = re.compile(
    r"^(\D*?[A-Za-z)])\s+((?:[A-Z]\s?)?\d{1,3}(?:\s?\.\s?\d{1,3}){0,2}[a-z]?)\.?$")

Pair = tuple[str, str, str]  # label, number printed in it ("" if none), value


def label_of(text: str, settings: LabelledSettings) -> tuple[str, str] | None:
    """(label, number) of a left cell that is a label, or None."""
    text = " ".join(text.split()).rstrip(":").strip()
    if not text or not text[0].isupper() or "\n" in text:
        return None
    number = ""
    found = _NUMBERED_LABEL.match(text)
    if found:
        text, number = found.group(1).rstrip(" :"), found.group(2)
    if (len(text) > settings.label_chars or len(text.split()) > settings.label_words
            or text[-1] in ".;,!?"):
        return None
    return text, number


def _pairs(rows: list[list[str]], settings: LabelledSettings) -> list[Pair | str] | None:
    """A table's rows (its cells' texts) as (label, number, value), and a title's text
    for a row of one filled cell; None when a row is neither (no form)."""
    out: list[Pair | str] = []
    for cells in rows:
        filled = [t for t in cells if t]
        if not filled:
            continue
        if len(cells) > 2:
            return None
        found = label_of(cells[0], settings) if cells[0] else None
        if len(filled) == 1 and cells[0] and (found is None or not out or found[1]):
            # a title over the record (merged across): anything but a label, or a
            # label with a number (``Action 3``), or the table's first row
            out.append(cells[0])
            continue
        if found is None or len(cells) != 2:
            return None
        out.append((*found, cells[1]))  # a label, its value (maybe none)
    return out


class _Lead(str):
    """A title printed as a paragraph above its form, not as one of its rows."""


def _records(pairs: list[Pair | str], settings: LabelledSettings
             ) -> tuple[list[tuple[str, list[Pair]]], list[int]]:
    """(title, label rows) of each record: a new one at a title, or where a label
    the current record printed comes again. A title that is a label and a number
    (``Action 3`` over ``Action: ...``) gives the number to the record's row of that
    label (else its first row) and is no title column. With the records, how many
    of the table's rows each took (a title row too, a ``_Lead`` paragraph not)."""
    records: list[tuple[str, list[Pair]]] = []
    counts: list[int] = []
    title, current, seen = "", [], set()

    def close() -> None:
        if not current:
            return
        found = label_of(title, settings) if title else None
        if found and found[1]:
            at = next((k for k, p in enumerate(current) if p[0] == found[0]), 0)
            if not current[at][1]:
                current[at] = (current[at][0], found[1], current[at][2])
            records.append(("", current))
        else:
            records.append((title, current))
        counts.append(len(current) + bool(title and not isinstance(title, _Lead)))

    for item in pairs:
        if isinstance(item, str) or item[0] in seen:
            close()
            title, current, seen = "", [], set()
            if isinstance(item, str):
                title = item
                continue
        current.append(item)
        seen.add(item[0])
    close()
    return records, counts


def _as_table(records: list[tuple[str, list[Pair]]], rows: list[Row]) -> Table:
    """The records as one table: a title column where any record has one, a column
    per label; each label row's number put before its value. ``rows``: each record's
    provenance (its first and last printed row)."""
    titled = any(title for title, _ in records)
    labels = list(dict.fromkeys(label for _, pairs in records for label, _, _ in pairs))
    head = ([_EMPTY] if titled else []) + [Cell(parts=(label,), raw=label) for label in labels]
    out = [Row(cells=tuple(head), line_start=rows[0].line_start, page_start=rows[0].page_start)]
    for (title, pairs), row in zip(records, rows):
        values: dict[str, str] = {}
        for label, number, value in pairs:
            text = f"{number} {value}".strip() if number else value
            values[label] = f"{values[label]}\n{text}" if label in values else text
        cells = [Cell(parts=(title,), raw=title)] if titled else []
        cells += [Cell(parts=(values[label],), raw=values[label]) if values.get(label)
                  else _EMPTY for label in labels]
        out.append(Row(cells=tuple(cells), line_start=row.line_start, line_end=row.line_end,
                       page_start=row.page_start, page_end=row.page_end))
    return Table(rows=tuple(out))


def _joined(run: list[tuple[Table | PackedTable, list, list[int]]]
            ) -> tuple[list[tuple[str, list[Pair]]], list[Row]]:
    """The run's records in order, and each one's provenance; a table whose first
    record prints none of the labels of the record before it (and no title) carries
    that record on: a form a page break cut in two."""
    records: list[tuple[str, list[Pair]]] = []
    where: list[Row] = []
    for table, table_records, counts in run:
        for n, ((title, pairs), row) in enumerate(zip(table_records,
                                                      _record_rows(table, counts))):
            if n == 0 and records and not title and not {p[0] for p in pairs} & {
                    p[0] for p in records[-1][1]}:
                records[-1] = (records[-1][0], records[-1][1] + pairs)
                where[-1] = Row(cells=(), line_start=where[-1].line_start,
                                line_end=row.line_end, page_start=where[-1].page_start,
                                page_end=row.page_end)
            else:
                records.append((title, pairs))
                where.append(row)
    return records, where


def _is_form(records: list[tuple[str, list[Pair]]], settings: LabelledSettings) -> bool:
    used = Counter(label for _, pairs in records for label in {p[0] for p in pairs})
    return len(records) >= settings.min_records and \
        sum(1 for count in used.values() if count >= 2) >= settings.min_labels


def form_tables(raw: RawDocument, settings: LabelledSettings = DEFAULT.labelled) -> None:
    """Replace, in ``raw.blocks``, each run of form tables (tables of label and value
    rows, nothing but paragraphs between them) by one table of their records."""
    packed = isinstance(raw.blocks, PackedBlocks)
    blocks = held(raw.blocks) if packed else raw.blocks
    if not isinstance(blocks, list):
        return
    opens = _may_open(blocks)
    if not any(opens):
        return
    out: list = []
    changed = False
    k = 0
    while k < len(blocks):
        run, end, between = _run(blocks, k, settings) if opens[k] else ([], k, [])
        if len(run) > 1 and not _labels(run[0]) & _labels(run[1]):
            run = []  # a table sharing no label with the forms below (a key of terms)
        if run and _is_form([r for _, recs, _ in run for r in recs], settings):
            records, where = _joined(run)  # each record's rows unpacked only now
            if _is_form(records, settings):
                out.append(_as_table(records, where))
                out += between  # the paragraphs the forms stood among, after them
                changed = True
                k = end
                continue
        out.append(blocks[k])
        k += 1
    if changed:
        raw.blocks = PackedBlocks(out) if packed else out


def _run(blocks: list, k: int, settings: LabelledSettings
         ) -> tuple[list[tuple[Table | PackedTable, list, list[int]]], int, list]:
    """The form tables from ``blocks[k]`` on, with only blank paragraphs between them:
    (table, its records) each, the index after the last, the blank paragraphs
    between them. A paragraph titling the next form (``_titles``) is its first row."""
    run: list[tuple[Table | PackedTable, list, list[int]]] = []
    between: list = []
    end = last = k
    lead: str | None = None  # a title printed as a paragraph above the next form
    while end < len(blocks):
        block = blocks[end]
        if _narrow(block):
            pairs = _pairs(table_texts(block)[0], settings)  # no Cell made (issue 11)
            if not pairs or not any(isinstance(p, tuple) for p in pairs):
                break
            if lead is not None:
                pairs, lead = [_Lead(lead), *pairs], None
            item = (block, *_records(pairs, settings))
            if len(run) > 1 and not _labels(run[-1]) & _labels(item):
                break  # a table sharing no label with the forms above ends them
            run.append(item)
            end = last = end + 1
        elif isinstance(block, Paragraph) and lead is None and _titles(block, settings):
            lead = block.text
            end += 1
        elif isinstance(block, Paragraph) and (run or lead is not None) \
                and not block.text.strip():
            between.append((end, block))
            end += 1
        else:
            break
    # what follows the last form (a title no form followed, blank lines) is read as it was
    return run, last, [b for at, b in between if at < last]


def _labels(item: tuple[Table | PackedTable, list, list[int]]) -> set[str]:
    """The labels a form table of the run prints."""
    return {pair[0] for _, pairs in item[1] for pair in pairs}


def _may_open(blocks: list) -> list[bool]:
    """Where a run of forms may start: at a narrow table, or at a paragraph with one
    next after it but for blank paragraphs (a title above a form). One pass from the
    end, so a long export's paragraphs are not each asked whether they title a form
    (issue 11)."""
    opens = [False] * len(blocks)
    table_next = False  # a narrow table follows, blank paragraphs aside
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if _narrow(block):
            opens[k] = table_next = True
        elif isinstance(block, Paragraph):
            if block.text.strip():
                opens[k], table_next = table_next, False
        else:
            table_next = False
    return opens


def _titles(block: Paragraph, settings: LabelledSettings) -> bool:
    """A paragraph that titles the form below it: a label and a number (``Action 3``)."""
    found = label_of(block.text, settings)
    return found is not None and bool(found[1])


def _narrow(block: object) -> bool:
    """A table two columns wide at most, told without unpacking a packed one (a text
    export's tables are held packed: most are wider and stay so)."""
    if isinstance(block, PackedTable):
        return block.widest <= 2
    return isinstance(block, Table) and all(len(row.cells) <= 2 for row in block.rows)


def _record_rows(item: Table | PackedTable, sizes: list[int]) -> list[Row]:
    """A row spanning each record's printed lines and pages (``sizes``: the table's
    filled rows each record took), for its provenance."""
    rows = [r for r in unpacked(item).rows if any(not c.empty for c in r.cells)]
    out, at = [], 0
    for size in sizes:
        first, last = rows[min(at, len(rows) - 1)], rows[min(at + size, len(rows)) - 1]
        out.append(Row(cells=(), line_start=first.line_start, line_end=last.line_end,
                       page_start=first.page_start, page_end=last.page_end))
        at += size
    return out
