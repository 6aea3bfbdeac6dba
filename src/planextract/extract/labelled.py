"""Plans printed as labelled paragraphs, not tables: each action a paragraph (a
small heading, a bold line, a numbered sentence), then a short ``Label: value``
paragraph for each value it has (``Lead officer: Head of HR``, ``Target date:
March 2013``). Such a run is the table its author would have drawn, so it is
handed on as one: the first column each action's paragraph, one column per label,
headed by it (in order of first use), a row per action. The normaliser then reads
it as any table, by its cells' evidence, so no label's words are known here.

A record is a paragraph that is no label line (a heading or a bold one, with its
list items after it; else the paragraph right above the labels) followed by label
lines; a run is ``min_records`` records or more one after another, some
``min_labels`` labels each used by two of them. A label is short (``label_words``
words, ``label_chars`` characters), opens with a capital and ends no sentence; a
label line is one line. Applied to the formats whose readers give paragraphs as
the author wrote them (Word, HTML): a PDF's or a text export's lines are not
paragraphs."""

from __future__ import annotations

import re
from collections import Counter

from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.settings import DEFAULT, LabelledSettings

_LABEL = re.compile(r"([A-Z][^:\n]*?)[^\S\n]*:[^\S\n]+(\S[^\n]*)")
_EMPTY = Cell()


def _label_line(block: object, settings: LabelledSettings) -> tuple[str, str] | None:
    """(label, value) of a one-line ``Label: value`` paragraph, or None."""
    if not isinstance(block, Paragraph) or block.level or ":" not in block.text:
        return None
    found = _LABEL.fullmatch(block.text.strip())
    if found is None:
        return None
    label = found.group(1).strip()
    if (len(label) > settings.label_chars or len(label.split()) > settings.label_words
            or label[-1] in ".;,!?"):
        return None
    return label, found.group(2).strip()


def _records(blocks: list, lines: list, settings: LabelledSettings) -> list[tuple[int, int, int]]:
    """(title index, first label index, end) of every record, in order: a run of
    label lines under its title (``_title``). One label line is a record too (an
    action with one value printed), but only a run of records sharing labels is
    a table (``_table``)."""
    out = []
    bound = k = 0  # bound: the end of the record before
    while k < len(blocks):
        if lines[k] is None:
            k += 1
            continue
        end = k
        while end < len(blocks) and lines[end] is not None:
            end += 1
        if k > bound:
            title = _title(blocks, lines, k, bound, settings.max_items)
            if title is not None:
                out.append((title, k, end))
                bound = end
        k = end
    return out


def _title(blocks: list, lines: list, first: int, bound: int, items: int) -> int | None:
    """The paragraph a record's labels belong to: the nearest heading or bold
    paragraph above them over ``items`` plain paragraphs at most (its list items,
    which a Word or HTML body prints as paragraphs of their own); else the
    paragraph right above them; None where that is no paragraph."""
    k = first - 1
    while k >= max(bound, first - 1 - items) and isinstance(blocks[k], Paragraph) \
            and lines[k] is None:
        if blocks[k].level or blocks[k].bold:
            return k
        k -= 1
    above = blocks[first - 1]
    if isinstance(above, Paragraph) and lines[first - 1] is None and above.text.strip():
        return first - 1
    return None


def _table(blocks: list, run: list[tuple[int, int, int]],
           settings: LabelledSettings) -> Table | None:
    """The run as a table, or None where its records share too few labels."""
    values = [[_label_line(b, settings) for b in blocks[first:end]] for _, first, end in run]
    used = Counter(label for record in values for label in {pair[0] for pair in record})
    if sum(1 for count in used.values() if count >= 2) < settings.min_labels:
        return None
    labels = list(dict.fromkeys(pair[0] for record in values for pair in record))
    rows = [Row(cells=(_EMPTY, *(Cell(parts=(label,), raw=label) for label in labels)))]
    for (title, first, end), record in zip(run, values):
        found: dict[str, list[str]] = {}
        for label, value in record:
            found.setdefault(label, []).append(value)
        head, last = blocks[title], blocks[end - 1]
        text = "\n".join(b.text for b in blocks[title:first])  # its items on lines
        cells = [Cell(parts=(text,), raw=text)]
        cells += [Cell(parts=tuple(found[label]), raw="\n".join(found[label]))
                  if label in found else _EMPTY for label in labels]
        rows.append(Row(cells=tuple(cells), line_start=head.line, line_end=last.line,
                        page_start=head.page, page_end=last.page))
    return Table(rows=tuple(rows))


def labelled_tables(raw: RawDocument, settings: LabelledSettings = DEFAULT.labelled) -> None:
    """Replace, in ``raw.blocks`` (a list), each run of labelled records by a table."""
    blocks = raw.blocks
    if not isinstance(blocks, list) or not any(
            isinstance(b, Paragraph) and ":" in b.text for b in blocks):
        return
    records = _records(blocks, [_label_line(b, settings) for b in blocks], settings)
    if len(records) < settings.min_records:
        return
    runs: list[list[tuple[int, int, int]]] = []
    for record in records:
        if runs and runs[-1][-1][2] == record[0]:
            runs[-1].append(record)
        else:
            runs.append([record])
    out: list = []
    done = 0
    for run in runs:
        if len(run) < settings.min_records:
            continue
        table = _table(blocks, run, settings)
        if table is None:
            continue
        out += blocks[done:run[0][0]]
        out.append(table)
        done = run[-1][2]
    if done:
        raw.blocks = out + blocks[done:]
