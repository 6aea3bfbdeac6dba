"""The drafts packed while a document's owners are resolved (issue 11).

``records`` reads every draft's owner cell, resolves the owners of the whole
document, and only then makes each draft its record: all through the resolution,
the normaliser's memory peak, the drafts wait. As objects a draft costs about
600 bytes beyond its text (the draft, a map of value lists, a string object per
value). Packed, a run of drafts is one ``marshal`` string of bytes (their fields;
a string printed twice in the run written once) beside the contexts and outcomes
they share with their neighbours: about 1.1-1.3 times a 1 MB export less.

A run's bytes are one block from the C allocator, not many small objects in
Python's own arenas, which hand memory back only when wholly empty: as records
are made, each run's block is freed whole and the Arrow batches of the rows
(made through the same allocator) reuse it, instead of adding to the peak.
``ReadyDrafts`` can hold each run's bytes LZ4-compressed (``RunSettings.squeeze_drafts``):
a 1 MB export's runs take 0.45-0.6 MiB less (1,150 KiB of marshal bytes in 1,154 ->
about 570 at 32 drafts a run) for about 2 ms to squeeze and 1 to unsqueeze.
``PackedDrafts.pop`` gives back drafts equal to those packed, field for field
(the same types and order; the flags a set of their own), in document order.
"""

from __future__ import annotations

import marshal
from collections import deque
from collections.abc import Callable, Iterable

from planextract.normalise.draft import Context, Draft, Outcome, document_order
from planextract.squeeze import squeeze, unsqueeze


def _fields(draft: Draft) -> tuple:
    return (draft.table, draft.action_id_raw, draft.action, draft.values, draft.extra,
            draft.line_start, draft.line_end, draft.page_start, draft.page_end,
            tuple(draft.flags))


def _draft(context: Context, outcome: Outcome | None, fields: tuple) -> Draft:
    (table, action_id_raw, action, values, extra, line_start, line_end, page_start, page_end,
     flags) = fields
    draft = Draft(table=table, context=context, outcome=outcome, action_id_raw=action_id_raw,
                  action=action, values=values, extra=extra, line_start=line_start,
                  line_end=line_end, page_start=page_start, page_end=page_end)
    if flags:
        draft.flags = set(flags)
    return draft


class PackedDrafts:
    """A document's drafts packed a run of ``run`` at a time, taken off the list
    given (left empty) a run at a time; ``pop`` unpacks them in document order."""

    __slots__ = ("_runs", "_open")

    def __init__(self, drafts: list[Draft], run: int) -> None:
        run = max(1, run)
        # the last run first: popped from the end, the runs come in document order
        self._runs: list[tuple[list[Context], list[Outcome | None], bytes]] = []
        while drafts:
            start = max(0, len(drafts) - run)
            part = drafts[start:]
            del drafts[start:]
            self._runs.append(([d.context for d in part], [d.outcome for d in part],
                               marshal.dumps([_fields(d) for d in part])))
        self._open: list[Draft] = []  # the run being unpacked, last draft first

    def __bool__(self) -> bool:
        return bool(self._open or self._runs)

    def pop(self) -> Draft:
        """The next draft in document order (IndexError when none is left)."""
        if not self._open:
            contexts, outcomes, blob = self._runs.pop()
            self._open = [_draft(c, o, f)
                          for c, o, f in zip(contexts, outcomes, marshal.loads(blob))]
            self._open.reverse()
        return self._open.pop()


class ReadyDrafts:
    """A document's drafts packed as ``drafts_of`` makes them, ``run`` to a block of
    bytes (issue 11: the drafts step's peak; as objects every draft was held from
    its row to the owners). Each is first made ready for the records by ``prepare``
    (what ``records`` did to every draft before the owners: it gives the draft's
    owner text and scrutiny pieces, kept here in document order).

    ``add`` takes a draft that will not change again; ``add_open`` one its table
    builder may still grow (the last of the builder: a continuation row joins it),
    held as an object and packed once ``close``-d. ``finish`` closes any still open
    and packs the rest; drafts made out of document order (the key ``drafts_of``
    sorts by) are then put in order, stably, as its sort would. ``pop`` gives them
    back in document order as ``PackedDrafts.pop`` does."""

    __slots__ = ("_run", "_prepare", "_runs", "_pending", "_start", "_live", "_seq_of",
                 "_late", "owner_cells", "pieces", "_last_key", "_in_order", "_open",
                 "_squeeze")

    def __init__(self, run: int, prepare: Callable[[Draft], tuple[str | None, Iterable[str]]],
                 squeeze: bool = False) -> None:
        self._run = max(1, run)
        self._squeeze = squeeze  # each run's bytes LZ4-compressed (``squeeze.squeeze``)
        self._prepare = prepare
        # each run: its first draft's number, contexts, outcomes, fields (None: packed later)
        self._runs: deque[tuple[int, list[Context], list[Outcome | None], bytes]] = deque()
        self._pending: list[Draft] = []  # made, not yet packed, in document order
        self._start = 0  # the number of the first pending draft
        self._live: dict[int, Draft] = {}  # the open drafts by number
        self._seq_of: dict[int, int] = {}  # an open draft's number by its id
        self._late: dict[int, bytes] = {}  # fields of drafts closed after their run was packed
        self.owner_cells: list[str | None] = []  # each draft's owner text, in order
        self.pieces: set[str] = set()  # every scrutiny piece the drafts print
        self._last_key = (0, 0)
        self._in_order = True
        self._open: list[Draft] = []  # the run being unpacked, last draft first

    def _number(self, draft: Draft) -> int:
        key = document_order(draft)
        if key < self._last_key:
            self._in_order = False
        self._last_key = max(key, self._last_key)
        seq = self._start + len(self._pending)
        self._pending.append(draft)
        return seq

    def _ready(self, draft: Draft, seq: int) -> None:
        owner, pieces = self._prepare(draft)
        self.owner_cells[seq] = owner
        self.pieces.update(pieces)

    def add(self, draft: Draft) -> None:
        """A draft no row will change again, in document order."""
        seq = self._number(draft)
        self.owner_cells.append(None)
        self._ready(draft, seq)
        if len(self._pending) >= self._run:
            self._pack()

    def add_open(self, draft: Draft) -> None:
        """A draft its builder may still grow: packed once ``close``-d."""
        seq = self._number(draft)
        self.owner_cells.append(None)
        self._live[seq] = draft
        self._seq_of[id(draft)] = seq
        if len(self._pending) >= self._run:
            self._pack()

    def close(self, draft: Draft) -> None:
        """An open draft now final (its builder made a newer one, or read its last row)."""
        seq = self._seq_of.pop(id(draft), None)
        if seq is None:
            return
        del self._live[seq]
        self._ready(draft, seq)
        if seq < self._start:  # its run is packed: its fields wait apart
            self._late[seq] = marshal.dumps(_fields(draft))

    def _pack(self) -> None:
        part, self._pending = self._pending, []
        live = self._live
        fields = [None if self._start + i in live else _fields(d) for i, d in enumerate(part)]
        blob = marshal.dumps(fields)
        del fields
        if self._squeeze:
            blob = squeeze(blob)
        self._runs.append((self._start, [d.context for d in part], [d.outcome for d in part],
                           blob))
        self._start += len(part)

    def finish(self) -> ReadyDrafts:
        """Close every draft still open, pack the rest, and put the drafts in
        document order if they were made out of it."""
        for seq in sorted(self._live):
            self.close(self._live[seq])
        if self._pending:
            self._pack()
        if not self._in_order:
            self._sort()
        return self

    def _sort(self) -> None:
        drafts = []
        while self:
            drafts.append(self.pop())
        order = sorted(range(len(drafts)), key=lambda i: document_order(drafts[i]))
        owners = self.owner_cells
        self.owner_cells = [owners[i] for i in order]
        self._start, self._in_order = 0, True
        for i in order:
            self._pending.append(drafts[i])
            if len(self._pending) >= self._run:
                self._pack()
        if self._pending:
            self._pack()

    def __bool__(self) -> bool:
        return bool(self._open or self._runs)

    def __len__(self) -> int:
        """How many drafts were made (popped or not), as ``len`` of the list
        ``drafts_of`` gives unpacked: what the action rows are sized by."""
        return self._start + len(self._pending)

    def pop(self) -> Draft:
        """The next draft in document order (IndexError when none is left)."""
        if not self._open:
            if not self._runs:
                raise IndexError("pop from no drafts")
            start, contexts, outcomes, blob = self._runs.popleft()
            if self._squeeze:
                blob = unsqueeze(blob)
            late = self._late
            self._open = [_draft(c, o, f if f is not None else marshal.loads(late.pop(start + i)))
                          for i, (c, o, f) in enumerate(zip(contexts, outcomes,
                                                            marshal.loads(blob)))]
            self._open.reverse()
        return self._open.pop()
