"""The family corpus (scripts/corpus): its gold is right by construction, and a small
slice of it, one document per format, is read back by the pipeline at least as well
as main reads it today.

The slice is one document of each format of the seeded schedule (``SLICE``).
Thresholds are recall of whole actions (normalised text, exact) measured on main,
a little below the measured value: a reader change that loses actions fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from corpus import vocab  # noqa: E402
from corpus.build import FORMATS, generate, plan_document, schedule  # noqa: E402
from corpus.measure import norm, score_document  # noqa: E402
from corpus.printed import DATES, START_END, normalise_number  # noqa: E402

from planextract.pipeline.document_run import run_one  # noqa: E402

SEED = 6
# format -> index of its document in the schedule of seed 6 (layout in the comment)
SLICE = {"docx": 6, "pdf-grid": 10, "pdf-hrules": 12, "pdf-norules": 16, "pdf-shaded": 18,
         "pdf-rotated": 21, "html": 27, "text-tabbed": 28, "text-html": 33, "text-cells": 41,
         "text-markdown": 42, "csv": 49, "html-div": 50, "docx-textbox": 54,
         "text-markdown-pandoc": 58}
# per-strand, strand-column, rag, per-strand, start-end, outcome-action,
# objective-rows, start-end, issue-action, outcome-action, rag, strand-column,
# outcome-action, delivery, smart
# Recall of these documents measured on main after the family work merged (second
# round, 09:15): 1.00 for every format but csv 0.71 (the objective rows of a one-table
# export). When the corpus was added, main read only docx, pdf-hrules and pdf-shaded here.
FLOOR = {"docx": 0.9, "pdf-grid": 0.9, "pdf-hrules": 0.9, "pdf-norules": 0.9,
         "pdf-shaded": 0.9, "pdf-rotated": 0.9, "html": 0.9, "text-tabbed": 0.9,
         "text-html": 0.9, "text-cells": 0.9, "text-markdown": 0.9, "csv": 0.65,
         # the shapes added with the held-out corpus (div tables, Word text boxes, pandoc's
         # dash tables): 1.00 each when added; main read none of them before
         "html-div": 0.9, "docx-textbox": 0.9, "text-markdown-pandoc": 0.9}
TEXT_FORMATS = {"html", "text-tabbed", "text-html", "text-cells", "text-markdown", "csv",
                "html-div"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    out = tmp_path_factory.mktemp("corpus")
    manifest = generate(out, SEED, indexes=set(SLICE.values()))
    return out, {entry["format"]: entry for entry in manifest}


def _gold(out: Path, entry: dict) -> list[dict]:
    path = out / "gold" / f"{entry['file']}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_pipeline_reads_the_slice(corpus, fmt):
    out, entries = corpus
    entry = entries[fmt]
    result = run_one(str(out / "docs" / entry["file"]))
    score = score_document(_gold(out, entry), result.actions)
    assert score.recall >= FLOOR[fmt], (
        f"{entry['file']}: {score.matched}/{score.gold} gold actions read whole "
        f"(status {result.document['status']}: {result.document['error']})")


def test_manifest_names_every_document_and_its_gold(corpus):
    out, entries = corpus
    assert set(entries) == set(FORMATS)
    for entry in entries.values():
        assert (out / "docs" / entry["file"]).stat().st_size > 0
        assert len(_gold(out, entry)) == entry["actions"] > 0
    features = {f for entry in entries.values() for f in entry["features"]}
    assert {"bullets", "people", "swapped-columns"} <= features


def test_every_printed_date_has_its_expected_kind(corpus):
    """Each gold due_raw is a printed form of the hand-written table, with the
    canonical values written beside it there."""
    out, entries = corpus
    cases = {d.printed: d for d in DATES}
    cases.update({case.printed: case for _, case in START_END})
    for entry in entries.values():
        for record in _gold(out, entry):
            case = cases[record["due_raw"] or ""]
            assert (record["due_kind"], record["due_date"], record["due_start"]) == \
                   (case.kind, case.due_date, case.due_start), record["due_raw"]


def test_the_date_table_agrees_with_the_contract():
    for case in [*DATES, *(c for _, c in START_END)]:
        days = [dt.date.fromisoformat(d) for d in (case.due_date, case.due_start) if d]
        if case.kind in ("date", "multiple"):
            assert case.due_start is None
            assert case.due_date or case.flag == "date_impossible", case.printed
        if case.kind == "range":
            assert days[1] < days[0], case.printed
        if case.kind in ("ongoing", "unknown", "none"):
            assert case.due_date is None, case.printed
        if case.kind == "none":
            assert case.printed == ""
        for day in days:  # a period named without a day ends on its last day
            if not re.search(r"\d{1,2}[./]\d", case.printed) and day == dt.date.fromisoformat(
                    case.due_date or "1900-01-01"):
                assert (day + dt.timedelta(days=1)).day == 1, case.printed


def _words(text: str) -> list[str]:
    return re.findall(r"[\w&'’-]+", text)


def _in_order(words: list[str], text: list[str]) -> bool:
    position = 0
    for word in words:
        try:
            position = text.index(word, position) + 1
        except ValueError:
            return False
    return True


def test_printed_text_is_in_the_documents(corpus):
    """Every gold date and every word of every action, in order, are printed in the
    text exports (HTML and CSV quoting set aside; a row split by a page break puts
    other cells between the two halves of an action)."""
    out, entries = corpus
    for fmt in TEXT_FORMATS:
        entry = entries[fmt]
        raw = (out / "docs" / entry["file"]).read_bytes().decode(entry["encoding"])
        text = norm(raw.replace("&amp;", "&"))
        words = _words(text)
        for record in _gold(out, entry):
            assert _in_order(_words(norm(record["action"])), words), record["action"]
            if record["due_raw"] and "–" not in record["due_raw"]:
                assert norm(record["due_raw"]) in text, (entry["file"], record["due_raw"])


def test_numbers_printed_raw_normalise_to_the_gold_id(corpus):
    out, entries = corpus
    raw_forms = set()
    for entry in entries.values():
        for record in _gold(out, entry):
            if record["action_id_raw"]:
                raw_forms.add(record["action_id_raw"])
                assert normalise_number(record["action_id_raw"]) == record["action_id"]
    assert any(" " in r for r in raw_forms) or any(r.endswith(".") for r in raw_forms)


def test_owners_are_canonical_labels_of_roles_printed_in_the_cell():
    """Over many plans: each gold owner is one role's canonical label (one label per
    role in every document), a spelling of it is printed in the owner cell, and a
    spelling only the key defines appears only in a plan whose key defines it."""
    labels = {role.label: role for role in vocab.ROLES}
    for index, fmt, layout in schedule(SEED):
        document = plan_document(SEED, index, fmt, layout)
        keys = {a for block in document.blocks if hasattr(block, "entries")
                for a, _ in block.entries}
        for record in document.gold():
            printed = record["owners_raw"] or ""
            for owner in record["owners"]:
                role = labels[owner]
                spellings = [*role.spellings, *(s for s, a, _ in role.keyed if a in keys)]
                assert any(s in printed for s in spellings), (printed, owner)
            for role in labels.values():
                for spelling, abbreviation, _ in role.keyed:
                    if re.search(rf"(^|[\s/,]){re.escape(spelling)}($|[\s/,])", printed):
                        assert abbreviation in keys, (document.name, printed)
            for person in record["owner_people"]:
                assert person in printed


def test_the_corpus_is_the_same_for_the_same_seed(tmp_path):
    first = generate(tmp_path / "a", SEED, only=["text-tabbed", "csv"], per_format=2)
    second = generate(tmp_path / "b", SEED, only=["text-tabbed", "csv"], per_format=2)
    assert first == second
    for entry in first:
        for sub, name in (("docs", entry["file"]), ("gold", entry["file"] + ".jsonl")):
            assert (tmp_path / "a" / sub / name).read_bytes() == \
                   (tmp_path / "b" / sub / name).read_bytes()
    other = generate(tmp_path / "c", SEED + 1, only=["text-tabbed"], per_format=1)
    assert (tmp_path / "c" / "docs" / other[0]["file"]).read_bytes() != \
           (tmp_path / "a" / "docs" / first[0]["file"]).read_bytes()


def test_every_layout_and_hard_case_occurs_in_the_corpus():
    """The schedule covers every layout, and the plans print the hard cases the
    family issue lists: stacked cells, swapped columns, split rows, keys both ways,
    people in owner cells, several owners per cell."""
    documents = [plan_document(SEED, i, f, lay)
                 for i, f, lay in schedule(SEED)]
    from corpus.layouts import LAYOUTS
    assert {d.layout for d in documents} == set(LAYOUTS)
    rows = [r for d in documents for t in d.tables() for r in t.rows]
    records = [g for d in documents for g in d.gold()]
    assert any(len(r.gold) > 1 for r in rows)  # stacked
    assert any(r.split for r in rows)
    assert any("columns_swapped" in g["flags"] for g in records)
    assert {b.as_table for d in documents for b in d.blocks if hasattr(b, "as_table")} == \
           {True, False}
    assert sum(bool(g["owner_people"]) for g in records) >= 10
    assert sum(len(g["owners"]) > 1 for g in records) >= 50
    assert len(documents) >= 48


def test_broken_inputs_are_failed_with_a_message(corpus, tmp_path):
    """The corpus's broken inputs (a cut-off PDF, half a Word file, random bytes) are
    `failed` documents with a message and no rows, as the manifest expects."""
    from corpus.build import _broken

    out, entries = corpus
    (tmp_path / "gold").mkdir()
    made = _broken(out / "docs", tmp_path / "gold", list(entries.values()), SEED)
    assert [m["file"] for m in made] == ["broken-truncated.pdf", "broken-damaged.docx",
                                          "broken-random.txt"]
    for entry in made:
        assert entry["expect"] == "failed"
        result = run_one(str(out / "docs" / entry["file"]))
        assert result.document["status"] == "failed", entry["file"]
        assert result.document["error"]
        assert result.actions == []


def test_a_split_row_keeps_every_word_of_its_action():
    """The page-break split of the text exports: the two halves join back with one
    space, and the second half starts in lower case (so it reads as a continuation)."""
    from corpus.write_text import split_text

    split = 0
    for index, fmt, layout in schedule(SEED):
        document = plan_document(SEED, index, fmt, layout)
        for table in document.tables():
            for row in table.rows:
                if not row.split:
                    continue
                text = row.cells[table.column("action")][-1].text
                head, tail = split_text(text)
                assert f"{head} {tail}" == text
                assert tail[:1].islower() and head
                split += 1
    assert split >= 5


def test_the_exact_measure_matches_whole_text_once():
    """measure.norm sets aside HTML, bullet glyphs, a leading number, case and
    spacing, nothing else; each gold action is matched at most once."""
    assert norm("<p>1. 1 Review the <b>policy</b></p>\n• staff  told") == \
           "review the policy staff told"
    assert norm("A 1 Agree the plan") == "agree the plan"
    assert norm("Review the policy") != norm("Review the policies")
    gold = [{"action": "Review the policy", "due_kind": "date", "due_date": "2011-03-31",
             "owners": ["Head of Human Resources"]},
            {"action": "Review the policy", "due_kind": "none", "due_date": None,
             "owners": []}]
    out = [{"action": "1.1 Review the policy", "due_kind": "date", "due_date": "2011-03-31",
            "owners": ["head of human resources"]}]
    score = score_document(gold, out)
    assert (score.gold, score.out, score.matched) == (2, 1, 1)
    assert score.recall == 0.5 and score.precision == 1.0
    assert score.share("due_ok") == 1.0 and score.share("owners_ok") == 1.0


# ---------------------------------------------------------------- held-out words
# formats -> index in the schedule of seed 6, read with the held-out pools; recall
# measured when the held-out corpus was added and its failures fixed: 1.00 each
HELDOUT_SLICE = {"docx": 5, "html": 27, "text-tabbed": 28, "text-markdown": 45, "csv": 49,
                 "pdf-grid": 8}
HELDOUT_FLOOR = 0.9


def test_heldout_pools_hold_words_the_readers_were_not_written_from():
    """Every held-out header, date spelling and opening verb is new: none is in
    the seen pools, and no opening verb is in the normaliser's verb list."""
    from corpus import heldout

    from planextract.lexicon.verbs import VERBS

    for role, words in heldout.HEADERS.items():
        seen = {w.lower() for w in vocab.HEADERS[role]}
        assert not {w.lower() for w in words if w} & seen, role
    assert not {d.printed for d in heldout.DATES if d.printed} & {d.printed for d in DATES}
    assert not {v.lower() for v in heldout.VERBS} & VERBS
    assert not {o.lower() for o in heldout.OBJECTS} & {o.lower() for o in vocab.OBJECTS}
    assert not {r.label for r in heldout.ROLES} & {r.label for r in vocab.ROLES}


def test_heldout_dates_agree_with_the_contract():
    from corpus import heldout

    for case in [*heldout.DATES, *(c for _, c in heldout.START_END)]:
        if case.kind == "range":
            assert case.due_start < case.due_date, case.printed
        if case.kind in ("ongoing", "unknown", "none"):
            assert case.due_date is None, case.printed
        if case.kind in ("date", "multiple"):
            assert case.due_date or case.flag == "date_impossible", case.printed


@pytest.fixture(scope="module")
def heldout_corpus(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    out = tmp_path_factory.mktemp("heldout")
    manifest = generate(out, SEED, indexes=set(HELDOUT_SLICE.values()), holdout=True)
    return out, {entry["format"]: entry for entry in manifest}


def test_holdout_swaps_the_pools_only_while_it_writes(heldout_corpus):
    from corpus import heldout, printed

    out, entries = heldout_corpus
    assert vocab.HEADERS is not heldout.HEADERS and printed.DATES is not heldout.DATES
    cases = {d.printed: d for d in heldout.DATES}
    cases.update({case.printed: case for _, case in heldout.START_END})
    for entry in entries.values():
        for record in _gold(out, entry):
            case = cases[record["due_raw"] or ""]  # every date is a held-out spelling
            assert (record["due_kind"], record["due_date"], record["due_start"]) == \
                   (case.kind, case.due_date, case.due_start), record["due_raw"]


@pytest.mark.parametrize("fmt", list(HELDOUT_SLICE))
def test_pipeline_reads_the_heldout_slice(heldout_corpus, fmt):
    out, entries = heldout_corpus
    entry = entries[fmt]
    result = run_one(str(out / "docs" / entry["file"]))
    score = score_document(_gold(out, entry), result.actions)
    assert score.recall >= HELDOUT_FLOOR, (
        f"{entry['file']}: {score.matched}/{score.gold} gold actions read whole "
        f"(status {result.document['status']}: {result.document['error']})")
