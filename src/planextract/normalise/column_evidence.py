"""What the cells say about their column, weighed after the headers.

Headers come first (``normalise.columns``); the cells settle what a header
cannot: a column of numbers is the action id whatever it is called, a column
of colour words is the RAG status, and when several columns could hold the
action text, the one holding the longest sentences that open with a verb does.
When no header names an action at all, the same evidence picks the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from planextract.lexicon.column_roles import is_weak_action, names_action_in_complement, role_of
from planextract.lexicon.text import squash
from planextract.normalise import dates, rag
from planextract.normalise.action_words import action_like
from planextract.normalise.column_facts import ColumnFacts
from planextract.normalise.column_posts import (  # noqa: F401 (read from here too)
    _dated,
    _names_post,
    _post_name,
    _post_words,
    owner_like,
)
from planextract.normalise.column_shapes import beside_others, numbers_parents
from planextract.normalise.strands import names_strands
from planextract.settings import DEFAULT, ColumnSettings

ID_LIKE = re.compile(r"^[A-Z]{0,3}[\s-]?\d{1,4}(?:\s?\.\s?\d{1,3}){0,2}[.)]?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")  # a bare year is a date, not an id
# words that name a date column and nothing else
_DATE_WORD = re.compile(r"date|when|deadline|time|due|by$|^to$|^end$|complet|finish", re.I)


@dataclass
class Resolved:
    """Roles after the cells were weighed, and what could not be placed."""

    roles: list[str]
    notes: list[str] = field(default_factory=list)


def reaches(hits: Iterable[bool], total: int, share: float) -> bool:
    """``sum(hits) >= share * total`` for ``total`` hits, read only until the answer
    is certain: reached, or out of reach with the hits left (issue 11: a long
    logical table's columns were read to the end, a date parsed per cell)."""
    need = share * total
    count, left = 0, total
    for hit in hits:
        left -= 1
        if hit:
            count += 1
            if count >= need:
                return True
        elif count + left < need:
            return False
    return count >= need


def id_like(values: list[str], share: float = DEFAULT.columns.id_share) -> bool:
    """Most cells of the column are bare numbers (``1``, ``1.1``, ``A1``, ``1000.1``)."""
    filled = [v for v in values if v]
    return bool(filled) and reaches((bool(ID_LIKE.match(v)) and not _YEAR.match(v)
                                     for v in filled), len(filled), share)


def colour_like(values: list[str]) -> bool:
    """Every filled cell is a RAG colour word (``Green``, ``Amber``)."""
    filled = [v for v in values if v]
    return bool(filled) and all(v.strip().lower() in rag.COLOURS and len(v.strip()) > 1
                                or len(v.strip()) == 1 and v.strip().upper() in "RAG"
                                for v in filled)


def action_score(values: list[str]) -> float:
    """How much a column looks like the action text: long sentences opening
    with a verb. Zero for a column of short labels or numbers."""
    filled = [v for v in values if v and not ID_LIKE.match(v)]
    if not filled:
        return 0.0
    mean_words = sum(len(v.split()) for v in filled) / len(filled)
    verbs = sum(action_like(v) for v in filled) / len(filled)
    coverage = len(filled) / max(1, len([v for v in values if v]))
    return mean_words * (0.3 + verbs) * coverage


def verb_share(values: list[str]) -> float:
    """Share of the filled cells that open with a verb."""
    filled = [v for v in values if v]
    return sum(action_like(v) for v in filled) / len(filled) if filled else 0.0


def dated_column(values: list[str], share: float = 0.5) -> bool:
    """At least ``share`` of the filled cells read as dates (a deadline, a range,
    several, or a recurring or open-ended date)."""
    filled = [v for v in values if v]
    return bool(filled) and reaches(map(_dated, filled), len(filled), share)


def dated_beside_posts(values: list[str], share: float = 0.5) -> bool:
    """``dated_column``, or the same over the filled cells that name no post where
    at most a quarter name one: a column of dates holds a post name where a row
    swapped its owner and its date (``owner_like`` leaves the date out alike); a
    column with more posts than that is no column of dates."""
    if dated_column(values, share):
        return True
    heads, short, _stop = _post_words()
    filled = [v for v in values if v]
    rest = [v for v in filled if not _names_post(v, heads, short)]
    return 4 * (len(filled) - len(rest)) <= len(filled) and dated_column(rest, share)


def plan_columns(columns: list[list[str]],
                 settings: ColumnSettings = DEFAULT.columns) -> bool:
    """Columns that hold a plan whatever their labels say: one reads as dates and
    another holds sentences (``action_score`` above the evidence floor)."""
    # the sentences first, the dates only while the answer is open (issue 11: every
    # column's cells were parsed as dates, for a header search's row of labels)
    texts = [i for i, c in enumerate(columns) if action_score(c) > settings.evidence_floor]
    return bool(texts) and any(dated_column(c) for i, c in enumerate(columns)
                               if len(texts) > 1 or texts[0] != i)


def _holds_actions_over(other: list[str], named: list[str]) -> bool:
    """``other`` (an unnamed column) rather than ``named`` (an issue or outcome
    column) holds the actions: it is filled on at least as many rows, its cells
    open like actions at least as often (and mostly), and it scores higher."""
    filled = sum(bool(v) for v in other)
    return (filled >= sum(bool(v) for v in named)
            and verb_share(other) >= max(0.5, verb_share(named))
            and action_score(other) > action_score(named))


def printed_once_over(other: list[str], named: list[str]) -> bool:
    """``named`` (an issue or outcome column) is printed once over the rows it
    groups, as a merged cell or a labelled plan's value given on its first record
    only, while ``other`` (an unnamed column) fills each of them: ``other`` holds the
    row's own text, the actions, where its cells weigh more over the table (their
    score times the rows they fill: an outcome's sentence may be the longer). A
    column filled on half the rows or fewer cannot be one action a row."""
    filled = sum(bool(v) for v in other)
    once = sum(bool(v) for v in named)
    return (0 < 2 * once <= filled and all(o for o, n in zip(other, named) if n)
            and action_score(other) * filled > action_score(named) * once)


def _read_again(header: str, roles: list[str], values: list[str]) -> str:
    """The role of a header read again without its action reading: a post
    reading (``Monitoring`` as who monitors) only where the cells name posts and
    no other column holds the owners (a SMART plan's measures are no owners)."""
    role = role_of(header, skip=("action",))
    if role in ("owner", "owner_due") and ({"owner", "owner_due"} & set(roles)
                                          or not owner_like(values)):
        return "extra"
    return role


def unposted_action_score(values: list[str]) -> float:
    """``action_score`` of the cells that are not names of posts (``_post_name``),
    weighed by their share of the filled cells: a column of post names whose first
    words are verbs (``Head of Planning``, ``Lead for Safeguarding``) reads as no
    actions, so the cells can show it is the owner column."""
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    heads, short, stop = _post_words()
    rest = [v for v in filled if not _post_name(v, heads, short, stop)]
    return action_score(rest) * len(rest) / len(filled)


def _any_dated(values: list[str]) -> bool:
    return any(_dated(v) for v in values)


def _runs_forward(starts: list[str], ends: list[str]) -> bool:
    """The dates of ``starts`` are never later than those of ``ends`` on the rows
    that fill both, and earlier on some."""
    forward = 0
    for left, right in zip(starts, ends):
        first, _flags = dates.start_of(left)
        end = dates.parse_due(right)
        if first is None or end.due_date is None:
            continue
        if first > end.due_date:
            return False
        forward += first < end.due_date
    return forward > 0


def _start_end_pair(roles: list[str], facts: ColumnFacts) -> int | None:
    """The left column of two adjacent date columns whose dates run forward on
    every row that fills both (and strictly forward on some), or None."""
    def datelike(i: int) -> bool:
        return roles[i] == "due" or roles[i] == "extra" and facts.ask(dated_column, i, 0.8)
    for i in range(len(roles) - 1):
        if not (datelike(i) and datelike(i + 1)) or "due" not in roles[i:i + 2]:
            continue
        if facts.pair(_runs_forward, i, i + 1):
            return i
    return None


def _grouping_labels(values: list[str], actions: list[str]) -> bool:
    """Short labels (no sentence, no date, no number, no post) on fewer rows than
    the actions, each repeated or standing over several rows: a grouping column."""
    filled = [v for v in values if v]
    if not filled or len(filled) >= sum(bool(a) for a in actions):
        return False
    return all(len(v.split()) <= 6 and not action_like(v) and not _dated(v)
               and not ID_LIKE.match(v) for v in filled) and not owner_like(filled, 0.5)


def _pick(candidates: list[int], facts: ColumnFacts, floor: float = 0.0) -> int | None:
    scored = [(facts.ask(action_score, i), -i, i) for i in candidates]
    scored = [s for s in scored if s[0] > floor]
    return max(scored)[2] if scored else None


def resolve(headers: list[str], roles: list[str], columns: list[list[str]],
            settings: ColumnSettings = DEFAULT.columns, squashed: bool = False,
            facts: ColumnFacts | None = None, merged: ColumnFacts | None = None) -> Resolved:
    """Final roles of a table's columns. ``columns`` holds each column's cell
    texts, data rows only; ``squashed`` says they are squashed already (the
    pipeline's callers squash them as they make the columns: a long table's
    cells squashed again cost as much as the first time, issue 11). ``facts``:
    the same squashed ``columns`` with what was read from them for another
    header of the table, so a column is read once whatever the headers. ``merged``:
    the same columns with each covered cell (``Row.covered``) given the value merged
    over it, weighed where a column's share of owners or dates decides its role (a
    cell merged down over four rows is printed for all four); every other rule reads
    the cells as printed (a merged outcome or theme is one cell over its rows)."""
    roles = list(roles) + ["extra"] * (len(columns) - len(roles))
    headers = list(headers) + [""] * (len(columns) - len(headers))
    if facts is None:
        facts = ColumnFacts([list(col) for col in columns] if squashed
                            else [[squash(v) for v in col] for col in columns])
    ask = facts.ask
    ask_merged = (merged or facts).ask
    notes: list[str] = []
    original = list(roles)

    # a column of numbers is the id, whatever its header (``Action``, ``Strategic
    # Theme action``, an unlabelled first column); only the leftmost one
    named_id = "action_id" in roles
    numeric = [i for i, r in enumerate(roles)
               if r in ("action_id", "action", "extra", "theme", "issue", "outcome")
               and (r != "extra" or not headers[i].strip() or not named_id)
               and ask(id_like, i, settings.id_share)]
    numeric += [i for i, r in enumerate(roles) if r == "action_id" and i not in numeric
                and not ask(any, i)]
    numeric.sort()
    for n, i in enumerate(numeric):
        roles[i] = "action_id" if n == 0 else "extra"
    for i, r in enumerate(roles):
        if r == "action_id" and i not in numeric[:1]:
            roles[i] = "extra"

    # a date column named by a word that can mean something else (``Target``,
    # ``Milestone``) that holds no date at all is not the date column
    for i, r in enumerate(roles):
        if r == "due" and not _DATE_WORD.search(headers[i]) and ask(any, i) \
                and not ask(_any_dated, i):
            roles[i] = "extra"

    # with no date column named, a column whose cells read as dates is the date
    if "due" not in roles and "owner_due" not in roles:
        for i, r in enumerate(roles):
            if r == "extra" and ask_merged(dated_beside_posts, i, settings.date_share):
                roles[i] = "due"
                break

    # with no owner column named, an unnamed column of post names is the owner
    if not {"owner", "owner_due"} & set(roles):
        for i, r in enumerate(roles):
            if r == "extra" and ask(any, i) and ask_merged(owner_like, i) \
                    and ask(unposted_action_score, i) < settings.evidence_floor:
                roles[i] = "owner"
                break

    # with no strand column named, an unnamed column whose cells name strands is it
    if "strand" not in roles:
        for i, r in enumerate(roles):
            if r == "extra" and ask(names_strands, i):
                roles[i] = "strand"
                break

    # two date columns side by side, the left one never later than the right
    # one, are a start and an end (``Begins | Ends``, ``Date from | Until``)
    if "start" not in roles:
        pair = _start_end_pair(roles, facts)
        if pair is not None:
            roles[pair] = "start"
            roles[pair + 1] = "due"

    # a column of colour words is the RAG status
    for i, r in enumerate(roles):
        if r in ("progress", "rag", "extra") and ask(colour_like, i):
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
                and ask(action_score, beside) > 0:
            strong = [beside]
    weak = [i for i, r in enumerate(roles) if r == "action" and is_weak_action(headers[i])]
    tiers = [strong, weak, [i for i, r in enumerate(roles) if r == "outcome"],
             [i for i, r in enumerate(roles) if r == "issue"]]
    # a table with no action column is a plan table only beside owners, dates
    # or progress (a list of objectives and aims is narrative)
    values = any(r in roles for r in ("owner", "due", "progress", "rag", "start", "owner_due"))
    chosen = None
    for tier in tiers[:2] + (tiers[2:] if values else []):
        chosen = _pick(tier, facts) if len(tier) > 1 else (tier[0] if tier else None)
        if chosen is not None:
            break
    if chosen is not None and chosen in strong and weak \
            and names_action_in_complement(headers[chosen]):
        # ``Reason for action`` beside ``Tasks``: the action word only complements
        # the head; the other column wins when its cells are worded as actions
        other = _pick(weak, facts)
        if other is not None and ask(verb_share, other) >= 0.5 \
                and ask(verb_share, other) >= ask(verb_share, chosen) + 0.3 \
                and ask(action_score, other) > ask(action_score, chosen):
            notes.append(f"the actions were taken from column {other + 1} "
                         f"({headers[other]}), whose cells are worded as actions, not from "
                         f"column {chosen + 1} ({headers[chosen]})")
            chosen = other
    if chosen is not None and roles[chosen] in ("issue", "outcome"):
        # an issue or outcome column is the action only when no unnamed column
        # holds the actions (``Issue | Response | Lead``, ``Impact | Detail |
        # Lead``): a column filled on as many rows, with longer action-like cells;
        # in both a cell alone in its row is no row's (a heading printed across, or
        # the rest of a cell a page break cut: its line opens mid-sentence)
        other = _pick([i for i, r in enumerate(roles) if r == "extra"], facts,
                      floor=settings.evidence_floor)
        named = beside_others(facts.columns, chosen)
        if other is not None and (_holds_actions_over(beside_others(facts.columns, other),
                                                      named)
                                  or printed_once_over(facts.column(other), named)):
            notes.append(f"the actions were taken from column {other + 1} "
                         f"({headers[other] or 'unlabelled'}), which holds instructions, "
                         f"not from the {roles[chosen]} column beside it")
            chosen = other
    if chosen is not None and roles[chosen] == "action":
        # a column headed as the action that holds no sentences (``Who will do
        # it`` over names) gives way to an unnamed column of action sentences;
        # its header is read again without the action reading
        other = _pick([i for i, r in enumerate(roles) if r == "extra"], facts,
                      floor=settings.evidence_floor)
        if other is not None and ask(verb_share, chosen) < 0.2 \
                and facts.pair(_holds_actions_over, other, chosen) \
                and ask(action_score, other) > 3 * ask(action_score, chosen):
            notes.append(f"column {chosen + 1} ({headers[chosen]}) is headed as the action "
                         f"but holds no sentences; the actions were taken from column "
                         f"{other + 1} ({headers[other] or 'unlabelled'})")
            roles[chosen] = _read_again(headers[chosen], roles, facts.column(chosen))
            chosen = other
    if chosen is None and values:
        chosen = _pick([i for i, r in enumerate(roles) if r in ("extra", "theme")], facts,
                       floor=settings.evidence_floor)
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
            if roles[i] == "extra" and any(facts.pair(numbers_parents, i, n) for n in numbers):
                roles[i] = "outcome"
                break

    # an unnamed column of short labels left of the actions, printed once over
    # the rows it groups (a merged cell), is their theme
    if chosen is not None and "theme" not in roles and "outcome" not in roles:
        for i in range(chosen):
            if roles[i] == "extra" and facts.pair(_grouping_labels, i, chosen):
                roles[i] = "theme"
                break

    # one column each for the roles a row has once
    for role in ("outcome", "theme", "rag", "start"):
        for i in [k for k, r in enumerate(roles) if r == role][1:]:
            roles[i] = "extra"
    return Resolved(roles, notes)
