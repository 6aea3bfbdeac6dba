"""Plans printed as labelled paragraphs, not tables: each action a paragraph (a
small heading, a bold line, a numbered sentence), then a short ``Label: value``
paragraph for each value it has (``Lead officer: Head of HR``, ``Target date:
March 2013``). Such a run is the table its author would have drawn, so it is
handed on as one: the first column each action's paragraph, one column per label,
headed by it (in order of first use), a row per action. The normaliser then reads
it as any table, by its cells' evidence, so no label's words are known here.

A record is a paragraph that is no label line (a heading or a bold one, with its
list items after it; else the nearest paragraph above the labels that is no bullet
item) followed by label lines; a run is ``min_records`` records or more one after
another, some ``min_labels`` labels each used by two of them, or any run of records
printing only labels such a run prints (a section of one or two actions under a
heading). A label is short (``label_words`` words, ``label_chars`` characters),
opens with a capital and ends no sentence; a label line is one paragraph. The rule
reads paragraphs with their heading, bold and bullet-item facts only, so every
reader hands it its own: Word and HTML paragraphs as written; a text export's
lines, joined where the export wraps its paragraphs; a PDF's lines, joined where a
record's paragraph ran on (``labelled_lines``)."""

from __future__ import annotations

from collections import Counter

from planextract.extract.block_pack import PackedBlocks, held
from planextract.extract.labelled_lines import (
    is_item,
    label_line,
    pdf_run_ons,
    text_run_ons,
    unglyphed,
)
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.lexicon.column_roles import role_of
from planextract.settings import DEFAULT, LabelledSettings

_EMPTY = Cell()


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
    which a Word or HTML body prints as paragraphs of their own); else the nearest
    paragraph above them over ``items`` bullet items at most (printed with their
    glyphs, where a text export prints no bold); None where that is no paragraph."""
    k = first - 1
    while k >= max(bound, first - 1 - items) and isinstance(blocks[k], Paragraph) \
            and lines[k] is None:
        if blocks[k].level or blocks[k].bold:
            return k
        k -= 1
    k = first - 1
    while k > max(bound, first - 1 - items) and isinstance(blocks[k], Paragraph) \
            and lines[k] is None and is_item(blocks[k]):
        k -= 1
    above = blocks[k]
    if k >= bound and isinstance(above, Paragraph) and lines[k] is None \
            and above.text.strip() and not is_item(above):
        return k
    above = blocks[first - 1]
    if isinstance(above, Paragraph) and lines[first - 1] is None and above.text.strip():
        return first - 1
    return None


def _table(blocks: list, run: list[tuple[int, int, int]], settings: LabelledSettings,
           known: set[str] | None = None, order: dict[str, int] | None = None
           ) -> Table | None:
    """The run as a table, or None where its records share too few labels (unless
    every label it prints is one of ``known``: the plan's own, which a table of its
    records made elsewhere in the document prints). Its columns go in ``order``
    (each label's first use in the document), so two runs printing the same labels
    are tables of one header whichever label a run's first record leaves out (the
    normaliser continues a table by position)."""
    values = [[label_line(b, settings) for b in blocks[first:end]] for _, first, end in run]
    used = Counter(label for record in values for label in {pair[0] for pair in record})
    if known is not None:
        if not used or not set(used) <= known:
            return None
    elif len(run) < settings.min_records or \
            sum(1 for count in used.values() if count >= 2) < settings.min_labels:
        return None
    labels = list(dict.fromkeys(pair[0] for record in values for pair in record))
    if order is not None:
        labels.sort(key=lambda label: order.get(label, len(order)))
    rows = [Row(cells=(_EMPTY, *(Cell(parts=(label,), raw=label) for label in labels)))]
    for (title, first, end), record in zip(run, values):
        found: dict[str, list[str]] = {}
        for label, value in record:
            found.setdefault(label, []).append(value)
        head, last = blocks[title], blocks[end - 1]
        # its items on lines, without the glyphs a text export or a PDF prints
        text = "\n".join([blocks[title].text, *(unglyphed(b.text) for b in
                                                 blocks[title + 1:first])])
        cells = [Cell(parts=(text,), raw=text)]
        cells += [Cell(parts=tuple(found[label]), raw="\n".join(found[label]))
                  if label in found else _EMPTY for label in labels]
        rows.append(Row(cells=tuple(cells), line_start=head.line, line_end=last.line,
                        page_start=head.page, page_end=last.page))
    return Table(rows=tuple(rows))


def _shared(blocks: list, lines: list, run: list[tuple[int, int, int]]
            ) -> list[list[tuple[int, int, int]]]:
    """The run parted at each record none of whose labels another record of the
    run uses (a heading printed as ``Objective 2: Fair pay`` over a paragraph is
    no action's record): the parts, without those records. A run of one record is
    itself."""
    labels = [{lines[k][0] for k in range(first, end) if lines[k] is not None}
              for _, first, end in run]
    used = Counter(label for record in labels for label in record)
    if len(run) == 1:
        return [run]  # a record alone: a table only of the plan's known labels
    parts: list[list[tuple[int, int, int]]] = [[]]
    for record, own in zip(run, labels):
        if any(used[label] > 1 for label in own):
            parts[-1].append(record)
        elif parts[-1]:
            parts.append([])
    return [part for part in parts if part]


def _runs(blocks: list, lines: list, records: list[tuple[int, int, int]]
          ) -> list[list[tuple[int, int, int]]]:
    """The records in runs, one record's end the next one's title, each parted
    where a record shares no label with the others (``_shared``)."""
    runs: list[list[tuple[int, int, int]]] = []
    for record in records:
        if runs and runs[-1][-1][2] == record[0]:
            runs[-1].append(record)
        else:
            runs.append([record])
    return [part for run in runs for part in _shared(blocks, lines, run)]


def _strand_headings(lines: list, runs: list[list[tuple[int, int, int]]],
                     settings: LabelledSettings) -> list[int]:
    """The label lines that are headings over the records after them, not a value
    of the record above: a record's last label line, after its other labels, whose
    label the column vocabulary reads as the strand (``Protected characteristic:
    Belief``) and which fewer than ``heading_share`` of the run's records print (a
    strand printed for each action is a value; one printed over a group of them,
    between two records, is the group's heading)."""
    out: list[int] = []
    for run in runs:
        used = Counter(label for _, first, end in run
                       for label in {lines[k][0] for k in range(first, end)})
        for _, first, end in run:
            label = lines[end - 1][0]
            if end - 1 > first and used[label] < settings.heading_share * len(run) \
                    and role_of(label) == "strand":
                out.append(end - 1)
    return out


def labelled_tables(raw: RawDocument, settings: LabelledSettings = DEFAULT.labelled,
                    printed: str = "paragraphs") -> None:
    """Replace, in ``raw.blocks``, each run of labelled records by a table.
    ``printed``: what the reader's paragraphs are: ``paragraphs`` as the author
    wrote them (Word, HTML), ``text`` a text export's lines, ``pdf`` a PDF's lines
    (``labelled_lines``: where a paragraph may run on over several)."""
    packed = isinstance(raw.blocks, PackedBlocks)
    blocks = held(raw.blocks) if packed else raw.blocks
    if not isinstance(blocks, list) or not any(
            isinstance(b, Paragraph) and ":" in b.text for b in blocks):
        return
    lines = [label_line(b, settings) for b in blocks]
    if sum(line is not None for line in lines) < settings.min_records * settings.min_labels:
        return
    if printed != "paragraphs":
        join = text_run_ons if printed == "text" else pdf_run_ons
        blocks = join(blocks, lines, settings)
        lines = [label_line(b, settings) for b in blocks]
    records = _records(blocks, lines, settings)
    if len(records) < settings.min_records:
        return
    runs = _runs(blocks, lines, records)
    headings = _strand_headings(lines, runs, settings)
    if headings:
        for k in headings:
            lines[k] = None
        runs = _runs(blocks, lines, _records(blocks, lines, settings))
    order = {label: n for n, label in enumerate(dict.fromkeys(
        lines[k][0] for run in runs for _, first, end in run for k in range(first, end)
        if lines[k] is not None))}
    tables = [_table(blocks, run, settings, order=order) for run in runs]
    # a short run (a section of one or two actions under its heading) is a table
    # where every label it prints is one the plan's other tables print
    known = {cell.text for table in tables if table is not None
             for cell in table.rows[0].cells[1:]}
    out: list = []
    done = 0
    for run, table in zip(runs, tables):
        if table is None and known:
            table = _table(blocks, run, settings, known, order)
        if table is None:
            continue
        out += blocks[done:run[0][0]]
        out.append(table)
        done = run[-1][2]
    if done:
        raw.blocks = PackedBlocks(out + blocks[done:]) if packed else out + blocks[done:]

