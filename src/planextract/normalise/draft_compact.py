"""A document's drafts made compact once the first pass is done with them (issue 11).

The drafts are held from the end of the first pass until each becomes its record,
through owner resolution, the normaliser's peak. Built row by row, each draft has its
own one-value list per role (``Chief Executive`` printed on 500 rows: 500 lists) and
its own ``extra`` map, most often empty. Once no row can grow a draft any more, equal
value lists and extra maps are shared: the same values, held once. Nothing after the
first pass changes one of these in place (``records`` replaces a role's list and
hands each record a map of its own), so sharing changes nothing the records read.
(A draft's flags stay its own set: few drafts have any.)
"""

from __future__ import annotations

from planextract.normalise.draft import Draft

# the ``extra`` of every draft without extra cells, once the first pass is done
# (``records`` hands each record a map of its own; tests/test_draft_compact.py
# checks it is still empty after whole documents)
NO_EXTRA: dict[str, str] = {}


def compact(drafts: list[Draft]) -> None:
    """Share equal value lists and ``extra`` maps across ``drafts`` (in place),
    once no row can grow them."""
    lists: dict[tuple[str, ...], list[str]] = {}
    extras: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
    for draft in drafts:
        values = draft.values
        for role, printed in values.items():
            values[role] = lists.setdefault(tuple(printed), printed)
        extra = draft.extra
        if not extra:
            draft.extra = NO_EXTRA
        else:  # a plan prints few distinct extra cells (60 maps for 1,000 drafts)
            draft.extra = extras.setdefault(tuple(extra.items()), extra)
