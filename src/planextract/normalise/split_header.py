"""A header row whose data rows begin in a later block.

A plan that prints a heading line between its header and its first rows (``Aim 1 -
Fair recruitment`` under the header of an objective-rows plan, exported as text with
tabs) leaves its header row alone in a block: labels the vocabulary knows still
make it a header, but labels it does not know are a header only over cells that
prove a plan (``header_rows._labels_over_plan``), and a lone row has none below it.
The cells are those of the blocks that follow, as wide as it, up to the first that
has a header of its own: they prove it as the block's own rows would.
"""

from __future__ import annotations

from itertools import islice

from planextract.extract.block_pack import table_texts
from planextract.extract.model import Paragraph
from planextract.normalise import dates
from planextract.normalise import table_texts as text_pass
from planextract.normalise.header_rows import EVIDENCE_ROWS, Header, header_in, label_row
from planextract.normalise.table_texts import Texts, squashed


def header_and_body(items: list, index: int, rows: Texts, search: int
                    ) -> tuple[Header | None, Texts]:
    """The header of block ``items[index]`` (its cells' texts ``rows``) and the data
    rows its columns are resolved from: its own rows below the header, or, for a
    header with no row below it in its block, the rows of the blocks after it; for a
    row of labels with too few rows below it to prove a plan, the header those rows
    prove (``header_over_next``), or the header a later block proves by printing
    the same labels (``header_by_reprint``)."""
    header = text_pass.find_header(rows, search)  # by name: a test swaps it
    if header is not None:
        body = rows[header.last + 1:]
        if not body:
            body = rows_after(items, index, len(rows[0]), squashed(rows[header.last:])[0],
                              search)
        return header, body
    found = header_over_next(items, index, rows, search) or header_by_reprint(
        items, index, rows, search)
    return found if found is not None else (None, rows)


def rows_after(items: list, index: int, width: int, labels: list[str], search: int
               ) -> Texts:
    """The rows of the table blocks after ``items[index]`` (paragraphs between
    skipped) up to ``EVIDENCE_ROWS``, as wide as ``width``, up to a block of another
    width or one with its own header; repeats of ``labels`` left out."""
    body: Texts = []
    for block in islice(items, index + 1, None):
        if isinstance(block, Paragraph):
            continue
        texts = table_texts(block)[0]
        if not texts or len(texts[0]) != width \
                or text_pass.find_header(texts, search) is not None:
            break
        body += [r for r in texts if squashed([r])[0] != labels]
        if len(body) >= EVIDENCE_ROWS:
            break
    return body[:EVIDENCE_ROWS]


def header_over_next(items: list, index: int, rows: Texts, search: int
                     ) -> tuple[Header, Texts] | None:
    """The header a row of labels in a short block makes over the rows of the table
    blocks after it (``rows_after``), with those rows, or None. The header must lie
    in the block itself."""
    if not rows or len(rows) > search:
        return None
    own = squashed(rows)
    labels = next((r for r in own if label_row(r)), None)
    if labels is None:
        return None
    body = rows_after(items, index, len(rows[0]), labels, search)
    if not body:
        return None
    header = header_in(own + squashed(body), search, EVIDENCE_ROWS)
    if header is None or header.last >= len(rows):
        return None
    return header, rows[header.last + 1:] + body


# table blocks after a lone row of labels searched for the same labels proven
REPRINT_BLOCKS = 24
# words of a cell under the labels that make it a sentence, an action's
SENTENCE_WORDS = 6


def header_by_reprint(items: list, index: int, rows: Texts, search: int
                      ) -> tuple[Header, Texts] | None:
    """A row of labels over too few rows to prove a plan (a section's table of one
    row, its actions stacked in one cell) is the header when a later table block of
    the document, up to ``REPRINT_BLOCKS``, prints the same labels as its own proven
    one-row header: a plan prints one header over each section's table, and the
    sections with more rows prove it for those with fewer. Asked only of a block
    with a sentence and a date under its labels."""
    own = squashed(rows[:search])
    at = next((i for i, r in enumerate(own) if label_row(r)), None)
    # only a block with a sentence and a date under its labels (a plan's row) looks
    # on: a key's rows (``Amber``, ``Progressing - objective likely to be met``) would
    # each read the blocks after
    body = [t for r in rows[at + 1:] for t in r if t] if at is not None else []
    if not body or not any(len(t.split()) >= SENTENCE_WORDS for t in body) \
            or not any(dates.parse_due(t).kind in dates.DEADLINE_KINDS for t in body):
        return None
    labels = own[at]
    tables = (b for b in islice(items, index + 1, None) if not isinstance(b, Paragraph))
    for block in islice(tables, REPRINT_BLOCKS):
        texts = table_texts(block)[0]
        if not texts or len(texts[0]) != len(labels):
            continue
        found = text_pass.find_header(texts, search)
        if found is not None and found.first == found.last \
                and squashed(texts[found.first:found.first + 1])[0] == labels:
            return Header(at, at, labels, tuple(labels)), rows[at + 1:]
    return None
