"""The drafts packed while a document's owners are resolved (issue 11).

``records`` reads every draft's owner cell, resolves the owners of the whole
document, and only then makes each draft its record: all through the resolution,
the normaliser's memory peak, the drafts wait. As objects a draft costs about
600 bytes beyond its text (the draft, a map of value lists, a string object per
value); packed, its fields are one ``marshal`` string of bytes beside the context
and outcome it shares with its neighbours, about 1.1-1.3 times the input less for
a 1 MB export. ``unpack`` gives back an equal draft (fields of the same types and
order; the flags as a set of their own) when its record is made.
"""

from __future__ import annotations

import marshal

from planextract.normalise.draft import Context, Draft, Outcome

# (context, outcome, the other fields marshalled): context and outcome are shared
# by the drafts under one heading, so they stay objects
Packed = tuple[Context, Outcome | None, bytes]


def pack(draft: Draft) -> Packed:
    """``draft`` as a context, an outcome and its other fields in one bytes string."""
    return (draft.context, draft.outcome, marshal.dumps((
        draft.table, draft.action_id_raw, draft.action, draft.values, draft.extra,
        draft.line_start, draft.line_end, draft.page_start, draft.page_end,
        tuple(draft.flags))))


def unpack(packed: Packed) -> Draft:
    """The draft ``pack`` was given, equal field for field."""
    context, outcome, blob = packed
    (table, action_id_raw, action, values, extra, line_start, line_end, page_start, page_end,
     flags) = marshal.loads(blob)
    draft = Draft(table=table, context=context, outcome=outcome, action_id_raw=action_id_raw,
                  action=action, values=values, extra=extra, line_start=line_start,
                  line_end=line_end, page_start=page_start, page_end=page_end)
    if flags:
        draft.flags = set(flags)
    return draft


def pack_all(drafts: list[Draft]) -> list[Packed]:
    """Every draft packed and taken off ``drafts`` (left empty) one at a time, so
    the drafts and their packed forms are not all held at once; the packed list is
    in reverse order, the first draft last (``pop`` gives them in order)."""
    out: list[Packed] = []
    while drafts:
        out.append(pack(drafts.pop()))
    return out
