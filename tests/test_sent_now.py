"""A long document's small tables made the bytes they are sent as when its tables
are made (pipeline/rows.py ``_sent_now``, issue 11), not at the send: the main
process must receive the very bytes it received when they were made at the send
(``reference_sent_now``, below), whole documents of every shape, pickled as a worker
sends them; and the worker must hold no small table through the send."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pyarrow as pa
import pytest
from conftest import SAMPLES
from text_exports import write_exports

from planextract.pipeline import heap, rows
from planextract.pipeline.document_run import run_one
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.wire import WireTables, lone_batch, reference_to_wire, to_wire
from planextract.schema.stored import TABLES, stored_schema
from planextract.settings import DEFAULT

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))


def reference_sent_now(packed: PackedRows, tables: dict[str, pa.Table], source: str
                       ) -> WireTables:
    """``rows._sent_now`` as it was: the small tables kept, their wires made at the send."""
    stored = {name: rows._stored(name, tables[name], source)
              for name in TABLES if name in tables}
    return WireTables({"actions": (packed.codec, packed.frames())},
                      {"actions": packed.count}, stored)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> list:
    """Samples and generated exports of every shape, long ones packed in small
    batches (some with an empty glossary), and the same at the default batch."""
    made = write_exports(tmp_path_factory.mktemp("exports"), 6_000, seed=23)
    paths = sorted(p for p in SAMPLES.iterdir() if p.is_file())[:8] + made
    found = [run_one(str(p), SMALL) for p in paths] + [run_one(str(p)) for p in made]
    assert sum(isinstance(r.action_rows, PackedRows) for r in found) >= len(made)
    return found


def _sent(result, monkeypatch, made) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(rows, "_sent_now", made)
        return pickle.dumps((rows.document_tables(result), False), protocol=4)


def test_the_very_bytes_the_reference_sends(results, monkeypatch):
    """Catches a wire, a count, a name's order or the pickle's sharing of objects
    that differs from making the small tables' wires at the send."""
    packed = [r for r in results if isinstance(r.action_rows, PackedRows)]
    assert packed  # only a long document's tables go through ``_sent_now``
    for result in packed:
        now = _sent(result, monkeypatch, rows._sent_now)
        assert now == _sent(result, monkeypatch, reference_sent_now)


def test_a_long_document_holds_no_small_table(results, monkeypatch):
    """Catches a table (or its rows) held beside its bytes until the send."""
    for result in results:
        if not isinstance(result.action_rows, PackedRows):
            continue
        tables = rows.document_tables(result).tables
        assert isinstance(tables, WireTables)
        assert not tables._tables
        assert list(tables) == ["actions", "glossary", "roles", "documents"]
        assert all(isinstance(tables.wire(name, True)[1], bytes) for name in list(tables)[1:])
        with monkeypatch.context() as patch:
            patch.setattr(rows, "_sent_now", reference_sent_now)
            kept = rows.document_tables(result).tables
        for name in list(tables)[1:]:  # read back to the tables the reference kept
            assert tables[name].equals(kept[name])


def test_the_lone_batch_is_what_to_wire_serialises():
    """Catches ``lone_batch`` naming a batch where ``to_wire`` sends something else
    (no rows, several chunks, another schema)."""
    schema = stored_schema("roles")
    row = {"doc_id": "d", "role": "r", "spelling": "s", "mentions": 1, "match": "exact",
           "source": "x"}
    one = pa.Table.from_pylist([row, row], schema)
    two = pa.concat_tables([one, one])
    cases = [one, two, schema.empty_table(), one.slice(1, 1),
             pa.Table.from_pylist([row], schema.remove_metadata()
                                  .with_metadata({b"x": b"y"}))]
    for table in cases:
        batch = lone_batch("roles", table)
        if batch is None:
            assert table.num_rows == 0 or len(table.to_batches()) != 1 or not \
                table.schema.equals(schema, check_metadata=True)
            continue
        assert batch.serialize().to_pybytes() == to_wire("roles", table)[1]
        assert to_wire("roles", table) == reference_to_wire("roles", table)
    assert lone_batch("roles", one) is not None and lone_batch("roles", two) is None


def test_a_long_document_gives_the_heap_back_around_its_wires(results, monkeypatch):
    """Catches the trims before and after the small tables' wires being dropped, or
    made for a short document too (nearly every document: a per-document cost)."""
    log: list[str] = []
    monkeypatch.setattr(heap, "give_back", lambda: log.append("trim"))
    lone = rows.lone_batch

    def logged(name, table):
        log.append(name)
        return lone(name, table)

    monkeypatch.setattr(rows, "lone_batch", logged)
    for result in results:
        log.clear()
        rows.document_tables(result)
        if isinstance(result.action_rows, PackedRows):
            assert log == ["trim", "glossary", "roles", "documents", "trim"]
        else:
            assert "trim" not in log
