"""A worker's tables skip the validator's cast when they are already in the contract's
schema (issue 8: ~0.7 ms of a worker's ~12 a document). The cast they skip would have
changed nothing: checked here against the cast itself, on the samples and generated
plans, and the checks after it still run."""

from __future__ import annotations

import sys

import pyarrow as pa
import pytest
from conftest import ROOT

from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import arrow_table, document_tables
from planextract.schema import SCHEMAS, SchemaError, validate

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402

SAMPLES = sorted(p for p in (ROOT / "samples").iterdir()
                 if p.suffix in (".txt", ".md", ".docx"))[:6]


def _cast(name: str, table: pa.Table) -> pa.Table:
    """What the validator did to every table before (the reference)."""
    schema = SCHEMAS[name]
    return table.select(schema.names).cast(schema)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    plans = [ingest_plans.write_plan(folder, i, ingest_plans.FORMATS[i % 4], actions=4)
             for i in range(8)]
    return [run_one(str(p)) for p in [*SAMPLES, *plans]]


def test_a_table_in_the_contract_schema_validates_to_what_the_cast_gave(results):
    assert any(r.actions for r in results)
    for result in results:
        for name, rows in (("actions", result.actions), ("glossary", result.glossary),
                           ("roles", result.roles), ("documents", [result.document])):
            table = arrow_table(name, rows)
            checked = validate(name, table)
            reference = _cast(name, table)
            assert checked.schema.equals(reference.schema, check_metadata=True)
            assert checked.equals(reference), (result.document["source"], name)
            assert document_tables(result).document["status"] == result.document["status"]


def test_tables_in_another_shape_are_still_cast_and_checked(results):
    result = next(r for r in results if r.actions)
    table = arrow_table("actions", result.actions)
    reordered = table.select(list(reversed(table.column_names)))
    assert validate("actions", reordered).equals(_cast("actions", table))
    with pytest.raises(SchemaError, match="missing columns"):
        validate("actions", table.drop_columns(["action"]))
    empty_action = table.set_column(table.schema.get_field_index("action"), "action",
                                    pa.array([""] * table.num_rows, pa.string()))
    with pytest.raises(SchemaError, match="no action text"):
        validate("actions", empty_action)  # the contract's schema: the checks still run


def reference_arrow_table(name: str, rows, pool=None) -> pa.Table:
    """``rows.arrow_table`` as it was: each column read with a ``get`` a row."""
    schema = SCHEMAS[name]
    rows = list(rows)
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    if name == "actions":
        columns["extra"] = [list(m.items()) for m in columns["extra"]]
    if pool is None:
        return pa.table(columns, schema=schema)
    return pa.Table.from_arrays([pa.array(columns[f.name], f.type, memory_pool=pool)
                                 for f in schema], schema=schema)


class _Mapping(dict):
    """A mapping that is no plain dict: read through its own ``get``."""

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        return super().get(key, default)


def test_columns_read_in_c_are_the_columns_read_a_row_at_a_time(results):
    for result in results:
        for name, rows in (("actions", result.actions), ("glossary", result.glossary),
                           ("roles", result.roles), ("documents", [result.document])):
            for pool in (None, pa.system_memory_pool()):
                assert arrow_table(name, rows, pool).equals(
                    reference_arrow_table(name, rows, pool)), name
    rows = next(r for r in results if r.actions).actions
    partial = [{k: v for k, v in row.items() if k != "risk"} for row in rows]  # a key missing
    assert arrow_table("actions", partial).equals(reference_arrow_table("actions", partial))
    mixed = [_Mapping(rows[0]), *rows[1:]]
    assert arrow_table("actions", mixed).equals(reference_arrow_table("actions", mixed))
    assert arrow_table("actions", iter(rows)).equals(reference_arrow_table("actions", rows))
