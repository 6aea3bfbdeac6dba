"""One document, start to end: blocks in, canonical action records out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from planextract.extract.model import Paragraph, RawDocument, Row, Table
from planextract.normalise import dates, glossary, numbering, owners, scrutiny, strands
from planextract.normalise.columns import header_roles, is_action_table, is_header_row
from planextract.normalise.headings import Heading, classify, title_and_organisation
from planextract.normalise.role_vocab import sector_of
from planextract.normalise.rows import Context, Draft, TableBuilder, detect_layout
from planextract.normalise.text import squash, squash_lines
from planextract.settings import DEFAULT, Settings

RAG_COLOURS = {"red": "red", "amber": "amber", "green": "green", "grey": "grey", "gray": "grey"}


@dataclass
class NormalisedDocument:
    organisation: str | None
    plan_title: str | None
    actions: list[dict] = field(default_factory=list)
    glossary: list[glossary.Entry] = field(default_factory=list)
    roles: list[owners.RoleSpelling] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _LogicalTable:
    headers: list[str]
    name: str | None = None


def _label_set(headers: list[str]) -> set[str]:
    out = set()
    for header in headers:
        words = [w[:-1] if w.endswith("s") else w for w in squash(header).lower().split()]
        if words:
            out.add(" ".join(words))
    return out


def _similar(a: list[str], b: list[str]) -> bool:
    x, y = _label_set(a), _label_set(b)
    return bool(x | y) and len(x & y) / len(x | y) >= 0.5


def _title_like(text: str) -> bool:
    return (len(text.split()) <= 10 and not text.endswith(".") and classify(text) is None
            and text[:1].isupper())


def _header_index(table: Table) -> int | None:
    for index, row in enumerate(table.rows[:4]):
        if is_header_row([c.text for c in row.cells]):
            return index
    return None


def normalise(raw: RawDocument, settings: Settings = DEFAULT) -> NormalisedDocument:
    blocks = raw.blocks
    first_table = next((i for i, b in enumerate(blocks) if isinstance(b, Table)), len(blocks))
    intro = [(b.text, b.level) for b in blocks[:first_table] if isinstance(b, Paragraph)]
    organisation, plan_title = title_and_organisation(intro)
    doc = NormalisedDocument(organisation, plan_title, warnings=list(raw.warnings))

    # pass 1: the plan's key, and the logical action tables with their names
    logical: list[_LogicalTable] = []
    table_of: dict[int, int] = {}
    last_title: str | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            last_title = block.text if _title_like(block.text) else last_title
            continue
        rows = [[c.text for c in r.cells] for r in block.rows]
        if glossary.looks_like_key(rows):
            doc.glossary.extend(glossary.key_entries(rows))
            continue
        header_at = _header_index(block)
        if header_at is None:
            if logical and len(block.rows[0].cells) == len(logical[-1].headers):
                table_of[index] = len(logical) - 1
            continue
        headers = [squash(c.text) for c in block.rows[header_at].cells]
        if not is_action_table(header_roles(headers)):
            continue
        match = next((k for k in range(len(logical) - 1, -1, -1)
                      if _similar(logical[k].headers, headers)), None)
        if match is None:
            logical.append(_LogicalTable(headers, last_title))
            match = len(logical) - 1
        table_of[index] = match
        last_title = None
    named = len(logical) > 1
    doc.glossary.extend(glossary.paragraph_key(
        [b.text if isinstance(b, Paragraph) else None for b in blocks], doc.glossary))
    doc.warnings.extend(glossary.conflicts(doc.glossary))

    # pass 2: walk the blocks with the heading context and build drafts
    context = Context()
    drafts: list[Draft] = []
    builders: dict[tuple[int, tuple[str, ...]], TableBuilder] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            heading = classify(block.text)
            if heading:
                context = _apply(context, heading)
            continue
        if index not in table_of:
            continue
        table = logical[table_of[index]]
        header_at = _header_index(block)
        rows = list(block.rows)
        if header_at is not None:
            headers = [squash(c.text) for c in rows[header_at].cells]
            for row in rows[:header_at]:
                context = _row_heading(row, context)
            rows = rows[header_at + 1:]
        else:
            headers = table.headers
        key = (table_of[index], tuple(headers))
        builder = builders.get(key)
        if builder is None:
            layout = detect_layout(_rows_of(blocks, table_of, table_of[index]), headers,
                                   header_roles(headers))
            builder = TableBuilder(layout, table.name if named else None, context)
            builders[key] = builder
        builder.set_context(context)
        before = len(builder.drafts)
        pending = False
        for row in rows:
            result = builder.feed(row, pending)
            if isinstance(result, Heading):
                context = _apply(context, result)
                builder.set_context(context)
            pending = result is True
        drafts.extend(builder.drafts[before:])
    drafts.sort(key=lambda d: (d.line_start or 0, d.page_start or 0))
    doc.actions = _finish(drafts, doc, settings)
    return doc


def _rows_of(blocks: list, table_of: dict[int, int], logical_index: int) -> list[Row]:
    return [r for i, b in enumerate(blocks) if table_of.get(i) == logical_index for r in b.rows]


def _apply(context: Context, heading: Heading) -> Context:
    if heading.kind == "section":
        return Context(section=heading.text, section_common=strands.is_common_heading(heading.text))
    return Context(section=context.section, section_common=context.section_common,
                   objective_id=heading.number, objective=heading.title,
                   objective_heading=heading.text)


def _row_heading(row: Row, context: Context) -> Context:
    filled = [c.text for c in row.cells if not c.empty]
    if len(filled) == 1:
        heading = classify(filled[0])
        if heading:
            return _apply(context, heading)
    return context


# -- finishing: owners, dates, strands, scrutiny over the whole document ----------

def _text(draft: Draft, role: str) -> str | None:
    values = [squash_lines(v) for v in draft.values.get(role, []) if v.strip()]
    return "\n".join(values) if values else None


def _swap_if_needed(draft: Draft) -> None:
    """A name under the date column and a date under the owner column: swap."""
    due, owner = _text(draft, "due"), _text(draft, "owner")
    if not due or not owner:
        return
    due_read = dates.parse_due(due)
    owner_read = dates.parse_due(owner)
    if due_read.kind == "unknown" and not re.search(r"\d", due) \
            and owner_read.kind in ("date", "range", "multiple"):
        draft.values["due"], draft.values["owner"] = [owner], [due]
        draft.flags.add("columns_swapped")


def _finish(drafts: list[Draft], doc: NormalisedDocument,
            settings: Settings = DEFAULT) -> list[dict]:
    for draft in drafts:
        _swap_if_needed(draft)
    key_map = {e.abbreviation: e.expansion for e in doc.glossary}
    resolved = owners.resolve([_text(d, "owner") for d in drafts],
                              glossary.unambiguous(doc.glossary), settings.roles_file,
                              sector_of(doc.organisation, doc.plan_title), settings.owners)
    doc.roles = resolved.roles

    scrutiny_counts = Counter(p for d in drafts for p in scrutiny.pieces(_text(d, "scrutiny")))
    bodies = set(scrutiny_counts) | set(key_map)

    records = []
    for draft, row_owners in zip(drafts, resolved.rows):
        flags = set(draft.flags) | set(row_owners.flags)
        owner_list, people = row_owners.owners, row_owners.people
        due_text = _text(draft, "due")
        due = dates.parse_due(due_text)
        flags.update(due.flags)
        strand_text = _text(draft, "strand")
        if strand_text:
            strand_list, fuzzy = strands.map_strands(strand_text)
            if fuzzy:
                flags.add("strand_fuzzy_matched")
        else:
            strand_list = _context_strands(draft.context)
        action_id = numbering.normalise_id(draft.action_id_raw) if draft.action_id_raw else None
        if action_id and draft.outcome is not None:
            corrected = numbering.correct_prefix(action_id, draft.outcome.number)
            if corrected != action_id:
                flags.add("renumbered")
                action_id = corrected
        progress = _text(draft, "progress")
        rag = _rag(_text(draft, "rag")) or _rag(progress)
        records.append({
            "table": draft.table,
            "section": draft.context.section,
            "objective_id": draft.context.objective_id,
            "objective": draft.context.objective,
            "outcome_id": draft.outcome.number if draft.outcome else None,
            "outcome": draft.outcome.text if draft.outcome and draft.outcome.text else None,
            "action_id": action_id,
            "action_id_raw": draft.action_id_raw,
            "action": squash_lines(draft.action),
            "owners": owner_list,
            "owners_raw": squash("; ".join(v for v in draft.values.get("owner", []) if v.strip()))
            or None,
            "owner_people": people,
            "due_raw": squash(due_text) if due_text else None,
            "due_kind": due.kind,
            "due_date": due.due_date,
            "due_start": due.due_start,
            "progress": progress if progress and not rag else (progress if rag is None else None),
            "rag": rag,
            "risk": _text(draft, "risk"),
            "strands": strand_list,
            "scrutiny": scrutiny.split_bodies(squash(_text(draft, "scrutiny") or ""), bodies),
            "duty_relevance": squash(_text(draft, "duty") or "") or None,
            "extra": draft.extra,
            "page_start": draft.page_start,
            "page_end": draft.page_end,
            "line_start": draft.line_start,
            "line_end": draft.line_end,
            "flags": sorted(flags),
        })
    return [r for r in records if r["action"]]


def _context_strands(context: Context) -> list[str]:
    if context.objective_heading:
        label = context.objective_heading.split(":", 1)[0]
        found = strands.strands_in_heading(re.sub(r"^\(\w+\)\s*|^objective\s+\S+", "", label,
                                                  flags=re.I))
        if found:
            return found
    return ["All"] if context.section_common else []


def _rag(text: str | None) -> str | None:
    if not text:
        return None
    return RAG_COLOURS.get(text.strip().lower())


def as_date(value: date | None) -> str | None:
    return value.isoformat() if value else None
