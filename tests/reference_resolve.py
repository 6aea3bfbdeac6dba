"""``column_evidence.resolve`` as it was before ``ColumnFacts`` (issue 11): every
call reads every cell of every column again. The reference the fast path is
compared with (tests/test_column_facts.py, test_layout_memo.py, and the
whole-document test of test_speed_equivalence.py)."""

from __future__ import annotations

from planextract.lexicon.column_roles import is_weak_action, names_action_in_complement
from planextract.lexicon.text import squash
from planextract.normalise import dates
from planextract.normalise.column_evidence import (
    _DATE_WORD,
    Resolved,
    _dated,
    _grouping_labels,
    _holds_actions_over,
    _read_again,
    action_score,
    colour_like,
    dated_column,
    id_like,
    owner_like,
    printed_once_over,
    unposted_action_score,
    verb_share,
)
from planextract.normalise.column_shapes import beside_others, numbers_parents
from planextract.normalise.strands import names_strands
from planextract.settings import DEFAULT, ColumnSettings


def reference_start_end_pair(roles: list[str], cells: list[list[str]]) -> int | None:
    """The left column of two adjacent date columns whose dates run forward on
    every row that fills both (and strictly forward on some), or None."""
    def datelike(i: int) -> bool:
        return roles[i] == "due" or roles[i] == "extra" and dated_column(cells[i], 0.8)
    for i in range(len(roles) - 1):
        if not (datelike(i) and datelike(i + 1)) or "due" not in roles[i:i + 2]:
            continue
        forward = 0
        for left, right in zip(cells[i], cells[i + 1]):
            first, _flags = dates.start_of(left)
            end = dates.parse_due(right)
            if first is None or end.due_date is None:
                continue
            if first > end.due_date:
                break
            forward += first < end.due_date
        else:
            if forward:
                return i
    return None


def reference_pick(candidates: list[int], columns: list[list[str]],
                   floor: float = 0.0) -> int | None:
    scored = [(action_score(columns[i]), -i, i) for i in candidates]
    scored = [s for s in scored if s[0] > floor]
    return max(scored)[2] if scored else None


def reference_resolve(headers: list[str], roles: list[str], columns: list[list[str]],
                      settings: ColumnSettings = DEFAULT.columns, squashed: bool = False,
                      facts: object = None, merged: object = None) -> Resolved:
    """Final roles of a table's columns. ``columns`` holds each column's cell
    texts, data rows only; ``squashed`` says they are squashed already (the
    pipeline's callers squash them as they make the columns: a long table's
    cells squashed again cost as much as the first time, issue 11). ``facts``
    ignored. ``merged``: the columns (or a ``ColumnFacts`` of them) with each covered
    cell given the value merged over it, for the owner and date shares."""
    roles = list(roles) + ["extra"] * (len(columns) - len(roles))
    headers = list(headers) + [""] * (len(columns) - len(headers))
    cells = ([list(col) for col in columns] if squashed
             else [[squash(v) for v in col] for col in columns]) \
        + [[]] * (len(roles) - len(columns))
    merged = getattr(merged, "columns", merged)
    shares = cells if merged is None else [list(col) for col in merged] \
        + [[]] * (len(roles) - len(merged))
    notes: list[str] = []
    original = list(roles)

    # a column of numbers is the id, whatever its header (``Action``, ``Strategic
    # Theme action``, an unlabelled first column); only the leftmost one
    named_id = "action_id" in roles
    numeric = [i for i, r in enumerate(roles)
               if r in ("action_id", "action", "extra", "theme", "issue", "outcome")
               and (r != "extra" or not headers[i].strip() or not named_id)
               and id_like(cells[i], settings.id_share)]
    numeric += [i for i, r in enumerate(roles) if r == "action_id" and i not in numeric
                and not any(cells[i])]
    numeric.sort()
    for n, i in enumerate(numeric):
        roles[i] = "action_id" if n == 0 else "extra"
    for i, r in enumerate(roles):
        if r == "action_id" and i not in numeric[:1]:
            roles[i] = "extra"

    # a date column named by a word that can mean something else (``Target``,
    # ``Milestone``) that holds no date at all is not the date column
    for i, r in enumerate(roles):
        if r == "due" and not _DATE_WORD.search(headers[i]) and any(cells[i]) \
                and not any(_dated(v) for v in cells[i]):
            roles[i] = "extra"

    # with no date column named, a column whose cells read as dates is the date
    if "due" not in roles and "owner_due" not in roles:
        for i, r in enumerate(roles):
            shown = [v for v in shares[i] if v]
            filled = [v for v in shown if not owner_like([v], 1.0)]
            if r == "extra" and shown and (
                    sum(_dated(v) for v in shown) >= settings.date_share * len(shown)
                    or filled and 4 * (len(shown) - len(filled)) <= len(shown)
                    and sum(_dated(v) for v in filled) >= settings.date_share * len(filled)):
                roles[i] = "due"
                break

    # with no owner column named, an unnamed column of post names is the owner
    if not {"owner", "owner_due"} & set(roles):
        for i, r in enumerate(roles):
            if r == "extra" and any(cells[i]) and owner_like(shares[i]) \
                    and unposted_action_score(cells[i]) < settings.evidence_floor:
                roles[i] = "owner"
                break

    # with no strand column named, an unnamed column whose cells name strands is it
    if "strand" not in roles:
        for i, r in enumerate(roles):
            if r == "extra" and names_strands(cells[i]):
                roles[i] = "strand"
                break

    # two date columns side by side, the left one never later than the right
    # one, are a start and an end (``Begins | Ends``, ``Date from | Until``)
    if "start" not in roles:
        pair = reference_start_end_pair(roles, cells)
        if pair is not None:
            roles[pair] = "start"
            roles[pair + 1] = "due"

    # a column of colour words is the RAG status
    for i, r in enumerate(roles):
        if r in ("progress", "rag", "extra") and colour_like(cells[i]):
            roles[i] = "rag"

    # the action text: a column named action, else a weaker name (Task,
    # Recommendation), else the outcome or objective the row commits to, else
    # an issue column, else the cells' own evidence
    strong = [i for i, r in enumerate(roles) if r == "action" and not is_weak_action(headers[i])]
    if not strong and numeric and original[numeric[0]] == "action" \
            and not is_weak_action(headers[numeric[0]]):
        # ``Action | Issues | ...`` with numbers under Action: the header labels
        # the row's number, the text it numbers is the column beside it
        beside = numeric[0] + 1
        if beside < len(roles) and roles[beside] in ("issue", "extra", "outcome") \
                and action_score(cells[beside]) > 0:
            strong = [beside]
    weak = [i for i, r in enumerate(roles) if r == "action" and is_weak_action(headers[i])]
    tiers = [strong, weak, [i for i, r in enumerate(roles) if r == "outcome"],
             [i for i, r in enumerate(roles) if r == "issue"]]
    # a table with no action column is a plan table only beside owners, dates
    # or progress (a list of objectives and aims is narrative)
    values = any(r in roles for r in ("owner", "due", "progress", "rag", "start", "owner_due"))
    chosen = None
    for tier in tiers[:2] + (tiers[2:] if values else []):
        chosen = reference_pick(tier, cells) if len(tier) > 1 else (tier[0] if tier else None)
        if chosen is not None:
            break
    if chosen is not None and chosen in strong and weak \
            and names_action_in_complement(headers[chosen]):
        # ``Reason for action`` beside ``Tasks``: the action word only complements
        # the head; the other column wins when its cells are worded as actions
        other = reference_pick(weak, cells)
        if other is not None and verb_share(cells[other]) >= 0.5 \
                and verb_share(cells[other]) >= verb_share(cells[chosen]) + 0.3 \
                and action_score(cells[other]) > action_score(cells[chosen]):
            notes.append(f"the actions were taken from column {other + 1} "
                         f"({headers[other]}), whose cells are worded as actions, not from "
                         f"column {chosen + 1} ({headers[chosen]})")
            chosen = other
    if chosen is not None and roles[chosen] in ("issue", "outcome"):
        # an issue or outcome column is the action only when no unnamed column
        # holds the actions (``Issue | Response | Lead``, ``Impact | Detail |
        # Lead``): a column filled on as many rows, with longer action-like cells
        other = reference_pick([i for i, r in enumerate(roles) if r == "extra"], cells,
                               floor=settings.evidence_floor)
        named = beside_others(cells, chosen)
        if other is not None and (_holds_actions_over(beside_others(cells, other), named)
                                  or printed_once_over(cells[other], named)):
            notes.append(f"the actions were taken from column {other + 1} "
                         f"({headers[other] or 'unlabelled'}), which holds instructions, "
                         f"not from the {roles[chosen]} column beside it")
            chosen = other
    if chosen is not None and roles[chosen] == "action":
        # a column headed as the action that holds no sentences (``Who will do
        # it`` over names) gives way to an unnamed column of action sentences;
        # its header is read again without the action reading
        other = reference_pick([i for i, r in enumerate(roles) if r == "extra"], cells,
                               floor=settings.evidence_floor)
        if other is not None and verb_share(cells[chosen]) < 0.2 \
                and _holds_actions_over(cells[other], cells[chosen]) \
                and action_score(cells[other]) > 3 * action_score(cells[chosen]):
            notes.append(f"column {chosen + 1} ({headers[chosen]}) is headed as the action "
                         f"but holds no sentences; the actions were taken from column "
                         f"{other + 1} ({headers[other] or 'unlabelled'})")
            roles[chosen] = _read_again(headers[chosen], roles, cells[chosen])
            chosen = other
    if chosen is None and values:
        chosen = reference_pick([i for i, r in enumerate(roles) if r in ("extra", "theme")],
                                cells, floor=settings.evidence_floor)
        if chosen is not None:
            notes.append(f"no column is headed as the action; the actions were taken from "
                         f"column {chosen + 1} ({headers[chosen] or 'unlabelled'}), which "
                         f"holds sentences")
    for i, r in enumerate(roles):
        if r == "action" and i != chosen:
            roles[i] = "extra"
    if chosen is not None:
        roles[chosen] = "action"

    # an unnamed column whose cells open with the number their actions are numbered
    # under (``1 Staff feel safe`` beside ``1.1``) is the outcome: left of the actions
    # first, else right of them (a labelled plan's value: ``Outcome: 1 Staff ...``)
    if chosen is not None and "outcome" not in roles:
        numbers = [n for n in (*numeric[:1], chosen) if roles[n] in ("action_id", "action")]
        for i in [*range(chosen), *range(chosen + 1, len(roles))]:
            if roles[i] == "extra" and any(numbers_parents(cells[i], cells[n]) for n in numbers):
                roles[i] = "outcome"
                break

    # an unnamed column of short labels left of the actions, printed once over
    # the rows it groups (a merged cell), is their theme
    if chosen is not None and "theme" not in roles and "outcome" not in roles:
        for i in range(chosen):
            if roles[i] == "extra" and _grouping_labels(cells[i], cells[chosen]):
                roles[i] = "theme"
                break

    # one column each for the roles a row has once
    for role in ("outcome", "theme", "rag", "start"):
        for i in [k for k, r in enumerate(roles) if r == role][1:]:
            roles[i] = "extra"
    return Resolved(roles, notes)
