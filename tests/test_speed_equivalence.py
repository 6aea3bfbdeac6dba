"""The fast paths of issue 11 decide exactly what the reference paths decide.

Each optimisation keeps (or is compared with) the plain version it replaced:
``role_of`` remembered against the rule computed afresh, header labels made once per
table against the per-row ``repeats_header``, ``to_row`` against
``dataclasses.asdict``. The whole-document test runs the pipeline on the samples and
on generated exports of many plans in every text shape twice, fast paths on and with
the reference paths patched in, and compares every row of every table. (The samples
against golden/ and the corpus against its gold are tests of their own:
test_golden.py, test_family_corpus.py.) The start-up test checks that a reading
command run as a program keeps pandas out of its processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference_resolve import reference_resolve
from test_action_rows_held import reference_held
from test_candidate_pairs import sorted_reference_pairs
from test_column_share import reference_dated_column, reference_id_like
from test_draft_pack import reference_drafts_of
from test_layout_memo import reference_detect_layout
from test_owner_memory import old_swaps
from test_run_rows_equivalence import reference_abbreviations, reference_columns
from test_speed_records import reference_records, reference_split_embedded
from text_exports import everything, swap_everywhere, write_exports

from planextract.extract import block_pack
from planextract.extract import parts as extract_parts
from planextract.lexicon import column_roles
from planextract.lexicon import text as text_module
from planextract.lexicon.column_roles import PHRASES, WORDS
from planextract.lexicon.text import squash, squash_lines
from planextract.normalise import (
    column_evidence,
    columns,
    dates,
    document,
    layout,
    numbering,
    owner_cells,
    owner_peel,
    people,
    role_match,
    role_text,
    rows,
    table_texts,
)
from planextract.normalise.record import ActionRecord
from planextract.pipeline import action_rows, document_run
from planextract.pipeline import rows as pipeline_rows

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

# header-like text: the role vocabulary itself, other words, joiners and odd spacing
_VOCAB = sorted({s.lstrip("=^") for stems in WORDS.values() for s in stems}
                | {w for phrase, _ in PHRASES for w in phrase.split()}
                | {"Action", "ACTIONS", "Owner(s)", "By", "when?", "Target", "date", "the",
                   "for", "of", "to", "Progress", "RAG", "1.", "2", "#"})
_PIECES = st.sampled_from([*_VOCAB, "/", "&", "and", " - ", ":", ";", "(", ")", "\n", "\t",
                           "  ", "\u00a0", "–", "é", ""])
header_text = st.lists(_PIECES, max_size=8).map(" ".join)


def reference_repeats_header(cells: list[str], header: list[str]) -> bool:
    """``columns.repeats_header`` as it was before issue 11: labels made every call."""
    labels = {squash(h).lower() for h in header if h.strip()}
    filled = [squash(c).lower() for c in cells if c.strip()]
    return bool(filled) and all(c in labels for c in filled)


# pure functions remembered per input (issue 11); ``__wrapped__`` is the rule itself
REMEMBERED = (column_roles.role_of, column_roles.is_weak_action, squash, squash_lines,
              role_text.clean_role,
              owner_peel.has_head_noun, owner_peel.looks_like_role, people.is_person,
              numbering.normalise_id, numbering.split_leading, role_text.words_of)


def reference_latest_similar(label_sets, _index, labels):
    """``document._latest_similar`` as it was: every table before compared."""
    return next((k for k in range(len(label_sets) - 1, -1, -1)
                 if document._similar_sets(label_sets[k], labels)), None)


def reference_phrase_at(words: list[str], phrase: list[str]) -> int | None:
    """``column_roles._phrase_at`` as it was before issue 11."""
    for i in range(len(words) - len(phrase) + 1):
        if all(w == p or (len(p) > 3 and w.startswith(p)) for w, p in
               zip(words[i:i + len(phrase)], phrase)):
            return i
    return None


@settings(max_examples=300, deadline=None)
@given(header_text, st.sampled_from([p.split() for p, _ in PHRASES] + [["action"], []]))
def test_phrase_found_where_the_reference_finds_it(text, phrase):
    words = column_roles._words(text) + phrase[:1] + column_roles._words(text)
    assert column_roles._phrase_at(words, phrase) == reference_phrase_at(words, phrase)


def reference_is_header_row(cells: list[str]) -> bool:
    """``column_roles.is_header_row`` as it was: every cell squashed first."""
    filled = [squash(c) for c in cells if c.strip()]
    if len(filled) < 2 or any(len(c) > 80 for c in filled):
        return False
    if any(column_roles._NUMBERED.match(c) or len(c.split()) > 10 for c in filled):
        return False
    if any(len(c.split()) >= (4 if c.endswith(".") else 5 if column_roles.opens_with_verb(c)
                              else 99) for c in filled):
        return False
    known = [r for r in (column_roles.role_of(c) for c in filled)
             if r in column_roles.SIGNIFICANT]
    return len(known) >= 2


_LONG = st.sampled_from(["", "Develop and publish an equality scheme for the whole council "
                             "with every directorate taking part in its review"])


@settings(max_examples=300, deadline=None)
@given(st.lists(header_text | _LONG, max_size=7))
def test_header_row_found_as_by_squashing_every_cell_first(cells):
    assert column_roles.is_header_row(cells) == reference_is_header_row(cells)


@settings(max_examples=300, deadline=None)
@given(header_text)
def test_remembered_role_is_the_role_computed_afresh(text):
    assert column_roles.role_of(text) == column_roles.role_of.__wrapped__(text)
    assert column_roles.role_of(text) == column_roles.role_of(text)  # and again, from the cache


@settings(max_examples=300, deadline=None)
@given(st.lists(header_text, max_size=6), st.lists(header_text, max_size=6))
def test_labels_made_once_repeat_as_the_per_row_check(cells, header):
    fast = columns.repeats_labels(cells, columns.header_labels(header))
    assert fast == reference_repeats_header(cells, header)
    assert columns.repeats_header(cells, header) == fast


def test_a_repeated_header_is_still_found_with_labels_made_once():
    header = ["Outcome", "Actions", "By when", "Lead  officer"]
    labels = columns.header_labels(header)
    assert columns.repeats_labels(["OUTCOME", "actions", "", "lead officer"], labels)
    assert not columns.repeats_labels(["Outcome", "Publish the plan", "", ""], labels)
    assert not columns.repeats_labels(["", " ", ""], labels)


_TEXT = st.text(max_size=20)
_RECORDS = st.builds(
    ActionRecord, action=_TEXT, owners=st.lists(_TEXT, max_size=3),
    owner_people=st.lists(_TEXT, max_size=2), strands=st.lists(_TEXT, max_size=2),
    scrutiny=st.lists(_TEXT, max_size=2), flags=st.lists(_TEXT, max_size=3),
    extra=st.dictionaries(_TEXT, _TEXT, max_size=3),
    due_date=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
    line_start=st.none() | st.integers(1, 10_000), action_id=st.none() | _TEXT)


@settings(max_examples=200, deadline=None)
@given(_RECORDS)
def test_to_row_is_asdict_and_shares_nothing(record):
    row = record.to_row()
    assert row == dataclasses.asdict(record)
    assert list(row) == list(dataclasses.asdict(record))  # the contract's column order
    row["owners"].append("changed")
    row["extra"]["changed"] = "yes"
    assert "changed" not in record.owners and "changed" not in record.extra


def test_to_row_copies_every_field_that_holds_a_list_or_a_map():
    from planextract.normalise import record

    made = ActionRecord()
    containers = {f.name for f in dataclasses.fields(ActionRecord)
                  if isinstance(getattr(made, f.name), (list, dict))}
    assert containers and set(record._CONTAINERS) == containers


def _reference_paths(monkeypatch) -> None:
    """Every fast path replaced by the code it replaced: each remembered function
    by the function computed afresh, wherever a module imported it."""
    swaps = {id(fast): fast.__wrapped__ for fast in REMEMBERED}  # by identity
    swaps[id(squash)] = text_module.read_squash  # without the test for collapsed text
    swaps[id(squash_lines)] = text_module.read_squash_lines
    swaps[id(dates.parse_due)] = dates.read_due
    swaps[id(dates.find_expressions)] = dates.read_expressions
    swaps[id(document._latest_similar)] = reference_latest_similar
    swaps[id(owner_cells.segments)] = owner_cells.read_segments
    swaps[id(owner_peel.remembered_peel_parts)] = owner_peel.peel_parts
    swaps[id(column_evidence.dated_column)] = reference_dated_column
    swaps[id(role_match._bijection)] = role_match.bijection_by_orderings
    swaps[id(column_evidence.id_like)] = reference_id_like
    swaps.update(old_swaps())  # owner resolution's lists and frozensets
    swaps[id(extract_parts.plain)] = extract_parts.read_plain  # an equal copy of the line
    swaps[id(block_pack.packed_blocks)] = block_pack.plain_blocks  # every block an object
    swapped = swap_everywhere(monkeypatch, swaps)
    assert swapped >= len(swaps)  # each one at least where it is defined
    for module in (layout, rows, table_texts):
        monkeypatch.setattr(module, "header_labels", list, raising=True)
        monkeypatch.setattr(module, "repeats_labels", reference_repeats_header)
    monkeypatch.setattr(ActionRecord, "to_row", dataclasses.asdict)
    monkeypatch.setattr(document, "detect_layout", reference_detect_layout)
    monkeypatch.setattr(table_texts, "resolve", reference_resolve)  # each column read afresh
    import reference_resolve as resolve_module  # its own names: every cell counted too

    monkeypatch.setattr(resolve_module, "dated_column", reference_dated_column)
    monkeypatch.setattr(resolve_module, "id_like", reference_id_like)
    monkeypatch.setattr(document, "records", reference_records)
    monkeypatch.setattr(document, "drafts_of", reference_drafts_of)  # drafts as a list
    monkeypatch.setattr(numbering, "split_embedded", reference_split_embedded)
    monkeypatch.setattr(document_run, "_abbreviations",
                        lambda action, used, seen=None, kept=None:
                        reference_abbreviations(action, used))
    monkeypatch.setattr(pipeline_rows, "columns_of", reference_columns)
    monkeypatch.setattr(action_rows, "held", reference_held)  # a batch of dicts
    monkeypatch.setattr(role_match, "_candidate_pairs", sorted_reference_pairs)
    swapped_rows, fast_header_row = 0, column_roles.is_header_row
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("planextract.") \
                and getattr(module, "is_header_row", None) is fast_header_row:
            monkeypatch.setattr(module, "is_header_row", reference_is_header_row)
            swapped_rows += 1
    assert swapped_rows >= 3  # where it is defined, and the normaliser's two users
    monkeypatch.setattr(role_text.Expander, "expand", role_text.Expander.read)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The samples in every format read here (PDFs have fast paths of their own) and
    a generated export of many plans in each text shape."""

    folder = tmp_path_factory.mktemp("exports")
    made = write_exports(folder, 40_000, seed=3)
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx"))
    return samples + made


def test_whole_documents_are_the_same_with_the_reference_paths(inputs, monkeypatch):
    fast = [everything(p) for p in inputs]
    assert all(doc["status"] == "ok" and actions for doc, actions, _, _ in fast)
    for remembered in (*REMEMBERED, dates._due, dates._expressions):
        remembered.cache_clear()
    _reference_paths(monkeypatch)
    reference = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, fast, reference):
        assert got == expected, path.name


def test_a_reading_command_keeps_pandas_out_of_its_processes(tmp_path):
    """``planextract extract`` run as a program: pandas is never imported, in the
    main process or in the fork server and worker (each reports its imports)."""
    exe = Path(sys.executable).with_name("planextract")
    source = min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)
    out = subprocess.run([str(exe), "extract", str(source), "--out", str(tmp_path / "ds")],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = [line for line in out.stderr.splitlines() if line.startswith("import time:")]
    names = [line.split("|")[-1].strip() for line in imported]
    assert "pyarrow" in names and "planextract.pipeline.cli" in names  # the report is there
    # something asked for pandas and was refused: the name shows, but none of the
    # submodules a real pandas import loads (pandas._libs, pandas.core, ...)
    assert "pandas" in names
    assert not any(name.startswith("pandas.") for name in names)
