"""The record step's shortcuts (issue 11) give what the code they replaced gave.

``records`` squashes each printed field once a draft and reads the strands a
heading gives once a heading: ``reference_records`` is the function as it was.
``split_embedded`` looks for a dot between digits before trying its pattern at
every character: ``reference_split_embedded`` tries it always. Each is compared
here on the samples and generated exports; test_speed_equivalence.py swaps all of
them in at once and compares whole datasets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_draft_pack import reference_drafts_of
from text_exports import everything, write_exports

from planextract.lexicon.role_vocab import sector_of
from planextract.lexicon.text import squash, squash_lines
from planextract.normalise import (
    dates,
    document,
    glossary,
    left_out,
    numbering,
    owners,
    rag,
    scrutiny,
    strands,
)
from planextract.normalise.normalised import _warn
from planextract.normalise.numbering import _EMBEDDED, Numbered, split_leading
from planextract.normalise.record import ActionRecord
from planextract.normalise.records import (
    _context_strands,
    _cut_owner_due,
    _levels,
    _swap_if_needed,
    _text,
)
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def reference_records(drafts, doc, settings=DEFAULT) -> Iterator[ActionRecord]:
    """``document.records`` as it was before issue 11's record shortcuts."""
    for draft in drafts:
        _cut_owner_due(draft)
        _swap_if_needed(draft)
    key_map = {e.abbreviation: e.expansion for e in doc.glossary}
    resolved = owners.resolve([_text(d, "owner") for d in drafts],
                              glossary.unambiguous(doc.glossary), settings.roles_file,
                              sector_of(doc.organisation, doc.plan_title), settings.owners)
    doc.roles = resolved.roles
    scrutiny_counts = Counter(p for d in drafts for p in scrutiny.pieces(_text(d, "scrutiny")))
    bodies = set(scrutiny_counts) | set(key_map)
    rows = resolved.rows
    drafts.reverse()
    rows.reverse()
    while drafts:
        draft, row_owners = drafts.pop(), rows.pop()
        flags = set(draft.flags) | set(row_owners.flags)
        owner_list, people = list(row_owners.owners), list(row_owners.people)
        due_text, due = dates.parse_start_end(_text(draft, "start"), _text(draft, "due"))
        flags.update(due.flags)
        strand_text = _text(draft, "strand")
        if strand_text:
            strand_list, fuzzy = strands.map_strands(strand_text)
            if fuzzy:
                flags.add("strand_fuzzy_matched")
        else:
            strand_list = _context_strands(draft.context)
        action_id = numbering.normalise_id(draft.action_id_raw) if draft.action_id_raw else None
        objective_id, objective, outcome_id = _levels(draft, action_id)
        if action_id and draft.outcome is not None:
            corrected = numbering.correct_prefix(action_id, draft.outcome.number)
            if corrected != action_id:
                flags.add("renumbered")
                action_id = corrected
        rag_colour, progress = rag.rag_and_progress(_text(draft, "rag"), _text(draft, "progress"))
        record = ActionRecord(**{
            "table": draft.table,
            "section": draft.context.section,
            "objective_id": objective_id,
            "objective": objective,
            "outcome_id": outcome_id,
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
            "progress": progress,
            "rag": rag_colour,
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
        if record.action:
            yield record
        else:
            _warn(doc, left_out.describe_record(record))


def reference_split_embedded(text: str, majors: set[str], dotted_only: bool = True
                             ) -> list[Numbered]:
    """``numbering.split_embedded`` as it was: the pattern tried on every text."""
    pieces: list[Numbered] = []
    head = split_leading(text, dotted_only=dotted_only)
    rest = head.text
    current_raw = head.raw
    cuts = [m for m in _EMBEDDED.finditer(rest) if m.group("major") in majors]
    start = 0
    for cut in cuts:
        pieces.append(Numbered(current_raw, rest[start:cut.start()].strip()))
        current_raw = cut.group("raw").strip()
        start = cut.end()
    pieces.append(Numbered(current_raw, rest[start:].strip()))
    return [p for p in pieces if p.text or p.raw]


_PIECES = st.sampled_from(["1", "2", "25", "1000", ".", ". ", " .", "1.1", "25. 2", "3 .4",
                           " ", "Develop", "review", "(a)", ";", ":", "\n", "A", "2.3.1.",
                           "financing 23.5", "x"])
numbered_text = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(numbered_text, st.sets(st.sampled_from(["1", "2", "3", "23", "25", "1000"])),
       st.booleans())
def test_split_embedded_is_the_reference(text, majors, dotted_only):
    assert numbering.split_embedded(text, majors, dotted_only) == \
        reference_split_embedded(text, majors, dotted_only)


def _exports(tmp_path: Path) -> list[Path]:
    return write_exports(tmp_path, 60_000, seed=7)


def test_records_are_the_reference_records(tmp_path, monkeypatch):
    """Every sample and a generated export of each text shape: the same rows with
    each shortcut as with the code it replaced; every action text's embedded
    numbers found alike."""
    inputs = [*sorted(p for p in (ROOT / "samples").iterdir()
                      if p.suffix in (".txt", ".docx", ".md", ".csv", ".html")),
              *_exports(tmp_path)]
    fast = [everything(p) for p in inputs]
    texts = {t for _, actions, _, _ in fast for a in actions
             for t in [a["action"], a["owners_raw"] or "", *a["owners"], *a["scrutiny"]]}
    assert len(texts) > 500
    for text in texts:
        for majors in ({"1", "2", "3"}, {text.split(".")[0].strip()}):
            assert numbering.split_embedded(text, majors) == reference_split_embedded(text, majors)
    monkeypatch.setattr(document, "records", reference_records)
    monkeypatch.setattr(document, "drafts_of", reference_drafts_of)  # a list, as it takes
    monkeypatch.setattr(numbering, "split_embedded", reference_split_embedded)
    for path, got in zip(inputs, fast):
        assert got == everything(path), path.name
