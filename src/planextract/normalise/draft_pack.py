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
``PackedDrafts.pop`` gives back drafts equal to those packed, field for field
(the same types and order; the flags a set of their own), in document order.
"""

from __future__ import annotations

import marshal

from planextract.normalise.draft import Context, Draft, Outcome


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
