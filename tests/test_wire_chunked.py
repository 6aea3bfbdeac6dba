"""A table of several batches crosses from a worker as each batch's message after the
one before, not combined into one batch first (pipeline/wire.py ``to_wire``, issue
11: the combined copy, its serialised form and that copied out were three more
copies of a long document's actions table in the worker). The way it was is kept as
``reference_to_wire``: both must read back to the same tables, to the chunk layout
and schema metadata, one document at a time and as the committer reads a batch of
them, and a result sent on again must keep its bytes.
"""

from __future__ import annotations

import pickle
from dataclasses import replace

import pyarrow as pa
import pytest
from conftest import SAMPLES

from planextract.pipeline import wire
from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.pipeline.wire import (
    batch_table,
    from_wire,
    reference_batch_table,
    reference_to_wire,
    to_wire,
)
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

# ActionRows makes a table of one chunk per ``row_batch`` rows: small batches give
# the samples' actions tables several chunks, as a long plan's 512-row batches do
# when they are not packed (``row_pack`` None; packed: tests/test_packed_rows.py)
SMALL_BATCHES = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=3, row_pack=None))


@pytest.fixture(scope="module")
def built() -> list[DocumentTables]:
    sources = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    return [document_tables(run_one(str(source), SMALL_BATCHES)) for source in sources]


def same(a: pa.Table, b: pa.Table) -> None:
    assert a.schema.equals(b.schema, check_metadata=True)
    assert a.equals(b)
    assert [c.num_chunks for c in a.columns] == [c.num_chunks for c in b.columns]


def sent(documents: list[DocumentTables]) -> list[DocumentTables]:
    return [pickle.loads(pickle.dumps(d)) for d in documents]


def test_the_samples_give_tables_of_several_batches(built):
    assert sum(d.tables["actions"].to_batches().__len__() > 1 for d in built) >= 5


def test_each_table_reads_back_as_the_reference_sent_it(built):
    for document in built:
        for name in TABLES:
            table = document.tables[name]
            now, before = to_wire(name, table), reference_to_wire(name, table)
            assert now[0] == before[0]
            same(from_wire(name, now), from_wire(name, before))
            assert from_wire(name, now).to_pylist() == table.to_pylist()
            if len(table.to_batches()) <= 1:  # one batch: the very bytes as before
                assert now == before


def test_the_committer_reads_the_same_batches(built, monkeypatch):
    now = sent(built)
    monkeypatch.setattr(wire, "to_wire", reference_to_wire)
    before = sent(built)
    for name in TABLES:
        expected = reference_batch_table(name, [d.tables for d in before])
        same(batch_table(name, [d.tables for d in now]), expected)
        same(batch_table(name, [d.tables for d in before]), expected)
        same(reference_batch_table(name, [d.tables for d in now]), expected)
        for a, b in zip(now, before):
            same(a.tables[name], b.tables[name])
            assert a.num_rows(name) == b.num_rows(name)


def test_a_result_sent_on_again_keeps_its_several_batches(built):
    once = sent(built[:3])
    twice = sent(once)
    for a, b in zip(once, twice):
        for name in TABLES:
            assert b.tables.wire(name) == a.tables.wire(name)


def test_columns_chunked_apart_and_empty_chunks():
    schema = wire._SCHEMAS["documents"]
    one = run_one(str(next(p for p in sorted(SAMPLES.iterdir()) if p.suffix == ".txt")))
    table = document_tables(one).tables["documents"]
    assert table.schema.equals(schema, check_metadata=True)
    empty = table.slice(0, 0)
    # chunks cut at different rows in different columns, and an empty chunk among them
    parts = pa.concat_tables([table, empty, table, table])
    columns = [pa.chunked_array(parts.column(0).chunks[:1] + [
        pa.concat_arrays(parts.column(0).chunks[1:])]), *parts.columns[1:]]
    odd = pa.Table.from_arrays(columns, schema=schema)
    for candidate in (parts, odd, empty, pa.concat_tables([empty, empty])):
        now = to_wire("documents", candidate)
        assert now[0]
        back = from_wire("documents", now)
        same(back, from_wire("documents", reference_to_wire("documents", candidate)))
        assert back.to_pylist() == candidate.to_pylist()
