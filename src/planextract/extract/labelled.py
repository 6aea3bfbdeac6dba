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
label line is one paragraph. The rule reads paragraphs with their heading and bold
facts only, so every reader hands it its own: Word and HTML paragraphs as written;
a text export's lines, joined where the export wraps its paragraphs (``run_ons``);
a PDF's lines, joined by its reader where a line runs to the text's right edge.
Where no title is bold or a heading (a plain-text export prints neither), a
record's title is the nearest paragraph above its labels that is no bullet item."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from planextract.extract.block_pack import PackedBlocks, held
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET
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


def _item(block: Paragraph) -> bool:
    """A bullet item printed with its glyph (a text export's or a PDF's list item)."""
    return bool(GLYPH_BULLET.match(block.text) or DASH_BULLET.match(block.text))


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
            and lines[k] is None and _item(blocks[k]):
        k -= 1
    above = blocks[k]
    if k >= bound and isinstance(above, Paragraph) and lines[k] is None \
            and above.text.strip() and not _item(above):
        return k
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


def labelled_tables(raw: RawDocument, settings: LabelledSettings = DEFAULT.labelled,
                    wrapped: bool = False) -> None:
    """Replace, in ``raw.blocks``, each run of labelled records by a table.
    ``wrapped``: the blocks are a text export's lines, which may wrap a paragraph
    over several (``run_ons``)."""
    packed = isinstance(raw.blocks, PackedBlocks)
    blocks = held(raw.blocks) if packed else raw.blocks
    if not isinstance(blocks, list) or not any(
            isinstance(b, Paragraph) and ":" in b.text for b in blocks):
        return
    lines = [_label_line(b, settings) for b in blocks]
    if sum(line is not None for line in lines) < settings.min_records * settings.min_labels:
        return
    if wrapped:
        blocks = run_ons(blocks, lines)
        lines = [_label_line(b, settings) for b in blocks]
    records = _records(blocks, lines, settings)
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
        raw.blocks = PackedBlocks(out + blocks[done:]) if packed else out + blocks[done:]


def run_ons(blocks: list, lines: list) -> list:
    """A text export's lines as paragraphs. An export that parts its paragraphs by
    blank lines (pandoc's markdown, most labelled lines with a blank line above
    them) may wrap one over several lines: there a line right under another
    continues it, unless either is a heading or a line opens a label, a bullet
    item or a bold title. An export with no blank line between its label lines
    prints a paragraph a line."""
    labelled = [k for k, line in enumerate(lines) if line is not None and k
                and isinstance(blocks[k - 1], Paragraph)]
    apart = sum(1 for k in labelled if _gap(blocks[k - 1], blocks[k]))
    if not labelled or 2 * apart < len(labelled):
        return blocks
    out: list = []
    end = None  # the last line of the paragraph out[-1]
    for k, block in enumerate(blocks):
        before = out[-1] if out else None
        if (isinstance(block, Paragraph) and isinstance(before, Paragraph)
                and end is not None and block.line == end + 1
                and not (before.level or block.level)
                and lines[k] is None and not _item(block) and not block.bold):
            out[-1] = Paragraph(f"{before.text} {block.text}", line=before.line,
                                page=before.page, bold=before.bold)
            end = block.line
            continue
        out.append(block)
        end = block.line if isinstance(block, Paragraph) else None
    return out


def _gap(above: Paragraph, below: Paragraph) -> bool:
    """A blank line (or more) between two paragraphs of a text export."""
    return above.line is None or below.line is None or below.line - above.line > 1


_MARKS = re.compile(r"^\s*(?:#{1,6}\s+)?|\*\*|__")


def looks_labelled(lines: Iterable[str], settings: LabelledSettings = DEFAULT.labelled) -> bool:
    """A text with no table whose lines print labelled records: ``min_labels``
    labels or more each printed on ``min_records`` lines or more (markdown's heading
    and bold marks taken off). Read as ``text-plain``: a paragraph a line."""
    used: Counter[str] = Counter()
    for line in lines:
        if ":" in line:
            pair = _label_line(Paragraph(_MARKS.sub("", line)), settings)
            if pair is not None:
                used[pair[0]] += 1
    return sum(1 for count in used.values() if count >= settings.min_records) \
        >= settings.min_labels
