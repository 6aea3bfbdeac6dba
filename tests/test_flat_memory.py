"""Issue 11, memory: what ``run_one`` now does to hold less equals what it did.

``run_one`` takes the blocks out of the document and lets each go once its drafts
are made (``drafts_of(consume=True)``), and builds the action rows into Arrow a batch
at a time (``ActionRows``); ``owners.resolve`` shares one ``RowOwners`` between the
rows printing the same owner cell. Each is compared with the plain path: the whole
document normalised at once, its rows as dicts, ``arrow_table`` over all of them.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest
from text_exports import write_exports

from planextract.extract.registry import read_document
from planextract.normalise.document import drafts_of, normalise
from planextract.pipeline.action_rows import ActionRows, as_dicts
from planextract.pipeline.document_run import DocumentResult, run_one
from planextract.pipeline.rows import arrow_table, document_tables
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

_SHARED = ("doc_id", "source", "source_format", "organisation", "plan_title")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every sample, and a generated export of many plans in each text shape."""

    folder = tmp_path_factory.mktemp("exports")
    made = write_exports(folder, 12_000, seed=11)
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".html", ".docx", ".pdf"))
    return samples + made


def _reference_rows(path: Path, result: DocumentResult) -> list[dict]:
    """The rows as made before: the document normalised whole, every row a dict."""
    doc = normalise(read_document(path.read_bytes(), DEFAULT))
    shared = {k: result.document[k] for k in _SHARED}
    return [{**shared, **action.to_row()} for action in doc.actions]


def test_run_one_gives_the_rows_the_whole_document_path_gives(inputs):
    for path in inputs:
        result = run_one(str(path))
        assert result.document["status"] == "ok", path.name
        expected = _reference_rows(path, result)
        assert expected, path.name
        assert isinstance(result.action_rows, pa.Table)
        assert result.action_rows.equals(arrow_table("actions", expected)), path.name
        assert result.actions == expected, path.name
        assert result.n_actions == result.document["n_actions"] == len(expected)


def test_consuming_the_blocks_makes_the_same_drafts(inputs):
    for path in inputs:
        data = path.read_bytes()
        kept = read_document(data, DEFAULT)
        doc, drafts = drafts_of(kept, DEFAULT)
        assert kept.blocks, path.name  # left as they were
        taken = read_document(data, DEFAULT)
        doc2, drafts2 = drafts_of(taken, DEFAULT, consume=True, pack=False)
        assert taken.blocks == [], path.name
        assert drafts2 == drafts, path.name
        assert (doc2.organisation, doc2.plan_title, doc2.glossary, doc2.warnings) == (
            doc.organisation, doc.plan_title, doc.glossary, doc.warnings), path.name


@pytest.mark.parametrize("batch", [1, 7, 1024])
def test_rows_built_in_batches_are_the_table_of_all_rows(inputs, batch):
    result = run_one(str(inputs[-1]))
    rows = result.actions
    built = ActionRows(batch)
    for row in rows:
        built.add(row)
    table = built.finish()
    assert built.count == len(rows)
    assert table.equals(arrow_table("actions", rows))
    assert as_dicts(table) == rows


def test_no_rows_is_an_empty_table_of_the_schema():
    table = ActionRows(4).finish()
    assert table.num_rows == 0
    assert table.schema.equals(arrow_table("actions", []).schema)


def test_a_row_arrow_refuses_keeps_every_row_as_dicts_and_fails_the_document(inputs):
    result = run_one(str(inputs[0]))
    rows = result.actions
    bad = {**rows[0], "due_date": "not a date"}
    built = ActionRows(2)
    for row in [*rows[:3], bad, *rows[3:]]:
        built.add(row)
    kept = built.finish()
    assert kept == [*rows[:3], bad, *rows[3:]]
    tables = document_tables(DocumentResult(result.document, kept))
    assert tables.document["status"] == "failed"
    assert "break the dataset contract" in tables.document["error"]


def test_rows_printing_one_owner_cell_share_no_list(tmp_path):
    text = "Action\tLead\nDo one thing\tHR Manager\nDo another\tHR Manager\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    records = normalise(read_document(path.read_bytes(), DEFAULT)).actions
    assert len(records) == 2 and records[0].owners == records[1].owners
    assert records[0].owners  # the same canonical owner, in lists of their own
    assert records[0].owners is not records[1].owners
    records[0].owners.append("changed")
    assert "changed" not in records[1].owners


def test_document_tables_of_a_table_equal_those_of_its_dicts(inputs):
    result = run_one(str(inputs[-2]))
    as_table = document_tables(result)
    as_list = document_tables(replace(result, action_rows=result.actions))
    assert as_table.tables["actions"].equals(as_list.tables["actions"])
    assert as_table.flags == as_list.flags
    assert as_table.document == as_list.document
