"""The second pass: a document's drafts made into action records, with owners,
dates, strands and scrutiny read over the whole document first, then each draft let
go once its record is made (issue 11: a long document's memory)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planextract.lexicon import text as text_cache
from planextract.lexicon.role_vocab import sector_of
from planextract.lexicon.text import squash, squash_lines
from planextract.normalise import (
    dates,
    glossary,
    left_out,
    numbering,
    owner_due,
    owners,
    rag,
    scrutiny,
    strands,
    swap,
)
from planextract.normalise.draft import Context, Draft
from planextract.normalise.draft_pack import PackedDrafts, ReadyDrafts
from planextract.normalise.normalised import NormalisedDocument, _warn
from planextract.normalise.record import ActionRecord
from planextract.settings import DEFAULT, Settings

# each row's owners made as its record is (``owners.rows_as_made``, issue 11); False,
# the reference: all made at once, a list (tests swap it in over whole documents)
ROWS_AS_MADE = True


def _text(draft: Draft, role: str) -> str | None:
    printed = draft.values.get(role)
    if not printed:  # most roles of most rows: nothing to squash
        return None
    values = [squash_lines(v) for v in printed if v.strip()]
    return "\n".join(values) if values else None


def _cut_owner_due(draft: Draft) -> None:
    """A column naming both who and when gives the owner and the date where
    the row has no column of its own for them."""
    owner, due = owner_due.split(_text(draft, "owner_due"))
    if owner and not _text(draft, "owner"):
        draft.values["owner"] = [owner]
    if due and not _text(draft, "due"):
        draft.values["due"] = [due]


def _swap_if_needed(draft: Draft) -> None:
    due, owner = _text(draft, "due"), _text(draft, "owner")
    if swap.swapped(due, owner):
        draft.values["due"], draft.values["owner"] = [owner], [due]
        draft.flag("columns_swapped")


def prepared(draft: Draft) -> tuple[str | None, list[str]]:
    """A draft made ready for the owners: a column naming both who and when cut,
    swapped date and owner columns put back; its owner text and scrutiny pieces.
    (``drafts_of`` asks it of each draft as it packs them, ``records`` of a list.)"""
    _cut_owner_due(draft)
    _swap_if_needed(draft)
    return _text(draft, "owner"), scrutiny.pieces(_text(draft, "scrutiny"))


def records(drafts: list[Draft] | ReadyDrafts, doc: NormalisedDocument,
            settings: Settings = DEFAULT) -> Iterator[ActionRecord]:
    """The action records of ``drafts``, one at a time, in order: owners, dates,
    strands, scrutiny read over the whole document first (the drafts packed
    meanwhile, taken off ``drafts``), then each draft let go once its record is
    made, so a long document's drafts and records are not all held at once
    (issue 11). ``drafts`` may come packed and ``prepared`` already
    (``drafts_of(consume=True)``). A record with no action text is no action: a
    warning keeps what it printed."""
    key_map = {e.abbreviation: e.expansion for e in doc.glossary}
    waiting: PackedDrafts | ReadyDrafts
    if isinstance(drafts, ReadyDrafts):
        waiting, owner_cells, pieces = drafts, drafts.owner_cells, drafts.pieces
        drafts.owner_cells, drafts.pieces = [], set()  # held here only until resolved
    else:
        for draft in drafts:
            _cut_owner_due(draft)
            _swap_if_needed(draft)
        owner_cells = [_text(d, "owner") for d in drafts]
        pieces = {p for d in drafts for p in scrutiny.pieces(_text(d, "scrutiny"))}
        # packed while the owners are resolved, the normaliser's peak (issue 11)
        waiting = PackedDrafts(drafts, settings.run.draft_run)
    bodies = pieces | set(key_map)
    del pieces
    resolved = owners.resolve(owner_cells, glossary.unambiguous(doc.glossary),
                              settings.roles_file, sector_of(doc.organisation, doc.plan_title),
                              settings.owners, as_made=ROWS_AS_MADE, body=doc.organisation)
    del owner_cells  # (the owner rules' memos went in owners.resolve, issue 11)
    doc.roles = resolved.roles

    rows = iter(resolved.rows)
    # the strands a heading gives, read once per heading (drafts share their context)
    heading_strands: dict[tuple, list[str]] = {}
    made, span = 0, settings.memo.records_span
    while waiting:
        draft, row_owners = waiting.pop(), next(rows)
        made += 1
        if made == span:  # the cell memos hold the last drafts' texts alone (issue 11)
            made = 0
            text_cache.forget()
        # each printed field squashed once a draft, not once a use (issue 11)
        text = {role: _text(draft, role) for role in draft.values}.get
        flags = set(draft.flags) | set(row_owners.flags)
        # copies: rows printing the same owner cell share one RowOwners
        owner_list, people = list(row_owners.owners), list(row_owners.people)
        due_text, due = dates.parse_start_end(text("start"), text("due"))
        flags.update(due.flags)
        strand_text = text("strand")
        if strand_text:
            strand_list, fuzzy = strands.map_strands(strand_text)
            if fuzzy:
                flags.add("strand_fuzzy_matched")
        else:
            context = draft.context
            key = (context.strands, context.objective_heading, context.section_common)
            found = heading_strands.get(key)
            if found is None:
                found = heading_strands[key] = _context_strands(context)
            strand_list = list(found)
        action_id = numbering.normalise_id(draft.action_id_raw) if draft.action_id_raw else None
        objective_id, objective, outcome_id = _levels(draft, action_id)
        if action_id and draft.outcome is not None:
            corrected = numbering.correct_prefix(action_id, draft.outcome.number)
            if corrected != action_id:
                flags.add("renumbered")
                action_id = corrected
        rag_colour, progress = rag.rag_and_progress(text("rag"), text("progress"))
        scrutiny_text = text("scrutiny")
        record = ActionRecord(
            table=draft.table,
            section=draft.context.section,
            objective_id=objective_id,
            objective=objective,
            outcome_id=outcome_id,
            outcome=draft.outcome.text if draft.outcome and draft.outcome.text else None,
            action_id=action_id,
            action_id_raw=draft.action_id_raw,
            action=squash_lines(draft.action),
            owners=owner_list,
            owners_raw=squash("; ".join(v for v in draft.values.get("owner", []) if v.strip()))
            or None,
            owner_people=people,
            due_raw=squash(due_text) if due_text else None,
            due_kind=due.kind,
            due_date=due.due_date,
            due_start=due.due_start,
            progress=progress,
            rag=rag_colour,
            risk=text("risk"),
            strands=strand_list,
            scrutiny=scrutiny.split_bodies(squash(scrutiny_text or ""), bodies),
            duty_relevance=squash(text("duty") or "") or None,
            extra=draft.extra,
            page_start=draft.page_start,
            page_end=draft.page_end,
            line_start=draft.line_start,
            line_end=draft.line_end,
            flags=sorted(flags),
        )
        if record.action:
            yield record
        else:  # a number printed alone: no action, but nothing lost
            _warn(doc, left_out.describe_record(record))


def _levels(draft: Draft, action_id: str | None) -> tuple[str | None, str | None, str | None]:
    """Objective id and title and outcome id; a three-level action number
    (``2.3.1``) names the objective and outcome, and wins over a heading above
    that names another objective (whose title is then not this one's)."""
    objective_id, objective = draft.context.objective_id, draft.context.objective
    outcome_id = draft.outcome.number if draft.outcome else None
    parts = action_id.split(".") if action_id else []
    if len(parts) == 3:
        if objective_id != parts[0]:
            objective_id, objective = parts[0], None
        outcome_id = outcome_id or ".".join(parts[:2])
    return objective_id, objective, outcome_id


def _context_strands(context: Context) -> list[str]:
    if context.strands:
        return list(context.strands)
    if context.objective_heading:
        label = context.objective_heading.split(":", 1)[0]
        found = strands.strands_in_heading(re.sub(r"^\(\w+\)\s*|^objective\s+\S+", "", label,
                                                  flags=re.I))
        if found:
            return found
    return ["All"] if context.section_common else []
