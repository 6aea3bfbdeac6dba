"""The committer reads a batch's tables as one IPC stream of the bytes the workers
sent (pipeline/wire.py, issue 8); the table-by-table path it replaced is kept as
``reference_batch_table``. Both must give the same table, to the chunk layout and
schema metadata, for results as they arrive, built in this process, decoded
already, mixed, empty, and sent as whole streams; and whole runs must write the
same datasets.
"""

from __future__ import annotations

import pickle
import sys

import pyarrow as pa
import pytest
from conftest import ROOT, SAMPLES

from planextract.pipeline import committer as committer_module
from planextract.pipeline.cli import main
from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.pipeline.wire import (
    WireTables,
    batch_table,
    num_rows,
    reference_batch_table,
)
from planextract.schema.stored import TABLES

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import rows  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[DocumentTables]:
    """Every sample and a set of generated plans of each shape, as workers build them
    (a failed document among them: the broken file)."""
    inbox = tmp_path_factory.mktemp("plans")
    ingest_plans.write_plans(inbox, 16, actions=5)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    sources = [*sorted(p for p in SAMPLES.iterdir() if p.is_file()), *sorted(inbox.iterdir())]
    return [document_tables(run_one(str(source))) for source in sources]


def arrived(document: DocumentTables) -> DocumentTables:
    return pickle.loads(pickle.dumps(document))


def same(a: pa.Table, b: pa.Table) -> None:
    assert a.schema.equals(b.schema, check_metadata=True)
    assert a.equals(b)
    assert [c.num_chunks for c in a.columns] == [c.num_chunks for c in b.columns]


def test_a_batch_read_at_once_is_the_batch_read_table_by_table(built):
    assert len(built) > 20
    received = [arrived(d) for d in built]
    assert all(isinstance(d.tables, WireTables) for d in received)
    for name in TABLES:
        expected = reference_batch_table(name, [d.tables for d in built])
        same(batch_table(name, [d.tables for d in received]), expected)
        same(reference_batch_table(name, [d.tables for d in received]), expected)
        for d, r in zip(built, received):
            assert num_rows(name, r.tables) == d.tables[name].num_rows == r.num_rows(name)


def test_mixed_decoded_empty_and_stream_batches_agree(built):
    received = [arrived(d) for d in built]
    for d in received[::3]:  # decoded since it arrived (a test, a log reading it)
        d.tables["actions"]
        d.tables["documents"]
    mixed = [t for pair in zip(received, built) for t in pair]  # and some built here
    for name in TABLES:
        tables = [d.tables for d in mixed]
        same(batch_table(name, tables), reference_batch_table(name, tables))
        empty = [{n: d.tables[n].slice(0, 0) for n in TABLES} for d in built[:3]]
        same(batch_table(name, empty), reference_batch_table(name, empty))
    # a table not in its stored schema crosses as a whole stream: read one by one
    odd = {**built[0].tables, "documents": built[0].tables["documents"].replace_schema_metadata(
        {"x": "y"})}
    batch = [odd, *[d.tables for d in received[:4]]]
    same(batch_table("documents", batch), reference_batch_table("documents", batch))


def test_a_result_sent_on_again_keeps_its_bytes(built):
    """A Dask worker passes on what its reader process sent: the bytes go as they came."""
    once = arrived(built[0])
    twice = arrived(once)
    for name in TABLES:
        assert twice.tables.wire(name) == once.tables.wire(name)
        same(twice.tables[name], built[0].tables[name])


def test_whole_runs_write_the_same_datasets(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 30, actions=4)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    args = ["ingest", str(inbox), "--log", "quiet", "--workers", "2", "--commit-every", "7"]
    assert main([*args, "--dataset", str(tmp_path / "now")]) == 1
    monkeypatch.setattr(committer_module, "batch_table", reference_batch_table)
    assert main([*args, "--dataset", str(tmp_path / "before")]) == 1
    for name in TABLES:
        now, before = rows(tmp_path / "now", name), rows(tmp_path / "before", name)
        assert len(now) and now.equals(before), name
