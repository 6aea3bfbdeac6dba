"""A batch's tables are read from the workers' bytes and joined ``JOIN_EVERY`` record
batches at a time as the stream is read, then the joined ones once
(``wire.batch_table``, issue 8: the C heap's small objects of a thousand batches at
once cost the main process ~20 ms at a run's first flush). Reading them all and
joining them once (``every=0``, what sessions 18-21 did) is the reference: the same
table to the chunk and the schema's metadata, the same Parquet bytes, and whole runs
write the same datasets and logs, with one worker and with two.
"""

from __future__ import annotations

import io
import pickle
import sys
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT

from planextract.pipeline import wire
from planextract.pipeline.rows import DocumentTables
from planextract.pipeline.wire import batch_table, reference_batch_table
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, logged_run  # noqa: E402
from test_ingest_answers import worker_documents  # noqa: E402
from text_exports import write_exports  # noqa: E402

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))


@pytest.fixture(scope="module")
def arrived(tmp_path_factory) -> list[DocumentTables]:
    """As they arrive from workers (``worker_documents``: samples, generated plans,
    long exports whose actions come as packed frames of several batches, a failure,
    empty tables), pickled and read back."""
    documents = worker_documents(tmp_path_factory, 14, 6, 2_000, 7)
    return [pickle.loads(pickle.dumps(d)) for d in documents]


def _same(a: pa.Table, b: pa.Table) -> None:
    assert a.schema.equals(b.schema, check_metadata=True)
    assert a.equals(b)
    assert [c.num_chunks for c in a.columns] == [c.num_chunks for c in b.columns] == [
        1] * a.num_columns


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def test_joined_in_runs_or_at_once_the_same_table(arrived):
    """Every run length, at and around the batch's own length (a last run of one, a
    run exactly filled, one run for all), for every table."""
    tables = [d.tables for d in arrived]
    n = len(tables)
    assert n > 20
    for name in TABLES:
        once = batch_table(name, tables, every=0)
        _same(once, reference_batch_table(name, tables))
        for every in (1, 2, 3, 7, n - 1, n, n + 1, wire.JOIN_EVERY):
            _same(batch_table(name, tables, every=every), once)
        _same(batch_table(name, tables), once)  # the default
        assert _parquet(batch_table(name, tables)) == _parquet(once)


def test_a_few_documents_and_none_with_rows(arrived):
    for name in TABLES:
        for few in (arrived[:1], arrived[:2], arrived[-1:]):
            tables = [d.tables for d in few]
            _same(batch_table(name, tables, every=1), batch_table(name, tables, every=0))
        empty = [{n: d.tables[n].slice(0, 0) for n in TABLES} for d in arrived[:3]]
        _same(batch_table(name, empty), reference_batch_table(name, empty))


@pytest.mark.parametrize("workers", [1, 2])
def test_whole_runs_joined_in_runs_or_at_once_write_the_same(tmp_path, monkeypatch,
                                                            capsys, workers):
    """Batches of up to 11 documents joined 3 at a time (runs that fill and runs
    cut short), against joined at once."""
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 26, actions=4)
    write_exports(inbox, 1_200, seed=3)
    (inbox / "broken.docx").write_bytes(b"not a zip at all")
    options = ("--commit-every", "11")
    monkeypatch.setattr(wire, "JOIN_EVERY", 3)
    now = logged_run(inbox, tmp_path / "now", workers, capsys, *options, status=1)
    monkeypatch.setattr(wire, "JOIN_EVERY", 0)
    before = logged_run(inbox, tmp_path / "before", workers, capsys, *options, status=1)
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)
