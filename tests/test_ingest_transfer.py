"""A document's result crosses from its worker to the committer as Arrow IPC
streams (pipeline/rows.py): what arrives is exactly what was built, types,
schema metadata, maps, lists, dates and nulls included."""

from __future__ import annotations

import pickle
from collections import Counter

import pyarrow as pa

from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import DocumentTables
from planextract.pipeline.rows import document_tables as tables_of
from planextract.schema.delta import TABLES
from planextract.settings import DEFAULT

PLAN = ("Northshire Council Equality Plan\nRef\tAction\tLead\tTimescale\tNotes\n"
        "1.1\tTrain all staff\tHR Manager\tMarch 09\tbudget agreed\n"
        "1.2\tPublish the scheme\tCE\tOn-going\t\n"
        "1.3\tAudit sites\tHR Manager / CE\t31.6.10\tsee key\n")


def test_a_result_arrives_as_it_was_built(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    sent = tables_of(run_one(str(path), DEFAULT))
    assert sent.document["status"] == "ok" and sent.tables["actions"].num_rows == 3
    wire = pickle.dumps(sent)
    got = pickle.loads(wire)
    assert isinstance(got, DocumentTables)
    assert (got.source, got.document, got.flags) == (sent.source, sent.document, sent.flags)
    assert set(got.tables) == set(TABLES)
    for name in TABLES:
        assert got.tables[name].schema.equals(sent.tables[name].schema, check_metadata=True)
        assert got.tables[name].to_pylist() == sent.tables[name].to_pylist(), name
    actions = got.tables["actions"].to_pylist()
    assert actions[0]["extra"] == [("Notes", "budget agreed")]
    assert actions[2]["due_date"] is None and "date_impossible" in actions[2]["flags"]
    assert isinstance(got.flags, Counter) and got.flags["date_impossible"] == 1


def test_an_empty_result_arrives_with_its_columns(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    got = pickle.loads(pickle.dumps(tables_of(run_one(str(path), DEFAULT))))
    assert got.document["status"] in ("empty", "failed")
    assert got.tables["actions"].num_rows == 0
    assert "extra" in got.tables["actions"].column_names


def test_the_fork_server_starts_early_only_for_runs_that_read(monkeypatch):
    from planextract.pipeline import forkctx

    started = []
    monkeypatch.setattr(forkctx, "context", lambda readers=None: started.append(True))
    for argv in (["ingest", "in", "--dataset", "d"], ["extract", "in", "--out", "d"]):
        forkctx.start_early(argv)
    assert len(started) == 2
    for argv in ([], ["report", "d"], ["export", "d", "-o", "x.csv"], ["--version"],
                 ["ingest", "in", "--dataset", "d", "--dry-run"], ["extract", "--help"]):
        forkctx.start_early(argv)
    assert len(started) == 2


def test_tables_cross_as_bare_batches_and_anything_else_as_a_whole_stream():
    from conftest import SAMPLES

    from planextract.pipeline.rows import from_wire, to_wire
    from planextract.schema.stored import stored_schema

    sample = SAMPLES / "derbyshire-probation-trust_ses-action-plan-2010-11.txt"
    sent = tables_of(run_one(str(sample), DEFAULT))
    for name in TABLES:
        table = sent.tables[name]
        bare, data = to_wire(name, table)
        assert bare  # every table the workers build is in its stored schema
        back = from_wire(name, (bare, data))
        assert back.schema.equals(stored_schema(name), check_metadata=True)
        assert back.to_pylist() == table.to_pylist()
        empty = table.slice(0, 0)
        assert from_wire(name, to_wire(name, empty)).to_pylist() == []
    # two chunks cross as one batch; a schema the committer does not know, as a stream
    documents = sent.tables["documents"]
    doubled = pa.concat_tables([documents, documents])
    assert from_wire("documents", to_wire("documents", doubled)).to_pylist() == \
        doubled.to_pylist()
    other = documents.drop_columns(["error"])
    bare, data = to_wire("documents", other)
    assert not bare and from_wire("documents", (bare, data)).schema == other.schema
